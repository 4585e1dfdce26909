// The dates gold files (eval/dates.dev.jsonl and eval/dates.test.jsonl, Khabar's own
// sentences) resolved end to end with the trained models (LABELS slow). The floors are the
// scores reached when written minus 2 points; docs/formats/when.md gives the numbers.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "khabar/base/data_dir.h"
#include "khabar/when/dates_eval.h"

namespace khabar::when {
namespace {

bool ModelsExist() {
  const std::string models = base::ModelsDir();
  return std::filesystem::exists(models + "/tagger-en.khm") &&
         std::filesystem::exists(models + "/parser-en.khm");
}

StatusOr<DatesEvalResult> Score(const std::string& name) {
  DatesEvalOptions options;
  options.gold = std::string(KH_SOURCE_DIR) + "/eval/" + name;
  return RunDatesEval(options);
}

TEST(WhenSlowTest, DatesGoldHoldsItsFloor) {
  if (!ModelsExist()) GTEST_SKIP() << "models missing";
  StatusOr<DatesEvalResult> result = Score("dates.dev.jsonl");
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_TRUE(result->gold.errors.empty());
  EXPECT_GE(result->results.size(), 120u);
  // Reached on 203 cases: exact day 99.35 (152 of 153), exact 99.51 (202 of 203).
  EXPECT_GE(result->exact_day_accuracy(), 97.3);
  EXPECT_GE(result->exact_accuracy(), 97.5);
}

TEST(WhenSlowTest, DatesTestFileHoldsItsFloor) {
  if (!ModelsExist()) GTEST_SKIP() << "models missing";
  StatusOr<DatesEvalResult> result = Score("dates.test.jsonl");
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_TRUE(result->gold.errors.empty());
  // Reached on 45 cases: exact day 89.19 (33 of 37), exact 86.67 (39 of 45).
  EXPECT_GE(result->exact_day_accuracy(), 87.1);
  EXPECT_GE(result->exact_accuracy(), 84.6);
}

}  // namespace
}  // namespace khabar::when
