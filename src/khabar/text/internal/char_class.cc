#include "khabar/text/internal/char_class.h"

#include <utf8proc.h>

#include <array>

#include "khabar/base/utf8.h"

namespace khabar::text::internal {
namespace {

constexpr std::array<CharClass, 128> MakeAsciiTable() {
  std::array<CharClass, 128> table{};
  for (int c = 0; c < 128; ++c) {
    CharClass cls = CharClass::kPunct;
    if (c == ' ' || (c >= '\t' && c <= '\r')) cls = CharClass::kSpace;
    if (c >= 'a' && c <= 'z') cls = CharClass::kLower;
    if (c >= 'A' && c <= 'Z') cls = CharClass::kUpper;
    if (c >= '0' && c <= '9') cls = CharClass::kDigit;
    if (c == '_') cls = CharClass::kLower;
    table[c] = cls;
  }
  return table;
}

constexpr std::array<CharClass, 128> kAsciiTable = MakeAsciiTable();

CharClass ClassOfCodePoint(char32_t cp) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return CharClass::kUpper;
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:  // ZWNJ/ZWJ inside Arabic-script and Indic words
      return CharClass::kLower;
    case UTF8PROC_CATEGORY_ND:
      return CharClass::kDigit;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return CharClass::kSpace;
    default:
      return CharClass::kPunct;
  }
}

}  // namespace

const CharClass kAsciiClass[128] = {
#define KH_ROW(r) kAsciiTable[r], kAsciiTable[r + 1], kAsciiTable[r + 2], kAsciiTable[r + 3], \
                  kAsciiTable[r + 4], kAsciiTable[r + 5], kAsciiTable[r + 6], kAsciiTable[r + 7]
    KH_ROW(0),  KH_ROW(8),  KH_ROW(16), KH_ROW(24), KH_ROW(32),  KH_ROW(40),  KH_ROW(48),  KH_ROW(56),
    KH_ROW(64), KH_ROW(72), KH_ROW(80), KH_ROW(88), KH_ROW(96), KH_ROW(104), KH_ROW(112), KH_ROW(120),
#undef KH_ROW
};

CharClass NonAsciiClassAt(std::string_view text, size_t pos, size_t* length) {
  char32_t cp = 0;
  size_t n = base::DecodeUtf8(text, pos, &cp);
  if (n == 0) {
    *length = 1;
    return CharClass::kPunct;
  }
  *length = n;
  return ClassOfCodePoint(cp);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view lower_b) {
  if (a.size() != lower_b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != lower_b[i]) return false;
  }
  return true;
}

}  // namespace khabar::text::internal
