// Legacy single-byte charsets declared by HTML pages and XML feeds. Stateless; thread-safe.
#ifndef KHABAR_INGEST_INTERNAL_CHARSET_H_
#define KHABAR_INGEST_INTERNAL_CHARSET_H_

#include <string>
#include <string_view>

namespace khabar::ingest::internal {

// True if the first kilobyte declares (charset= or encoding=) ISO-8859-1, Latin-1 or
// Windows-1252, which HTML5 decodes alike as Windows-1252.
bool DeclaresWindows1252(std::string_view bytes);

// Decodes Windows-1252 to UTF-8. The five undefined bytes (0x81 0x8D 0x8F 0x90 0x9D) map to
// the C1 controls of the same value, as browsers do.
std::string Windows1252ToUtf8(std::string_view bytes);

}  // namespace khabar::ingest::internal

#endif  // KHABAR_INGEST_INTERNAL_CHARSET_H_
