// An open-addressing hash map from 64-bit keys to 32-bit values: the child table of the
// phrase trie, keyed on (parent node, token id). Linear probing, power-of-two capacity,
// at most half full. Key 0 marks an empty slot and must never be inserted.
//
// Thread-safety: Find is const and may run from many threads once building is done.
#ifndef KHABAR_DICT_INTERNAL_EDGE_MAP_H_
#define KHABAR_DICT_INTERNAL_EDGE_MAP_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace khabar::dict::internal {

class EdgeMap {
 public:
  static constexpr uint32_t kMissing = 0xFFFFFFFFu;

  // The value stored for `key`, or kMissing.
  uint32_t Find(uint64_t key) const {
    if (keys_.empty()) return kMissing;
    size_t mask = keys_.size() - 1;
    for (size_t slot = Hash(key) & mask;; slot = (slot + 1) & mask) {
      if (keys_[slot] == key) return values_[slot];
      if (keys_[slot] == 0) return kMissing;
    }
  }

  // Stores key -> value. REQUIRES: key != 0 and not yet present.
  void Insert(uint64_t key, uint32_t value);

  size_t size() const { return size_; }

 private:
  static uint64_t Hash(uint64_t key) {
    key += 0x9E3779B97F4A7C15ull;
    key = (key ^ (key >> 30)) * 0xBF58476D1CE4E5B9ull;
    key = (key ^ (key >> 27)) * 0x94D049BB133111EBull;
    return key ^ (key >> 31);
  }
  void Grow();
  void Place(uint64_t key, uint32_t value);

  std::vector<uint64_t> keys_;
  std::vector<uint32_t> values_;
  size_t size_ = 0;
};

}  // namespace khabar::dict::internal

#endif  // KHABAR_DICT_INTERNAL_EDGE_MAP_H_
