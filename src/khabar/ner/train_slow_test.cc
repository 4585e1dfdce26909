// Trains the recipe of tools/recipes/ner.md and keeps a floor under its scores: the scores
// it reached when the recipe was committed, minus 0.5 (training is deterministic, so a drop
// means a change in the code or the data). Skipped without the data directory or the tagger.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "khabar/base/data_dir.h"
#include "khabar/base/status_matchers.h"
#include "khabar/ner/train.h"

namespace khabar::ner {
namespace {

using ::khabar::testing::IsOk;

constexpr double kEwtDevFloor = 70.65;   // reached 71.15
constexpr double kEwtTestFloor = 73.07;  // reached 73.57
constexpr double kPudTestFloor = 66.32;  // reached 66.82

bool Exists(const std::string& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error);
}

TEST(NerRecipeTest, ReachesTheRecordedScores) {
  StatusOr<NerTrainOptions> options = RecipeNerTrainOptions();
  if (!options.ok() || !Exists(options->train_paths[0]) || !Exists(options->tagger_model_path)) {
    GTEST_SKIP() << "needs the data directory and " << tag::DefaultTaggerModelPath();
  }
  options->output_path.clear();
  StatusOr<NerTrainReport> report = TrainNer(*options);
  ASSERT_THAT(report, IsOk());
  EXPECT_GE(report->best_dev.all.F1(), kEwtDevFloor);
  StatusOr<std::unique_ptr<tag::Tagger>> tagger = tag::Tagger::Load(options->tagger_model_path);
  ASSERT_THAT(tagger, IsOk());
  const std::string data = *base::FindDataDir();
  StatusOr<NerScores> ewt = EvaluateNerFile(*report->recognizer, tagger->get(),
                                            data + "/ner/UNER_English-EWT/en_ewt-ud-test.iob2");
  ASSERT_THAT(ewt, IsOk());
  EXPECT_GE(ewt->all.F1(), kEwtTestFloor);
  StatusOr<NerScores> pud = EvaluateNerFile(*report->recognizer, tagger->get(),
                                            data + "/ner/UNER_English-PUD/en_pud-ud-test.iob2");
  ASSERT_THAT(pud, IsOk());
  EXPECT_GE(pud->all.F1(), kPudTestFloor);
  RecordProperty("ewt_test_f1", std::to_string(ewt->all.F1()));
  RecordProperty("pud_test_f1", std::to_string(pud->all.F1()));
}

}  // namespace
}  // namespace khabar::ner
