#include "khabar/merge/merge_gold.h"

#include <gtest/gtest.h>

namespace khabar::merge {
namespace {

constexpr std::string_view kTwoPairs =
    R"({"id":"t-1","same":true,"kind":"paraphrase","a":{"outlet":"A","url":"","published":"2020-01-02","text":"Rebels attacked the base."},"b":{"outlet":"B","url":"","published":"2020-01-02","text":"The base came under rebel attack."}})"
    "\n\n"
    R"({"id":"t-2","same":false,"kind":"unrelated","a":{"outlet":"A","url":"","published":"2020-01-02","text":"x"},"b":{"outlet":"B","url":"","published":"2020-01-02","text":"y"}})"
    "\n"
    R"({"id":"t-3","same":"yes"})"
    "\n"
    "{not json\n";

TEST(MergeGoldTest, ParsesPairsAndNamesBadLines) {
  const MergeGold gold = ParseMergeGold(kTwoPairs, "gold.jsonl");
  ASSERT_EQ(gold.pairs.size(), 2u);
  EXPECT_EQ(gold.pairs[0].id, "t-1");
  EXPECT_TRUE(gold.pairs[0].same);
  EXPECT_EQ(gold.pairs[0].b.text, "The base came under rebel attack.");
  EXPECT_EQ(gold.pairs[1].line, 3u);
  ASSERT_EQ(gold.errors.size(), 2u);
  EXPECT_EQ(gold.errors[0].substr(0, 13), "gold.jsonl:4:");
  EXPECT_NE(gold.errors[1].find("gold.jsonl:5: not valid JSON"), std::string::npos);
}

TEST(MergeScoreTest, PairwisePrecisionAndRecall) {
  const MergeGold gold = ParseMergeGold(kTwoPairs, "gold.jsonl");
  MergeScore score;
  score.Add(gold.pairs[0], true, true);
  score.Add(gold.pairs[1], true, true);
  score.Add(gold.pairs[0], false, false);
  EXPECT_EQ(score.pairs(), 3);
  EXPECT_DOUBLE_EQ(score.precision(), 50.0);
  EXPECT_DOUBLE_EQ(score.recall(), 50.0);
  EXPECT_EQ(score.uncoded, 1);
  EXPECT_EQ(score.by_kind["paraphrase"].pairs, 2);
  EXPECT_EQ(score.by_kind["paraphrase"].correct, 1);
}

}  // namespace
}  // namespace khabar::merge
