#include "khabar/ner/internal/hash_table.h"

#include <algorithm>
#include <bit>

namespace khabar::ner::internal {
namespace {

// At most half full, so probes stay short and an empty slot always exists.
size_t CapacityFor(size_t count) { return std::bit_ceil(std::max<size_t>(8, count * 2)); }

constexpr size_t kRowBytes = 16;  // fixed32 slot + fixed64 key + fixed32 value

}  // namespace

HashTable HashTable::Build(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& values) {
  HashTable table;
  table.keys_.assign(CapacityFor(keys.size()), 0);
  table.values_.assign(table.keys_.size(), 0);
  const size_t mask = table.keys_.size() - 1;
  for (size_t key_idx = 0; key_idx < keys.size(); ++key_idx) {
    size_t slot = keys[key_idx] & mask;
    while (table.keys_[slot] != 0) slot = (slot + 1) & mask;
    table.keys_[slot] = keys[key_idx];
    table.values_[slot] = values[key_idx];
  }
  table.size_ = keys.size();
  return table;
}

bool HashTable::AllValuesBelow(uint32_t bound) const {
  for (size_t slot = 0; slot < keys_.size(); ++slot) {
    if (keys_[slot] != 0 && values_[slot] >= bound) return false;
  }
  return true;
}

void HashTable::Encode(model::Encoder& out) const {
  // A default-constructed table is written as the smallest empty one, which Decode accepts.
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

StatusOr<HashTable> HashTable::Decode(model::Decoder& in, uint32_t max_value) {
  uint32_t capacity_log2 = 0;
  uint64_t count = 0;
  if (!in.GetVarint32(&capacity_log2) || !in.GetVarint64(&count)) {
    return DataLossError("truncated hash table");
  }
  // The count is checked against the bytes present before anything is allocated, and the
  // capacity must be the one the writer derives from the count.
  if (capacity_log2 > kMaxCapacityLog2 || count > in.remaining() / kRowBytes ||
      (uint64_t{1} << capacity_log2) != CapacityFor(count)) {
    return DataLossError("bad hash table size");
  }
  HashTable table;
  table.keys_.assign(size_t{1} << capacity_log2, 0);
  table.values_.assign(table.keys_.size(), 0);
  table.size_ = count;
  uint64_t previous_slot = 0;
  for (uint64_t row = 0; row < count; ++row) {
    uint32_t slot = 0, value = 0;
    uint64_t key = 0;
    in.GetFixed32(&slot);
    in.GetFixed64(&key);
    in.GetFixed32(&value);
    if (slot >= table.keys_.size() || (row > 0 && slot <= previous_slot) || key == 0 ||
        value > max_value) {
      return DataLossError("bad hash table row");
    }
    previous_slot = slot;
    table.keys_[slot] = key;
    table.values_[slot] = value;
  }
  // Every key must be reachable from its home slot: no empty slot between. One pass that
  // starts just after an empty slot (one exists: the table is at most half full).
  const size_t mask = table.keys_.size() - 1;
  size_t start = 0;
  while (table.keys_[start] != 0) ++start;
  size_t run = 0;  // occupied slots immediately before `slot`
  for (size_t step = 1; step <= mask + 1; ++step) {
    const size_t slot = (start + step) & mask;
    const uint64_t key = table.keys_[slot];
    if (key == 0) {
      run = 0;
      continue;
    }
    if (((slot - key) & mask) > run) return DataLossError("unreachable hash table key");
    ++run;
  }
  return table;
}

}  // namespace khabar::ner::internal
