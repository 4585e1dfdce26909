// ASCII byte classes, for the many places that look at UTF-8 text one byte at a time and care
// only about the ASCII letters and digits (every byte of a multi-byte UTF-8 sequence is
// >= 0x80, so none of these is ever true for it).
//
//   if (base::IsAsciiUpper(form[0])) ...
#ifndef KHABAR_BASE_ASCII_H_
#define KHABAR_BASE_ASCII_H_

namespace khabar::base {

constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool IsAsciiAlpha(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
constexpr char AsciiLower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c | 0x20) : c; }

}  // namespace khabar::base

#endif  // KHABAR_BASE_ASCII_H_
