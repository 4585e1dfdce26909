// ParseStage: adds dependency heads and relations to the words the tag stage wrote into
// Document::words, one sentence at a time.
//
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<parse::ParseStage> stage,
//                       parse::ParseStage::Create(parse::DefaultParserModelPath()));
//   KH_RETURN_IF_ERROR(stage->Process(document));  // after the text and tag stages
//   const doc::Word& word = document.words.words[0];
//   if (word.head == doc::kRootHead) ...;  // else document.words.words[word.head]
//
// Thread-safety: immutable after Create; Process may run on many documents at once.
#ifndef KHABAR_PARSE_PARSE_STAGE_H_
#define KHABAR_PARSE_PARSE_STAGE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/doc/stage.h"
#include "khabar/doc/words.h"
#include "khabar/parse/parser.h"

namespace khabar::parse {

// Per-thread working memory for ParseStage::Process; reuse one across documents.
struct ParseStageScratch {
  ParseScratch parser;
  std::vector<Word> words;
  std::vector<int32_t> heads;
  std::vector<uint16_t> labels;
  std::vector<uint16_t> xpos_ids;  // document XPOS id -> parser XPOS id
};

class ParseStage : public doc::Stage {
 public:
  // Loads the model at `model_path` (see Parser::Load).
  static StatusOr<std::unique_ptr<ParseStage>> Create(const std::string& model_path);
  explicit ParseStage(Parser parser);

  std::string_view name() const override { return "parse"; }
  // Sets head and deprel of every word. FailedPrecondition when the tag stage has not run;
  // InvalidArgument when the word layer does not match the document's sentences.
  Status Process(doc::Document& document) const override;
  Status Process(doc::Document& document, ParseStageScratch& scratch) const;

  const Parser& parser() const { return parser_; }

 private:
  void ParseSentence(const doc::Document& document, doc::SentenceWords sentence,
                     ParseStageScratch& scratch, doc::WordLayer& layer) const;

  Parser parser_;
  doc::NameTable deprel_names_;
  std::vector<uint16_t> upos_ids_;  // doc::Upos -> parser UPOS id
};

}  // namespace khabar::parse

#endif  // KHABAR_PARSE_PARSE_STAGE_H_
