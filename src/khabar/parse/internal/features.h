// Feature extraction and scoring for the parser: the templates of Zhang and Nivre,
// "Transition-based Dependency Parsing with Rich Non-local Features" (ACL 2011), adapted
// to the arc-hybrid stack and buffer: words, tags and labels of s0..s2, b0..b2 and of
// the nearest children of s0, s1 and b0, plus distance, valency and child-label sets.
//
// Every feature is a 64-bit hash. Its weights for all actions are a contiguous run of
// the weight table starting at (hash & (2^bits - 1)); the table has 2^bits + actions
// floats so no run wraps. Scoring allocates nothing.
//
// Thread-safety: free functions over caller-owned memory.
#ifndef KHABAR_PARSE_INTERNAL_FEATURES_H_
#define KHABAR_PARSE_INTERNAL_FEATURES_H_

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "khabar/parse/internal/transition.h"

namespace khabar::parse::internal {

inline constexpr uint32_t kFeatureCount = 104;
using FeatureVector = std::array<uint64_t, kFeatureCount>;

// One word as the features see it: node 0 is the root.
struct NodeInfo {
  uint64_t form = 0;    // HashForm of the form
  uint64_t suffix = 0;  // HashSuffix of the form
  uint16_t upos = 0;
  uint16_t xpos = 0;
};

uint64_t HashForm(std::string_view form);
// Hash of the form's last three bytes, lowercased.
uint64_t HashSuffix(std::string_view form);

// Fills `features` for `state`. `nodes` has one entry per node including the root.
void ExtractFeatures(const State& state, std::span<const NodeInfo> nodes, FeatureVector& features);

// scores[a] = sum over features of weights[(f & mask) + a], for a < scores.size().
// REQUIRES: weights.size() == mask + 1 + scores.size().
void ScoreActions(std::span<const float> weights, uint64_t mask, const FeatureVector& features,
                  std::span<float> scores);

}  // namespace khabar::parse::internal

#endif  // KHABAR_PARSE_INTERNAL_FEATURES_H_
