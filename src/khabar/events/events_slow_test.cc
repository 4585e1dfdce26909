// The PETRARCH validation records coded end to end with the trained models (LABELS slow).
// Floors are the scores reached when written minus a small margin; see
// docs/formats/events.md for the numbers and how they compare with UniversalPetrarch.
#include <gtest/gtest.h>

#include <filesystem>

#include "khabar/base/data_dir.h"
#include "khabar/events/cameo_eval.h"
#include "khabar/events/plover_eval.h"

namespace khabar::events {
namespace {

// Floors: the scores of 2026-11-21 minus about 0.5. By default a main-clause future is an
// intent (CAMEO manual), which 13 records of the suite code as the act (TP 77.27, FP 17.27,
// FP/record 21.71, correct 74.86); with PETRARCH's reading (--petrarch-future) the suite
// scores TP 85.00, FP 10.45, FP/record 13.14, correct 82.86. A statement that attributes
// another event of its sentence is no event of its own (attribution), which costs one gold
// 010 triple ("noted that ...") and removes three extra ones.
StatusOr<CameoEvalResult> RunValidationRecords(bool future_is_intent) {
  KH_ASSIGN_OR_RETURN(std::string data, base::FindDataDir());
  CameoEvalOptions options;
  options.records = data + "/eval/petrarch2-validate-records.dev.xml";
  options.dictionaries = data + "/cameo/validate";
  options.future_is_intent = future_is_intent;
  return RunCameoEval(options);
}

bool ValidationInputsExist() {
  StatusOr<std::string> data = base::FindDataDir();
  std::string models = base::ModelsDir();
  return data.ok() && std::filesystem::exists(*data + "/eval/petrarch2-validate-records.dev.xml") &&
         std::filesystem::exists(models + "/tagger-en.khm") && std::filesystem::exists(models + "/parser-en.khm");
}

TEST(EventsSlowTest, ValidationRecordsBeatUniversalPetrarch) {
  if (!ValidationInputsExist()) GTEST_SKIP() << "data, validation records or models missing";
  StatusOr<CameoEvalResult> result = RunValidationRecords(/*future_is_intent=*/true);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const CameoScore& score = result->score;
  EXPECT_GE(score.records, 170u);
  // UniversalPetrarch published TP 68.1% and FP 23.1% on this suite.
  EXPECT_GE(score.tp_pct(), 76.7);
  EXPECT_LE(score.fp_pct(), 17.8);
  EXPECT_LE(score.fp_per_record_pct(), 22.3);
  EXPECT_GE(score.records_correct_pct(), 74.3);
}

TEST(EventsSlowTest, ValidationRecordsWithPetrarchFutures) {
  if (!ValidationInputsExist()) GTEST_SKIP() << "data, validation records or models missing";
  StatusOr<CameoEvalResult> result = RunValidationRecords(/*future_is_intent=*/false);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const CameoScore& score = result->score;
  EXPECT_GE(score.tp_pct(), 84.5);
  EXPECT_LE(score.fp_pct(), 11.0);
  EXPECT_LE(score.fp_per_record_pct(), 13.7);
  EXPECT_GE(score.records_correct_pct(), 82.3);
}

// The PLOVER gold-standard records with the Phoenix dictionaries and Khabar's overlays. The
// floors are the scores of 2026-11-21 (event 62.03, source 57.62, target 52.72) minus 0.5;
// the bar of the issue is event F1 60.
TEST(EventsSlowTest, PloverGoldStandardHoldsItsFloor) {
  StatusOr<std::string> data = base::FindDataDir();
  if (!data.ok()) GTEST_SKIP() << data.status().ToString();
  PloverEvalOptions options;
  options.gold = *data + "/eval/plover-gsr.dev.json";
  std::string models = base::ModelsDir();
  if (!std::filesystem::exists(options.gold) || !std::filesystem::exists(models + "/tagger-en.khm") ||
      !std::filesystem::exists(models + "/parser-en.khm")) {
    GTEST_SKIP() << "PLOVER gold records or models missing";
  }
  StatusOr<PloverEvalResult> result = RunPloverEval(options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const PloverScore& score = result->score;
  EXPECT_EQ(score.items, 212u);
  EXPECT_GE(score.event.f1(), 61.5);
  EXPECT_GE(score.source.f1(), 57.1);
  EXPECT_GE(score.target.f1(), 52.2);
}

}  // namespace
}  // namespace khabar::events
