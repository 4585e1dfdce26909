#include "khabar/base/data_dir.h"

#include <cstdlib>
#include <filesystem>

namespace khabar::base {

std::vector<std::string> DataDirSearchPath() {
  std::vector<std::string> path;
  if (const char* env = std::getenv("KHABAR_DATA"); env != nullptr && *env != '\0') {
    path.emplace_back(env);
    return path;  // an explicit choice is never second-guessed
  }
  path.emplace_back("../shared/data");
#ifdef KH_SOURCE_ROOT
  path.emplace_back(std::string(KH_SOURCE_ROOT) + "/../shared/data");
#endif
  return path;
}

StatusOr<std::string> FindDataDir() {
  std::string tried;
  for (const std::string& candidate : DataDirSearchPath()) {
    std::error_code error;
    if (std::filesystem::is_directory(candidate, error)) return candidate;
    tried += tried.empty() ? candidate : ", " + candidate;
  }
  return NotFoundError("no data directory (set KHABAR_DATA); tried " + tried);
}

std::string ModelsDir() {
  const char* env = std::getenv("KHABAR_MODELS");
  return env != nullptr && *env != '\0' ? std::string(env) : std::string("models");
}

}  // namespace khabar::base
