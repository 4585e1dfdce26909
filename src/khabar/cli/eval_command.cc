// `khabar eval tokenize --gold X.conllu [--model PATH] [--json]`: CoNLL 2018 token and
// sentence F1 of the text stage on the raw text rebuilt from a gold file.
#include <fmt/format.h>

#include <memory>
#include <string>

#include "khabar/cli/commands.h"
#include "khabar/eval/conllu.h"
#include "khabar/eval/tokenization_eval.h"
#include "khabar/text/text_stage.h"

namespace khabar::cli {
namespace {

struct EvalTokenizeOptions {
  std::string gold;
  std::string model;
  bool json = false;
};

void PrintScores(const eval::TokenizationScores& scores, bool json) {
  if (json) {
    fmt::print(
        "{{\"tokens_f1\":{:.2f},\"sentences_f1\":{:.2f},\"tokens_precision\":{:.2f},"
        "\"tokens_recall\":{:.2f},\"sentences_precision\":{:.2f},\"sentences_recall\":{:.2f}}}\n",
        scores.tokens.F1(), scores.sentences.F1(), scores.tokens.Precision(), scores.tokens.Recall(),
        scores.sentences.Precision(), scores.sentences.Recall());
    return;
  }
  fmt::print("Metric     | Precision |    Recall |  F1 Score | gold / system / correct\n");
  auto row = [](const char* name, const eval::F1Score& s) {
    fmt::print("{:<10} | {:9.2f} | {:9.2f} | {:9.2f} | {} / {} / {}\n", name, s.Precision(), s.Recall(),
               s.F1(), s.gold, s.system, s.correct);
  };
  row("Tokens", scores.tokens);
  row("Sentences", scores.sentences);
}

int RunEvalTokenize(const EvalTokenizeOptions& options) {
  StatusOr<std::unique_ptr<text::TextStage>> stage = text::TextStage::CreateWithDefault(options.model);
  if (!stage.ok()) {
    fmt::print(stderr, "khabar eval tokenize: {}\n", stage.status().ToString());
    return 2;
  }
  if (!(*stage)->uses_model()) {
    fmt::print(stderr, "khabar eval tokenize: no tokenizer model; using rule-based sentence splitting\n");
  }
  StatusOr<eval::ConlluFile> gold = eval::ReadConllu(options.gold);
  if (!gold.ok()) {
    fmt::print(stderr, "khabar eval tokenize: {}\n", gold.status().ToString());
    return 2;
  }
  StatusOr<eval::TokenizationScores> scores = eval::EvaluateTokenization(**stage, *gold);
  if (!scores.ok()) {
    fmt::print(stderr, "khabar eval tokenize: {}\n", scores.status().ToString());
    return 1;
  }
  PrintScores(*scores, options.json);
  return 0;
}

}  // namespace

void RegisterEvalCommand(CLI::App& app, int* exit_code) {
  CLI::App* eval = app.add_subcommand("eval", "Measure accuracy against gold data");
  eval->require_subcommand(1);
  auto options = std::make_shared<EvalTokenizeOptions>();
  CLI::App* tokenize = eval->add_subcommand("tokenize", "Token and sentence F1 (CoNLL 2018 method)");
  tokenize->add_option("--gold", options->gold, "gold CoNLL-U file")->required();
  tokenize->add_option("--model", options->model, "tokenizer model (.khm)");
  tokenize->add_flag("--json", options->json, "print one JSON object");
  tokenize->callback([options, exit_code] { *exit_code = RunEvalTokenize(*options); });
}

}  // namespace khabar::cli
