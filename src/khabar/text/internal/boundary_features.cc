#include "khabar/text/internal/boundary_features.h"

#include <algorithm>
#include <cstring>

#include "khabar/text/internal/char_class.h"

namespace khabar::text::internal {
namespace {

constexpr uint64_t kFnvOffset = 14695981039346656037ull;
constexpr size_t kMaxHashedBytes = 24;
constexpr size_t kMaxShape = 6;
constexpr size_t kSuffixBytes = 3;
constexpr size_t kMaxLength = 8;

// Hashes up to kMaxHashedBytes bytes, lower-cased, eight at a time.
uint64_t HashLower(std::string_view s) {
  unsigned char buffer[kMaxHashedBytes] = {};
  size_t n = s.size() < kMaxHashedBytes ? s.size() : kMaxHashedBytes;
  for (size_t i = 0; i < n; ++i) buffer[i] = static_cast<unsigned char>(AsciiLower(s[i]));
  uint64_t hash = kFnvOffset ^ n;
  for (size_t word = 0; word * 8 < n; ++word) {
    uint64_t chunk;
    std::memcpy(&chunk, buffer + word * 8, 8);
    hash = (hash ^ chunk) * 0x9E3779B97F4A7C15ull;
    hash ^= hash >> 29;
  }
  return hash;
}

// Word shape: X upper, x lower, d digit, u non-ASCII byte, other bytes themselves; runs
// longer than two collapse; at most kMaxShape symbols.
uint64_t HashShape(std::string_view s) {
  uint64_t packed = 0;
  char previous = 0;
  int run = 0;
  size_t written = 0;
  for (size_t i = 0; i < s.size() && written < kMaxShape; ++i) {
    char c = s[i];
    char symbol = IsAsciiUpper(c) ? 'X' : IsAsciiLower(c) ? 'x' : IsAsciiDigit(c) ? 'd' : c;
    if (static_cast<unsigned char>(c) >= 0x80) symbol = 'u';
    run = symbol == previous ? run + 1 : 1;
    previous = symbol;
    if (run > 2) continue;
    packed = packed << 8 | static_cast<unsigned char>(symbol);
    ++written;
  }
  return packed;
}

// Combines a template id and up to three values (boost::hash_combine on 64 bits).
uint64_t Combine(uint64_t seed, uint64_t value) {
  return seed ^ (value * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull + (seed << 6) + (seed >> 2));
}
uint64_t Feature(uint64_t id, uint64_t a) { return Combine(Combine(id * 0xD6E8FEB86659FD93ull, a), id); }
uint64_t Feature(uint64_t id, uint64_t a, uint64_t b) { return Combine(Feature(id, a), b); }
uint64_t Feature(uint64_t id, uint64_t a, uint64_t b, uint64_t c) { return Combine(Feature(id, a, b), c); }

uint32_t LengthBucket(uint32_t n) {
  if (n <= 5) return n;
  if (n <= 8) return 6;
  if (n <= 12) return 7;
  if (n <= 20) return 8;
  if (n <= 35) return 9;
  return 10;
}

const TokenHashes& Boundary() {
  static const TokenHashes kBoundary{1, 2, 3, 4, 5};
  return kBoundary;
}

// Hashes one token's text.
void HashToken(std::string_view word, TokenHashes* hashes) {
  TokenHashes& h = *hashes;
  h.word = HashLower(word.substr(0, kMaxHashedBytes));
  h.shape = HashShape(word);
  // The last three bytes, lower-cased, packed into an integer.
  uint64_t suffix = 0;
  for (size_t k = word.size() > kSuffixBytes ? word.size() - kSuffixBytes : 0; k < word.size(); ++k) {
    suffix = suffix << 8 | static_cast<unsigned char>(AsciiLower(word[k]));
  }
  h.suffix = suffix;
  h.first = static_cast<unsigned char>(AsciiLower(word[0]));
  h.tail = (word.size() < kMaxLength ? word.size() : kMaxLength) << 8 |
           static_cast<unsigned char>(word.back());
}

}  // namespace

void HashTokens(std::string_view text, std::span<const doc::Token> tokens,
                std::vector<TokenHashes>* hashes) {
  hashes->resize(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) HashToken(tokens[i].span.In(text), &(*hashes)[i]);
}

void HashCandidateNeighbourhoods(std::string_view text, std::span<const doc::Token> tokens,
                                 std::vector<TokenHashes>* hashes) {
  hashes->resize(tokens.size());
  size_t next_unhashed = 0;  // tokens below this index are already hashed
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (!IsBoundaryCandidate(text, tokens, i)) continue;
    for (size_t k = std::max(next_unhashed, i == 0 ? 0 : i - 1); k <= i + 1; ++k) {
      HashToken(tokens[k].span.In(text), &(*hashes)[k]);
    }
    next_unhashed = i + 2;
  }
}

bool IsBoundaryCandidate(std::string_view text, std::span<const doc::Token> tokens, size_t index) {
  char next = text[tokens[index + 1].span.begin];
  if (!IsAsciiLower(next)) return true;
  char last = text[tokens[index].span.end - 1];
  return !(IsAsciiAlpha(last) || IsAsciiDigit(last) || last == '\'' || last == ',');
}

size_t ExtractBoundaryFeatures(std::span<const doc::Token> tokens, std::span<const TokenHashes> hashes,
                               size_t index, uint32_t since_boundary,
                               uint64_t out[kMaxBoundaryFeatures]) {
  auto at = [&](ptrdiff_t i) -> const TokenHashes& {
    return i < 0 || static_cast<size_t>(i) >= hashes.size() ? Boundary() : hashes[i];
  };
  ptrdiff_t i = static_cast<ptrdiff_t>(index);
  const TokenHashes& w = at(i);
  const TokenHashes& p1 = at(i - 1);
  const TokenHashes& n1 = at(i + 1);
  uint64_t space_after = tokens[index].space_after;
  uint64_t length = LengthBucket(since_boundary);
  // Template ids are part of the model schema: retired ids (6, 7, 9, 13, 15, 16, 21) are
  // never reused for a different feature.
  size_t n = 0;
  out[n++] = Feature(0, 0);
  out[n++] = Feature(1, w.word);
  out[n++] = Feature(2, n1.word);
  out[n++] = Feature(3, p1.word);
  out[n++] = Feature(4, w.shape);
  out[n++] = Feature(5, n1.shape);
  out[n++] = Feature(8, w.word, n1.shape);
  out[n++] = Feature(10, w.word, n1.word);
  out[n++] = Feature(11, p1.word, w.word);
  out[n++] = Feature(12, n1.shape, space_after);
  out[n++] = Feature(14, w.word, length);
  out[n++] = Feature(17, p1.word, w.word, n1.shape);
  out[n++] = Feature(18, w.word, n1.first);
  out[n++] = Feature(19, w.suffix);
  out[n++] = Feature(20, p1.shape, w.shape, n1.shape);
  out[n++] = Feature(22, w.tail);
  return n;
}

}  // namespace khabar::text::internal
