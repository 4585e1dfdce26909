// Input of the dictionary loaders: the bytes of one file and the name to use in warnings.
//
//   KH_ASSIGN_OR_RETURN(std::string bytes, dict::ReadDictionaryFile(path));
//   dict::DictionarySource source{"Phoenix.agents.txt", bytes};
//
// Stateless; safe from any thread.
#ifndef KHABAR_DICT_SOURCE_H_
#define KHABAR_DICT_SOURCE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "khabar/base/status.h"

namespace khabar::dict {

struct DictionarySource {
  std::string name;        // shown in warnings, e.g. "Phoenix.agents.txt"
  std::string_view bytes;  // the file's contents; only read during parsing
};

// Dictionary files larger than this are refused (the largest Phoenix file is 1.5 MB).
inline constexpr uint64_t kMaxDictionaryBytes = 64ull << 20;

// Reads a dictionary file: NotFound, ResourceExhausted above kMaxDictionaryBytes,
// Unavailable on I/O errors, InvalidArgument when the bytes look binary (NUL bytes or
// mostly control characters). Messages name the path.
StatusOr<std::string> ReadDictionaryFile(const std::string& path);

}  // namespace khabar::dict

#endif  // KHABAR_DICT_SOURCE_H_
