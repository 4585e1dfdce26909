// Word clusters learned from unlabelled text with the exchange algorithm (Kneser & Ney
// 1993; Martin, Liermann & Ney 1998, "Algorithms for bigram and trigram word clustering"):
// words are moved one at a time to the class that most increases the likelihood of a class
// bigram model, sum N(c,d) log N(c,d) - 2 sum N(c) log N(c). Frequent words start in their
// own classes (class = frequency rank mod C); words rarer than min_count and the sentence
// boundary keep fixed classes of their own.
//
// Clusters group words that occur in similar contexts (towns, surnames, months, ...), which
// lets the NER model generalise from the training entities to words it has not seen
// labelled (Miller et al. 2004; Ratinov & Roth 2009 use Brown clusters the same way).
//
//   internal::TextCorpus text;
//   text.AddSentence({"Haftar", "met", "Sisi"});
//   HashTable clusters = internal::ClusterWords(text, {.cluster_count = 256});
//   uint32_t id = clusters.Find(ClusterKey("Haftar"));  // cluster + 1, or kMissing
//
// Deterministic. Thread-safety: free function; a TextCorpus is a value.
#ifndef KHABAR_NER_INTERNAL_CLUSTERS_H_
#define KHABAR_NER_INTERNAL_CLUSTERS_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "khabar/ner/internal/hash_table.h"

namespace khabar::ner::internal {

// Sentences of word forms, viewing storage the caller keeps alive.
class TextCorpus {
 public:
  void AddSentence(std::span<const std::string_view> forms) {
    forms_.insert(forms_.end(), forms.begin(), forms.end());
    ends_.push_back(forms_.size());
  }
  size_t sentence_count() const { return ends_.size(); }
  std::span<const std::string_view> Sentence(size_t index) const {
    const size_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::span(forms_).subspan(begin, ends_[index] - begin);
  }

 private:
  std::vector<std::string_view> forms_;
  std::vector<size_t> ends_;
};

struct ClusterOptions {
  uint32_t cluster_count = 256;
  uint32_t min_count = 3;   // rarer words get no cluster
  uint32_t iterations = 6;  // passes over the vocabulary; stops early when nothing moves
};

// ClusterKey(form) -> cluster id + 1 for every form seen at least min_count times.
HashTable ClusterWords(const TextCorpus& text, const ClusterOptions& options);

}  // namespace khabar::ner::internal

#endif  // KHABAR_NER_INTERNAL_CLUSTERS_H_
