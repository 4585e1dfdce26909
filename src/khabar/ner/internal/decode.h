// Decoding one sentence with perceptron weights: greedy left to right (each word sees the
// labels already chosen for the two words before it) or Viterbi over label bigrams (each
// word's label features see every possible previous label; Collins 2002). Both only produce
// well-formed IOB2 (an I-T follows B-T or I-T).
//
// `Scorer` is Weights at run time and Trainer (current weights) while training; both have
// Score(features, count, scores).
//
// Thread-safety: stateless; DecodeScratch is the caller's.
#ifndef KHABAR_NER_INTERNAL_DECODE_H_
#define KHABAR_NER_INTERNAL_DECODE_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "khabar/ner/internal/features.h"
#include "khabar/ner/labels.h"

namespace khabar::ner::internal {

inline constexpr uint32_t kClasses = kLabelCount;
// Previous-label rows of the label scores: the seven labels, then the sentence start.
inline constexpr uint32_t kPrevRows = kClasses + 1;
inline constexpr uint32_t kStartRow = kClasses;

struct DecodeScratch {
  std::vector<float> emission;            // [position][label]: label-independent scores
  std::vector<float> label;               // [position][previous row][label]: label-feature scores
  std::vector<float> best;                // Viterbi: best path score ending in [position][label]
  std::vector<uint8_t> back;              // Viterbi back pointers
  std::vector<double> forward, backward;  // marginals
  uint64_t features[kMaxFeatures];
};

inline bool Allowed(uint32_t previous_row, uint32_t label) {
  const std::optional<BioLabel> previous =
      previous_row == kStartRow ? std::nullopt
                                : std::optional<BioLabel>(static_cast<BioLabel>(previous_row));
  return AllowedAfter(previous, static_cast<BioLabel>(label));
}

inline uint32_t LabelOfRow(uint32_t row) { return row == kStartRow ? kStartLabel : row; }

// Fills scratch.emission and scratch.label for every position of `sentence`.
template <typename Scorer>
void ScoreSentence(const Scorer& scorer, const SentenceInfo& sentence, uint32_t groups,
                   DecodeScratch& scratch) {
  const size_t size = sentence.words.size();
  scratch.emission.assign(size * kClasses, 0.0f);
  scratch.label.assign(size * kPrevRows * kClasses, 0.0f);
  for (size_t position = 0; position < size; ++position) {
    size_t count = StaticFeatures(sentence, position, groups, scratch.features);
    scorer.Score(scratch.features, count, &scratch.emission[position * kClasses]);
    for (uint32_t row = 0; row < kPrevRows; ++row) {
      if (position == 0 ? row != kStartRow : row == kStartRow) continue;
      count =
          LabelFeatures(sentence, position, groups, LabelOfRow(row), kNoLabel, scratch.features);
      scorer.Score(scratch.features, count,
                   &scratch.label[(position * kPrevRows + row) * kClasses]);
    }
  }
}

// Viterbi over the scores ScoreSentence left in `scratch`; labels[0..size).
inline void Viterbi(size_t size, DecodeScratch& scratch, uint8_t* labels) {
  constexpr float kMinus = -std::numeric_limits<float>::infinity();
  scratch.best.assign(size * kClasses, kMinus);
  scratch.back.assign(size * kClasses, 0);
  for (size_t position = 0; position < size; ++position) {
    const float* emission = &scratch.emission[position * kClasses];
    for (uint32_t label = 0; label < kClasses; ++label) {
      float best = kMinus;
      uint8_t back = 0;
      for (uint32_t row = 0; row < kPrevRows; ++row) {
        if ((position == 0) != (row == kStartRow) || !Allowed(row, label)) continue;
        const float previous = position == 0 ? 0.0f : scratch.best[(position - 1) * kClasses + row];
        const float score =
            previous + scratch.label[(position * kPrevRows + row) * kClasses + label];
        if (score > best) {
          best = score;
          back = static_cast<uint8_t>(row);
        }
      }
      scratch.best[position * kClasses + label] = best + emission[label];
      scratch.back[position * kClasses + label] = back;
    }
  }
  if (size == 0) return;
  uint32_t label = 0;
  for (uint32_t candidate = 1; candidate < kClasses; ++candidate) {
    if (scratch.best[(size - 1) * kClasses + candidate] >
        scratch.best[(size - 1) * kClasses + label])
      label = candidate;
  }
  for (size_t position = size; position-- > 0;) {
    labels[position] = static_cast<uint8_t>(label);
    label = scratch.back[position * kClasses + label];
  }
}

// Per-word marginal probability of labels[i] when the scores are read as the potentials
// of a linear-chain CRF (forward-backward in log space); written to confidence[0..size).
void Marginals(size_t size, DecodeScratch& scratch, const uint8_t* labels, float* confidence);

// Greedy decoding; when `confidence` is not null, each word's softmax probability of its
// label among the allowed ones.
template <typename Scorer>
void GreedyDecode(const Scorer& scorer, const SentenceInfo& sentence, uint32_t groups,
                  DecodeScratch& scratch, uint8_t* labels, float* confidence) {
  float scores[kClasses];
  for (size_t position = 0; position < sentence.words.size(); ++position) {
    const uint32_t previous = position == 0 ? kStartLabel : labels[position - 1];
    const uint32_t previous2 = position < 2 ? kStartLabel : labels[position - 2];
    size_t count = StaticFeatures(sentence, position, groups, scratch.features);
    count +=
        LabelFeatures(sentence, position, groups, previous, previous2, scratch.features + count);
    std::fill(scores, scores + kClasses, 0.0f);
    scorer.Score(scratch.features, count, scores);
    const uint32_t row = position == 0 ? kStartRow : labels[position - 1];
    uint32_t best = 0;  // O is always allowed
    for (uint32_t label = 1; label < kClasses; ++label) {
      if (Allowed(row, label) && scores[label] > scores[best]) best = label;
    }
    labels[position] = static_cast<uint8_t>(best);
    if (confidence == nullptr) continue;
    double total = 0;
    for (uint32_t label = 0; label < kClasses; ++label) {
      if (Allowed(row, label)) total += std::exp(static_cast<double>(scores[label] - scores[best]));
    }
    const double probability = 1.0 / total;  // NaN when extreme scores overflowed
    confidence[position] =
        probability >= 0.0 ? static_cast<float>(std::min(probability, 1.0)) : 0.0f;
  }
}

}  // namespace khabar::ner::internal

#endif  // KHABAR_NER_INTERNAL_DECODE_H_
