#include "khabar/text/sentence_splitter.h"

#include <algorithm>
#include <numeric>
#include <random>

#include "khabar/model/coding.h"
#include "khabar/text/internal/boundary_features.h"
#include "khabar/text/internal/char_class.h"
#include "khabar/text/tokenizer.h"

namespace khabar::text {
namespace {

constexpr uint32_t kHashMask = (1u << SentenceSplitter::kHashBits) - 1;

uint32_t Slot(uint64_t feature) {
  return static_cast<uint32_t>((feature * 0x9E3779B97F4A7C15ull) >> (64 - SentenceSplitter::kHashBits));
}

bool IsStopRun(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(),
                                      [](char c) { return c == '.' || c == '!' || c == '?'; });
}

bool IsCloser(std::string_view word) {
  return word == "\"" || word == "'" || word == "''" || word == ")" || word == "]";
}

bool StartsSentenceLike(std::string_view word) {
  if (word.empty()) return false;
  char c = word[0];
  return internal::IsAsciiUpper(c) || internal::IsAsciiDigit(c) || c == '"' || c == '\'' ||
         c == '(' || c == '[' || static_cast<unsigned char>(c) >= 0x80;
}

// Training state of an averaged perceptron (the lazy-update trick of Daume's thesis).
class PerceptronTrainer {
 public:
  PerceptronTrainer() : weights_(1u << SentenceSplitter::kHashBits), totals_(weights_.size()),
                        stamps_(weights_.size()) {}

  float Score(const uint64_t* features, size_t count) const {
    float score = 0;
    for (size_t k = 0; k < count; ++k) score += weights_[Slot(features[k])];
    return score;
  }

  void Update(const uint64_t* features, size_t count, float delta) {
    for (size_t k = 0; k < count; ++k) {
      uint32_t slot = Slot(features[k]);
      totals_[slot] += static_cast<double>(clock_ - stamps_[slot]) * weights_[slot];
      stamps_[slot] = clock_;
      weights_[slot] += delta;
    }
  }

  void Tick() { ++clock_; }
  const std::vector<float>& weights() const { return weights_; }

  std::vector<float> Averaged() const {
    std::vector<float> averaged(weights_.size());
    for (size_t slot = 0; slot < weights_.size(); ++slot) {
      double total = totals_[slot] + static_cast<double>(clock_ - stamps_[slot]) * weights_[slot];
      averaged[slot] = clock_ == 0 ? 0.0f : static_cast<float>(total / static_cast<double>(clock_));
    }
    return averaged;
  }

 private:
  std::vector<float> weights_;
  std::vector<double> totals_;
  std::vector<uint64_t> stamps_;
  uint64_t clock_ = 0;
};

// Fisher-Yates with std::mt19937, whose output the standard fixes (std::shuffle's is not),
// so a seed gives the same model with every standard library.
void Shuffle(std::vector<size_t>& order, std::mt19937& random) {
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random() % i]);
}

void TrainEpoch(std::span<const LabeledTokens> train, const std::vector<size_t>& order,
                PerceptronTrainer& trainer) {
  uint64_t features[internal::kMaxBoundaryFeatures];
  std::vector<internal::TokenHashes> hashes;
  for (size_t doc_index : order) {
    const LabeledTokens& data = train[doc_index];
    internal::HashTokens(data.text, data.tokens, &hashes);
    uint32_t since = 0;
    for (size_t i = 0; i < data.tokens.size(); ++i) {
      ++since;
      bool last = i + 1 == data.tokens.size() || data.tokens[i + 1].paragraph_start;
      if (last || !internal::IsBoundaryCandidate(data.text, data.tokens, i)) {
        if (last) since = 0;
        continue;
      }
      bool gold = data.ends_sentence[i] != 0;
      size_t count = internal::ExtractBoundaryFeatures(data.tokens, hashes, i, since, features);
      float score = trainer.Score(features, count);
      // The classic mistake-driven rule: a zero score is a mistake for either label.
      if (gold ? score <= 0 : score >= 0) trainer.Update(features, count, gold ? 1.0f : -1.0f);
      trainer.Tick();
      if (score > 0) since = 0;
    }
  }
}

}  // namespace

SentenceSplitter SentenceSplitter::RuleBased() { return SentenceSplitter(); }

StatusOr<SentenceSplitter> SentenceSplitter::FromBytes(std::string_view bytes) {
  model::Decoder decoder(bytes);
  uint32_t bits = 0;
  uint32_t count = 0;
  if (!decoder.GetVarint32(&bits) || bits != kHashBits || !decoder.GetVarint32(&count) ||
      count > (1u << kHashBits)) {
    return DataLossError("sentence splitter weights: bad header");
  }
  SentenceSplitter splitter;
  splitter.weights_.assign(1u << kHashBits, 0.0f);
  uint32_t slot = 0;
  for (uint32_t k = 0; k < count; ++k) {
    uint32_t delta = 0;
    float weight = 0;
    if (!decoder.GetVarint32(&delta) || !decoder.GetFloat(&weight)) {
      return DataLossError("sentence splitter weights: truncated");
    }
    if (delta > kHashMask - slot || (k > 0 && delta == 0)) {
      return DataLossError("sentence splitter weights: slot out of range");
    }
    slot += delta;
    splitter.weights_[slot] = weight;
  }
  if (!decoder.done()) return DataLossError("sentence splitter weights: trailing bytes");
  return splitter;
}

std::string SentenceSplitter::Serialize() const {
  uint32_t count = 0;
  for (float w : weights_) count += w != 0.0f;
  model::Encoder encoder;
  encoder.PutVarint32(kHashBits);
  encoder.PutVarint32(count);
  uint32_t previous = 0;
  for (uint32_t slot = 0; slot < weights_.size(); ++slot) {
    if (weights_[slot] == 0.0f) continue;
    encoder.PutVarint32(slot - previous);
    encoder.PutFloat(weights_[slot]);
    previous = slot;
  }
  return encoder.Release();
}

SentenceSplitter SentenceSplitter::Train(std::span<const LabeledTokens> train,
                                         std::span<const LabeledTokens> dev,
                                         const SplitterTrainingOptions& options,
                                         SplitterTrainingReport* report) {
  PerceptronTrainer trainer;
  std::vector<size_t> order(train.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 random(options.seed);
  SentenceSplitter best;
  SplitterTrainingReport local;
  for (int epoch = 1; epoch <= options.max_epochs; ++epoch) {
    Shuffle(order, random);
    TrainEpoch(train, order, trainer);
    SentenceSplitter candidate;
    candidate.weights_ = trainer.Averaged();
    double f1 = candidate.BoundaryF1(dev.empty() ? train : dev);
    local.dev_f1.push_back(f1);
    if (epoch == 1 || f1 > local.best_dev_f1) {
      local.best_dev_f1 = f1;
      local.best_epoch = epoch;
      best.weights_ = std::move(candidate.weights_);
    } else if (epoch - local.best_epoch >= options.patience) {
      break;
    }
  }
  if (report != nullptr) *report = std::move(local);
  return best;
}

float SentenceSplitter::Score(std::span<const doc::Token> tokens,
                              std::span<const internal::TokenHashes> hashes, size_t index,
                              uint32_t since_boundary) const {
  uint64_t features[internal::kMaxBoundaryFeatures];
  size_t count = internal::ExtractBoundaryFeatures(tokens, hashes, index, since_boundary, features);
  float score = 0;
  for (size_t k = 0; k < count; ++k) score += weights_[Slot(features[k])];
  return score;
}

bool SentenceSplitter::RuleDecision(std::string_view text, std::span<const doc::Token> tokens,
                                    size_t index) const {
  std::string_view next = tokens[index + 1].span.In(text);
  if (IsCloser(next)) return false;  // the closer still belongs to this sentence
  size_t stop = index;
  while (stop > 0 && index - stop < 2 && IsCloser(tokens[stop].span.In(text))) --stop;
  std::string_view word = tokens[stop].span.In(text);
  bool abbreviation_stop = word.size() > 2 && word.back() == '.' &&
                           !Tokenizer::IsTitle(word.substr(0, word.size() - 1));
  if (!IsStopRun(word) && !abbreviation_stop) return false;
  return StartsSentenceLike(next);
}

void SentenceSplitter::Decide(std::string_view text, std::span<const doc::Token> tokens,
                              std::vector<uint8_t>* ends_sentence) const {
  ends_sentence->assign(tokens.size(), 0);
  // Per-thread scratch, reused across documents (no allocation in the steady state).
  thread_local std::vector<internal::TokenHashes> hashes;
  if (is_learned()) internal::HashCandidateNeighbourhoods(text, tokens, &hashes);
  uint32_t since = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    ++since;
    bool end = i + 1 == tokens.size() || tokens[i + 1].paragraph_start || since >= kMaxSentenceTokens;
    if (!end && is_learned()) {
      end = internal::IsBoundaryCandidate(text, tokens, i) && Score(tokens, hashes, i, since) > 0;
    } else if (!end) {
      end = RuleDecision(text, tokens, i);
    }
    (*ends_sentence)[i] = end;
    if (end) since = 0;
  }
}

void SentenceSplitter::Split(std::string_view text, std::span<const doc::Token> tokens,
                             std::vector<doc::Sentence>* sentences) const {
  sentences->clear();
  thread_local std::vector<uint8_t> ends;
  Decide(text, tokens, &ends);
  doc::TokenIndex begin = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!ends[i]) continue;
    doc::Sentence sentence;
    sentence.token_begin = begin;
    sentence.token_end = static_cast<doc::TokenIndex>(i + 1);
    sentence.span = {tokens[begin].span.begin, tokens[i].span.end};
    sentences->push_back(sentence);
    begin = static_cast<doc::TokenIndex>(i + 1);
  }
}

double SentenceSplitter::BoundaryF1(std::span<const LabeledTokens> data) const {
  uint64_t correct = 0, predicted = 0, gold = 0;
  std::vector<uint8_t> ends;
  for (const LabeledTokens& item : data) {
    Decide(item.text, item.tokens, &ends);
    for (size_t i = 0; i < ends.size(); ++i) {
      predicted += ends[i];
      gold += item.ends_sentence[i];
      correct += ends[i] && item.ends_sentence[i];
    }
  }
  if (predicted == 0 || gold == 0) return 0;
  double precision = static_cast<double>(correct) / predicted;
  double recall = static_cast<double>(correct) / gold;
  return precision + recall == 0 ? 0 : 200.0 * precision * recall / (precision + recall);
}

}  // namespace khabar::text
