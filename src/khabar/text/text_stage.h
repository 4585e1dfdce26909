// TextStage: normalise -> tokenize -> split sentences, filling Document::text, offsets,
// tokens and sentences.
//
// The sentence splitter comes from a tokenizer model (.khm, component kTokenizer, written
// by `khabar train tokenizer`); without one the stage uses the rule-based splitter and
// says so through uses_model(). When a sentence ends on an abbreviation's full stop
// ("... and so on etc."), the stop is split off as its own token, as UD EWT writes it.
//
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<text::TextStage> stage,
//                       text::TextStage::Create("models/tokenizer-en.khm"));
//   KH_RETURN_IF_ERROR(stage->Process(document));
//
// Thread-safety: immutable after Create; Process may run on many documents at once.
#ifndef KHABAR_TEXT_TEXT_STAGE_H_
#define KHABAR_TEXT_TEXT_STAGE_H_

#include <memory>
#include <string>
#include <string_view>

#include "khabar/base/status.h"
#include "khabar/doc/stage.h"
#include "khabar/text/normalizer.h"
#include "khabar/text/sentence_splitter.h"
#include "khabar/text/tokenizer.h"

namespace khabar::text {

// Layout of the tokenizer model (docs/tokenization.md).
inline constexpr uint32_t kTokenizerSchemaVersion = 1;
inline constexpr uint32_t kSplitterWeightsSection = 1;
// Where `khabar train tokenizer` writes and the stage looks by default:
// base::ModelsDir() ($KHABAR_MODELS, else ./models) + "/tokenizer-en.khm".
std::string DefaultTokenizerModelPath();

class TextStage : public doc::Stage {
 public:
  // Loads the model at `model_path`; NotFound, InvalidArgument or DataLoss from the
  // container, DataLoss for malformed weights.
  static StatusOr<std::unique_ptr<TextStage>> Create(const std::string& model_path);
  // Create(model_path) when `model_path` is not empty. Otherwise loads
  // DefaultTokenizerModelPath() if that file exists, else returns the rule-based stage
  // (callers should tell the user: see uses_model()).
  static StatusOr<std::unique_ptr<TextStage>> CreateWithDefault(const std::string& model_path);
  // A stage with the rule-based sentence splitter.
  static std::unique_ptr<TextStage> CreateRuleBased();
  // Writes `splitter` as a tokenizer model. REQUIRES: splitter.is_learned().
  static Status SaveModel(const SentenceSplitter& splitter, std::string_view training_data,
                          const std::string& path);

  explicit TextStage(SentenceSplitter splitter) : splitter_(std::move(splitter)) {}

  std::string_view name() const override { return "text"; }
  // InvalidArgument if raw is not valid UTF-8; ResourceExhausted past 4 GiB.
  Status Process(doc::Document& document) const override;

  bool uses_model() const { return splitter_.is_learned(); }
  const SentenceSplitter& splitter() const { return splitter_; }

 private:
  Normalizer normalizer_;
  Tokenizer tokenizer_;
  SentenceSplitter splitter_;
};

// Splits the full stop off an abbreviation that ends a sentence, and fixes the sentence
// token ranges. Exposed for tests.
void SplitFinalAbbreviationStops(std::string_view text, std::vector<doc::Token>& tokens,
                                 std::vector<doc::Sentence>& sentences);

}  // namespace khabar::text

#endif  // KHABAR_TEXT_TEXT_STAGE_H_
