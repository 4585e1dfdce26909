#include "khabar/tag/internal/perceptron.h"

#include <cmath>

namespace khabar::tag::internal {

void PerceptronWeights::Encode(model::Encoder& out) const {
  out.PutVarint32(class_count_);
  index_.Encode(out);
  out.PutVarint64(classes_.size());
  for (size_t row = 0; row + 1 < row_begin_.size(); ++row) {
    out.PutVarint32(row_begin_[row + 1] - row_begin_[row]);
  }
  for (uint16_t label : classes_) out.PutVarint32(label);
  for (float value : values_) out.PutFloat(value);
}

StatusOr<PerceptronWeights> PerceptronWeights::Decode(model::Decoder& in) {
  PerceptronWeights weights;
  if (!in.GetVarint32(&weights.class_count_) || weights.class_count_ == 0 ||
      weights.class_count_ > 0xFFFF) {
    return DataLossError("bad class count");
  }
  uint32_t row_count_bound = static_cast<uint32_t>(std::min<size_t>(in.remaining(), 0xFFFFFFFEu));
  KH_ASSIGN_OR_RETURN(weights.index_, HashIndex::Decode(in, row_count_bound));
  size_t row_count = weights.index_.size();
  if (!weights.index_.AllValuesBelow(static_cast<uint32_t>(row_count)))
    return DataLossError("bad row id");
  uint64_t entry_count = 0;
  // Each entry needs at least 5 bytes (a varint label and a float).
  if (!in.GetVarint64(&entry_count) || entry_count > in.remaining() / 5) {
    return DataLossError("bad weight count");
  }
  weights.row_begin_.assign(row_count + 1, 0);
  for (size_t row = 0; row < row_count; ++row) {
    uint32_t length = 0;
    if (!in.GetVarint32(&length)) return DataLossError("truncated rows");
    uint64_t end = uint64_t{weights.row_begin_[row]} + length;
    if (end > entry_count) return DataLossError("rows exceed weights");
    weights.row_begin_[row + 1] = static_cast<uint32_t>(end);
  }
  if (weights.row_begin_[row_count] != entry_count)
    return DataLossError("rows do not cover weights");
  weights.classes_.resize(entry_count);
  weights.values_.resize(entry_count);
  for (uint64_t entry = 0; entry < entry_count; ++entry) {
    uint32_t label = 0;
    if (!in.GetVarint32(&label) || label >= weights.class_count_)
      return DataLossError("bad weight label");
    weights.classes_[entry] = static_cast<uint16_t>(label);
  }
  for (uint64_t entry = 0; entry < entry_count; ++entry) {
    if (!in.GetFloat(&weights.values_[entry]) || !std::isfinite(weights.values_[entry])) {
      return DataLossError("bad weight value");
    }
  }
  return weights;
}

void PerceptronTrainer::Score(const uint64_t* features, size_t count, float* scores) const {
  for (size_t feature_idx = 0; feature_idx < count; ++feature_idx) {
    auto found = rows_by_feature_.find(features[feature_idx]);
    if (found == rows_by_feature_.end()) continue;
    for (const Entry& entry : rows_[found->second]) scores[entry.label] += entry.weight;
  }
}

void PerceptronTrainer::Add(std::vector<Entry>& row, uint32_t label, float delta) {
  for (Entry& entry : row) {
    if (entry.label != label) continue;
    entry.total += static_cast<double>(time_ - entry.stamp) * entry.weight;
    entry.stamp = time_;
    entry.weight += delta;
    return;
  }
  row.push_back(Entry{static_cast<uint16_t>(label), delta, 0.0, time_});
}

void PerceptronTrainer::Update(const uint64_t* features, size_t count, uint32_t gold,
                               uint32_t predicted) {
  if (gold == predicted) return;
  for (size_t feature_idx = 0; feature_idx < count; ++feature_idx) {
    auto [it, inserted] =
        rows_by_feature_.try_emplace(features[feature_idx], static_cast<uint32_t>(rows_.size()));
    if (inserted) rows_.emplace_back();
    std::vector<Entry>& row = rows_[it->second];
    Add(row, gold, 1.0f);
    Add(row, predicted, -1.0f);
  }
}

PerceptronWeights PerceptronTrainer::Average(float min_weight) const {
  PerceptronWeights weights;
  weights.class_count_ = class_count_;
  std::vector<uint64_t> keys;
  std::vector<uint32_t> row_ids;
  weights.row_begin_.push_back(0);
  // Weights set by the last update count for one more step, so a model trained on one
  // instance is not all zeros.
  uint64_t now = time_ + 1;
  double time = static_cast<double>(now);
  for (const auto& [feature, row_id] : rows_by_feature_) {
    size_t begin = weights.classes_.size();
    for (const Entry& entry : rows_[row_id]) {
      double total = entry.total + static_cast<double>(now - entry.stamp) * entry.weight;
      float average = static_cast<float>(total / time);
      if (std::fabs(average) < min_weight) continue;
      weights.classes_.push_back(entry.label);
      weights.values_.push_back(average);
    }
    if (weights.classes_.size() == begin) continue;
    keys.push_back(feature);
    row_ids.push_back(static_cast<uint32_t>(weights.row_begin_.size() - 1));
    weights.row_begin_.push_back(static_cast<uint32_t>(weights.classes_.size()));
  }
  weights.index_ = HashIndex::Build(keys, row_ids);
  return weights;
}

}  // namespace khabar::tag::internal
