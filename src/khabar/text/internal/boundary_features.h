// Features of a candidate sentence boundary after one token, hashed to 64 bits.
//
// Each token's text is hashed once (HashTokens); features then combine those hashes with
// cheap integer mixing, so scoring a boundary costs no string work.
//
// Thread-safety: stateless functions.
#ifndef KHABAR_TEXT_INTERNAL_BOUNDARY_FEATURES_H_
#define KHABAR_TEXT_INTERNAL_BOUNDARY_FEATURES_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "khabar/doc/document.h"

namespace khabar::text::internal {

inline constexpr size_t kMaxBoundaryFeatures = 24;

// Hashes of one token's text.
struct TokenHashes {
  uint64_t word = 0;    // lower-cased text (first 24 bytes)
  uint64_t shape = 0;   // word shape: Xx, dd, ...
  uint64_t suffix = 0;  // last three bytes, lower-cased
  uint64_t first = 0;   // first byte, lower-cased
  uint64_t tail = 0;    // length (capped at 8) and last byte
};

// Fills *hashes with one entry per token.
void HashTokens(std::string_view text, std::span<const doc::Token> tokens,
                std::vector<TokenHashes>* hashes);

// Sizes *hashes to one entry per token but fills only the entries that scoring can read:
// each boundary candidate (IsBoundaryCandidate) and its two neighbours. Others are left
// unspecified. Most tokens are plain words followed by a lower-case word, so this skips
// most of the hashing.
void HashCandidateNeighbourhoods(std::string_view text, std::span<const doc::Token> tokens,
                                 std::vector<TokenHashes>* hashes);

// True if a sentence can end after tokens[index] at all: the token is not a plain word, or
// the next token does not start with a lower-case letter. Other positions are never
// boundaries (a speed filter; it loses a few unpunctuated boundaries before lower-case
// words). REQUIRES: index + 1 < tokens.size().
bool IsBoundaryCandidate(std::string_view text, std::span<const doc::Token> tokens, size_t index);

// Writes the hashed features of "a sentence ends after tokens[index]" into `out` and
// returns their number. `since_boundary` is the number of tokens since the previous
// predicted boundary (1 for the first token of a sentence).
// REQUIRES: index < tokens.size() == hashes.size().
size_t ExtractBoundaryFeatures(std::span<const doc::Token> tokens, std::span<const TokenHashes> hashes,
                               size_t index, uint32_t since_boundary,
                               uint64_t out[kMaxBoundaryFeatures]);

}  // namespace khabar::text::internal

#endif  // KHABAR_TEXT_INTERNAL_BOUNDARY_FEATURES_H_
