// Hashing and an open-addressing map from 64-bit keys to 32-bit values, the lookup
// structure of every tagger table (features, lexicon, lemma scripts).
//
// Keys are hashes; 0 is reserved for "empty" (HashKey never returns it). Lookups do not
// allocate. The serialised form is validated on load (power-of-two capacity, load factor,
// every key reachable) so a corrupted file cannot make Find loop forever.
//
// Thread-safety: immutable after building; Find may run from many threads.
#ifndef KHABAR_TAG_INTERNAL_HASH_INDEX_H_
#define KHABAR_TAG_INTERNAL_HASH_INDEX_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/model/coding.h"

namespace khabar::tag::internal {

// A strong 64-bit finaliser (splitmix64).
inline uint64_t Mix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// FNV-1a over `bytes`, started from `seed`, then mixed. Never 0.
inline uint64_t HashBytes(uint64_t seed, std::string_view bytes) {
  uint64_t h = 0xCBF29CE484222325ull ^ Mix64(seed);
  for (unsigned char c : bytes) h = (h ^ c) * 0x100000001B3ull;
  uint64_t mixed = Mix64(h);
  return mixed == 0 ? 1 : mixed;
}

// Combines two hashes (order matters). Never 0.
inline uint64_t HashPair(uint64_t a, uint64_t b) {
  uint64_t mixed = Mix64(a * 0x9E3779B97F4A7C15ull + Mix64(b));
  return mixed == 0 ? 1 : mixed;
}

class HashIndex {
 public:
  static constexpr uint32_t kMissing = 0xFFFFFFFFu;

  // Builds from parallel arrays. REQUIRES: keys nonzero and distinct.
  static HashIndex Build(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& values);

  uint32_t Find(uint64_t key) const {
    if (keys_.empty()) return kMissing;
    size_t mask = keys_.size() - 1;
    for (size_t slot = key & mask;; slot = (slot + 1) & mask) {
      if (keys_[slot] == key) return values_[slot];
      if (keys_[slot] == 0) return kMissing;
    }
  }
  size_t size() const { return size_; }
  // True if `predicate(value)` holds for every stored value.
  template <typename Predicate>
  bool AllValuesSatisfy(Predicate predicate) const {
    for (size_t slot = 0; slot < keys_.size(); ++slot) {
      if (keys_[slot] != 0 && !predicate(values_[slot])) return false;
    }
    return true;
  }
  // True if every stored value is below `bound`.
  bool AllValuesBelow(uint32_t bound) const {
    for (size_t slot = 0; slot < keys_.size(); ++slot) {
      if (keys_[slot] != 0 && values_[slot] >= bound) return false;
    }
    return true;
  }
  size_t capacity() const { return keys_.size(); }

  void Encode(model::Encoder& out) const;
  // DataLoss on truncation or an invalid table. `max_value` bounds every stored value.
  static StatusOr<HashIndex> Decode(model::Decoder& in, uint32_t max_value);

 private:
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> values_;
  size_t size_ = 0;
};

}  // namespace khabar::tag::internal

#endif  // KHABAR_TAG_INTERNAL_HASH_INDEX_H_
