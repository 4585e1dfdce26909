#include "khabar/base/utf8.h"

#include <gtest/gtest.h>

namespace khabar::base {
namespace {

TEST(Utf8Test, DecodesMultibyteNames) {
  std::string_view text = "Mi\xC5\x9Fr\xC4\x81tah";  // Mişrātah
  char32_t code_point = 0;
  EXPECT_EQ(DecodeUtf8(text, 2, &code_point), 2u);
  EXPECT_EQ(code_point, U'\u015F');
  EXPECT_EQ(FindInvalidUtf8(text), std::string_view::npos);
}

TEST(Utf8Test, RejectsOverlongAndSurrogates) {
  char32_t code_point = 0;
  EXPECT_EQ(DecodeUtf8("\xC0\xAF", 0, &code_point), 0u);
  EXPECT_EQ(DecodeUtf8("\xED\xA0\x80", 0, &code_point), 0u);
  EXPECT_EQ(DecodeUtf8("\xE2\x82", 0, &code_point), 0u);
}

TEST(Utf8Test, RepairReplacesEachBadSequenceAndReportsOffset) {
  Utf8Repair repair = RepairUtf8("ok \xFF\xFE then \xE2\x82");
  EXPECT_EQ(repair.text, "ok \xEF\xBF\xBD\xEF\xBF\xBD then \xEF\xBF\xBD");
  ASSERT_EQ(repair.invalid_offsets.size(), 3u);
  EXPECT_EQ(repair.invalid_offsets[0], 3u);
  EXPECT_EQ(repair.invalid_offsets[2], 11u);
}

TEST(Utf8Test, AppendRoundTrips) {
  std::string out;
  for (char32_t code_point : {U'a', U'\u00E9', U'\u0634', U'\U0001F600'}) {
    out.clear();
    AppendUtf8(out, code_point);
    char32_t decoded = 0;
    EXPECT_EQ(DecodeUtf8(out, 0, &decoded), out.size());
    EXPECT_EQ(decoded, code_point);
  }
}

TEST(Utf8Test, BinaryDetection) {
  EXPECT_TRUE(LooksBinary(std::string_view("PK\x03\x04\0\0", 6)));
  EXPECT_FALSE(LooksBinary("Plain article text.\nSecond line.\n"));
}

}  // namespace
}  // namespace khabar::base
