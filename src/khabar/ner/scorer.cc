#include "khabar/ner/scorer.h"

namespace khabar::ner {

void NerScores::Add(std::span<const BioLabel> gold, std::span<const BioLabel> system) {
  DecodeSpans(gold, gold_spans_);
  DecodeSpans(system, system_spans_);
  ++sentences;
  words += gold.size();
  for (const LabelSpan& span : gold_spans_) {
    ++all.gold;
    ++by_type[static_cast<size_t>(span.type)].gold;
  }
  // Both lists are sorted by begin and do not overlap: merge them.
  size_t gold_idx = 0;
  for (const LabelSpan& span : system_spans_) {
    ++all.system;
    ++by_type[static_cast<size_t>(span.type)].system;
    while (gold_idx < gold_spans_.size() && gold_spans_[gold_idx].begin < span.begin) ++gold_idx;
    if (gold_idx < gold_spans_.size() && gold_spans_[gold_idx] == span) {
      ++all.correct;
      ++by_type[static_cast<size_t>(span.type)].correct;
    }
  }
}

}  // namespace khabar::ner
