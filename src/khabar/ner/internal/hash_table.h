// Hashing and an open-addressing map from nonzero 64-bit keys to 32-bit values: the lookup
// structure of every NER model table (feature weights, lexicon, word clusters).
//
// The same design as the tagger's table (tag/internal/hash_index.h), kept separate because
// a stage library may not link another stage. Keys are hashes; 0 marks an empty slot
// (HashBytes and HashPair never return it). Lookups do not allocate. The serialised form is
// the occupied slots; Decode checks the capacity, every slot and every key's reachability
// by linear probing, so no file can make Find loop or read out of bounds.
//
//   HashTable table = HashTable::Build({HashBytes(1, "paris")}, {7});
//   uint32_t row = table.Find(HashBytes(1, "paris"));  // 7; HashTable::kMissing if absent
//
// Thread-safety: immutable after building; Find may run from many threads.
#ifndef KHABAR_NER_INTERNAL_HASH_TABLE_H_
#define KHABAR_NER_INTERNAL_HASH_TABLE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/model/coding.h"

namespace khabar::ner::internal {

// splitmix64's finaliser.
inline uint64_t Mix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// FNV-1a over `bytes`, started from 0xCBF29CE484222325 ^ Mix64(seed), then mixed. Never 0.
inline uint64_t HashBytes(uint64_t seed, std::string_view bytes) {
  uint64_t h = 0xCBF29CE484222325ull ^ Mix64(seed);
  for (unsigned char c : bytes) h = (h ^ c) * 0x100000001B3ull;
  const uint64_t mixed = Mix64(h);
  return mixed == 0 ? 1 : mixed;
}

// Combines two hashes (order matters). Never 0.
inline uint64_t HashPair(uint64_t a, uint64_t b) {
  const uint64_t mixed = Mix64(a * 0x9E3779B97F4A7C15ull + Mix64(b));
  return mixed == 0 ? 1 : mixed;
}

class HashTable {
 public:
  static constexpr uint32_t kMissing = 0xFFFFFFFFu;
  static constexpr uint32_t kMaxCapacityLog2 = 30;

  // REQUIRES: keys nonzero and distinct; keys.size() == values.size() < 2^29.
  static HashTable Build(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& values);

  uint32_t Find(uint64_t key) const {
    if (keys_.empty()) return kMissing;
    const size_t mask = keys_.size() - 1;
    for (size_t slot = key & mask;; slot = (slot + 1) & mask) {
      if (keys_[slot] == key) return values_[slot];
      if (keys_[slot] == 0) return kMissing;
    }
  }
  size_t size() const { return size_; }
  size_t capacity() const { return keys_.size(); }
  // True if every stored value is below `bound`.
  bool AllValuesBelow(uint32_t bound) const;
  // Calls visit(key, value) for every entry, in slot order.
  template <typename Visit>
  void ForEach(Visit visit) const {
    for (size_t slot = 0; slot < keys_.size(); ++slot) {
      if (keys_[slot] != 0) visit(keys_[slot], values_[slot]);
    }
  }

  // varint32 capacity_log2, varint64 count, count x (fixed32 slot, fixed64 key, fixed32
  // value) in slot order (docs/formats/ner.md).
  void Encode(model::Encoder& out) const;
  // DataLoss on truncation or an invalid table; every value must be at most `max_value`.
  static StatusOr<HashTable> Decode(model::Decoder& in, uint32_t max_value);

 private:
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> values_;
  size_t size_ = 0;
};

}  // namespace khabar::ner::internal

#endif  // KHABAR_NER_INTERNAL_HASH_TABLE_H_
