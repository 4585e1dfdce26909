// `khabar train tokenizer|tagger|parser`: trains one model from UD treebanks and writes it
// as a .khm file, printing one line per epoch with the dev score and a summary line.
//
//   khabar train tokenizer [--train A.conllu,B.conllu] [--dev X.conllu] [-o PATH]
//   khabar train tagger [--train A.conllu,B.conllu] [--dev X.conllu] [-o PATH] [--epochs N]
//                       [--seed S]
//   khabar train parser [--train ...] [--dev ...] [--tagger PATH] [--tagger-train ...]
//                       [--gold-tags] [--folds K] [--fold-epochs N] [--work-dir DIR]
//                       [-o PATH] [--epochs N] [--seed S]
//
// Defaults: EWT + GUM-open train and EWT dev from the data directory, output in the models
// directory. The parser trains on jackknifed tags (parse/jackknife.h) and needs the tagger
// model (train the tagger first); --gold-tags trains on gold tags instead. Exit status: 0,
// 2 for bad options or missing data, 1 when the model cannot be written.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "khabar/base/data_dir.h"
#include "khabar/cli/commands.h"
#include "khabar/eval/tokenization_eval.h"
#include "khabar/parse/jackknife.h"
#include "khabar/parse/train.h"
#include "khabar/tag/train.h"
#include "khabar/text/text_stage.h"

namespace khabar::cli {
namespace {

constexpr int kExitWriteFailed = 1;
constexpr int kExitBadSetup = 2;

// The flags every `train` verb takes.
struct TrainFlags {
  std::vector<std::string> train;
  std::string dev;
  std::string output;
  int epochs = 0;
  uint32_t seed = 1;
};

struct ParserFlags {
  TrainFlags common;
  std::string tagger = tag::DefaultTaggerModelPath();
  std::vector<std::string> tagger_train;
  bool gold_tags = false;
  uint32_t folds = 4;
  int fold_epochs = parse::kFoldTaggerEpochs;
  std::string work_dir;
};

// Relative to the data directory.
const std::vector<std::string> kEwtAndGumTrain = {"/ud/en_ewt/en_ewt-ud-train.conllu",
                                                  "/ud/en_gum_open/en_gum_open-ud-train.conllu"};
constexpr char kEwtDev[] = "/ud/en_ewt/en_ewt-ud-dev.conllu";

// EWT + GUM-open train from the data directory.
StatusOr<std::vector<std::string>> DefaultTrainFiles() {
  KH_ASSIGN_OR_RETURN(std::string data, base::FindDataDir());
  std::vector<std::string> files;
  for (const std::string& file : kEwtAndGumTrain) files.push_back(data + file);
  return files;
}

// Fills in the default train files and the EWT dev file from the data directory.
Status ApplyDefaults(TrainFlags& flags) {
  if (flags.train.empty()) {
    KH_ASSIGN_OR_RETURN(flags.train, DefaultTrainFiles());
  }
  if (flags.dev.empty()) {
    KH_ASSIGN_OR_RETURN(std::string data, base::FindDataDir());
    flags.dev = data + kEwtDev;
  }
  return Status::Ok();
}

// NotFound naming the first missing file, so that a typo fails before minutes of training.
Status CheckFilesExist(const std::vector<std::string>& paths) {
  for (const std::string& path : paths) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
      return NotFoundError(path + ": no such file");
  }
  return Status::Ok();
}

// Creates the directory the model goes into.
Status PrepareOutput(const std::string& output) {
  std::filesystem::path parent = std::filesystem::path(output).parent_path();
  std::error_code error;
  if (!parent.empty()) std::filesystem::create_directories(parent, error);
  if (error) return UnavailableError(parent.string() + ": " + error.message());
  return Status::Ok();
}

int Fail(std::string_view verb, const Status& status, int exit_code) {
  fmt::print(stderr, "khabar train {}: {}\n", verb, status.ToString());
  return exit_code;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string FileNames(const std::vector<std::string>& paths) {
  std::string names;
  for (const std::string& path : paths) {
    if (!names.empty()) names += "+";
    names += std::filesystem::path(path).filename().string();
  }
  return names;
}

int RunTrainTokenizer(TrainFlags flags) {
  if (Status status = ApplyDefaults(flags); !status.ok()) {
    return Fail("tokenizer", status, kExitBadSetup);
  }
  auto start = std::chrono::steady_clock::now();
  eval::TokenizerTrainingOptions training;
  training.train_paths = flags.train;
  training.dev_path = flags.dev;
  training.splitter.max_epochs = flags.epochs;
  training.splitter.seed = flags.seed;
  StatusOr<eval::TokenizerTrainingResult> result = eval::TrainTokenizer(training);
  if (!result.ok()) return Fail("tokenizer", result.status(), kExitBadSetup);
  Status written = PrepareOutput(flags.output);
  if (written.ok()) {
    written = text::TextStage::SaveModel(result->splitter, result->training_data, flags.output);
  }
  if (!written.ok()) return Fail("tokenizer", written, kExitWriteFailed);
  for (size_t epoch = 0; epoch < result->report.dev_f1.size(); ++epoch) {
    fmt::print("epoch {:2}: dev boundary F1 {:.2f}\n", epoch + 1, result->report.dev_f1[epoch]);
  }
  fmt::print("best epoch {} (dev boundary F1 {:.2f}); {} training tokens; {:.1f} s; wrote {}\n",
             result->report.best_epoch, result->report.best_dev_f1, result->train_tokens,
             SecondsSince(start), flags.output);
  return 0;
}

int RunTrainTagger(TrainFlags flags) {
  Status status = ApplyDefaults(flags);
  if (status.ok()) status = CheckFilesExist(flags.train);
  if (status.ok()) status = CheckFilesExist({flags.dev});
  if (!status.ok()) return Fail("tagger", status, kExitBadSetup);
  tag::TrainOptions options;
  options.train_paths = flags.train;
  options.dev_path = flags.dev;
  options.epochs = flags.epochs;
  options.seed = flags.seed;
  options.training_data = FileNames(flags.train);
  StatusOr<tag::TrainReport> report = tag::TrainTagger(options);
  if (!report.ok()) return Fail("tagger", report.status(), kExitBadSetup);
  status = PrepareOutput(flags.output);
  if (status.ok()) status = report->tagger->Save(flags.output, options.training_data);
  if (!status.ok()) return Fail("tagger", status, kExitWriteFailed);
  for (size_t epoch = 0; epoch < report->dev_by_epoch.size(); ++epoch) {
    const tag::TagAccuracy& dev = report->dev_by_epoch[epoch];
    fmt::print("epoch {:2}: dev UPOS {:.2f} XPOS {:.2f} lemma {:.2f}\n", epoch + 1, dev.upos,
               dev.xpos, dev.lemma);
  }
  fmt::print("best epoch {} (dev UPOS {:.2f} XPOS {:.2f}); {} training words; {:.1f} s; wrote {}\n",
             report->best_epoch, report->best_dev.upos, report->best_dev.xpos, report->train_words,
             report->seconds, flags.output);
  return 0;
}

// Training errors: the parser library reports write failures as Unavailable.
int ParserFailure(const Status& status) {
  return Fail("parser", status,
              status.code() == StatusCode::kUnavailable ? kExitWriteFailed : kExitBadSetup);
}

void PrintParserSummary(const parse::TrainReport& report, double seconds, const std::string& tags,
                        const std::string& output) {
  fmt::print(
      "best epoch {} of {} (dev UAS {:.2f} LAS {:.2f}, {} tags); {} training sentences; "
      "{:.1f} s; wrote {}\n",
      report.best_epoch, report.epochs_run, report.dev_uas, report.dev_las, tags,
      report.train_sentences, seconds, output);
}

int RunTrainParserOnGoldTags(const parse::ParserTrainOptions& options) {
  StatusOr<parse::TrainReport> report = parse::TrainParser(options);
  if (!report.ok()) return ParserFailure(report.status());
  PrintParserSummary(*report, report->seconds, "gold", options.output_path);
  return 0;
}

int RunTrainParserOnPredictedTags(const parse::ParserTrainOptions& options,
                                  const ParserFlags& flags) {
  parse::JackknifeOptions jackknife;
  jackknife.tagger_model_path = flags.tagger;
  jackknife.folds = flags.folds;
  StatusOr<tag::TrainOptions> fold_tagger =
      parse::FoldTaggerOptions(flags.tagger, flags.tagger_train);
  if (!fold_tagger.ok()) return Fail("parser", fold_tagger.status(), kExitBadSetup);
  jackknife.fold_tagger = std::move(*fold_tagger);
  jackknife.fold_tagger.epochs = flags.fold_epochs;
  jackknife.work_dir = flags.work_dir;
  jackknife.progress = [](std::string_view line) {
    fmt::print("{}\n", line);
    std::fflush(stdout);
  };
  StatusOr<parse::JackknifeReport> report = parse::TrainParserOnPredictedTags(options, jackknife);
  if (!report.ok()) return ParserFailure(report.status());
  fmt::print("jackknifed training tags: UPOS {:.2f} XPOS {:.2f}; tagging {:.1f} s\n",
             report->train_tags.upos, report->train_tags.xpos, report->tagging_seconds);
  PrintParserSummary(report->parser, report->seconds, "predicted", options.output_path);
  return 0;
}

// Fills in defaults and checks that every input exists.
Status PrepareParserFlags(ParserFlags& flags) {
  KH_RETURN_IF_ERROR(ApplyDefaults(flags.common));
  KH_RETURN_IF_ERROR(CheckFilesExist(flags.common.train));
  KH_RETURN_IF_ERROR(CheckFilesExist({flags.common.dev}));
  if (flags.gold_tags) return Status::Ok();
  if (flags.folds < 2) return InvalidArgumentError("--folds must be at least 2");
  if (flags.tagger_train.empty()) {
    KH_ASSIGN_OR_RETURN(flags.tagger_train, DefaultTrainFiles());
  }
  KH_RETURN_IF_ERROR(CheckFilesExist(flags.tagger_train));
  std::error_code error;
  if (!std::filesystem::is_regular_file(flags.tagger, error)) {
    return NotFoundError(flags.tagger + ": no tagger model (run `khabar train tagger` first)");
  }
  return Status::Ok();
}

int RunTrainParser(ParserFlags flags) {
  if (Status status = PrepareParserFlags(flags); !status.ok()) {
    return Fail("parser", status, kExitBadSetup);
  }
  if (Status status = PrepareOutput(flags.common.output); !status.ok()) {
    return Fail("parser", status, kExitWriteFailed);
  }
  parse::ParserTrainOptions options;
  options.train_files = flags.common.train;
  options.dev_file = flags.common.dev;
  options.output_path = flags.common.output;
  options.epochs = static_cast<uint32_t>(flags.common.epochs);
  options.seed = flags.common.seed;
  options.verbose = true;  // TrainParser prints the per-epoch dev scores on stderr
  if (flags.gold_tags) {
    options.training_data = FileNames(flags.common.train) + " (gold tags)";
    return RunTrainParserOnGoldTags(options);
  }
  return RunTrainParserOnPredictedTags(options, flags);
}

// --train, --dev, -o, --epochs and --seed, with `train_help` naming the default files.
void AddTrainFlags(CLI::App& command, TrainFlags& flags, const std::string& train_help) {
  command.add_option("--train", flags.train, train_help)->delimiter(',');
  command.add_option("--dev", flags.dev,
                     "development CoNLL-U file for early stopping (default: EWT dev)");
  command.add_option("-o,--output", flags.output, "model file to write")->capture_default_str();
  command.add_option("--epochs", flags.epochs, "maximum epochs")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  command.add_option("--seed", flags.seed, "shuffling seed")->capture_default_str();
}

void RegisterTokenizer(CLI::App& train, int* exit_code) {
  auto flags = std::make_shared<TrainFlags>();
  flags->output = text::DefaultTokenizerModelPath();
  flags->epochs = 15;
  CLI::App* command = train.add_subcommand("tokenizer", "Train the sentence-boundary model");
  AddTrainFlags(*command, *flags, "training CoNLL-U files (default: EWT + GUM-open train)");
  command->callback([flags, exit_code] { *exit_code = RunTrainTokenizer(*flags); });
}

void RegisterTagger(CLI::App& train, int* exit_code) {
  auto flags = std::make_shared<TrainFlags>();
  flags->output = tag::DefaultTaggerModelPath();
  flags->epochs = tag::TrainOptions().epochs;
  CLI::App* command = train.add_subcommand(
      "tagger", "Train the UPOS/XPOS tagger, lemmatizer and multiword splitter");
  AddTrainFlags(*command, *flags, "training CoNLL-U files (default: EWT + GUM-open train)");
  command->callback([flags, exit_code] { *exit_code = RunTrainTagger(*flags); });
}

void RegisterParser(CLI::App& train, int* exit_code) {
  auto flags = std::make_shared<ParserFlags>();
  flags->common.output = parse::DefaultParserModelPath();
  flags->common.epochs = static_cast<int>(parse::ParserTrainOptions().epochs);
  CLI::App* command = train.add_subcommand("parser", "Train the dependency parser");
  AddTrainFlags(*command, flags->common, "training CoNLL-U files (default: EWT + GUM-open train)");
  command
      ->add_option("--tagger", flags->tagger,
                   "tagger model that tags the dev file; the fold taggers copy its settings")
      ->capture_default_str();
  command
      ->add_option(
          "--tagger-train", flags->tagger_train,
          "the tagger's training files, for the fold taggers (default: EWT + GUM-open train)")
      ->delimiter(',');
  command->add_flag("--gold-tags", flags->gold_tags,
                    "train on gold tags instead of jackknifed predicted tags");
  command->add_option("--folds", flags->folds, "jackknife folds")->capture_default_str();
  command->add_option("--fold-epochs", flags->fold_epochs, "epochs of the fold taggers")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  command->add_option(
      "--work-dir", flags->work_dir,
      "keep the tagged training and dev files here (default: a temporary directory)");
  command->callback([flags, exit_code] { *exit_code = RunTrainParser(*flags); });
}

}  // namespace

void RegisterTrainCommand(CLI::App& app, int* exit_code) {
  CLI::App* train = app.add_subcommand("train", "Train a model from treebanks");
  train->require_subcommand(1);
  RegisterTokenizer(*train, exit_code);
  RegisterTagger(*train, exit_code);
  RegisterParser(*train, exit_code);
  RegisterNerTrainCommand(*train, exit_code);
}

}  // namespace khabar::cli
