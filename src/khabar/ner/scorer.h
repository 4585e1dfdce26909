// Entity-level scoring in the CoNLL 2003 way (conlleval): a predicted mention is correct
// when a gold mention has exactly its words and its type. Precision, recall and F1 are
// micro-averaged over PER, ORG and LOC, and also given per type. Both label sequences are
// decoded with DecodeSpans (labels.h), so an I-T without a B-T starts a mention.
//
//   NerScores scores;
//   for (...) scores.Add(gold_labels, system_labels);
//   fmt::print("{:.2f}\n", scores.all.F1());
//
// Thread-safety: a value; one writer at a time.
#ifndef KHABAR_NER_SCORER_H_
#define KHABAR_NER_SCORER_H_

#include <array>
#include <cstddef>
#include <span>
#include <vector>

#include "khabar/ner/labels.h"

namespace khabar::ner {

struct EntityCounts {
  size_t gold = 0;
  size_t system = 0;
  size_t correct = 0;

  // Percentages; 0 when the denominator is 0.
  double Precision() const { return system ? 100.0 * correct / system : 0.0; }
  double Recall() const { return gold ? 100.0 * correct / gold : 0.0; }
  double F1() const { return gold + system ? 200.0 * correct / (gold + system) : 0.0; }
};

struct NerScores {
  EntityCounts all;
  std::array<EntityCounts, doc::kEntityTypeCount> by_type;  // indexed by EntityType; [0] unused
  size_t sentences = 0;
  size_t words = 0;

  // Scores one sentence. REQUIRES: gold.size() == system.size().
  void Add(std::span<const BioLabel> gold, std::span<const BioLabel> system);
  const EntityCounts& type(EntityType type) const { return by_type[static_cast<size_t>(type)]; }

 private:
  std::vector<LabelSpan> gold_spans_;
  std::vector<LabelSpan> system_spans_;
};

}  // namespace khabar::ner

#endif  // KHABAR_NER_SCORER_H_
