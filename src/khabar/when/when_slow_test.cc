// The dates gold file (eval/dates.dev.jsonl, Khabar's own sentences) resolved end to end
// with the trained models (LABELS slow). The floors are the scores reached when written
// minus 2 points; docs/formats/when.md gives the numbers.
#include <gtest/gtest.h>

#include <filesystem>

#include "khabar/base/data_dir.h"
#include "khabar/when/dates_eval.h"

namespace khabar::when {
namespace {

TEST(WhenSlowTest, DatesGoldHoldsItsFloor) {
  const std::string gold = std::string(KH_SOURCE_DIR) + "/eval/dates.dev.jsonl";
  const std::string models = base::ModelsDir();
  if (!std::filesystem::exists(gold) || !std::filesystem::exists(models + "/tagger-en.khm") ||
      !std::filesystem::exists(models + "/parser-en.khm")) {
    GTEST_SKIP() << "dates gold or models missing";
  }
  DatesEvalOptions options;
  options.gold = gold;
  StatusOr<DatesEvalResult> result = RunDatesEval(options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_TRUE(result->gold.errors.empty());
  EXPECT_GE(result->results.size(), 120u);
  // Reached on 203 cases: exact day 99.35 (152 of 153), exact 99.51 (202 of 203).
  EXPECT_GE(result->exact_day_accuracy(), 97.3);
  EXPECT_GE(result->exact_accuracy(), 97.5);
}

}  // namespace
}  // namespace khabar::when
