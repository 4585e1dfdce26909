// Averaged perceptron (Collins 2002; Freund & Schapire 1999) over hashed features, with lazy
// averaging (each weight remembers when it last changed), for the NER labeller.
//
// Weights is the immutable runtime form: a HashTable from feature hash to a row, and per row
// the few labels with a nonzero weight (a feature is updated only for the labels it was
// wrong about). Trainer holds the mutable state and produces Weights by averaging. The
// tagger has the same design (tag/internal/perceptron.h); a stage may not link another.
//
//   Trainer trainer(kLabelCount);
//   trainer.Tick();                                       // once per instance
//   trainer.Update(features, count, gold, predicted, 1.0f);
//   Weights weights = trainer.Average(/*min_weight=*/1e-3f);
//   weights.Score(features, count, scores);               // scores[label] += ...
//
// Thread-safety: Weights is immutable and shareable; Trainer is not.
#ifndef KHABAR_NER_INTERNAL_PERCEPTRON_H_
#define KHABAR_NER_INTERNAL_PERCEPTRON_H_

#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/model/coding.h"
#include "khabar/ner/internal/hash_table.h"

namespace khabar::ner::internal {

inline constexpr uint32_t kMaxClasses = 64;

class Weights {
 public:
  uint32_t class_count() const { return class_count_; }
  size_t feature_count() const { return index_.size(); }
  size_t weight_count() const { return classes_.size(); }

  // Adds the weights of `features` to scores[0..class_count()).
  void Score(const uint64_t* features, size_t count, float* scores) const {
    for (size_t feature_idx = 0; feature_idx < count; ++feature_idx) {
      const uint32_t row = index_.Find(features[feature_idx]);
      if (row == HashTable::kMissing) continue;
      for (uint32_t entry = row_begin_[row]; entry < row_begin_[row + 1]; ++entry) {
        scores[classes_[entry]] += values_[entry];
      }
    }
  }

  // The mean of `models` (a parameter-mixing ensemble; Mann et al. 2009, McDonald et al.
  // 2010). REQUIRES: models nonempty, all with the same class count.
  static Weights Mix(const std::vector<const Weights*>& models);

  void Encode(model::Encoder& out) const;
  // DataLoss on truncation, a class count outside [1, kMaxClasses], inconsistent rows, a
  // label out of range or a weight that is not finite.
  static StatusOr<Weights> Decode(model::Decoder& in);

 private:
  friend class Trainer;

  uint32_t class_count_ = 0;
  HashTable index_;
  std::vector<uint32_t> row_begin_ = {0};  // row r: entries [row_begin_[r], row_begin_[r+1])
  std::vector<uint8_t> classes_;
  std::vector<float> values_;
};

class Trainer {
 public:
  // REQUIRES: 0 < class_count <= kMaxClasses.
  explicit Trainer(uint32_t class_count) : class_count_(class_count) {}

  uint32_t class_count() const { return class_count_; }

  // Adds the current (not averaged) weights of `features` to scores[0..class_count).
  void Score(const uint64_t* features, size_t count, float* scores) const;
  // Advances the averaging clock; call once per training instance (word or sentence).
  void Tick() { ++time_; }
  // Adds `delta` to the weight of `label` on every feature.
  void Add(const uint64_t* features, size_t count, uint32_t label, float delta);
  // Moves weight from `predicted` to `gold` on every feature; no-op when they agree.
  void Update(const uint64_t* features, size_t count, uint32_t gold, uint32_t predicted) {
    if (gold == predicted) return;
    Add(features, count, gold, 1.0f);
    Add(features, count, predicted, -1.0f);
  }

  // Leaves `features` out of every Average (training-only features, such as the per-corpus
  // copies of SentenceInfo::domain); they still score while training.
  void ExcludeFromAverage(const uint64_t* features, size_t count) {
    excluded_.insert(features, features + count);
  }

  // The averaged weights; those whose magnitude is below `min_weight` are dropped.
  // Deterministic: rows are ordered by feature hash.
  Weights Average(float min_weight) const;

 private:
  struct Entry {
    uint8_t label;
    float weight;
    double total;  // sum of the weight over time up to `stamp`
    uint64_t stamp;
  };
  void AddToRow(std::vector<Entry>& row, uint32_t label, float delta);

  uint32_t class_count_;
  uint64_t time_ = 0;
  std::unordered_map<uint64_t, uint32_t> rows_by_feature_;
  std::unordered_set<uint64_t> excluded_;
  std::vector<std::vector<Entry>> rows_;
};

}  // namespace khabar::ner::internal

#endif  // KHABAR_NER_INTERNAL_PERCEPTRON_H_
