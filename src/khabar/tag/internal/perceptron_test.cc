#include "khabar/tag/internal/perceptron.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

#include "khabar/base/status_matchers.h"
#include "khabar/tag/internal/hash_index.h"

namespace khabar::tag::internal {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;

uint32_t Predict(const PerceptronWeights& weights, const uint64_t* features, size_t count) {
  std::vector<float> scores(weights.class_count(), 0.0f);
  weights.Score(features, count, scores.data());
  return static_cast<uint32_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
}

// Toy task: three classes; the class is given by which of three indicator features fires,
// plus two noise features on every instance.
TEST(PerceptronTest, LearnsAToyTask) {
  constexpr uint32_t kClasses = 3;
  PerceptronTrainer trainer(kClasses);
  std::mt19937_64 rng(7);
  for (int step = 0; step < 600; ++step) {
    uint32_t gold = static_cast<uint32_t>(rng() % kClasses);
    uint64_t features[3] = {HashPair(1, gold), HashPair(2, rng() % 5), HashPair(3, rng() % 5)};
    std::vector<float> scores(kClasses, 0.0f);
    trainer.Score(features, 3, scores.data());
    uint32_t predicted =
        static_cast<uint32_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
    trainer.Tick();
    trainer.Update(features, 3, gold, predicted);
  }
  PerceptronWeights weights = trainer.Average(0.0f);
  for (uint32_t label = 0; label < kClasses; ++label) {
    uint64_t features[3] = {HashPair(1, label), HashPair(2, 0), HashPair(3, 4)};
    EXPECT_EQ(Predict(weights, features, 3), label);
  }
}

TEST(PerceptronTest, WeightsRoundTripAndRejectTruncation) {
  PerceptronTrainer trainer(4);
  uint64_t features[2] = {11, 12};
  trainer.Tick();
  trainer.Update(features, 2, 3, 1);
  PerceptronWeights weights = trainer.Average(0.0f);
  model::Encoder out;
  weights.Encode(out);
  model::Decoder in(out.data());
  StatusOr<PerceptronWeights> decoded = PerceptronWeights::Decode(in);
  ASSERT_THAT(decoded, IsOk());
  EXPECT_EQ(Predict(*decoded, features, 2), 3u);
  EXPECT_EQ(decoded->weight_count(), weights.weight_count());
  for (size_t length = 0; length < out.size(); ++length) {
    model::Decoder truncated(std::string_view(out.data()).substr(0, length));
    EXPECT_THAT(PerceptronWeights::Decode(truncated), StatusIs(StatusCode::kDataLoss, ::testing::_))
        << length;
  }
}

TEST(HashIndexTest, FindsEveryKeyAndRejectsUnreachableRows) {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> values;
  for (uint32_t key = 1; key <= 100; ++key) {
    keys.push_back(HashPair(key, 0));
    values.push_back(key);
  }
  HashIndex index = HashIndex::Build(keys, values);
  for (size_t key_idx = 0; key_idx < keys.size(); ++key_idx)
    EXPECT_EQ(index.Find(keys[key_idx]), values[key_idx]);
  EXPECT_EQ(index.Find(HashPair(999, 0)), HashIndex::kMissing);

  // A key stored two slots after its home with an empty slot between is unreachable.
  model::Encoder bad;
  bad.PutVarint32(3);  // capacity 8
  bad.PutVarint64(1);
  bad.PutFixed32(2);  // slot
  bad.PutFixed64(8);  // key whose home slot is 0
  bad.PutFixed32(0);
  model::Decoder in(bad.data());
  EXPECT_THAT(HashIndex::Decode(in, 10),
              StatusIs(StatusCode::kDataLoss, ::testing::HasSubstr("unreachable")));
}

}  // namespace
}  // namespace khabar::tag::internal
