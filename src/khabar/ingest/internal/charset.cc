#include "khabar/ingest/internal/charset.h"

#include <array>
#include <cctype>

#include "khabar/base/utf8.h"

namespace khabar::ingest::internal {
namespace {

constexpr size_t kDeclarationBytes = 1024;

// Code points of bytes 0x80-0x9F in Windows-1252 (0 where undefined).
constexpr std::array<char32_t, 32> kHighControls = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool IsLegacyName(std::string_view name) {
  for (std::string_view known :
       {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "l1"}) {
    if (name == known) return true;
  }
  return false;
}

}  // namespace

bool DeclaresWindows1252(std::string_view bytes) {
  std::string head(bytes.substr(0, kDeclarationBytes));
  for (char& ch : head) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (std::string_view key : {"charset=", "encoding="}) {
    for (size_t pos = head.find(key); pos != std::string::npos; pos = head.find(key, pos + 1)) {
      size_t start = pos + key.size();
      while (start < head.size() && (head[start] == '"' || head[start] == '\'')) ++start;
      size_t end = head.find_first_of("\"'; >?/", start);
      if (end == std::string::npos) end = head.size();
      if (IsLegacyName(std::string_view(head).substr(start, end - start))) return true;
    }
  }
  return false;
}

std::string Windows1252ToUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    auto byte = static_cast<unsigned char>(ch);
    if (byte < 0x80) {
      out.push_back(ch);
    } else if (byte < 0xA0 && kHighControls[byte - 0x80] != 0) {
      base::AppendUtf8(out, kHighControls[byte - 0x80]);
    } else {
      base::AppendUtf8(out, byte);
    }
  }
  return out;
}

}  // namespace khabar::ingest::internal
