// Analysis: the text, tag and parse stages, loaded together from their model files, so
// that every command analyses an article the same way.
//
//   pipeline::AnalysisModels models;  // empty paths: the defaults in base::ModelsDir()
//   KH_ASSIGN_OR_RETURN(pipeline::Analysis analysis, pipeline::Analysis::Load(models));
//   KH_RETURN_IF_ERROR(analysis.Analyze(document));      // raw -> text, tokens, words, tree
//   KH_RETURN_IF_ERROR(analysis.AnalyzeTokenized(gold));  // tokens given: words and tree
//   pipeline.Add(analysis.TakeTextStage()); ...           // or run the stages one by one
//
// Thread-safety: immutable after Load; Analyze may run on many documents at once.
#ifndef KHABAR_PIPELINE_ANALYSIS_H_
#define KHABAR_PIPELINE_ANALYSIS_H_

#include <memory>
#include <string>

#include "khabar/base/status.h"
#include "khabar/doc/document.h"
#include "khabar/parse/parse_stage.h"
#include "khabar/pipeline/pipeline.h"
#include "khabar/tag/tag_stage.h"
#include "khabar/text/text_stage.h"

namespace khabar::pipeline {

// Model files; an empty path means the stage's default under base::ModelsDir().
struct AnalysisModels {
  std::string tokenizer;
  std::string tagger;
  std::string parser;
};

// Load times, for `khabar bench parse`.
struct AnalysisLoadTimes {
  double tokenizer_seconds = 0;
  double tagger_seconds = 0;
  double parser_seconds = 0;
};

class Analysis {
 public:
  // Loads the three models. Without a tokenizer model the text stage splits sentences by
  // rules (uses_tokenizer_model() says so); a missing tagger or parser model is an error
  // (NotFound) that names the file and the command that trains it.
  static StatusOr<Analysis> Load(const AnalysisModels& models, AnalysisLoadTimes* times = nullptr);

  Analysis(Analysis&&) noexcept = default;
  Analysis& operator=(Analysis&&) noexcept = default;

  // Text, tag and parse stages, in order.
  Status Analyze(doc::Document& document) const;
  // Tag and parse stages only, for a document whose text, tokens and sentences are set.
  Status AnalyzeTokenized(doc::Document& document) const;
  // Moves the three stages, in order, into `pipeline`; this Analysis is empty afterwards.
  void MoveStagesInto(Pipeline& pipeline);

  bool uses_tokenizer_model() const { return text_->uses_model(); }
  const text::TextStage& text_stage() const { return *text_; }
  const tag::TagStage& tag_stage() const { return *tag_; }
  const parse::ParseStage& parse_stage() const { return *parse_; }

 private:
  Analysis() = default;

  std::unique_ptr<text::TextStage> text_;
  std::unique_ptr<tag::TagStage> tag_;
  std::unique_ptr<parse::ParseStage> parse_;
};

}  // namespace khabar::pipeline

#endif  // KHABAR_PIPELINE_ANALYSIS_H_
