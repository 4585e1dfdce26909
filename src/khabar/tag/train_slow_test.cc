// Trains the shipped recipe (tools/recipes/tagger.md) on the real treebanks and checks
// the accuracy floor on UD EWT test. Labelled `slow`; skipped when the data is absent.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "khabar/base/data_dir.h"
#include "khabar/base/status_matchers.h"
#include "khabar/tag/train.h"

namespace khabar::tag {
namespace {

using ::khabar::testing::IsOk;

// The scores reached when the recipe was last tuned, minus 0.3.
constexpr double kUposFloor = 95.5;
constexpr double kLemmaFloor = 96.7;

TEST(TrainTaggerSlowTest, RecipeBeatsTheFloorOnEwtTest) {
  StatusOr<std::string> data = base::FindDataDir();
  if (!data.ok()) GTEST_SKIP() << data.status().ToString();
  std::string ud = *data + "/ud/";
  TrainOptions options;
  options.train_paths = {ud + "en_ewt/en_ewt-ud-train.conllu",
                         ud + "en_gum_open/en_gum_open-ud-train.conllu"};
  options.dev_path = ud + "en_ewt/en_ewt-ud-dev.conllu";
  StatusOr<TrainReport> report = TrainTagger(options);
  ASSERT_THAT(report, IsOk());
  StatusOr<TagAccuracy> test =
      EvaluateTaggerFile(*report->tagger, ud + "en_ewt/en_ewt-ud-test.conllu");
  ASSERT_THAT(test, IsOk());
  EXPECT_GE(test->upos, kUposFloor);
  EXPECT_GE(test->lemma, kLemmaFloor);
}

}  // namespace
}  // namespace khabar::tag
