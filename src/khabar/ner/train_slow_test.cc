// Keeps a floor under the NER scores: the model the set-up trained with the recipe of
// tools/recipes/ner.md (models/ner-en.khm; `khabar train ner` with no options) is scored on
// UNER EWT test and PUD test, and must reach the scores recorded when the recipe was
// committed minus 0.5 (training is deterministic, so a drop means a change in the code or
// the data). The recipe takes about five CPU minutes, so the test reads the set-up's model
// instead of training its own. The recipe's dev score (73.15, the train-only ensemble
// before the refit on train + dev; 74.56 with the network) is in the recipe. The floors assume
// the word vectors were there when the model was trained (tools/lib.sh fetches them; without
// them the perceptron alone scores 76.55 / 68.37 and this test fails). Skipped without the data directory,
// the tagger or the model.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "khabar/base/data_dir.h"
#include "khabar/base/status_matchers.h"
#include "khabar/ner/train.h"

namespace khabar::ner {
namespace {

using ::khabar::testing::IsOk;

constexpr double kEwtTestFloor = 76.63;  // reached 77.13 (76.55 without the network)
constexpr double kPudTestFloor = 71.05;  // reached 71.55 (68.37 without the network)

bool Exists(const std::string& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error);
}

TEST(NerRecipeTest, TheSetUpModelReachesTheRecordedScores) {
  StatusOr<NerTrainOptions> options = RecipeNerTrainOptions();
  if (!options.ok() || !Exists(options->tagger_model_path) || !Exists(DefaultNerModelPath())) {
    GTEST_SKIP() << "needs the data directory, " << tag::DefaultTaggerModelPath() << " and "
                 << DefaultNerModelPath();
  }
  StatusOr<std::unique_ptr<Recognizer>> recognizer = Recognizer::Load(DefaultNerModelPath());
  ASSERT_THAT(recognizer, IsOk());
  StatusOr<std::unique_ptr<tag::Tagger>> tagger = tag::Tagger::Load(options->tagger_model_path);
  ASSERT_THAT(tagger, IsOk());
  const std::string data = *base::FindDataDir();
  StatusOr<NerScores> ewt = EvaluateNerFile(**recognizer, tagger->get(),
                                            data + "/ner/UNER_English-EWT/en_ewt-ud-test.iob2");
  ASSERT_THAT(ewt, IsOk());
  EXPECT_GE(ewt->all.F1(), kEwtTestFloor);
  StatusOr<NerScores> pud = EvaluateNerFile(**recognizer, tagger->get(),
                                            data + "/ner/UNER_English-PUD/en_pud-ud-test.iob2");
  ASSERT_THAT(pud, IsOk());
  EXPECT_GE(pud->all.F1(), kPudTestFloor);
  RecordProperty("ewt_test_f1", std::to_string(ewt->all.F1()));
  RecordProperty("pud_test_f1", std::to_string(pud->all.F1()));
}

}  // namespace
}  // namespace khabar::ner
