#include "khabar/ingest/near_duplicate.h"

#include <xxhash.h>

#include <array>
#include <bit>
#include <cctype>

namespace khabar::ingest {
namespace {

constexpr size_t kShingleWords = 3;
constexpr size_t kMinParagraphsToTrim = 4;

// The text without its first and last paragraphs when it has at least kMinParagraphsToTrim:
// syndicated copies differ exactly there (bylines, credits, "first published in" notes).
std::string_view Body(std::string_view text) {
  std::vector<size_t> breaks;
  for (size_t pos = text.find("\n\n"); pos != std::string_view::npos;
       pos = text.find("\n\n", pos + 2)) {
    breaks.push_back(pos);
  }
  if (breaks.size() + 1 < kMinParagraphsToTrim) return text;
  return text.substr(breaks.front() + 2, breaks.back() - breaks.front() - 2);
}
constexpr int kBandBits = 64 / NearDuplicateIndex::kBands;

bool IsWordByte(unsigned char byte) { return std::isalnum(byte) || byte >= 0x80; }

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char ch : text) {
    auto byte = static_cast<unsigned char>(ch);
    if (IsWordByte(byte)) {
      current.push_back(static_cast<char>(std::tolower(byte)));
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

uint64_t HashShingle(const std::vector<std::string>& words, size_t begin, size_t count) {
  std::string shingle;
  for (size_t index = begin; index < begin + count; ++index) {
    shingle.append(words[index]);
    shingle.push_back(' ');
  }
  return XXH3_64bits(shingle.data(), shingle.size());
}

uint16_t Band(uint64_t simhash, int band) {
  return static_cast<uint16_t>(simhash >> (band * kBandBits));
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

uint64_t SimHash(std::string_view text) {
  std::vector<std::string> words = Words(Body(text));
  if (words.empty()) return 0;
  size_t width = std::min(words.size(), kShingleWords);
  std::array<int64_t, 64> weights{};
  for (size_t begin = 0; begin + width <= words.size(); ++begin) {
    uint64_t hash = HashShingle(words, begin, width);
    for (int bit = 0; bit < 64; ++bit) weights[bit] += ((hash >> bit) & 1) ? 1 : -1;
  }
  uint64_t simhash = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (weights[bit] > 0) simhash |= uint64_t{1} << bit;
  }
  return simhash;
}

int HammingDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

void NearDuplicateIndex::Add(std::string id, uint64_t simhash) {
  auto entry_index = static_cast<uint32_t>(entries_.size());
  entries_.push_back(Entry{std::move(id), simhash});
  for (int band = 0; band < kBands; ++band)
    bands_[band][Band(simhash, band)].push_back(entry_index);
}

std::optional<std::string> NearDuplicateIndex::FindNear(uint64_t simhash, int max_distance) const {
  std::optional<uint32_t> best;
  for (int band = 0; band < kBands; ++band) {
    auto found = bands_[band].find(Band(simhash, band));
    if (found == bands_[band].end()) continue;
    for (uint32_t entry_index : found->second) {
      if (HammingDistance(entries_[entry_index].simhash, simhash) > max_distance) continue;
      if (!best || entry_index < *best) best = entry_index;
    }
  }
  if (!best) return std::nullopt;
  return entries_[*best].id;
}

}  // namespace khabar::ingest
