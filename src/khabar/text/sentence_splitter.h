// SentenceSplitter: groups tokens into sentences.
//
// Two modes:
//   - learned: an averaged perceptron (Collins 2002, "Discriminative training methods for
//     hidden Markov models") decides after every token whether a sentence ends there,
//     greedily from left to right, from hashed features of the token, its neighbours,
//     their shapes and the length of the current sentence (internal/boundary_features.h);
//   - rules: a sentence ends after a run of . ! ? (and any closing quotes or brackets)
//     when the next token starts with a capital, digit or opening quote, unless the stop
//     belongs to a title or initial.
// In both modes a paragraph break always ends a sentence, and a sentence never exceeds
// kMaxSentenceTokens tokens.
//
//   KH_ASSIGN_OR_RETURN(text::SentenceSplitter splitter, text::SentenceSplitter::FromBytes(bytes));
//   std::vector<doc::Sentence> sentences;
//   splitter.Split(document.text, document.tokens, &sentences);
//
// Thread-safety: immutable after construction; Split may be called from many threads.
#ifndef KHABAR_TEXT_SENTENCE_SPLITTER_H_
#define KHABAR_TEXT_SENTENCE_SPLITTER_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/doc/document.h"

namespace khabar::text {
namespace internal {
struct TokenHashes;
}  // namespace internal

// Tokens of one text with the gold decision "a sentence ends after this token".
struct LabeledTokens {
  std::string_view text;
  std::span<const doc::Token> tokens;
  std::vector<uint8_t> ends_sentence;  // one entry per token
};

struct SplitterTrainingOptions {
  int max_epochs = 15;
  int patience = 5;     // stop after this many epochs without a better dev score
  uint32_t seed = 1;    // order in which training texts are visited
};

struct SplitterTrainingReport {
  int best_epoch = 0;                 // 1-based
  double best_dev_f1 = 0;             // boundary F1 on dev, in percent
  std::vector<double> dev_f1;         // per epoch
};

class SentenceSplitter {
 public:
  static constexpr uint32_t kMaxSentenceTokens = 400;
  static constexpr uint32_t kHashBits = 18;

  // The rule-based splitter.
  static SentenceSplitter RuleBased();
  // A learned splitter from Serialize() output. DataLoss if malformed.
  static StatusOr<SentenceSplitter> FromBytes(std::string_view bytes);
  // Trains on `train`, keeping the weights of the epoch with the best boundary F1 on `dev`.
  // Deterministic for fixed options.
  static SentenceSplitter Train(std::span<const LabeledTokens> train,
                                std::span<const LabeledTokens> dev,
                                const SplitterTrainingOptions& options,
                                SplitterTrainingReport* report);

  bool is_learned() const { return !weights_.empty(); }
  // Sparse weights (see docs/tokenization.md for the layout). REQUIRES: is_learned().
  std::string Serialize() const;

  // Sets ends_sentence[i] for every token. The last token always ends a sentence.
  void Decide(std::string_view text, std::span<const doc::Token> tokens,
              std::vector<uint8_t>* ends_sentence) const;
  // Replaces *sentences with the sentences of `tokens` (which must cover the document).
  void Split(std::string_view text, std::span<const doc::Token> tokens,
             std::vector<doc::Sentence>* sentences) const;

  // Boundary F1 (percent) of this splitter on labelled data.
  double BoundaryF1(std::span<const LabeledTokens> data) const;

 private:
  SentenceSplitter() = default;
  float Score(std::span<const doc::Token> tokens, std::span<const internal::TokenHashes> hashes,
              size_t index, uint32_t since_boundary) const;
  bool RuleDecision(std::string_view text, std::span<const doc::Token> tokens, size_t index) const;

  std::vector<float> weights_;  // 2^kHashBits entries when learned, else empty
};

}  // namespace khabar::text

#endif  // KHABAR_TEXT_SENTENCE_SPLITTER_H_
