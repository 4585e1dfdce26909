// `khabar tokenize FILES... [--model PATH]`: writes CoNLL-U (docs/formats/conllu.md).
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "khabar/base/file.h"
#include "khabar/base/utf8.h"
#include "khabar/cli/commands.h"
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

int TokenizeFile(const text::TextStage& stage, const std::string& path) {
  StatusOr<std::string> bytes = base::ReadFile(path, base::kDefaultMaxFileBytes);
  if (!bytes.ok()) {
    fmt::print(stderr, "khabar tokenize: {}\n", bytes.status().ToString());
    return 1;
  }
  base::Utf8Repair repaired = base::RepairUtf8(*bytes);
  doc::Document document;
  document.id = std::filesystem::path(path).filename().string();
  document.raw = std::move(repaired.text);
  if (!repaired.invalid_offsets.empty()) {
    fmt::print(stderr, "khabar tokenize: {}: replaced {} invalid UTF-8 sequences (first at byte {})\n",
               path, repaired.invalid_offsets.size(), repaired.invalid_offsets[0]);
  }
  if (Status status = stage.Process(document); !status.ok()) {
    fmt::print(stderr, "khabar tokenize: {}: {}\n", path, status.ToString());
    return 1;
  }
  std::string out = fmt::format("# newdoc id = {}\n", document.id);
  for (size_t s = 0; s < document.sentences.size(); ++s) {
    WriteSentence(document, document.sentences[s], s + 1, out);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

int RunTokenize(const TokenizeOptions& options) {
  StatusOr<std::unique_ptr<text::TextStage>> stage = text::TextStage::CreateWithDefault(options.model);
  if (!stage.ok()) {
    fmt::print(stderr, "khabar tokenize: {}\n", stage.status().ToString());
    return 2;
  }
  if (!(*stage)->uses_model()) {
    fmt::print(stderr, "khabar tokenize: no tokenizer model ({} missing); using rule-based sentence splitting\n",
               text::kDefaultTokenizerModel);
  }
  int result = 0;
  for (const std::string& path : options.files) result = std::max(result, TokenizeFile(**stage, path));
  return result;
}

}  // namespace

void RegisterTokenizeCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<TokenizeOptions>();
  CLI::App* command = app.add_subcommand("tokenize", "Normalise, tokenize and split text files; print CoNLL-U");
  command->add_option("files", options->files, "UTF-8 text files")->required();
  command->add_option("--model", options->model, "tokenizer model (.khm)");
  command->callback([options, exit_code] { *exit_code = RunTokenize(*options); });
}

}  // namespace khabar::cli
