// Greedy left-to-right decoding of one sentence with one set of perceptron weights.
//
// Thread-safety: stateless; `scores` and `labels` are the caller's scratch.
#ifndef KHABAR_TAG_INTERNAL_DECODE_H_
#define KHABAR_TAG_INTERNAL_DECODE_H_

#include <algorithm>
#include <cstdint>

#include "khabar/tag/internal/features.h"
#include "khabar/tag/internal/perceptron.h"

namespace khabar::tag::internal {

// Labels every word of `sentence` (prepared by PrepareSentence) into labels[0..size).
// REQUIRES: `scores` holds weights.class_count() floats; `first_pass` null or size labels.
inline void GreedyDecode(const PerceptronWeights& weights, const SentenceFeatures& sentence,
                         const uint16_t* first_pass, float* scores, uint16_t* labels) {
  uint32_t class_count = weights.class_count();
  uint64_t features[kMaxFeatures];
  for (size_t position = 0; position < sentence.words.size(); ++position) {
    size_t count = ExtractFeatures(sentence, position, labels, first_pass, features);
    std::fill(scores, scores + class_count, 0.0f);
    weights.Score(features, count, scores);
    uint32_t best = 0;
    for (uint32_t label = 1; label < class_count; ++label) {
      if (scores[label] > scores[best]) best = label;
    }
    labels[position] = static_cast<uint16_t>(best);
  }
}

}  // namespace khabar::tag::internal

#endif  // KHABAR_TAG_INTERNAL_DECODE_H_
