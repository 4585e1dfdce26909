#include "khabar/eval/scorer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace khabar::eval {
namespace {

// Spans of space-separated pieces of `segmented`, over the same text without the extra
// spaces: "a b|c" with '|' meaning "no space" gives tokens a, b, c over "a bc".
struct Segmentation {
  std::string text;
  std::vector<doc::Span> spans;
};

Segmentation Segment(std::string_view segmented) {
  Segmentation result;
  uint32_t begin = 0;
  for (char c : segmented) {
    if (c == ' ' || c == '|') {
      result.spans.push_back({begin, static_cast<uint32_t>(result.text.size())});
      if (c == ' ') result.text += ' ';
      begin = static_cast<uint32_t>(result.text.size());
      continue;
    }
    result.text += c;
  }
  result.spans.push_back({begin, static_cast<uint32_t>(result.text.size())});
  return result;
}

struct ScoreCase {
  const char* name;
  const char* gold;
  const char* system;
  uint64_t correct;
};

class ScoreSpansCaseTest : public ::testing::TestWithParam<ScoreCase> {};

TEST_P(ScoreSpansCaseTest, CountsExactMatches) {
  Segmentation gold = Segment(GetParam().gold);
  Segmentation system = Segment(GetParam().system);
  NonSpaceIndex gold_index(gold.text);
  NonSpaceIndex system_index(system.text);
  F1Score score = ScoreSpans(gold_index.MapAll(gold.spans), system_index.MapAll(system.spans));
  EXPECT_EQ(score.correct, GetParam().correct);
  EXPECT_EQ(score.gold, gold.spans.size());
  EXPECT_EQ(score.system, system.spans.size());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ScoreSpansCaseTest,
    ::testing::Values(ScoreCase{"Identical", "He|'s here|.", "He|'s here|.", 4},
                      ScoreCase{"MergedToken", "don't stop|.", "do|n't stop|.", 2},
                      ScoreCase{"WhitespaceIgnored", "a b", "a  b", 2},
                      ScoreCase{"SplitPunctuation", "U.S.", "U.S|.", 0},
                      ScoreCase{"ShiftedBoundary", "ab c", "a bc", 0}),
    [](const ::testing::TestParamInfo<ScoreCase>& info) { return info.param.name; });

TEST(F1ScoreTest, ComputesPercentages) {
  F1Score score{4, 5, 3};
  EXPECT_DOUBLE_EQ(score.Precision(), 60.0);
  EXPECT_DOUBLE_EQ(score.Recall(), 75.0);
  EXPECT_NEAR(score.F1(), 2 * 60.0 * 75.0 / 135.0, 1e-9);
  EXPECT_EQ(F1Score().F1(), 0.0);
}

TEST(NonSpaceIndexTest, CountsCodePointsNotBytes) {
  std::string text = "\xC3\xA9t\xC3\xA9 a\xC2\xA0" "b";
  NonSpaceIndex index(text);
  EXPECT_EQ(index.Map(0), 0u);
  EXPECT_EQ(index.Map(5), 3u);   // after "été"
  EXPECT_EQ(index.Map(6), 3u);   // after the space
  EXPECT_EQ(index.Map(static_cast<uint32_t>(text.size())), 5u);  // NBSP is whitespace
}

TEST(ScoreSpansTest, SentencesScoredTheSameWay) {
  std::vector<doc::Span> gold = {{0, 10}, {10, 20}};
  std::vector<doc::Span> system = {{0, 20}};
  F1Score score = ScoreSpans(gold, system);
  EXPECT_EQ(score.correct, 0u);
  EXPECT_EQ(score.gold, 2u);
  EXPECT_EQ(score.system, 1u);
}

}  // namespace
}  // namespace khabar::eval
