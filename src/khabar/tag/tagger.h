// Tagger: UPOS+XPOS tagging, lemmatization and multiword-token splitting, loaded from
// one .khm model (component kTagger; layout in docs/formats/tagger.md).
//
// The tagger is a greedy left-to-right averaged perceptron over a combined UPOS|XPOS
// label (Collins 2002), with affix, shape, context-word, ambiguity-class and previous-
// label features (internal/features.h). An optional second pass sees the first pass's
// labels of the words to the right as well (trained on jackknifed first-pass output). Scoring looks
// up hashed features in an open-addressing table and adds sparse weight rows: no allocation per
// word once the scratch has grown to the longest sentence.
//
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<tag::Tagger> tagger, tag::Tagger::Load(path));
//   tag::TagScratch scratch;
//   std::vector<uint16_t> labels(forms.size());
//   tagger->Tag(forms, scratch, labels);
//   tag::Upos upos = tagger->upos(labels[0]);
//   std::string_view xpos = tagger->XposName(tagger->xpos(labels[0]));
//
// Thread-safety: immutable after loading; Tag may run from many threads, each with its
// own TagScratch.
#ifndef KHABAR_TAG_TAGGER_H_
#define KHABAR_TAG_TAGGER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/doc/words.h"
#include "khabar/tag/internal/features.h"
#include "khabar/tag/internal/perceptron.h"
#include "khabar/tag/lemmatizer.h"
#include "khabar/tag/multiword.h"

namespace khabar::tag {

using doc::ParseUpos;
using doc::Upos;
using doc::UposName;

// Layout of the tagger model (docs/formats/tagger.md). Section ids are never reused.
inline constexpr uint32_t kTaggerSchemaVersion = 1;
inline constexpr uint32_t kLabelsSection = 1;
inline constexpr uint32_t kLexiconSection = 2;
inline constexpr uint32_t kWeightsSection = 3;
inline constexpr uint32_t kSettingsSection = 4;
inline constexpr uint32_t kMultiwordSection = 5;
inline constexpr uint32_t kLemmaSection = 6;
inline constexpr uint32_t kSecondPassSection = 7;  // optional
inline constexpr uint32_t kWordNetSection = 8;     // optional
// Where `khabar train tagger` writes and the stage looks by default:
// base::ModelsDir() ($KHABAR_MODELS, else ./models) + "/tagger-en.khm".
std::string DefaultTaggerModelPath();

// Per-thread working memory for Tag(); reuse one across sentences.
class TagScratch {
 private:
  friend class Tagger;
  friend class TagStage;
  internal::SentenceFeatures features_;
  std::vector<float> scores_;
  std::vector<std::string_view> forms_;  // used by TagStage
  std::vector<uint16_t> labels_;
  std::vector<uint16_t> first_pass_;
};

// Everything a trained tagger consists of; TrainTagger fills it, Tagger owns it.
struct TaggerParts {
  std::vector<std::string> upos_names;  // per label
  std::vector<std::string> xpos_names;  // per XPOS id
  std::vector<uint16_t> label_xpos;     // per label: its XPOS id
  internal::Lexicon lexicon;
  internal::PerceptronWeights weights;         // the first (or only) pass
  internal::PerceptronWeights second_weights;  // the second pass; class_count() 0 if none
  uint32_t rare_cutoff = 2;
  MultiwordSplitter multiwords;
  Lemmatizer lemmatizer;
};

class Tagger {
 public:
  // Reads a model file. NotFound/InvalidArgument/DataLoss from the container; DataLoss
  // for sections that do not decode or disagree with each other.
  static StatusOr<std::unique_ptr<Tagger>> Load(const std::string& path);
  static StatusOr<std::unique_ptr<Tagger>> FromBytes(std::string bytes);
  // REQUIRES: parts consistent (as TrainTagger makes them).
  explicit Tagger(TaggerParts parts);

  // The model file; `training_data` goes into the header, `build_date` ("YYYY-MM-DD")
  // too when not empty.
  std::string Serialize(std::string_view training_data, std::string_view build_date) const;
  Status Save(const std::string& path, std::string_view training_data) const;

  // Tags one sentence of words: labels[i] is the label of forms[i].
  // REQUIRES: labels.size() == forms.size().
  void Tag(std::span<const std::string_view> forms, TagScratch& scratch,
           std::span<uint16_t> labels) const;
  bool two_pass() const { return parts_.second_weights.class_count() != 0; }

  size_t label_count() const { return parts_.label_xpos.size(); }
  Upos upos(uint16_t label) const { return label_upos_[label]; }
  uint16_t xpos(uint16_t label) const { return parts_.label_xpos[label]; }
  std::string_view UposLabelName(uint16_t label) const { return parts_.upos_names[label]; }
  std::string_view XposName(uint16_t xpos) const { return parts_.xpos_names[xpos]; }

  const MultiwordSplitter& multiwords() const { return parts_.multiwords; }
  const Lemmatizer& lemmatizer() const { return parts_.lemmatizer; }
  const TaggerParts& parts() const { return parts_; }

 private:
  TaggerParts parts_;
  std::vector<Upos> label_upos_;
};

}  // namespace khabar::tag

#endif  // KHABAR_TAG_TAGGER_H_
