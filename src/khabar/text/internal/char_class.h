// Character classes for the tokenizer and sentence splitter.
//
// ASCII goes through a 128-entry table; other code points through utf8proc's general
// category. Stateless; safe from any thread.
#ifndef KHABAR_TEXT_INTERNAL_CHAR_CLASS_H_
#define KHABAR_TEXT_INTERNAL_CHAR_CLASS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "khabar/base/ascii.h"

namespace khabar::text::internal {

enum class CharClass : uint8_t {
  kSpace,    // whitespace (the normaliser folds exotic spaces to ' ')
  kLower,    // lower-case or uncased letter, combining mark
  kUpper,    // upper-case or title-case letter
  kDigit,    // decimal digit
  kPunct,    // punctuation and symbols
};

// Class of an ASCII byte.
extern const CharClass kAsciiClass[128];

// The non-ASCII half of ClassAt.
CharClass NonAsciiClassAt(std::string_view text, size_t pos, size_t* length);

// Decodes the code point at `pos` of valid UTF-8 and returns its class; *length receives
// its byte length (1-4). An ill-formed byte counts as one kPunct byte.
// REQUIRES: pos < text.size().
inline CharClass ClassAt(std::string_view text, size_t pos, size_t* length) {
  unsigned char byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) {
    *length = 1;
    return kAsciiClass[byte];
  }
  return NonAsciiClassAt(text, pos, length);
}

inline bool IsWordClass(CharClass c) {
  return c == CharClass::kLower || c == CharClass::kUpper || c == CharClass::kDigit;
}

constexpr bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

using base::AsciiLower;
using base::IsAsciiAlpha;
using base::IsAsciiDigit;
using base::IsAsciiLower;
using base::IsAsciiUpper;

// True if `a` equals `b` ignoring ASCII case. REQUIRES: `b` is lower case.
bool EqualsIgnoreCase(std::string_view a, std::string_view lower_b);

}  // namespace khabar::text::internal

#endif  // KHABAR_TEXT_INTERNAL_CHAR_CLASS_H_
