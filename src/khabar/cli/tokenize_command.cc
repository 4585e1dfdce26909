// `khabar tokenize FILES... [--model PATH]`: writes CoNLL-U (docs/formats/conllu.md).
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "khabar/cli/commands.h"
#include "khabar/ingest/ingestor.h"
#include "khabar/text/text_stage.h"

namespace khabar::cli {
namespace {

struct TokenizeOptions {
  std::vector<std::string> files;
  std::string model;
};

// `text` with every whitespace run replaced by one space.
std::string OneLine(std::string_view text) {
  std::string line;
  line.reserve(text.size());
  bool in_space = false;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    if (space && !in_space) line += ' ';
    if (!space) line += c;
    in_space = space;
  }
  return line;
}

void WriteSentence(const doc::Document& document, const doc::Sentence& sentence, size_t number,
                   std::string& out) {
  if (document.tokens[sentence.token_begin].paragraph_start) out += "# newpar\n";
  fmt::format_to(std::back_inserter(out), "# sent_id = {}-{}\n# text = {}\n", document.id, number,
                 OneLine(document.SentenceText(sentence)));
  for (doc::TokenIndex i = sentence.token_begin; i < sentence.token_end; ++i) {
    const doc::Token& token = document.tokens[i];
    doc::Span raw = document.offsets.ToRawSpan(token.span);
    std::string_view no_space = token.space_after ? "" : "SpaceAfter=No|";
    fmt::format_to(std::back_inserter(out), "{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}TokenRange={}:{}\n",
                   i - sentence.token_begin + 1, OneLine(document.TokenText(i)), no_space, raw.begin,
                   raw.end);
  }
  out += '\n';
}

// Prints one document as CoNLL-U on stdout.
void PrintDocument(const doc::Document& document) {
  std::string out = fmt::format("# newdoc id = {}\n", document.id);
  for (size_t s = 0; s < document.sentences.size(); ++s) {
    WriteSentence(document, document.sentences[s], s + 1, out);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
}

// Reads a file or directory through the ingest readers (text, JSONL, HTML, feeds) and
// prints every document. Returns 1 if any input failed.
int TokenizePath(const text::TextStage& stage, const ingest::Ingestor& ingestor,
                 const std::string& path) {
  int result = 0;
  auto on_document = [&](doc::Document&& document) {
    if (Status status = stage.Process(document); !status.ok()) {
      fmt::print(stderr, "khabar tokenize: {}: {}\n", document.source_path, status.ToString());
      result = 1;
      return;
    }
    PrintDocument(document);
  };
  auto on_error = [&](const ingest::IngestError& error) {
    fmt::print(stderr, "khabar tokenize: error: {}\n", error.ToString());
    result = 1;
  };
  auto on_warning = [](const ingest::IngestError& warning) {
    fmt::print(stderr, "khabar tokenize: warning: {}\n", warning.ToString());
  };
  ingestor.ReadPath(path, on_document, on_error, on_warning);
  return result;
}

int RunTokenize(const TokenizeOptions& options) {
  StatusOr<std::unique_ptr<text::TextStage>> stage = text::TextStage::CreateWithDefault(options.model);
  if (!stage.ok()) {
    fmt::print(stderr, "khabar tokenize: {}\n", stage.status().ToString());
    return 2;
  }
  if (!(*stage)->uses_model()) {
    fmt::print(stderr, "khabar tokenize: no tokenizer model ({} missing); using rule-based sentence splitting\n",
               text::DefaultTokenizerModelPath());
  }
  StatusOr<ingest::Ingestor> ingestor = ingest::Ingestor::Create(ingest::IngestOptions{});
  if (!ingestor.ok()) {
    fmt::print(stderr, "khabar tokenize: {}\n", ingestor.status().ToString());
    return 2;
  }
  int result = 0;
  for (const std::string& path : options.files) {
    result = std::max(result, TokenizePath(**stage, *ingestor, path));
  }
  return result;
}

}  // namespace

void RegisterTokenizeCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<TokenizeOptions>();
  CLI::App* command = app.add_subcommand("tokenize", "Normalise, tokenize and split articles; print CoNLL-U");
  command->add_option("files", options->files, "Article files or directories (text, JSONL, HTML, RSS/Atom)")->required();
  command->add_option("--model", options->model, "tokenizer model (.khm)");
  command->callback([options, exit_code] { *exit_code = RunTokenize(*options); });
}

}  // namespace khabar::cli
