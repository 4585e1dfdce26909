#include "khabar/ner/internal/perceptron.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace khabar::ner::internal {

Weights Weights::Mix(const std::vector<const Weights*>& models) {
  Weights mixed;
  mixed.class_count_ = models.front()->class_count_;
  std::map<uint64_t, std::vector<float>> sums;
  for (const Weights* model : models) {
    model->index_.ForEach([&](uint64_t key, uint32_t row) {
      std::vector<float>& sum = sums[key];
      sum.resize(mixed.class_count_, 0.0f);
      for (uint32_t entry = model->row_begin_[row]; entry < model->row_begin_[row + 1]; ++entry) {
        sum[model->classes_[entry]] += model->values_[entry];
      }
    });
  }
  const float scale = 1.0f / static_cast<float>(models.size());
  std::vector<uint64_t> keys;
  std::vector<uint32_t> rows;
  for (const auto& [key, sum] : sums) {
    const size_t begin = mixed.classes_.size();
    for (uint32_t label = 0; label < mixed.class_count_; ++label) {
      if (sum[label] == 0.0f) continue;
      mixed.classes_.push_back(static_cast<uint8_t>(label));
      mixed.values_.push_back(sum[label] * scale);
    }
    if (mixed.classes_.size() == begin) continue;
    keys.push_back(key);
    rows.push_back(static_cast<uint32_t>(mixed.row_begin_.size() - 1));
    mixed.row_begin_.push_back(static_cast<uint32_t>(mixed.classes_.size()));
  }
  mixed.index_ = HashTable::Build(keys, rows);
  return mixed;
}

void Weights::Encode(model::Encoder& out) const {
  out.PutVarint32(class_count_);
  index_.Encode(out);
  out.PutVarint64(classes_.size());
  for (size_t row = 0; row + 1 < row_begin_.size(); ++row) {
    out.PutVarint32(row_begin_[row + 1] - row_begin_[row]);
  }
  for (uint8_t label : classes_) out.PutVarint32(label);
  for (float value : values_) out.PutFloat(value);
}

StatusOr<Weights> Weights::Decode(model::Decoder& in) {
  Weights weights;
  if (!in.GetVarint32(&weights.class_count_) || weights.class_count_ == 0 ||
      weights.class_count_ > kMaxClasses) {
    return DataLossError("bad class count");
  }
  const uint32_t max_row = static_cast<uint32_t>(std::min<size_t>(in.remaining(), 0xFFFFFFFEu));
  KH_ASSIGN_OR_RETURN(weights.index_, HashTable::Decode(in, max_row));
  const size_t row_count = weights.index_.size();
  if (!weights.index_.AllValuesBelow(static_cast<uint32_t>(row_count))) {
    return DataLossError("bad row id");
  }
  uint64_t entry_count = 0;
  // Each entry takes at least 5 bytes (a varint label and a float); each row a length byte.
  if (!in.GetVarint64(&entry_count) || entry_count > in.remaining() / 5 ||
      row_count > in.remaining()) {
    return DataLossError("bad weight count");
  }
  weights.row_begin_.assign(row_count + 1, 0);
  for (size_t row = 0; row < row_count; ++row) {
    uint32_t length = 0;
    if (!in.GetVarint32(&length)) return DataLossError("truncated rows");
    const uint64_t end = uint64_t{weights.row_begin_[row]} + length;
    if (end > entry_count) return DataLossError("rows exceed weights");
    weights.row_begin_[row + 1] = static_cast<uint32_t>(end);
  }
  if (weights.row_begin_[row_count] != entry_count) {
    return DataLossError("rows do not cover weights");
  }
  weights.classes_.resize(entry_count);
  weights.values_.resize(entry_count);
  for (uint64_t entry = 0; entry < entry_count; ++entry) {
    uint32_t label = 0;
    if (!in.GetVarint32(&label) || label >= weights.class_count_) {
      return DataLossError("bad weight label");
    }
    weights.classes_[entry] = static_cast<uint8_t>(label);
  }
  for (uint64_t entry = 0; entry < entry_count; ++entry) {
    if (!in.GetFloat(&weights.values_[entry]) || !std::isfinite(weights.values_[entry])) {
      return DataLossError("bad weight value");
    }
  }
  return weights;
}

void Trainer::Score(const uint64_t* features, size_t count, float* scores) const {
  for (size_t feature_idx = 0; feature_idx < count; ++feature_idx) {
    const auto found = rows_by_feature_.find(features[feature_idx]);
    if (found == rows_by_feature_.end()) continue;
    for (const Entry& entry : rows_[found->second]) scores[entry.label] += entry.weight;
  }
}

void Trainer::AddToRow(std::vector<Entry>& row, uint32_t label, float delta) {
  for (Entry& entry : row) {
    if (entry.label != label) continue;
    entry.total += static_cast<double>(time_ - entry.stamp) * entry.weight;
    entry.stamp = time_;
    entry.weight += delta;
    return;
  }
  row.push_back(Entry{static_cast<uint8_t>(label), delta, 0.0, time_});
}

void Trainer::Add(const uint64_t* features, size_t count, uint32_t label, float delta) {
  for (size_t feature_idx = 0; feature_idx < count; ++feature_idx) {
    auto [it, inserted] =
        rows_by_feature_.try_emplace(features[feature_idx], static_cast<uint32_t>(rows_.size()));
    if (inserted) rows_.emplace_back();
    AddToRow(rows_[it->second], label, delta);
  }
}

Weights Trainer::Average(float min_weight) const {
  Weights weights;
  weights.class_count_ = class_count_;
  // Rows in hash order, so the same training gives the same bytes whatever the
  // unordered_map's iteration order.
  std::vector<std::pair<uint64_t, uint32_t>> features(rows_by_feature_.begin(),
                                                      rows_by_feature_.end());
  std::sort(features.begin(), features.end());
  // Weights set by the last update count for one more step, so that a model trained on
  // one instance is not all zeros.
  const uint64_t now = time_ + 1;
  std::vector<uint64_t> keys;
  std::vector<uint32_t> row_ids;
  for (const auto& [feature, row_id] : features) {
    if (excluded_.contains(feature)) continue;
    const size_t begin = weights.classes_.size();
    std::vector<Entry> entries = rows_[row_id];
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.label < b.label; });
    for (const Entry& entry : entries) {
      const double total = entry.total + static_cast<double>(now - entry.stamp) * entry.weight;
      const float average = static_cast<float>(total / static_cast<double>(now));
      if (std::fabs(average) < min_weight || average == 0.0f) continue;
      weights.classes_.push_back(entry.label);
      weights.values_.push_back(average);
    }
    if (weights.classes_.size() == begin) continue;
    keys.push_back(feature);
    row_ids.push_back(static_cast<uint32_t>(weights.row_begin_.size() - 1));
    weights.row_begin_.push_back(static_cast<uint32_t>(weights.classes_.size()));
  }
  weights.index_ = HashTable::Build(keys, row_ids);
  return weights;
}

}  // namespace khabar::ner::internal
