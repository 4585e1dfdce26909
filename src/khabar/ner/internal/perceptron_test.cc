#include "khabar/ner/internal/perceptron.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "khabar/base/status_matchers.h"
#include "khabar/ner/internal/hash_table.h"

namespace khabar::ner::internal {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;

uint32_t Predict(const Weights& weights, const uint64_t* features, size_t count) {
  std::vector<float> scores(weights.class_count(), 0.0f);
  weights.Score(features, count, scores.data());
  return static_cast<uint32_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
}

// Three classes, each signalled by one indicator feature, plus two noise features.
TEST(PerceptronTest, LearnsAToyTask) {
  constexpr uint32_t kClasses = 3;
  Trainer trainer(kClasses);
  std::mt19937_64 rng(7);
  for (int step = 0; step < 600; ++step) {
    const uint32_t gold = static_cast<uint32_t>(rng() % kClasses);
    const uint64_t features[3] = {HashPair(1, gold), HashPair(2, rng() % 5),
                                  HashPair(3, rng() % 5)};
    std::vector<float> scores(kClasses, 0.0f);
    trainer.Score(features, 3, scores.data());
    const uint32_t predicted =
        static_cast<uint32_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
    trainer.Tick();
    trainer.Update(features, 3, gold, predicted);
  }
  const Weights weights = trainer.Average(0.0f);
  for (uint32_t label = 0; label < kClasses; ++label) {
    const uint64_t features[3] = {HashPair(1, label), HashPair(2, 0), HashPair(3, 4)};
    EXPECT_EQ(Predict(weights, features, 3), label);
  }
}

TEST(PerceptronTest, AveragingIsDeterministic) {
  auto train = [] {
    Trainer trainer(4);
    for (uint64_t step = 1; step <= 50; ++step) {
      const uint64_t features[2] = {step % 7 + 1, step % 11 + 100};
      trainer.Tick();
      trainer.Update(features, 2, static_cast<uint32_t>(step % 4), static_cast<uint32_t>(step % 3));
    }
    model::Encoder out;
    trainer.Average(0.0f).Encode(out);
    return out.Release();
  };
  EXPECT_EQ(train(), train());
}

TEST(PerceptronTest, WeightsRoundTripAndRejectTruncation) {
  Trainer trainer(4);
  const uint64_t features[2] = {11, 12};
  trainer.Tick();
  trainer.Update(features, 2, 3, 1);
  const Weights weights = trainer.Average(0.0f);
  model::Encoder out;
  weights.Encode(out);
  model::Decoder in(out.data());
  StatusOr<Weights> decoded = Weights::Decode(in);
  ASSERT_THAT(decoded, IsOk());
  EXPECT_TRUE(in.done());
  EXPECT_EQ(Predict(*decoded, features, 2), 3u);
  EXPECT_EQ(decoded->weight_count(), weights.weight_count());
  for (size_t length = 0; length < out.size(); ++length) {
    model::Decoder truncated(std::string_view(out.data()).substr(0, length));
    EXPECT_THAT(Weights::Decode(truncated), StatusIs(StatusCode::kDataLoss, ::testing::_))
        << length;
  }
}

TEST(PerceptronTest, RejectsBadClassCountsLabelsAndValues) {
  model::Encoder no_classes;
  no_classes.PutVarint32(0);
  model::Decoder in(no_classes.data());
  EXPECT_THAT(Weights::Decode(in), StatusIs(StatusCode::kDataLoss, ::testing::_));

  // One feature, one entry with label 5 of a 2-class table.
  model::Encoder bad_label;
  bad_label.PutVarint32(2);
  HashTable::Build({42}, {0}).Encode(bad_label);
  bad_label.PutVarint64(1);
  bad_label.PutVarint32(1);
  bad_label.PutVarint32(5);
  bad_label.PutFloat(1.0f);
  model::Decoder label_in(bad_label.data());
  EXPECT_THAT(Weights::Decode(label_in),
              StatusIs(StatusCode::kDataLoss, ::testing::HasSubstr("label")));

  model::Encoder bad_value;
  bad_value.PutVarint32(2);
  HashTable::Build({42}, {0}).Encode(bad_value);
  bad_value.PutVarint64(1);
  bad_value.PutVarint32(1);
  bad_value.PutVarint32(1);
  bad_value.PutFloat(std::numeric_limits<float>::infinity());
  model::Decoder value_in(bad_value.data());
  EXPECT_THAT(Weights::Decode(value_in),
              StatusIs(StatusCode::kDataLoss, ::testing::HasSubstr("value")));
}

TEST(HashTableTest, FindsEveryKeyAndRoundTrips) {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> values;
  for (uint32_t key = 1; key <= 100; ++key) {
    keys.push_back(HashPair(key, 0));
    values.push_back(key);
  }
  const HashTable table = HashTable::Build(keys, values);
  model::Encoder out;
  table.Encode(out);
  model::Decoder in(out.data());
  StatusOr<HashTable> decoded = HashTable::Decode(in, 100);
  ASSERT_THAT(decoded, IsOk());
  for (size_t key_idx = 0; key_idx < keys.size(); ++key_idx) {
    EXPECT_EQ(decoded->Find(keys[key_idx]), values[key_idx]);
  }
  EXPECT_EQ(decoded->Find(HashPair(999, 0)), HashTable::kMissing);
  model::Decoder low_bound(out.data());
  EXPECT_THAT(HashTable::Decode(low_bound, 99), StatusIs(StatusCode::kDataLoss, ::testing::_));
}

TEST(HashTableTest, RejectsUnreachableKeysAndBadSizes) {
  // Capacity 8 with key 8 (home slot 0) stored in slot 2 and slot 1 empty.
  model::Encoder unreachable;
  unreachable.PutVarint32(3);
  unreachable.PutVarint64(1);
  unreachable.PutFixed32(2);
  unreachable.PutFixed64(8);
  unreachable.PutFixed32(0);
  model::Decoder in(unreachable.data());
  EXPECT_THAT(HashTable::Decode(in, 10),
              StatusIs(StatusCode::kDataLoss, ::testing::HasSubstr("unreachable")));

  model::Encoder huge;
  huge.PutVarint32(30);
  huge.PutVarint64(1u << 29);
  model::Decoder huge_in(huge.data());
  EXPECT_THAT(HashTable::Decode(huge_in, 10),
              StatusIs(StatusCode::kDataLoss, ::testing::HasSubstr("size")));
}

}  // namespace
}  // namespace khabar::ner::internal
