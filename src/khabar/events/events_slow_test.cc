// The PETRARCH validation records coded end to end with the trained models (LABELS slow).
// Floors are the scores reached when written minus a small margin; see
// docs/formats/events.md for the numbers and how they compare with UniversalPetrarch.
#include <gtest/gtest.h>

#include <filesystem>

#include "khabar/base/data_dir.h"
#include "khabar/events/cameo_eval.h"

namespace khabar::events {
namespace {

TEST(EventsSlowTest, ValidationRecordsBeatUniversalPetrarch) {
  StatusOr<std::string> data = base::FindDataDir();
  if (!data.ok()) GTEST_SKIP() << data.status().ToString();
  CameoEvalOptions options;
  options.records = *data + "/eval/petrarch2-validate-records.dev.xml";
  options.dictionaries = *data + "/cameo/validate";
  std::string models = base::ModelsDir();
  if (!std::filesystem::exists(options.records) || !std::filesystem::exists(models + "/tagger-en.khm") ||
      !std::filesystem::exists(models + "/parser-en.khm")) {
    GTEST_SKIP() << "validation records or models missing";
  }
  StatusOr<CameoEvalResult> result = RunCameoEval(options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const CameoScore& score = result->score;
  EXPECT_GE(score.records, 170u);
  // UniversalPetrarch published TP 68.1% and FP 23.1% on this suite.
  EXPECT_GE(score.tp_pct(), 82.0);
  EXPECT_LE(score.fp_pct(), 14.0);
  EXPECT_LE(score.fp_per_record_pct(), 17.0);
  EXPECT_GE(score.records_correct_pct(), 78.0);
}

}  // namespace
}  // namespace khabar::events
