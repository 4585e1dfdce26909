#include "khabar/ingest/near_duplicate.h"

#include <xxhash.h>

#include <algorithm>
#include <cctype>

namespace khabar::ingest {
namespace {

constexpr size_t kShingleWords = 3;
constexpr uint8_t kSignatureFormat = 1;
constexpr size_t kSignatureBytes = 2 + 4 * kMinHashSize;

// Hash function i of the signature is h_i(x) = high 32 bits of (a_i * x + b_i) mod 2^64, over
// the XXH3 hash x of a shingle, with odd a_i: a fixed family, so stored signatures stay
// comparable. The constants come from a splitmix64 sequence (Steele et al., OOPSLA 2014).
struct HashFamily {
  std::array<uint64_t, kMinHashSize> multiplier;
  std::array<uint64_t, kMinHashSize> addend;
};

constexpr uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

constexpr HashFamily MakeHashFamily() {
  HashFamily family{};
  uint64_t state = 0x6B686162617200ull;  // "khabar": any fixed value; never change it
  for (int slot = 0; slot < kMinHashSize; ++slot) {
    family.multiplier[slot] = SplitMix64(state) | 1;
    family.addend[slot] = SplitMix64(state);
  }
  return family;
}

constexpr HashFamily kHashFamily = MakeHashFamily();

enum class CharClass { kWord, kSeparator, kStripped };

// Classifies the character starting at text[pos] and stores its length in bytes in *length.
// Only the separators and punctuation of ShingleWords are recognised; other bytes, including
// invalid UTF-8, are word bytes of length 1.
CharClass Classify(std::string_view text, size_t pos, size_t* length) {
  auto byte = [&](size_t offset) {
    return pos + offset < text.size() ? static_cast<unsigned char>(text[pos + offset]) : 0;
  };
  *length = 1;
  unsigned char lead = byte(0);
  if (lead < 0x80) {
    if (std::isalnum(lead)) return CharClass::kWord;
    return std::isspace(lead) ? CharClass::kSeparator : CharClass::kStripped;
  }
  if (lead == 0xC2 && byte(1) >= 0xA0 && byte(1) <= 0xBF) {  // U+00A0-U+00BF
    *length = 2;
    return byte(1) == 0xA0 ? CharClass::kSeparator : CharClass::kStripped;
  }
  if (lead == 0xE2 && byte(1) == 0x80 && byte(2) >= 0x80 && byte(2) <= 0x8A) {  // U+2000-200A
    *length = 3;
    return CharClass::kSeparator;
  }
  bool in_2010_203f = byte(1) == 0x80 && byte(2) >= 0x90 && byte(2) <= 0xBF;
  bool in_2040_205e = byte(1) == 0x81 && byte(2) >= 0x80 && byte(2) <= 0x9E;
  if (lead == 0xE2 && (in_2010_203f || in_2040_205e)) {
    *length = 3;
    return CharClass::kStripped;
  }
  return CharClass::kWord;
}

uint64_t HashShingle(const std::vector<std::string>& words, size_t begin, size_t count) {
  std::string shingle = words[begin];
  for (size_t index = begin + 1; index < begin + count; ++index) {
    shingle.push_back(' ');
    shingle.append(words[index]);
  }
  return XXH3_64bits(shingle.data(), shingle.size());
}

void AddShingle(uint64_t hash, MinHashSignature& signature) {
  for (int slot = 0; slot < kMinHashSize; ++slot) {
    uint64_t mixed = kHashFamily.multiplier[slot] * hash + kHashFamily.addend[slot];
    signature[slot] = std::min(signature[slot], static_cast<uint32_t>(mixed >> 32));
  }
}

uint64_t BandKey(const MinHashSignature& signature, int band) {
  const uint32_t* rows = signature.data() + band * NearDuplicateIndex::kRows;
  return XXH3_64bits(rows, sizeof(uint32_t) * NearDuplicateIndex::kRows);
}

}  // namespace

std::string FoldForHash(std::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  bool pending_space = false;
  for (char ch : text) {
    auto byte = static_cast<unsigned char>(ch);
    if (std::isspace(byte)) {
      pending_space = !folded.empty();
      continue;
    }
    if (pending_space) folded.push_back(' ');
    pending_space = false;
    folded.push_back(static_cast<char>(byte < 0x80 ? std::tolower(byte) : byte));
  }
  return folded;
}

uint64_t ContentHash(std::string_view text) {
  std::string folded = FoldForHash(text);
  return XXH3_64bits(folded.data(), folded.size());
}

std::vector<std::string> ShingleWords(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  size_t length = 1;
  for (size_t pos = 0; pos < text.size(); pos += length) {
    CharClass kind = Classify(text, pos, &length);
    if (kind == CharClass::kWord) {
      for (size_t offset = 0; offset < length; ++offset) {
        auto byte = static_cast<unsigned char>(text[pos + offset]);
        current.push_back(static_cast<char>(byte < 0x80 ? std::tolower(byte) : byte));
      }
    } else if (kind == CharClass::kSeparator && !current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

MinHashSignature ComputeMinHash(std::string_view text) {
  MinHashSignature signature;
  signature.fill(kEmptyMinHashSlot);
  std::vector<std::string> words = ShingleWords(text);
  if (words.empty()) return signature;
  size_t width = std::min(words.size(), kShingleWords);
  for (size_t begin = 0; begin + width <= words.size(); ++begin) {
    AddShingle(HashShingle(words, begin, width), signature);
  }
  return signature;
}

bool IsEmptySignature(const MinHashSignature& signature) {
  return std::all_of(signature.begin(), signature.end(),
                     [](uint32_t slot) { return slot == kEmptyMinHashSlot; });
}

double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b) {
  if (IsEmptySignature(a) || IsEmptySignature(b)) return 0.0;
  int agreeing = 0;
  for (int slot = 0; slot < kMinHashSize; ++slot) agreeing += a[slot] == b[slot] ? 1 : 0;
  return static_cast<double>(agreeing) / kMinHashSize;
}

std::string SerializeSignature(const MinHashSignature& signature) {
  std::string bytes;
  bytes.reserve(kSignatureBytes);
  bytes.push_back(static_cast<char>(kSignatureFormat));
  bytes.push_back(static_cast<char>(kMinHashSize));
  for (uint32_t slot : signature) {
    for (int shift = 0; shift < 32; shift += 8) bytes.push_back(static_cast<char>(slot >> shift));
  }
  return bytes;
}

bool ParseSignature(std::string_view bytes, MinHashSignature* signature) {
  if (bytes.size() != kSignatureBytes || static_cast<uint8_t>(bytes[0]) != kSignatureFormat ||
      static_cast<uint8_t>(bytes[1]) != kMinHashSize) {
    return false;
  }
  for (int slot = 0; slot < kMinHashSize; ++slot) {
    uint32_t value = 0;
    for (int byte = 3; byte >= 0; --byte) {
      value = (value << 8) | static_cast<uint8_t>(bytes[2 + 4 * slot + byte]);
    }
    (*signature)[slot] = value;
  }
  return true;
}

void NearDuplicateIndex::Add(std::string id, const MinHashSignature& signature) {
  auto entry_index = static_cast<uint32_t>(entries_.size());
  entries_.push_back(Entry{std::move(id), signature});
  if (IsEmptySignature(signature)) return;
  for (int band = 0; band < kBands; ++band) {
    bands_[band][BandKey(signature, band)].push_back(entry_index);
  }
}

std::optional<std::string> NearDuplicateIndex::FindNear(const MinHashSignature& signature,
                                                        std::string_view except_id) const {
  if (IsEmptySignature(signature)) return std::nullopt;
  std::vector<uint32_t> candidates;
  for (int band = 0; band < kBands; ++band) {
    auto found = bands_[band].find(BandKey(signature, band));
    if (found == bands_[band].end()) continue;
    candidates.insert(candidates.end(), found->second.begin(), found->second.end());
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::optional<uint32_t> best;
  double best_jaccard = kNearDuplicateJaccard;
  for (uint32_t entry_index : candidates) {  // ascending, so ties keep the earliest
    const Entry& entry = entries_[entry_index];
    if (!except_id.empty() && entry.id == except_id) continue;
    double jaccard = EstimateJaccard(entry.signature, signature);
    if (jaccard < best_jaccard || (best && jaccard == best_jaccard)) continue;
    best = entry_index;
    best_jaccard = jaccard;
  }
  if (!best) return std::nullopt;
  return entries_[*best].id;
}

}  // namespace khabar::ingest
