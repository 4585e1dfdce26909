#include "khabar/dict/source.h"

#include "khabar/base/file.h"
#include "khabar/base/utf8.h"

namespace khabar::dict {

StatusOr<std::string> ReadDictionaryFile(const std::string& path) {
  KH_ASSIGN_OR_RETURN(std::string bytes, base::ReadFile(path, kMaxDictionaryBytes));
  if (base::LooksBinary(bytes)) {
    return InvalidArgumentError(path + ": looks like a binary file, not a dictionary");
  }
  return bytes;
}

}  // namespace khabar::dict
