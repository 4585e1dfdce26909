#include "khabar/when/dates_eval.h"

#include <gtest/gtest.h>

namespace khabar::when {
namespace {

TEST(DatesEvalTest, ParsesACase) {
  StatusOr<DateCase> parsed = ParseDateCase(
      R"({"id":"a","published":"2019-05-29","text":"Rebels struck on Tuesday.","verb":"struck",)"
      R"("date":"2019-05-28","precision":"day"})");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->verb, "struck");
  EXPECT_EQ(parsed->precision, doc::DatePrecision::kDay);
}

TEST(DatesEvalTest, RejectsADateThatDoesNotMatchItsPrecision) {
  StatusOr<DateCase> parsed = ParseDateCase(
      R"({"id":"a","published":"2019-05-29","text":"t","verb":"v","date":"2019-05","precision":"day"})");
  EXPECT_FALSE(parsed.ok());
}

TEST(DatesEvalTest, BadLinesAreReportedByLineAndTheRestKept) {
  const std::string gold =
      R"({"id":"a","published":"2019-05-29","text":"t","verb":"v","date":"2019","precision":"year"})"
      "\n{not json\n\n"
      R"({"id":"c","published":"2019-05-29","text":"t","verb":"v","date":"2019-05","precision":"month"})"
      "\n"
      R"({"id":"d","published":"29 May","text":"t","verb":"v","date":"2019","precision":"year"})"
      "\n";
  DatesGold parsed = ParseDatesGold(gold, "gold.jsonl");
  ASSERT_EQ(parsed.cases.size(), 2u);
  EXPECT_EQ(parsed.cases[1].id, "c");
  EXPECT_EQ(parsed.cases[1].line, 4u);
  ASSERT_EQ(parsed.errors.size(), 2u);
  EXPECT_EQ(parsed.errors[0], "gold.jsonl:2: malformed JSON");
  EXPECT_EQ(parsed.errors[1].rfind("gold.jsonl:5: ", 0), 0u);
}

TEST(DatesEvalTest, AccuracyIsZeroWithoutCases) {
  DatesEvalResult result;
  EXPECT_EQ(result.exact_day_accuracy(), 0);
  EXPECT_EQ(result.exact_accuracy(), 0);
}

}  // namespace
}  // namespace khabar::when
