// `khabar train tokenizer [--train A.conllu,B.conllu] [--dev X.conllu] -o PATH`: trains the
// sentence-boundary model of the text stage and writes it as a .khm tokenizer model.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "khabar/base/data_dir.h"
#include "khabar/cli/commands.h"
#include "khabar/eval/tokenization_eval.h"
#include "khabar/text/text_stage.h"

namespace khabar::cli {
namespace {

struct TrainTokenizerOptions {
  std::vector<std::string> train;
  std::string dev;
  std::string output = text::DefaultTokenizerModelPath();
  int epochs = 15;
  uint32_t seed = 1;
};

// Fills in the EWT + GUM-open train files and the EWT dev file from the data directory.
Status ApplyDefaults(TrainTokenizerOptions& options) {
  if (!options.train.empty() && !options.dev.empty()) return Status::Ok();
  KH_ASSIGN_OR_RETURN(std::string data, base::FindDataDir());
  if (options.train.empty()) {
    options.train = {data + "/ud/en_ewt/en_ewt-ud-train.conllu",
                     data + "/ud/en_gum_open/en_gum_open-ud-train.conllu"};
  }
  if (options.dev.empty()) options.dev = data + "/ud/en_ewt/en_ewt-ud-dev.conllu";
  return Status::Ok();
}

int RunTrainTokenizer(TrainTokenizerOptions options) {
  if (Status status = ApplyDefaults(options); !status.ok()) {
    fmt::print(stderr, "khabar train tokenizer: {}\n", status.ToString());
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  eval::TokenizerTrainingOptions training;
  training.train_paths = options.train;
  training.dev_path = options.dev;
  training.splitter.max_epochs = options.epochs;
  training.splitter.seed = options.seed;
  StatusOr<eval::TokenizerTrainingResult> result = eval::TrainTokenizer(training);
  if (!result.ok()) {
    fmt::print(stderr, "khabar train tokenizer: {}\n", result.status().ToString());
    return 2;
  }
  std::filesystem::path parent = std::filesystem::path(options.output).parent_path();
  std::error_code error;
  if (!parent.empty()) std::filesystem::create_directories(parent, error);
  if (Status status = text::TextStage::SaveModel(result->splitter, result->training_data, options.output);
      !status.ok()) {
    fmt::print(stderr, "khabar train tokenizer: {}\n", status.ToString());
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (size_t epoch = 0; epoch < result->report.dev_f1.size(); ++epoch) {
    fmt::print("epoch {:2}: dev boundary F1 {:.2f}\n", epoch + 1, result->report.dev_f1[epoch]);
  }
  fmt::print("best epoch {} (dev boundary F1 {:.2f}); {} training tokens; {:.1f} s; wrote {}\n",
             result->report.best_epoch, result->report.best_dev_f1, result->train_tokens, seconds,
             options.output);
  return 0;
}

}  // namespace

void RegisterTrainCommand(CLI::App& app, int* exit_code) {
  CLI::App* train = app.add_subcommand("train", "Train a model from treebanks");
  train->require_subcommand(1);
  auto options = std::make_shared<TrainTokenizerOptions>();
  CLI::App* tokenizer = train->add_subcommand("tokenizer", "Train the sentence-boundary model");
  tokenizer->add_option("--train", options->train, "training CoNLL-U files (default: EWT + GUM-open train)")
      ->delimiter(',');
  tokenizer->add_option("--dev", options->dev, "development CoNLL-U file for early stopping (default: EWT dev)");
  tokenizer->add_option("-o,--output", options->output, "model file to write")->capture_default_str();
  tokenizer->add_option("--epochs", options->epochs, "maximum epochs")->capture_default_str();
  tokenizer->add_option("--seed", options->seed, "shuffling seed")->capture_default_str();
  tokenizer->callback([options, exit_code] { *exit_code = RunTrainTokenizer(*options); });
}

}  // namespace khabar::cli
