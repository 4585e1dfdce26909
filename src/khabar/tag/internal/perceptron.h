// Averaged perceptron (Collins 2002; Freund & Schapire 1999) over hashed features, with
// the lazy averaging trick (each weight keeps the time of its last change).
//
// PerceptronWeights is the immutable runtime form: a HashIndex from feature hash to a
// row, and per row the few classes that have a nonzero weight (sparse rows; most
// features only ever touched a handful of labels). PerceptronTrainer holds the mutable
// training state and produces PerceptronWeights by averaging.
//
// Thread-safety: PerceptronWeights is immutable and shareable; the trainer is not.
#ifndef KHABAR_TAG_INTERNAL_PERCEPTRON_H_
#define KHABAR_TAG_INTERNAL_PERCEPTRON_H_

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/model/coding.h"
#include "khabar/tag/internal/hash_index.h"

namespace khabar::tag::internal {

class PerceptronWeights {
 public:
  uint32_t class_count() const { return class_count_; }
  size_t feature_count() const { return index_.size(); }
  size_t weight_count() const { return classes_.size(); }

  // Adds the weights of `features` to scores[0..class_count()).
  void Score(const uint64_t* features, size_t count, float* scores) const {
    for (size_t feature_idx = 0; feature_idx < count; ++feature_idx) {
      uint32_t row = index_.Find(features[feature_idx]);
      if (row == HashIndex::kMissing) continue;
      for (uint32_t entry = row_begin_[row]; entry < row_begin_[row + 1]; ++entry) {
        scores[classes_[entry]] += values_[entry];
      }
    }
  }

  void Encode(model::Encoder& out) const;
  // DataLoss on truncation or inconsistent rows.
  static StatusOr<PerceptronWeights> Decode(model::Decoder& in);

 private:
  friend class PerceptronTrainer;

  uint32_t class_count_ = 0;
  HashIndex index_;
  std::vector<uint32_t> row_begin_;  // row r's entries are [row_begin_[r], row_begin_[r+1])
  std::vector<uint16_t> classes_;
  std::vector<float> values_;
};

class PerceptronTrainer {
 public:
  // REQUIRES: 0 < class_count <= 65535.
  explicit PerceptronTrainer(uint32_t class_count) : class_count_(class_count) {}

  uint32_t class_count() const { return class_count_; }

  // Adds the current (not averaged) weights of `features` to scores[0..class_count).
  void Score(const uint64_t* features, size_t count, float* scores) const;
  // Call once per training instance, before Update.
  void Tick() { ++time_; }
  // Moves weight from `predicted` to `gold` on every feature. No-op when they agree.
  void Update(const uint64_t* features, size_t count, uint32_t gold, uint32_t predicted);

  // The averaged weights; entries whose magnitude is below `min_weight` are dropped.
  PerceptronWeights Average(float min_weight) const;

 private:
  struct Entry {
    uint16_t label;
    float weight;
    double total;  // sum of the weight over time up to `stamp`
    uint64_t stamp;
  };
  void Add(std::vector<Entry>& row, uint32_t label, float delta);

  uint32_t class_count_;
  uint64_t time_ = 0;
  std::unordered_map<uint64_t, uint32_t> rows_by_feature_;
  std::vector<std::vector<Entry>> rows_;
};

}  // namespace khabar::tag::internal

#endif  // KHABAR_TAG_INTERNAL_PERCEPTRON_H_
