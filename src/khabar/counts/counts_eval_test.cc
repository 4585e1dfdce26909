#include "khabar/counts/counts_eval.h"

#include <gtest/gtest.h>

namespace khabar::counts {
namespace {

TEST(CountsGoldTest, ReadsCasesAndNamesBadLines) {
  const char* bytes =
      R"({"id":"a","text":"Gunmen killed 13 people.","verb":"killed","killed":13,"injured":null,"displaced":null,"arrested":null,"kidnapped":null})"
      "\n\n"
      R"({"id":"b","text":"x","verb":"x","killed":"13","injured":null,"displaced":null,"arrested":null,"kidnapped":null})"
      "\n"
      "not json\n"
      R"({"id":"c","text":"Police held 4.","verb":"held","killed":null,"injured":null,"displaced":null,"arrested":4})"
      "\n";
  CountsGold gold = ParseCountsGold(bytes, "gold.jsonl");
  ASSERT_EQ(gold.cases.size(), 1u);
  EXPECT_EQ(gold.cases[0].id, "a");
  EXPECT_EQ(gold.cases[0].gold[0], 13);
  EXPECT_EQ(gold.cases[0].gold[1], -1);
  EXPECT_EQ(gold.cases[0].line, 1u);
  ASSERT_EQ(gold.errors.size(), 3u);
  EXPECT_EQ(gold.errors[0], "gold.jsonl:3: \"killed\" must be a non-negative integer or null");
  EXPECT_EQ(gold.errors[1], "gold.jsonl:4: not a JSON object");
  EXPECT_EQ(gold.errors[2], "gold.jsonl:5: \"kidnapped\" is missing");
}

TEST(CountsScoreTest, CountsFieldsAndWholeCases) {
  CountsScore score;
  score.Add({13, -1, -1, -1, -1}, {13, -1, -1, -1, -1});
  score.Add({13, 20, -1, -1, -1}, {13, -1, -1, -1, -1});
  EXPECT_EQ(score.cases, 2u);
  EXPECT_DOUBLE_EQ(score.field_accuracy(), 9.0 / 10.0);
  EXPECT_DOUBLE_EQ(score.case_accuracy(), 0.5);
  EXPECT_EQ(score.right_by_field[1], 1u);
}

}  // namespace
}  // namespace khabar::counts
