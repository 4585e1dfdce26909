// Dependency parser: labelled UD trees for sentences of tagged words, loaded from one
// .khm model (component kParser; layout in docs/formats/parser.md).
//
// A greedy arc-hybrid transition parser (internal/transition.h) whose (move, label)
// actions are scored jointly by an averaged perceptron over Zhang and Nivre (2011)
// features hashed into a fixed weight table (internal/features.h). Training uses the
// dynamic oracle of Goldberg and Nivre (2012, 2013); see train.h. Output trees are
// projective, single-rooted and complete. Parsing allocates nothing once the scratch
// has seen the longest sentence.
//
//   KH_ASSIGN_OR_RETURN(parse::Parser parser, parse::Parser::Load(path));
//   std::vector<parse::Word> words = {{"Dogs", parser.UposId("NOUN"), parser.XposId("NNS")},
//                                     {"bark", parser.UposId("VERB"), parser.XposId("VBP")}};
//   parse::ParseScratch scratch;
//   std::vector<int32_t> heads(words.size());
//   std::vector<uint16_t> labels(words.size());
//   parser.Parse(words, scratch, heads, labels);  // heads[0] == 2, LabelName(labels[0]) == "nsubj"
//
// Thread-safety: a Parser is immutable after loading; Parse may run from many threads,
// each with its own ParseScratch. Move-only.
#ifndef KHABAR_PARSE_PARSER_H_
#define KHABAR_PARSE_PARSER_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/parse/internal/features.h"
#include "khabar/parse/internal/transition.h"

namespace khabar::parse {

// Layout of the parser model (docs/formats/parser.md). Section ids are never reused.
inline constexpr uint32_t kParserSchemaVersion = 2;
inline constexpr uint32_t kSettingsSection = 1;
inline constexpr uint32_t kVocabularySection = 2;
inline constexpr uint32_t kWeightsSection = 3;
// Where `khabar train parser` writes and the stage looks by default:
// base::ModelsDir() ($KHABAR_MODELS, else ./models) + "/parser-en.khm".
std::string DefaultParserModelPath();
// Tag id for a tag the model never saw in training.
inline constexpr uint16_t kUnknownTag = 0;
// Weight tables are 2^bits (+ actions) floats; the range Load accepts.
inline constexpr uint32_t kMinHashBits = 8;
inline constexpr uint32_t kMaxHashBits = 26;

// One syntactic word to parse. Tag ids come from Parser::UposId / XposId.
struct Word {
  std::string_view form;
  uint16_t upos = kUnknownTag;
  uint16_t xpos = kUnknownTag;
};

// Per-thread working memory for Parse(); reuse one across sentences.
class ParseScratch {
 private:
  friend class Parser;
  internal::State state_;
  std::vector<internal::NodeInfo> nodes_;
  internal::FeatureVector features_;
  std::vector<float> scores_;
};

// Everything a trained parser consists of; TrainParser fills it, Parser owns it.
struct ParserParts {
  std::vector<std::string> upos_names;   // id 0 is kUnknownTag, named ""
  std::vector<std::string> xpos_names;   // id 0 is kUnknownTag, named ""
  std::vector<std::string> label_names;  // DEPREL values, including "root"
  uint16_t root_label = 0;
  uint32_t hash_bits = 0;
  std::vector<float> weights;  // (1 << hash_bits) + ActionCount(labels) floats
};

class Parser {
 public:
  // Reads a model file. NotFound/InvalidArgument/DataLoss from the container; DataLoss
  // for sections that do not decode or disagree with each other.
  static StatusOr<Parser> Load(const std::string& path);
  // As Load, from the bytes of a model file.
  static StatusOr<Parser> FromBytes(std::string bytes);
  // InvalidArgument when the parts are inconsistent (sizes, root label).
  static StatusOr<Parser> FromParts(ParserParts parts);

  Parser(Parser&&) noexcept = default;
  Parser& operator=(Parser&&) noexcept = default;

  // The complete model file; `training_data` names the treebank in the header.
  std::string Serialize(std::string_view training_data) const;
  // Writes Serialize() atomically. Unavailable on I/O errors.
  Status Save(const std::string& path, std::string_view training_data = "") const;

  // Tag ids; kUnknownTag for names not seen in training.
  uint16_t UposId(std::string_view name) const;
  uint16_t XposId(std::string_view name) const;
  // Label ids and names. REQUIRES: id < label_count().
  uint32_t label_count() const { return static_cast<uint32_t>(parts_.label_names.size()); }
  std::string_view LabelName(uint16_t id) const { return parts_.label_names[id]; }
  const ParserParts& parts() const { return parts_; }

  // Parses one sentence: heads[i] is the 1-based head of words[i] (0 for the root) and
  // labels[i] its label id. REQUIRES: heads.size() == labels.size() == words.size().
  void Parse(std::span<const Word> words, ParseScratch& scratch, std::span<int32_t> heads,
             std::span<uint16_t> labels) const;

  // The highest-scoring allowed action for the scratch's current state, after
  // PrepareSentence. For training and tests.
  uint32_t PredictAction(ParseScratch& scratch) const;
  static void PrepareSentence(std::span<const Word> words, ParseScratch& scratch);

 private:
  explicit Parser(ParserParts parts);
  static uint16_t Lookup(const std::vector<std::string>& names, std::string_view name);

  ParserParts parts_;
  uint64_t mask_ = 0;
};

}  // namespace khabar::parse

#endif  // KHABAR_PARSE_PARSER_H_
