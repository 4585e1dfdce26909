// Khabar's counts gold (eval/counts.dev.jsonl) coded end to end with the trained models and
// the Phoenix dictionaries (LABELS slow). The floors are the scores reached when written
// minus 0.02; see docs/formats/counts.md for the numbers.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "khabar/base/data_dir.h"
#include "khabar/counts/counts_eval.h"

namespace khabar::counts {
namespace {

TEST(CountsSlowTest, CountsGoldHoldsItsFloor) {
  StatusOr<std::string> data = base::FindDataDir();
  if (!data.ok()) GTEST_SKIP() << data.status().ToString();
  const std::string models = base::ModelsDir();
  if (!std::filesystem::exists(std::string(data.value()) + "/cameo") ||
      !std::filesystem::exists(models + "/tagger-en.khm") || !std::filesystem::exists(models + "/parser-en.khm")) {
    GTEST_SKIP() << "dictionaries or models missing";
  }
  CountsEvalOptions options;
  options.gold = std::string(KH_SOURCE_DIR) + "/eval/counts.dev.jsonl";
  StatusOr<CountsEvalResult> result = RunCountsEval(options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_TRUE(result->gold.errors.empty());
  const CountsScore& score = result->score;
  EXPECT_GE(score.cases, 80u);
  EXPECT_GE(score.field_accuracy(), 0.9738);  // 0.9938 on 2026-11-21
  EXPECT_GE(score.case_accuracy(), 0.9491);   // 0.9691 on 2026-11-21
}

}  // namespace
}  // namespace khabar::counts
