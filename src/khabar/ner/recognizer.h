// Recognizer: the NER labeller, loaded from one .khm model (component kNer; layout in
// docs/formats/ner.md). It labels the syntactic words of a sentence with IOB2 labels for
// PER, ORG and LOC (labels.h).
//
// An averaged perceptron (Collins 2002) over hashed features (internal/features.h): words,
// affixes, shapes, predicted UPOS/XPOS, and word-type tables learned from the training
// text. Decoding is Viterbi over label bigrams or greedy left to right, as the model says.
//
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<ner::Recognizer> recognizer,
//                       ner::Recognizer::Load(ner::DefaultNerModelPath()));
//   std::vector<ner::NerWord> words = {{"Haftar", doc::Upos::kPropn, "NNP"}, ...};
//   std::vector<ner::BioLabel> labels(words.size());
//   ner::NerScratch scratch;
//   recognizer->Label(words, scratch, labels);
//
// Thread-safety: immutable after loading; Label may run from many threads, each with its
// own NerScratch.
#ifndef KHABAR_NER_RECOGNIZER_H_
#define KHABAR_NER_RECOGNIZER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/ner/internal/decode.h"
#include "khabar/ner/internal/features.h"
#include "khabar/ner/internal/neural.h"
#include "khabar/ner/internal/perceptron.h"
#include "khabar/ner/labels.h"

namespace khabar::ner {

// One word: its form, and its UPOS and XPOS from the tag stage.
using NerWord = internal::WordInput;

// Layout of the NER model (docs/formats/ner.md). Section ids are never reused.
inline constexpr uint32_t kNerSchemaVersion = 4;
inline constexpr uint32_t kNerMinSchemaVersion = 1;  // the oldest schema this build reads
inline constexpr uint32_t kNerLabelsSection = 1;
inline constexpr uint32_t kNerSettingsSection = 2;
inline constexpr uint32_t kNerLexiconSection = 3;
inline constexpr uint32_t kNerClustersSection = 4;  // optional
inline constexpr uint32_t kNerWeightsSection = 5;
inline constexpr uint32_t kNerGazetteerSection = 6;  // optional
inline constexpr uint32_t kNerNeuralSection = 7;     // optional (schema 3; BiLSTM: 4)
static_assert(kNerSchemaVersion == internal::kNeuralSchema);

// Where `khabar train ner` writes and the stage looks by default:
// base::ModelsDir() ($KHABAR_MODELS, else ./models) + "/ner-en.khm".
std::string DefaultNerModelPath();

// Serialised in the settings section: never renumber.
enum class DecoderKind : uint8_t { kGreedy = 1, kViterbi = 2 };

// Everything a trained model consists of; training fills it, Recognizer owns it.
struct RecognizerParts {
  DecoderKind decoder = DecoderKind::kViterbi;
  uint32_t feature_groups = internal::kAllGroups;
  internal::Lexicon lexicon;
  internal::Weights weights;
  internal::NeuralModel neural;  // empty: the perceptron alone
};

// Per-thread working memory for Label(); reuse one across sentences.
class NerScratch {
 private:
  friend class Recognizer;
  friend class NerStage;
  internal::SentenceInfo sentence_;
  internal::DecodeScratch decode_;
  std::vector<uint8_t> labels_;
  internal::NeuralScratch neural_;
  std::vector<float> log_probs_;
  std::vector<NerWord> words_;     // used by NerStage
  std::vector<BioLabel> bio_;      // used by NerStage
  std::vector<float> confidence_;  // used by NerStage
  std::vector<LabelSpan> spans_;   // used by NerStage
};

class Recognizer {
 public:
  // Reads a model file: NotFound/InvalidArgument/DataLoss from the container; DataLoss for
  // sections that do not decode or disagree. Every size is checked against the bytes
  // present before anything is allocated.
  static StatusOr<std::unique_ptr<Recognizer>> Load(const std::string& path);
  static StatusOr<std::unique_ptr<Recognizer>> FromBytes(std::string bytes);
  // REQUIRES: parts.weights.class_count() == kLabelCount (as training makes them).
  explicit Recognizer(RecognizerParts parts) : parts_(std::move(parts)) {}

  // The model file; `build_date` ("YYYY-MM-DD") goes into the header when not empty.
  std::string Serialize(std::string_view training_data, std::string_view build_date) const;
  Status Save(const std::string& path, std::string_view training_data) const;

  // Labels one sentence: labels[i] is the label of words[i]; the result is well-formed
  // IOB2. With a nonempty `confidence`, confidence[i] is the model's probability of
  // labels[i] (Viterbi: the marginal under the scores read as CRF potentials; greedy: the
  // softmax of the word's scores), in [0, 1].
  // REQUIRES: labels.size() == words.size(); confidence empty or of that size.
  void Label(std::span<const NerWord> words, NerScratch& scratch, std::span<BioLabel> labels,
             std::span<float> confidence = {}) const;

  const RecognizerParts& parts() const { return parts_; }
  // This recogniser's perceptron with `network` in place of its own (an empty one: none).
  std::unique_ptr<Recognizer> WithNetwork(internal::NeuralModel network) const;

 private:
  // Adds the network's weighted log-probabilities to the emission scores (Viterbi only).
  void AddNeuralScores(std::span<const NerWord> words, NerScratch& scratch) const;

  RecognizerParts parts_;
};

}  // namespace khabar::ner

#endif  // KHABAR_NER_RECOGNIZER_H_
