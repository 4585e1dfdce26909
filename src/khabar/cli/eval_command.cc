// `khabar eval tokenize --gold X.conllu [--model PATH] [--json]`: CoNLL 2018 token and
// sentence F1 of the text stage on the raw text rebuilt from a gold file.
// `khabar eval ud --gold X.conllu [--gold-tokens] [--json]`: CoNLL 2018 scores of the whole
// analysis (words, UPOS, XPOS, lemmas, UAS, LAS), from raw text or from gold tokens.
#include <fmt/format.h>

#include <memory>
#include <string>

#include "khabar/base/file.h"
#include "khabar/cli/commands.h"
#include "khabar/eval/conllu.h"
#include "khabar/eval/syntax_eval.h"
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

struct EvalUdOptions {
  std::string gold;
  pipeline::AnalysisModels models;
  bool gold_tokens = false;
  bool json = false;
  std::string system_output;
};

void PrintUdScores(const eval::UdScores& scores, bool gold_tokens, bool json) {
  if (json) {
    fmt::print(
        "{{\"upos\":{:.2f},\"xpos\":{:.2f},\"lemma\":{:.2f},\"uas\":{:.2f},\"las\":{:.2f},"
        "\"tokens\":{:.2f},\"sentences\":{:.2f},\"words\":{:.2f},\"input\":\"{}\"}}\n",
        scores.upos.f1(), scores.xpos.f1(), scores.lemma.f1(), scores.uas.f1(), scores.las.f1(),
        scores.tokens.f1(), scores.sentences.f1(), scores.words.f1(),
        gold_tokens ? "gold-tokens" : "raw-text");
    return;
  }
  fmt::print("Metric     | Precision |    Recall |  F1 Score | AligndAcc\n");
  fmt::print("-----------+-----------+-----------+-----------+-----------\n");
  auto row = [](const char* name, const eval::UdMetric& metric, bool aligned) {
    fmt::print("{:<10} | {:9.2f} | {:9.2f} | {:9.2f} | {}\n", name, metric.precision(),
               metric.recall(), metric.f1(),
               aligned ? fmt::format("{:9.2f}", metric.aligned_accuracy()) : std::string());
  };
  row("Tokens", scores.tokens, false);
  row("Sentences", scores.sentences, false);
  row("Words", scores.words, false);
  row("UPOS", scores.upos, true);
  row("XPOS", scores.xpos, true);
  row("Lemmas", scores.lemma, true);
  row("UAS", scores.uas, true);
  row("LAS", scores.las, true);
}

int RunEvalUd(const EvalUdOptions& options) {
  StatusOr<pipeline::Analysis> analysis = pipeline::Analysis::Load(options.models);
  if (!analysis.ok()) {
    fmt::print(stderr, "khabar eval ud: {}\n", analysis.status().ToString());
    return 2;
  }
  const eval::Input input = options.gold_tokens ? eval::Input::kGoldTokens : eval::Input::kRawText;
  StatusOr<eval::SyntaxEvaluation> result = eval::EvaluateSyntaxFile(*analysis, options.gold, input);
  if (!result.ok()) {
    fmt::print(stderr, "khabar eval ud: {}\n", result.status().ToString());
    return result.status().code() == StatusCode::kNotFound ? 2 : 1;
  }
  if (!options.system_output.empty()) {
    if (Status status = base::WriteFile(options.system_output, result->system_conllu); !status.ok()) {
      fmt::print(stderr, "khabar eval ud: {}\n", status.ToString());
      return 1;
    }
  }
  PrintUdScores(result->scores, options.gold_tokens, options.json);
  return 0;
}

void RegisterEvalUd(CLI::App& eval, int* exit_code) {
  auto options = std::make_shared<EvalUdOptions>();
  CLI::App* ud = eval.add_subcommand(
      "ud", "Words, UPOS, XPOS, lemma, UAS and LAS against a gold treebank (CoNLL 2018 method)");
  ud->add_option("--gold", options->gold, "gold CoNLL-U file")->required();
  ud->add_flag("--gold-tokens", options->gold_tokens,
               "start from the gold tokens and sentences instead of the raw text");
  ud->add_flag("--json", options->json, "print one JSON object");
  ud->add_option("--system-output", options->system_output, "also write Khabar's CoNLL-U here");
  AddModelOptions(*ud, options->models);
  ud->callback([options, exit_code] { *exit_code = RunEvalUd(*options); });
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
  RegisterEvalUd(*eval, exit_code);
  RegisterNerEvalCommand(*eval, exit_code);
  RegisterCameoEvalCommand(*eval, exit_code);
  RegisterLocationEvalCommand(*eval, exit_code);
  RegisterPloverEvalCommand(*eval, exit_code);
  RegisterCountsEvalCommand(*eval, exit_code);
  RegisterDatesEvalCommand(*eval, exit_code);
  RegisterMergeEvalCommand(*eval, exit_code);
}

}  // namespace khabar::cli
