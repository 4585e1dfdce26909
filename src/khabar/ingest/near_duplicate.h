// Near-duplicate detection: an exact content hash, a SimHash fingerprint, and an index that
// finds fingerprints within a small Hamming distance.
//
//   ingest::NearDuplicateIndex index;
//   index.Add("000", ingest::SimHash(first.raw));
//   if (auto original = index.FindNear(ingest::SimHash(second.raw))) second.near_duplicate_of =
//   *original;
//
// SimHash: M. Charikar, "Similarity estimation techniques from rounding algorithms", STOC 2002;
// the banded lookup follows G. S. Manku et al., "Detecting near-duplicates for web crawling",
// WWW 2007.
#ifndef KHABAR_INGEST_NEAR_DUPLICATE_H_
#define KHABAR_INGEST_NEAR_DUPLICATE_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace khabar::ingest {

// The text as hashed: ASCII letters lower-cased, runs of whitespace folded to one space, trimmed.
std::string FoldForHash(std::string_view text);

// XXH3 64-bit hash of FoldForHash(text): equal for texts that differ only in case and spacing.
uint64_t ContentHash(std::string_view text);

// 64-bit SimHash over word 3-shingles (words: runs of ASCII letters and digits, lower-cased,
// and of non-ASCII bytes). Texts with fewer than three words use the words they have.
// When the text has four or more paragraphs (separated by "\n\n", as in Document::raw), the
// first and last are left out: syndicated copies differ exactly there (bylines, credits,
// "first published in" notes), and with +-1 votes even 3% of changed shingles moves a
// fingerprint by about 6 bits, beyond the 3-bit threshold.
uint64_t SimHash(std::string_view text);

int HammingDistance(uint64_t a, uint64_t b);

// Thread-compatible: concurrent FindNear calls are safe; Add needs exclusive access.
class NearDuplicateIndex {
 public:
  static constexpr int kBands = 4;  // 64 bits in 4 bands of 16: distance <= 3 shares a band

  void Add(std::string id, uint64_t simhash);

  // The id of the first added fingerprint within max_distance bits of `simhash`, if any.
  // REQUIRES: max_distance < kBands (otherwise pairs may share no band and be missed).
  std::optional<std::string> FindNear(uint64_t simhash, int max_distance = 3) const;

  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string id;
    uint64_t simhash;
  };
  std::vector<Entry> entries_;
  // band -> (16-bit band value -> indexes into entries_)
  std::array<std::unordered_map<uint16_t, std::vector<uint32_t>>, kBands> bands_;
};

}  // namespace khabar::ingest

#endif  // KHABAR_INGEST_NEAR_DUPLICATE_H_
