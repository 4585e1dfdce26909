// UTF-8 decoding, validation and repair.
//
//   base::Utf8Repair fixed = base::RepairUtf8(bytes);
//   if (!fixed.invalid_offsets.empty())
//     warn("invalid UTF-8 at byte {}", fixed.invalid_offsets[0]);
//
// Stateless; safe from any thread.
#ifndef KHABAR_BASE_UTF8_H_
#define KHABAR_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::base {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point at `pos`. Returns its byte length (1-4) and sets *code_point,
// or returns 0 for an ill-formed sequence (overlong, surrogate, truncated, > U+10FFFF).
// REQUIRES: pos < text.size().
size_t DecodeUtf8(std::string_view text, size_t pos, char32_t* code_point);

// Appends the UTF-8 encoding of `code_point` (REQUIRES: a Unicode scalar value).
void AppendUtf8(std::string& out, char32_t code_point);

// Byte offset of the first ill-formed sequence, or npos when `text` is valid UTF-8.
size_t FindInvalidUtf8(std::string_view text);

struct Utf8Repair {
  std::string text;                       // valid UTF-8
  std::vector<uint64_t> invalid_offsets;  // byte offsets of each replaced sequence in the input
};

// Replaces each maximal ill-formed subsequence with U+FFFD (the W3C/Unicode practice).
Utf8Repair RepairUtf8(std::string_view bytes);

// True if the bytes look like a binary file rather than text: NUL bytes, or many
// control characters in the first few kilobytes.
bool LooksBinary(std::string_view bytes);

}  // namespace khabar::base

#endif  // KHABAR_BASE_UTF8_H_
