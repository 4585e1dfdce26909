// `khabar tokenize FILES...` and `khabar parse FILES...`: analyse articles and write
// CoNLL-U on stdout (docs/formats/conllu.md). `tokenize` runs the text stage only;
// `parse` adds the syntactic words, tags, lemmas and dependency trees.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "khabar/cli/commands.h"
#include "khabar/ingest/ingestor.h"
#include "khabar/pipeline/analysis.h"
#include "khabar/pipeline/conllu_writer.h"
#include "khabar/text/text_stage.h"

namespace khabar::cli {
namespace {

struct ConlluOptions {
  std::vector<std::string> files;
  pipeline::AnalysisModels models;
};

using Analyze = std::function<Status(doc::Document&)>;

void PrintDocument(const doc::Document& document) {
  std::string out;
  pipeline::AppendConllu(document, out);
  std::fwrite(out.data(), 1, out.size(), stdout);
}

// Reads a file or directory through the ingest readers (text, JSONL, HTML, feeds),
// analyses and prints every document. Returns 1 if any input failed; the others are
// still printed.
int PrintPath(std::string_view verb, const Analyze& analyze, const ingest::Ingestor& ingestor,
              const std::string& path) {
  int result = 0;
  auto on_document = [&](doc::Document&& document) {
    if (Status status = analyze(document); !status.ok()) {
      fmt::print(stderr, "khabar {}: {}: {}\n", verb, document.source_path, status.ToString());
      result = 1;
      return;
    }
    PrintDocument(document);
  };
  auto on_error = [&](const ingest::IngestError& error) {
    fmt::print(stderr, "khabar {}: error: {}\n", verb, error.ToString());
    result = 1;
  };
  auto on_warning = [&](const ingest::IngestError& warning) {
    fmt::print(stderr, "khabar {}: warning: {}\n", verb, warning.ToString());
  };
  ingestor.ReadPath(path, on_document, on_error, on_warning);
  return result;
}

int PrintAll(std::string_view verb, const Analyze& analyze, const std::vector<std::string>& files) {
  StatusOr<ingest::Ingestor> ingestor = ingest::Ingestor::Create(ingest::IngestOptions{});
  if (!ingestor.ok()) {
    fmt::print(stderr, "khabar {}: {}\n", verb, ingestor.status().ToString());
    return 2;
  }
  int result = 0;
  for (const std::string& path : files) result = std::max(result, PrintPath(verb, analyze, *ingestor, path));
  return result;
}

void NoteRuleBasedSplitting(std::string_view verb) {
  fmt::print(stderr, "khabar {}: no tokenizer model ({} missing); using rule-based sentence splitting\n",
             verb, text::DefaultTokenizerModelPath());
}

int RunTokenize(const ConlluOptions& options) {
  StatusOr<std::unique_ptr<text::TextStage>> stage =
      text::TextStage::CreateWithDefault(options.models.tokenizer);
  if (!stage.ok()) {
    fmt::print(stderr, "khabar tokenize: {}\n", stage.status().ToString());
    return 2;
  }
  if (!(*stage)->uses_model()) NoteRuleBasedSplitting("tokenize");
  const text::TextStage& text_stage = **stage;
  return PrintAll("tokenize", [&](doc::Document& document) { return text_stage.Process(document); },
                  options.files);
}

int RunParse(const ConlluOptions& options) {
  StatusOr<pipeline::Analysis> analysis = pipeline::Analysis::Load(options.models);
  if (!analysis.ok()) {
    fmt::print(stderr, "khabar parse: {}\n", analysis.status().ToString());
    return 2;
  }
  if (!analysis->uses_tokenizer_model()) NoteRuleBasedSplitting("parse");
  const pipeline::Analysis& analyzer = *analysis;
  return PrintAll("parse", [&](doc::Document& document) { return analyzer.Analyze(document); },
                  options.files);
}

}  // namespace

void RegisterTokenizeCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ConlluOptions>();
  CLI::App* command = app.add_subcommand("tokenize", "Normalise, tokenize and split articles; print CoNLL-U");
  command->add_option("files", options->files, "Article files or directories (text, JSONL, HTML, RSS/Atom)")->required();
  command->add_option("--model", options->models.tokenizer, "tokenizer model (.khm)");
  command->callback([options, exit_code] { *exit_code = RunTokenize(*options); });
}

void RegisterParseCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ConlluOptions>();
  CLI::App* command = app.add_subcommand(
      "parse", "Tokenize, tag, lemmatize and parse articles; print CoNLL-U with dependency trees");
  command->add_option("files", options->files, "Article files or directories (text, JSONL, HTML, RSS/Atom)")->required();
  AddModelOptions(*command, options->models);
  command->callback([options, exit_code] { *exit_code = RunParse(*options); });
}

void AddModelOptions(CLI::App& command, pipeline::AnalysisModels& models) {
  command.add_option("--tokenizer-model", models.tokenizer,
                     "tokenizer model (default: $KHABAR_MODELS or models/, tokenizer-en.khm)");
  command.add_option("--tagger-model", models.tagger, "tagger model (default: tagger-en.khm there)");
  command.add_option("--parser-model", models.parser, "parser model (default: parser-en.khm there)");
}

}  // namespace khabar::cli
