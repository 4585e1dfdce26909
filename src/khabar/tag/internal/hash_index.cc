#include "khabar/tag/internal/hash_index.h"

#include <bit>
#include <cstring>

namespace khabar::tag::internal {
namespace {

// The table is at most half full, so probes stay short.
size_t CapacityFor(size_t count) { return std::bit_ceil(std::max<size_t>(8, count * 2)); }

constexpr uint32_t kMaxCapacityLog2 = 30;

}  // namespace

HashIndex HashIndex::Build(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& values) {
  HashIndex index;
  index.keys_.assign(CapacityFor(keys.size()), 0);
  index.values_.assign(index.keys_.size(), 0);
  size_t mask = index.keys_.size() - 1;
  for (size_t key_idx = 0; key_idx < keys.size(); ++key_idx) {
    size_t slot = keys[key_idx] & mask;
    while (index.keys_[slot] != 0) slot = (slot + 1) & mask;
    index.keys_[slot] = keys[key_idx];
    index.values_[slot] = values[key_idx];
  }
  index.size_ = keys.size();
  return index;
}

void HashIndex::Encode(model::Encoder& out) const {
  // A default-constructed index (no slots, e.g. the lemmatizer of a model saved without
  // one) is written as the smallest empty table, which Decode accepts; countr_zero(0)
  // would give 64, an unreadable capacity.
  const size_t capacity = keys_.empty() ? CapacityFor(0) : keys_.size();
  out.PutVarint32(static_cast<uint32_t>(std::countr_zero(capacity)));
  out.PutVarint64(size_);
  for (size_t slot = 0; slot < keys_.size(); ++slot) {
    if (keys_[slot] == 0) continue;
    out.PutFixed32(static_cast<uint32_t>(slot));
    out.PutFixed64(keys_[slot]);
    out.PutFixed32(values_[slot]);
  }
}

StatusOr<HashIndex> HashIndex::Decode(model::Decoder& in, uint32_t max_value) {
  uint32_t capacity_log2 = 0;
  uint64_t count = 0;
  if (!in.GetVarint32(&capacity_log2) || !in.GetVarint64(&count))
    return DataLossError("truncated hash table");
  constexpr size_t kRowBytes = 16;
  // The writer always sizes the table as CapacityFor(count), so the capacity is bounded by
  // the rows actually present.
  if (capacity_log2 > kMaxCapacityLog2 || count > in.remaining() / kRowBytes ||
      (uint64_t{1} << capacity_log2) != CapacityFor(count)) {
    return DataLossError("bad hash table size");
  }
  HashIndex index;
  index.keys_.assign(size_t{1} << capacity_log2, 0);
  index.values_.assign(index.keys_.size(), 0);
  index.size_ = count;
  for (uint64_t row = 0; row < count; ++row) {
    uint32_t slot = 0, value = 0;
    uint64_t key = 0;
    in.GetFixed32(&slot);
    in.GetFixed64(&key);
    in.GetFixed32(&value);
    if (slot >= index.keys_.size() || key == 0 || index.keys_[slot] != 0 || value > max_value) {
      return DataLossError("bad hash table row");
    }
    index.keys_[slot] = key;
    index.values_[slot] = value;
  }
  // Every key must be reachable by linear probing from its home slot: the slots from
  // home up to it are all occupied. One pass, starting just after an empty slot (the
  // table is at most half full, so one exists).
  size_t mask = index.keys_.size() - 1;
  size_t start = 0;
  while (index.keys_[start] != 0) ++start;
  size_t run = 0;  // occupied slots immediately before `slot`
  for (size_t step = 1; step <= mask + 1; ++step) {
    size_t slot = (start + step) & mask;
    uint64_t key = index.keys_[slot];
    if (key == 0) {
      run = 0;
      continue;
    }
    if (((slot - key) & mask) > run) return DataLossError("unreachable hash table key");
    ++run;
  }
  return index;
}

}  // namespace khabar::tag::internal
