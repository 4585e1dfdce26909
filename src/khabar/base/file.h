// File-system seam: reading files and listing directories, with size limits.
//
//   KH_ASSIGN_OR_RETURN(std::string bytes, base::ReadFile("a.txt", base::kDefaultMaxFileBytes));
//
// Stateless; safe from any thread.
#ifndef KHABAR_BASE_FILE_H_
#define KHABAR_BASE_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"

namespace khabar::base {

inline constexpr uint64_t kDefaultMaxFileBytes = 64ull << 20;  // 64 MiB

// Reads the whole file. NotFound if missing, ResourceExhausted if larger than max_bytes,
// Unavailable on an I/O error. Messages name the path.
StatusOr<std::string> ReadFile(const std::string& path, uint64_t max_bytes);

// Writes atomically: to path + ".tmp", then rename.
Status WriteFile(const std::string& path, std::string_view contents);

// Regular files below `path` (or `path` itself if it is a file), sorted, recursive,
// skipping hidden entries. NotFound if the path does not exist.
StatusOr<std::vector<std::string>> ListFilesRecursive(const std::string& path);

}  // namespace khabar::base

#endif  // KHABAR_BASE_FILE_H_
