#include "khabar/dict/internal/edge_map.h"

#include <utility>

namespace khabar::dict::internal {

void EdgeMap::Insert(uint64_t key, uint32_t value) {
  if ((size_ + 1) * 2 > keys_.size()) Grow();
  Place(key, value);
  ++size_;
}

void EdgeMap::Place(uint64_t key, uint32_t value) {
  size_t mask = keys_.size() - 1;
  size_t slot = Hash(key) & mask;
  while (keys_[slot] != 0) slot = (slot + 1) & mask;
  keys_[slot] = key;
  values_[slot] = value;
}

void EdgeMap::Grow() {
  constexpr size_t kInitialCapacity = 64;
  std::vector<uint64_t> old_keys = std::move(keys_);
  std::vector<uint32_t> old_values = std::move(values_);
  size_t capacity = old_keys.empty() ? kInitialCapacity : old_keys.size() * 2;
  keys_.assign(capacity, 0);
  values_.assign(capacity, 0);
  for (size_t slot = 0; slot < old_keys.size(); ++slot) {
    if (old_keys[slot] != 0) Place(old_keys[slot], old_values[slot]);
  }
}

}  // namespace khabar::dict::internal
