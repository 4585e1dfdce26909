// Near-duplicate detection: an exact content hash, a MinHash signature that estimates the
// Jaccard similarity of two texts' word 3-shingle sets, and an LSH index that finds the most
// similar earlier signature.
//
//   ingest::NearDuplicateIndex index;
//   index.Add("000", ingest::ComputeMinHash(first.raw));
//   if (auto original = index.FindNear(ingest::ComputeMinHash(second.raw))) {
//     second.near_duplicate_of = *original;
//   }
//
// MinHash: A. Z. Broder, "On the resemblance and containment of documents", SEQUENCES 1997.
// Banded LSH: J. Leskovec, A. Rajaraman, J. D. Ullman, "Mining of Massive Datasets", ch. 3.4.
//
// Everything here is deterministic across runs and platforms: signatures are stored in the
// database (documents.minhash, docs/formats/schema.md) and compared with later ones.
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

// Number of hash functions (slots) in a signature.
inline constexpr int kMinHashSize = 64;

// Slot i holds the minimum, over the text's shingles, of the i-th hash function (the high 32
// bits of a seeded 64-bit mix of the shingle's XXH3 hash). Two signatures agree in a slot with
// probability equal to the Jaccard similarity of the shingle sets. A text without words has
// every slot at kEmptyMinHashSlot.
using MinHashSignature = std::array<uint32_t, kMinHashSize>;
inline constexpr uint32_t kEmptyMinHashSlot = 0xFFFFFFFFu;

// The words of `text` as shingled: split at whitespace (ASCII, U+00A0, U+2000-U+200A), ASCII
// letters lower-cased, ASCII punctuation and symbols and the punctuation of U+00A1-U+00BF and
// U+2010-U+205E removed from each word ("Al-Rifi's," -> "alrifis"); words left empty are
// dropped. Other bytes (letters of other scripts) are kept as they are.
std::vector<std::string> ShingleWords(std::string_view text);

// MinHash signature of the set of word 3-shingles of `text` (ShingleWords, joined by spaces).
// A text of one or two words has one shingle of all its words. All paragraphs count.
MinHashSignature ComputeMinHash(std::string_view text);

// True when the signature is of a text without words.
bool IsEmptySignature(const MinHashSignature& signature);

// Fraction of slots in which `a` and `b` agree: an unbiased estimate of the Jaccard similarity,
// with a standard error of sqrt(J(1-J)/64) <= 0.0625. 0 when either signature is empty.
double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b);

// Serialised form (docs/formats/ingest.md, "Near-duplicates"): one byte format version (1),
// one byte slot count (64), then the slots as little-endian uint32; 258 bytes in all.
std::string SerializeSignature(const MinHashSignature& signature);

// Parses what SerializeSignature wrote. False (and *signature unchanged) for any other size,
// version or slot count, e.g. an empty string from a database row written before MinHash.
// REQUIRES: signature != nullptr.
bool ParseSignature(std::string_view bytes, MinHashSignature* signature);

// LSH index over MinHash signatures: kBands bands of kRows slots each; two signatures become
// candidates when they agree on every slot of at least one band, which happens with
// probability 1 - (1 - J^4)^16: 0.99 at J = 0.7, 0.64 at J = 0.5, 0.12 at J = 0.3 and 0.03 at
// J = 0.2. Candidates are then checked by EstimateJaccard >= kNearDuplicateJaccard.
//
// Thread-compatible: concurrent FindNear calls are safe; Add needs exclusive access.
class NearDuplicateIndex {
 public:
  static constexpr int kBands = 16;
  static constexpr int kRows = kMinHashSize / kBands;
  static_assert(kBands * kRows == kMinHashSize);

  // Syndicated copies of one short article (a new headline or footer, a few words changed)
  // share 80-95% of their shingles; different stories about the same events and places
  // share under 20%.
  static constexpr double kNearDuplicateJaccard = 0.7;

  // Empty signatures are kept (for size()) but never found.
  void Add(std::string id, const MinHashSignature& signature);

  // The id of the added signature with the highest estimated Jaccard similarity to
  // `signature`, if that is at least kNearDuplicateJaccard; ties go to the earliest added.
  // Entries whose id equals `except_id` are ignored (a document already in the index must
  // not be reported as a near-duplicate of itself). Never finds anything for an empty
  // signature.
  std::optional<std::string> FindNear(const MinHashSignature& signature,
                                      std::string_view except_id = {}) const;

  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string id;
    MinHashSignature signature;
  };
  std::vector<Entry> entries_;
  // band -> (hash of the band's kRows slots -> indexes into entries_)
  std::array<std::unordered_map<uint64_t, std::vector<uint32_t>>, kBands> bands_;
};

}  // namespace khabar::ingest

#endif  // KHABAR_INGEST_NEAR_DUPLICATE_H_
