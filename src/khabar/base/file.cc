#include "khabar/base/file.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace khabar::base {
namespace {

struct FileCloser {
  void operator()(FILE* file) const { std::fclose(file); }
};
using FilePtr = std::unique_ptr<FILE, FileCloser>;

std::string ErrnoMessage(const std::string& path) { return path + ": " + std::strerror(errno); }

}  // namespace

StatusOr<std::string> ReadFile(const std::string& path, uint64_t max_bytes) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return InvalidArgumentError(path + ": is a directory");
  }
  FilePtr file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    return errno == ENOENT ? NotFoundError(ErrnoMessage(path)) : UnavailableError(ErrnoMessage(path));
  }
  std::string contents;
  char buffer[1 << 16];
  while (true) {
    size_t read = std::fread(buffer, 1, sizeof buffer, file.get());
    if (contents.size() + read > max_bytes) {
      return ResourceExhaustedError(path + ": larger than the limit of " +
                                    std::to_string(max_bytes) + " bytes");
    }
    contents.append(buffer, read);
    if (read < sizeof buffer) break;
  }
  if (std::ferror(file.get())) return UnavailableError(ErrnoMessage(path));
  return contents;
}

Status WriteFile(const std::string& path, std::string_view contents) {
  std::string temp_path = path + ".tmp";
  {
    FilePtr file(std::fopen(temp_path.c_str(), "wb"));
    if (!file) return UnavailableError(ErrnoMessage(temp_path));
    if (std::fwrite(contents.data(), 1, contents.size(), file.get()) != contents.size()) {
      return UnavailableError(ErrnoMessage(temp_path));
    }
    if (std::fflush(file.get()) != 0) return UnavailableError(ErrnoMessage(temp_path));
  }
  if (std::rename(temp_path.c_str(), path.c_str()) != 0) return UnavailableError(ErrnoMessage(path));
  return Status();
}

StatusOr<std::vector<std::string>> ListFilesRecursive(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) return NotFoundError(path + ": no such file or directory");
  if (!fs::is_directory(status)) return std::vector<std::string>{path};
  std::vector<std::string> files;
  auto options = fs::directory_options::skip_permission_denied;
  for (auto it = fs::recursive_directory_iterator(path, options, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files.push_back(it->path().string());
  }
  if (error) return UnavailableError(path + ": " + error.message());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace khabar::base
