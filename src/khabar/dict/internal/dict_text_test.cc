#include "khabar/dict/internal/dict_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace khabar::dict::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct Cleaned {
  std::vector<std::string> lines;  // "number:text"
  std::vector<std::string> warnings;
};

Cleaned Clean(std::string_view bytes) {
  Warnings warnings;
  Cleaned cleaned;
  {
    WarningSink sink("t.txt", &warnings);
    DictText text(bytes, sink);
    for (const DictLine& line : text.lines()) {
      cleaned.lines.push_back(std::to_string(line.number) + ":" + std::string(line.text));
    }
  }
  for (const Warning& warning : warnings) cleaned.warnings.push_back(warning.ToString());
  return cleaned;
}

TEST(DictTextTest, CrLfAndLoneCrEndLines) {
  EXPECT_THAT(Clean("ALPHA\r\nBETA\rGAMMA\n").lines, ElementsAre("1:ALPHA", "2:BETA", "3:GAMMA"));
}

TEST(DictTextTest, ByteOrderMarkIsDropped) {
  EXPECT_THAT(Clean("\xEF\xBB\xBFOMEGA\n").lines, ElementsAre("1:OMEGA"));
}

TEST(DictTextTest, HashCommentsAnywhere) {
  Cleaned cleaned = Clean("# header\nKAPPA [XYZ] # note\n  # indented comment\nLAMBDA#tight\n");
  EXPECT_THAT(cleaned.lines, ElementsAre("2:KAPPA [XYZ]", "4:LAMBDA"));
  EXPECT_THAT(cleaned.warnings, IsEmpty());
}

TEST(DictTextTest, XmlCommentsInlineAndAcrossLines) {
  Cleaned cleaned = Clean(
      "<!-- one-line note -->\n"
      "SIGMA <!-- aside --> TAU\n"
      "UPSILON <!-- opens here\n"
      "still inside\n"
      "# the end --> PHI\n"
      "CHI\n");
  EXPECT_THAT(cleaned.lines, ElementsAre("2:SIGMA   TAU", "3:UPSILON", "5:PHI", "6:CHI"));
}

TEST(DictTextTest, HashBeforeXmlCommentWins) {
  EXPECT_THAT(Clean("PSI # <!-- not a block\nZETA\n").lines, ElementsAre("1:PSI", "2:ZETA"));
}

TEST(DictTextTest, LineStartingWithBangIsAComment) {
  EXPECT_THAT(Clean("<! -- legacy note -->\nETA\n").lines, ElementsAre("2:ETA"));
}

TEST(DictTextTest, UnclosedBlockWarnsAtItsStart) {
  Cleaned cleaned = Clean("IOTA\n<!-- never closed\nMU\n");
  EXPECT_THAT(cleaned.lines, ElementsAre("1:IOTA"));
  EXPECT_THAT(cleaned.warnings,
              ElementsAre("t.txt:2: \"<!--\" comment is never closed; the rest of the file is "
                          "ignored"));
}

TEST(DictTextTest, InvalidUtf8IsRepairedWithOneWarningPerLine) {
  Cleaned cleaned = Clean("NU\nXI\xFF\xFEPI\r\nRHO\n");
  EXPECT_THAT(cleaned.lines, ElementsAre("1:NU", "2:XI\xEF\xBF\xBD\xEF\xBF\xBDPI", "3:RHO"));
  EXPECT_THAT(cleaned.warnings, ElementsAre("t.txt:2: invalid UTF-8 replaced by U+FFFD"));
}

TEST(DictTextTest, ControlCharactersAreReplaced) {
  Cleaned cleaned = Clean("OK\nBAD\x1AWORD\n");
  EXPECT_THAT(cleaned.lines, ElementsAre("1:OK", "2:BAD\xEF\xBF\xBDWORD"));
  EXPECT_THAT(cleaned.warnings, ElementsAre("t.txt:2: control character 0x1A replaced by U+FFFD"));
}

TEST(DictTextTest, IndentationIsRecorded) {
  Warnings warnings;
  WarningSink sink("t.txt", &warnings);
  DictText text("NAME\n\t[CODE]\n", sink);
  ASSERT_EQ(text.lines().size(), 2u);
  EXPECT_FALSE(text.lines()[0].indented);
  EXPECT_TRUE(text.lines()[1].indented);
  EXPECT_EQ(text.lines()[1].text, "[CODE]");
  EXPECT_EQ(text.line_count(), 2u);
}

TEST(DictTextTest, WarningsAreCappedPerFile) {
  std::string bytes;
  for (size_t index = 0; index < kMaxWarningsPerFile + 5; ++index) bytes += "\x01\n";
  Cleaned cleaned = Clean(bytes);
  ASSERT_EQ(cleaned.warnings.size(), kMaxWarningsPerFile + 1);
  EXPECT_EQ(cleaned.warnings.back(), "t.txt: 5 more warnings not shown");
}

}  // namespace
}  // namespace khabar::dict::internal
