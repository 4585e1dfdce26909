#include "khabar/pipeline/analysis.h"

#include <chrono>
#include <filesystem>
#include <utility>

namespace khabar::pipeline {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// NotFound naming the missing model and how to make it; OK when the file exists.
Status RequireModel(const std::string& path, std::string_view kind) {
  std::error_code error;
  if (std::filesystem::exists(path, error)) return Status::Ok();
  return NotFoundError(std::string("no ") + std::string(kind) + " model at " + path +
                       " (train it with `khabar train " + std::string(kind) + "`)");
}

}  // namespace

StatusOr<Analysis> Analysis::Load(const AnalysisModels& models, AnalysisLoadTimes* times) {
  AnalysisLoadTimes local_times;
  if (times == nullptr) times = &local_times;
  const std::string tagger_path = models.tagger.empty() ? tag::DefaultTaggerModelPath() : models.tagger;
  const std::string parser_path =
      models.parser.empty() ? parse::DefaultParserModelPath() : models.parser;
  KH_RETURN_IF_ERROR(RequireModel(tagger_path, "tagger"));
  KH_RETURN_IF_ERROR(RequireModel(parser_path, "parser"));

  Analysis analysis;
  auto start = std::chrono::steady_clock::now();
  KH_ASSIGN_OR_RETURN(analysis.text_, text::TextStage::CreateWithDefault(models.tokenizer));
  times->tokenizer_seconds = SecondsSince(start);
  start = std::chrono::steady_clock::now();
  KH_ASSIGN_OR_RETURN(analysis.tag_, tag::TagStage::Create(tagger_path));
  times->tagger_seconds = SecondsSince(start);
  start = std::chrono::steady_clock::now();
  KH_ASSIGN_OR_RETURN(analysis.parse_, parse::ParseStage::Create(parser_path));
  times->parser_seconds = SecondsSince(start);
  return analysis;
}

Status Analysis::Analyze(doc::Document& document) const {
  KH_RETURN_IF_ERROR(text_->Process(document));
  return AnalyzeTokenized(document);
}

Status Analysis::AnalyzeTokenized(doc::Document& document) const {
  KH_RETURN_IF_ERROR(tag_->Process(document));
  return parse_->Process(document);
}

void Analysis::MoveStagesInto(Pipeline& pipeline) {
  pipeline.Add(std::move(text_));
  pipeline.Add(std::move(tag_));
  pipeline.Add(std::move(parse_));
}

}  // namespace khabar::pipeline
