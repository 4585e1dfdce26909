#include "khabar/ner/internal/clusters.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>

#include "khabar/ner/internal/features.h"

namespace khabar::ner::internal {
namespace {

double XLogX(double x) { return x > 0 ? x * std::log(x) : 0.0; }

// The vocabulary: movable words 0..movable-1 by descending frequency, then one id for all
// rare words and one for the sentence boundary.
struct Vocabulary {
  std::vector<std::string_view> words;  // movable words
  std::vector<uint64_t> counts;         // per id, including the two fixed ones
  std::unordered_map<std::string_view, uint32_t> ids;
  uint32_t rare = 0, boundary = 0;
};

Vocabulary BuildVocabulary(const TextCorpus& text, uint32_t min_count) {
  std::unordered_map<std::string_view, uint64_t> counts;
  for (size_t sentence = 0; sentence < text.sentence_count(); ++sentence) {
    for (std::string_view form : text.Sentence(sentence)) ++counts[form];
  }
  std::vector<std::pair<std::string_view, uint64_t>> sorted;
  for (const auto& [form, count] : counts) {
    if (count >= min_count) sorted.emplace_back(form, count);
  }
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  Vocabulary vocabulary;
  for (const auto& [form, count] : sorted) {
    vocabulary.ids.emplace(form, static_cast<uint32_t>(vocabulary.words.size()));
    vocabulary.words.push_back(form);
    vocabulary.counts.push_back(count);
  }
  vocabulary.rare = static_cast<uint32_t>(vocabulary.words.size());
  vocabulary.boundary = vocabulary.rare + 1;
  vocabulary.counts.push_back(0);
  vocabulary.counts.push_back(0);
  return vocabulary;
}

// Neighbours of each word id with bigram counts.
struct Bigrams {
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> left, right;  // (neighbour, count)
};

Bigrams CountBigrams(const TextCorpus& text, Vocabulary& vocabulary) {
  std::map<std::pair<uint32_t, uint32_t>, uint32_t> pairs;
  std::vector<uint32_t> ids;
  for (size_t sentence = 0; sentence < text.sentence_count(); ++sentence) {
    ids.assign(1, vocabulary.boundary);
    for (std::string_view form : text.Sentence(sentence)) {
      const auto found = vocabulary.ids.find(form);
      ids.push_back(found == vocabulary.ids.end() ? vocabulary.rare : found->second);
    }
    ids.push_back(vocabulary.boundary);
    for (size_t position = 0; position < ids.size(); ++position) {
      if (ids[position] >= vocabulary.rare) ++vocabulary.counts[ids[position]];
      if (position > 0) ++pairs[{ids[position - 1], ids[position]}];
    }
  }
  Bigrams bigrams;
  bigrams.left.resize(vocabulary.counts.size());
  bigrams.right.resize(vocabulary.counts.size());
  for (const auto& [pair, count] : pairs) {
    bigrams.right[pair.first].emplace_back(pair.second, count);
    bigrams.left[pair.second].emplace_back(pair.first, count);
  }
  return bigrams;
}

class Exchange {
 public:
  Exchange(const Vocabulary& vocabulary, const Bigrams& bigrams, uint32_t cluster_count)
      : vocabulary_(vocabulary),
        bigrams_(bigrams),
        classes_(cluster_count + 2),
        movable_classes_(cluster_count) {
    const uint32_t size = static_cast<uint32_t>(vocabulary.counts.size());
    word_class_.resize(size);
    for (uint32_t word = 0; word < vocabulary.rare; ++word)
      word_class_[word] = word % cluster_count;
    word_class_[vocabulary.rare] = cluster_count;
    word_class_[vocabulary.boundary] = cluster_count + 1;
    pair_.assign(size_t{classes_} * classes_, 0.0);
    unigram_.assign(classes_, 0.0);
    for (uint32_t word = 0; word < size; ++word) {
      unigram_[word_class_[word]] += static_cast<double>(vocabulary.counts[word]);
      for (const auto& [next, count] : bigrams.right[word]) {
        Pair(word_class_[word], word_class_[next]) += count;
      }
    }
    left_.assign(classes_, 0.0);
    right_.assign(classes_, 0.0);
  }

  // One pass over the movable words; returns how many changed class.
  size_t Pass() {
    size_t moved = 0;
    for (uint32_t word = 0; word < vocabulary_.rare; ++word) moved += Move(word) ? 1 : 0;
    return moved;
  }

  uint32_t ClassOf(uint32_t word) const { return word_class_[word]; }

 private:
  double& Pair(uint32_t a, uint32_t b) { return pair_[size_t{a} * classes_ + b]; }

  // Removes `word` from its class, puts it in the best one; true if that is another class.
  bool Move(uint32_t word) {
    const uint32_t from = word_class_[word];
    const double count = static_cast<double>(vocabulary_.counts[word]);
    double self = 0;
    touched_left_.clear();
    touched_right_.clear();
    for (const auto& [neighbour, n] : bigrams_.left[word]) {
      if (neighbour == word) {
        self += n;
        continue;
      }
      const uint32_t c = word_class_[neighbour];
      if (left_[c] == 0) touched_left_.push_back(c);
      left_[c] += n;
    }
    for (const auto& [neighbour, n] : bigrams_.right[word]) {
      if (neighbour == word) continue;  // counted once, in `self`
      const uint32_t c = word_class_[neighbour];
      if (right_[c] == 0) touched_right_.push_back(c);
      right_[c] += n;
    }
    Shift(from, -1.0, self, count);
    uint32_t best = from;
    double best_gain = Gain(from, self, count);
    for (uint32_t to = 0; to < movable_classes_; ++to) {
      if (to == from) continue;
      const double gain = Gain(to, self, count);
      if (gain > best_gain + 1e-9) {
        best_gain = gain;
        best = to;
      }
    }
    Shift(best, 1.0, self, count);
    word_class_[word] = best;
    for (uint32_t c : touched_left_) left_[c] = 0;
    for (uint32_t c : touched_right_) right_[c] = 0;
    return best != from;
  }

  // Adds (sign 1) or removes (sign -1) the word's bigrams to class `target`.
  void Shift(uint32_t target, double sign, double self, double count) {
    for (uint32_t c : touched_left_) Pair(c, target) += sign * left_[c];
    for (uint32_t c : touched_right_) Pair(target, c) += sign * right_[c];
    Pair(target, target) += sign * self;
    unigram_[target] += sign * count;
  }

  // Change of the objective if the (removed) word joined class `to`.
  double Gain(uint32_t to, double self, double count) {
    double gain = 0;
    for (uint32_t c : touched_left_) {
      if (c != to) gain += XLogX(Pair(c, to) + left_[c]) - XLogX(Pair(c, to));
    }
    for (uint32_t c : touched_right_) {
      if (c != to) gain += XLogX(Pair(to, c) + right_[c]) - XLogX(Pair(to, c));
    }
    const double diagonal = Pair(to, to);
    gain += XLogX(diagonal + left_[to] + right_[to] + self) - XLogX(diagonal);
    gain -= 2 * (XLogX(unigram_[to] + count) - XLogX(unigram_[to]));
    return gain;
  }

  const Vocabulary& vocabulary_;
  const Bigrams& bigrams_;
  uint32_t classes_;  // movable classes + rare + boundary
  uint32_t movable_classes_;
  std::vector<uint32_t> word_class_;
  std::vector<double> pair_;  // N(c, d)
  std::vector<double> unigram_;
  std::vector<double> left_, right_;  // the moving word's neighbour counts by class
  std::vector<uint32_t> touched_left_, touched_right_;
};

}  // namespace

HashTable ClusterWords(const TextCorpus& text, const ClusterOptions& options) {
  Vocabulary vocabulary = BuildVocabulary(text, std::max<uint32_t>(options.min_count, 1));
  if (vocabulary.words.empty() || options.cluster_count == 0) return HashTable();
  const Bigrams bigrams = CountBigrams(text, vocabulary);
  Exchange exchange(vocabulary, bigrams, options.cluster_count);
  for (uint32_t pass = 0; pass < options.iterations; ++pass) {
    if (exchange.Pass() == 0) break;
  }
  std::vector<uint64_t> keys;
  std::vector<uint32_t> values;
  std::vector<std::pair<uint64_t, uint32_t>> rows;
  for (uint32_t word = 0; word < vocabulary.rare; ++word) {
    rows.emplace_back(ClusterKey(vocabulary.words[word]), exchange.ClassOf(word) + 1);
  }
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end(),
                         [](const auto& a, const auto& b) { return a.first == b.first; }),
             rows.end());
  for (const auto& [key, value] : rows) {
    keys.push_back(key);
    values.push_back(value);
  }
  return HashTable::Build(keys, values);
}

}  // namespace khabar::ner::internal
