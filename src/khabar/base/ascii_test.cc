#include "khabar/base/ascii.h"

#include <gtest/gtest.h>

namespace khabar::base {
namespace {

TEST(AsciiTest, ClassesAndLowering) {
  static_assert(IsAsciiDigit('0') && IsAsciiDigit('9') && !IsAsciiDigit('a'));
  static_assert(IsAsciiUpper('A') && IsAsciiUpper('Z') && !IsAsciiUpper('a'));
  static_assert(IsAsciiLower('a') && IsAsciiLower('z') && !IsAsciiLower('A'));
  static_assert(IsAsciiAlpha('q') && IsAsciiAlpha('Q') && !IsAsciiAlpha('@') && !IsAsciiAlpha('['));
  static_assert(AsciiLower('Q') == 'q' && AsciiLower('q') == 'q' && AsciiLower('7') == '7');
  for (int byte = 0x80; byte <= 0xFF; ++byte) {  // no byte of a multi-byte UTF-8 sequence
    const char c = static_cast<char>(byte);
    EXPECT_FALSE(IsAsciiDigit(c) || IsAsciiAlpha(c)) << byte;
    EXPECT_EQ(AsciiLower(c), c) << byte;
  }
}

}  // namespace
}  // namespace khabar::base
