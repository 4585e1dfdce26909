// `khabar train ner` and `khabar eval ner`: the named-entity recogniser (src/khabar/ner/).
//
//   khabar train ner [--train A.iob2,B.iob2] [--dev Y.iob2] [-o PATH] [--tagger PATH]
//                    [--text A.conllu,...] [--no-text] [--gum A.conllu,...] [--no-gum]
//                    [--no-gazetteer] [--refit 0|1] [--threads N]
//                    [--epochs N] [--seed S] [--decoder viterbi|greedy] [--clusters N]
//                    [--test X.iob2,...] (and experiment flags, see tools/recipes/ner.md)
//   khabar eval ner --gold X.iob2 [--model PATH] [--tagger-model PATH] [--json]
//                   [--system-output PATH]
//
// Training defaults are the recipe (ner::RecipeNerTrainOptions, tools/recipes/ner.md): UNER
// EWT train plus GUM-open train's entity mentions, UNER EWT dev for early stopping and then
// trained on as well (--refit 1), GUM-open train as extra unlabelled text, the tagger at
// models/tagger-en.khm, the installed gazetteer lists, output models/ner-en.khm.
// Evaluation tags the gold words with the tagger, labels them and prints exact-span entity
// precision, recall and F1 over PER/ORG/LOC (micro-averaged, in percent); without --json also
// a row per type. Exit status: 0; 1 when the model cannot be written or the gold file does not
// parse; 2 for bad options, missing data or models.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "khabar/base/file.h"
#include "khabar/cli/commands.h"
#include "khabar/ner/recognizer.h"
#include "khabar/ner/train.h"
#include "khabar/tag/tagger.h"

namespace khabar::cli {
namespace {

constexpr int kExitFailed = 1;
constexpr int kExitBadSetup = 2;

// Overrides of the recipe; empty or unset: the recipe's value.
struct NerTrainFlags {
  std::vector<std::string> train;
  std::string dev;
  std::string output;
  std::vector<std::string> tagger;  // one value; "" for no POS features
  std::vector<std::string> text;
  bool no_text = false;
  std::vector<std::string> gum;
  bool no_gum = false;
  bool no_gazetteer = false;
  std::string embeddings;
  bool no_embeddings = false;
  ner::NerTrainOptions defaults;  // epochs, seed, decoder, ... as given on the command line
  std::string decoder = "viterbi";
  std::vector<std::string> test;
};

struct NerEvalFlags {
  std::string gold;
  std::string model = ner::DefaultNerModelPath();
  std::string tagger = tag::DefaultTaggerModelPath();
  bool json = false;
  std::string system_output;
  float network_weight = -1;  // < 0: the model's own
};

int Fail(std::string_view verb, const Status& status, int exit_code) {
  fmt::print(stderr, "khabar {} ner: {}\n", verb, status.ToString());
  return exit_code;
}

// NotFound naming the first missing file, so that a typo fails before training.
Status CheckFilesExist(const std::vector<std::string>& paths) {
  for (const std::string& path : paths) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
      return NotFoundError(path + ": no such file");
    }
  }
  return Status::Ok();
}

// The recipe with the flags applied, every input checked.
StatusOr<ner::NerTrainOptions> TrainOptions(const NerTrainFlags& flags) {
  KH_ASSIGN_OR_RETURN(ner::NerTrainOptions recipe, ner::RecipeNerTrainOptions());
  ner::NerTrainOptions options = flags.defaults;
  options.train_paths = flags.train.empty() ? recipe.train_paths : flags.train;
  options.dev_path = flags.dev.empty() ? recipe.dev_path : flags.dev;
  options.output_path = flags.output.empty() ? recipe.output_path : flags.output;
  options.tagger_model_path = flags.tagger.empty() ? recipe.tagger_model_path : flags.tagger[0];
  options.text_paths = flags.no_text        ? std::vector<std::string>()
                       : flags.text.empty() ? recipe.text_paths
                                            : flags.text;
  options.entity_conllu_paths = flags.no_gum        ? std::vector<std::string>()
                                : flags.gum.empty() ? recipe.entity_conllu_paths
                                                    : flags.gum;
  if (!flags.no_gazetteer) options.gazetteer = recipe.gazetteer;
  options.embeddings_path = flags.no_embeddings        ? std::string()
                            : flags.embeddings.empty() ? recipe.embeddings_path
                                                       : flags.embeddings;
  if (flags.decoder != "viterbi" && flags.decoder != "greedy") {
    return InvalidArgumentError("--decoder must be viterbi or greedy");
  }
  options.decoder =
      flags.decoder == "greedy" ? ner::DecoderKind::kGreedy : ner::DecoderKind::kViterbi;
  KH_RETURN_IF_ERROR(CheckFilesExist(options.train_paths));
  KH_RETURN_IF_ERROR(CheckFilesExist({options.dev_path}));
  KH_RETURN_IF_ERROR(CheckFilesExist(options.text_paths));
  KH_RETURN_IF_ERROR(CheckFilesExist(options.entity_conllu_paths));
  KH_RETURN_IF_ERROR(CheckFilesExist(flags.test));
  if (!options.embeddings_path.empty()) {
    KH_RETURN_IF_ERROR(CheckFilesExist({options.embeddings_path}));
  }
  if (!options.tagger_model_path.empty() && !CheckFilesExist({options.tagger_model_path}).ok()) {
    return NotFoundError(options.tagger_model_path +
                         ": no tagger model (run `khabar train tagger` first)");
  }
  return options;
}

std::string ScoreLine(const ner::NerScores& scores) {
  return fmt::format(
      "P {:.2f} R {:.2f} F1 {:.2f} (PER {:.2f} ORG {:.2f} LOC {:.2f})", scores.all.Precision(),
      scores.all.Recall(), scores.all.F1(), scores.type(ner::EntityType::kPer).F1(),
      scores.type(ner::EntityType::kOrg).F1(), scores.type(ner::EntityType::kLoc).F1());
}

Status PrepareOutput(const std::string& output) {
  const std::filesystem::path parent = std::filesystem::path(output).parent_path();
  std::error_code error;
  if (!parent.empty()) std::filesystem::create_directories(parent, error);
  if (error) return UnavailableError(parent.string() + ": " + error.message());
  return Status::Ok();
}

// Scores the trained model on each --test file.
Status EvaluateTestFiles(const ner::Recognizer& recognizer, const std::string& tagger_path,
                         const std::vector<std::string>& paths) {
  if (paths.empty()) return Status::Ok();
  std::unique_ptr<tag::Tagger> tagger;
  if (!tagger_path.empty()) {
    KH_ASSIGN_OR_RETURN(tagger, tag::Tagger::Load(tagger_path));
  }
  for (const std::string& path : paths) {
    KH_ASSIGN_OR_RETURN(ner::NerScores scores,
                        ner::EvaluateNerFile(recognizer, tagger.get(), path));
    fmt::print("test {}: {}\n", std::filesystem::path(path).filename().string(), ScoreLine(scores));
  }
  return Status::Ok();
}

int RunTrainNer(const NerTrainFlags& flags) {
  StatusOr<ner::NerTrainOptions> options = TrainOptions(flags);
  if (!options.ok()) return Fail("train", options.status(), kExitBadSetup);
  if (Status status = PrepareOutput(options->output_path); !status.ok()) {
    return Fail("train", status, kExitFailed);
  }
  options->progress = [](std::string_view line) {
    fmt::print("{}\n", line);
    std::fflush(stdout);
  };
  StatusOr<ner::NerTrainReport> report = ner::TrainNer(*options);
  if (!report.ok()) {
    return Fail("train", report.status(),
                report.status().code() == StatusCode::kUnavailable ? kExitFailed : kExitBadSetup);
  }
  fmt::print(
      "best epoch {} (dev {}{}); {} training sentences, {} words; {:.1f} s; {} bytes; wrote {}\n",
      report->best_epoch, ScoreLine(report->best_dev),
      options->refit_with_dev ? ", before the refit on train + dev" : "", report->train_sentences,
      report->train_words, report->seconds, report->model_bytes, options->output_path);
  Status tested = EvaluateTestFiles(*report->recognizer, options->tagger_model_path, flags.test);
  if (!tested.ok()) return Fail("train", tested, kExitFailed);
  return 0;
}

void PrintNerScores(const ner::NerScores& scores, bool json) {
  if (json) {
    fmt::print("{{\"precision\":{:.2f},\"recall\":{:.2f},\"f1\":{:.2f}}}\n", scores.all.Precision(),
               scores.all.Recall(), scores.all.F1());
    return;
  }
  fmt::print("Type | Precision |    Recall |  F1 Score | gold / system / correct\n");
  fmt::print("-----+-----------+-----------+-----------+------------------------\n");
  auto row = [](std::string_view name, const ner::EntityCounts& counts) {
    fmt::print("{:<4} | {:9.2f} | {:9.2f} | {:9.2f} | {} / {} / {}\n", name, counts.Precision(),
               counts.Recall(), counts.F1(), counts.gold, counts.system, counts.correct);
  };
  for (ner::EntityType type :
       {ner::EntityType::kPer, ner::EntityType::kOrg, ner::EntityType::kLoc}) {
    row(doc::EntityTypeName(type), scores.type(type));
  }
  row("All", scores.all);
  fmt::print("{} sentences, {} words\n", scores.sentences, scores.words);
}

int RunEvalNer(const NerEvalFlags& flags) {
  StatusOr<std::unique_ptr<ner::Recognizer>> recognizer = ner::Recognizer::Load(flags.model);
  if (!recognizer.ok()) return Fail("eval", recognizer.status(), kExitBadSetup);
  std::unique_ptr<tag::Tagger> tagger;
  if (((*recognizer)->parts().feature_groups & ner::internal::kPosGroup) != 0) {
    StatusOr<std::unique_ptr<tag::Tagger>> loaded = tag::Tagger::Load(flags.tagger);
    if (!loaded.ok()) return Fail("eval", loaded.status(), kExitBadSetup);
    tagger = std::move(loaded).value();
  }
  if (flags.network_weight >= 0 && !(*recognizer)->parts().neural.empty()) {
    ner::internal::NeuralModel network = (*recognizer)->parts().neural;
    network.weight = flags.network_weight;
    *recognizer = (*recognizer)->WithNetwork(std::move(network));
  }
  StatusOr<ner::Iob2Corpus> gold = ner::ReadIob2(flags.gold);
  if (!gold.ok()) {
    return Fail("eval", gold.status(),
                gold.status().code() == StatusCode::kNotFound ? kExitBadSetup : kExitFailed);
  }
  if (!flags.system_output.empty()) {
    const std::string labelled = ner::LabelledIob2(**recognizer, tagger.get(), *gold);
    if (Status status = base::WriteFile(flags.system_output, labelled); !status.ok()) {
      return Fail("eval", status, kExitFailed);
    }
  }
  PrintNerScores(ner::EvaluateNer(**recognizer, tagger.get(), *gold), flags.json);
  return 0;
}

void AddExperimentFlags(CLI::App& command, NerTrainFlags& flags) {
  ner::NerTrainOptions& options = flags.defaults;
  command.add_option("--decoder", flags.decoder, "viterbi or greedy")->capture_default_str();
  command.add_option("--clusters", options.cluster_count, "word clusters (0: none)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65536));
  command
      .add_option("--cluster-min-count", options.cluster_min_count,
                  "occurrences a word needs for a cluster")
      ->capture_default_str();
  command.add_option("--features", options.feature_groups, "feature groups, a bit set")
      ->capture_default_str();
  command
      .add_option("--lexicon-min-count", options.lexicon_min_count,
                  "other occurrences a word needs for its entity and case classes")
      ->capture_default_str();
  command
      .add_option("--learn-other", options.learn_other,
                  "learn OTH names as labels of their own (1) or read them as O (0)")
      ->capture_default_str();
  command.add_option("--min-weight", options.min_weight, "drop smaller averaged weights")
      ->capture_default_str();
  command.add_option("--ensemble", options.ensemble, "models averaged, with consecutive seeds")
      ->capture_default_str()
      ->check(CLI::Range(1, 16));
  command
      .add_option("--patience", options.patience, "epochs without a better dev F1 before stopping")
      ->capture_default_str();
  command
      .add_option("--threads", options.threads,
                  "ensemble members trained at once (the model does not depend on it)")
      ->capture_default_str()
      ->check(CLI::Range(1, 16));
  command
      .add_option("--word-dropout", options.word_dropout,
                  "probability that a training word is seen as unknown in an epoch")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  command.add_option("--network-epochs", options.neural.epochs, "network: maximum epochs")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  command.add_option("--network-hidden", options.neural.shape.hidden, "network: hidden units")
      ->capture_default_str()
      ->check(CLI::Range(1, 4096));
  command.add_option("--network-lstm", options.neural.shape.lstm,
                     "network: units of each direction of a BiLSTM over the layers (0: none)")
      ->capture_default_str()
      ->check(CLI::Range(0, 1024));
  command.add_option("--network-depth", options.neural.shape.depth,
                     "network: convolution layers")
      ->capture_default_str()
      ->check(CLI::Range(1, 16));
  command.add_option("--network-dropout", options.neural.dropout, "network: dropout")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 0.9));
  command.add_option("--network-word-dropout", options.neural.word_dropout,
                     "network: share of words read as unknown")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  command.add_option("--network-rate", options.neural.learning_rate, "network: Adam step size")
      ->capture_default_str();
  command.add_option("--network-batch", options.neural.batch_sentences,
                     "network: sentences per minibatch")
      ->capture_default_str()
      ->check(CLI::Range(1, 4096));
  command.add_option("--network-gum", options.neural_on_gum,
                     "network: train on the GUM sentences too (1) or not (0)")
      ->capture_default_str();
  command.add_option("--base-model", options.base_model_path,
                     "network experiments: keep this model's perceptron, train only the network");
  command.add_option("--embedding-words", options.embedding_words,
                     "network: the most frequent pretrained words kept")
      ->capture_default_str();
  command
      .add_option("--refit", options.refit_with_dev,
                  "train again on train + dev for the best dev epochs (1) or keep the "
                  "train-only model (0)")
      ->capture_default_str();
}

}  // namespace

void RegisterNerTrainCommand(CLI::App& train, int* exit_code) {
  auto flags = std::make_shared<NerTrainFlags>();
  CLI::App* command =
      train.add_subcommand("ner", "Train the named-entity recogniser (PER/ORG/LOC)");
  command->add_option("--train", flags->train, "training IOB2 files (default: UNER EWT train)")
      ->delimiter(',');
  command->add_option("--dev", flags->dev,
                      "development IOB2 file for early stopping (default: UNER EWT dev)");
  command->add_option("-o,--output", flags->output,
                      "model file to write (default: " + ner::DefaultNerModelPath() + ")");
  command
      ->add_option("--tagger", flags->tagger,
                   "tagger model for the UPOS/XPOS features, \"\" for none (default: " +
                       tag::DefaultTaggerModelPath() + ")")
      ->expected(1);
  command
      ->add_option("--text", flags->text,
                   "unlabelled CoNLL-U text for the capitalisation table and clusters "
                   "(default: GUM-open train)")
      ->delimiter(',');
  command->add_flag("--no-text", flags->no_text, "use the training files' words only");
  command
      ->add_option("--gum", flags->gum,
                   "CoNLL-U files with GUM entity annotation to train on as well (default: "
                   "GUM-open train)")
      ->delimiter(',');
  command->add_flag("--no-gum", flags->no_gum, "no GUM entity mentions in training");
  command->add_flag("--no-gazetteer", flags->no_gazetteer,
                    "no gazetteer features (default: WordNet, ISO 3166, GeoNames and Phoenix actor "
                    "names)");
  command->add_option("--epochs", flags->defaults.epochs, "maximum epochs")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  command->add_option("--seed", flags->defaults.seed, "shuffling seed")->capture_default_str();
  command->add_option("--embeddings", flags->embeddings,
                      "pretrained word vectors for the network (wink-embeddings JSON; default: " +
                          ner::KhabarEmbeddingsPath() + " when it is there)");
  command->add_flag("--no-embeddings", flags->no_embeddings,
                    "no network: the perceptron alone");
  AddExperimentFlags(*command, *flags);
  command->add_option("--test", flags->test, "IOB2 files to score the model on after training")
      ->delimiter(',');
  command->callback([flags, exit_code] { *exit_code = RunTrainNer(*flags); });
}

void RegisterNerEvalCommand(CLI::App& eval, int* exit_code) {
  auto flags = std::make_shared<NerEvalFlags>();
  CLI::App* command = eval.add_subcommand(
      "ner", "Exact-span entity precision, recall and F1 (PER/ORG/LOC) against a gold IOB2 file");
  command->add_option("--gold", flags->gold, "gold IOB2 file")->required();
  command->add_option("--model", flags->model, "NER model (.khm)")->capture_default_str();
  command->add_option("--tagger-model", flags->tagger, "tagger model (.khm)")
      ->capture_default_str();
  command->add_flag("--json", flags->json, "print one JSON object");
  command->add_option("--network-weight", flags->network_weight,
                      "weigh the network's log-probabilities so (default: the model's own)");
  command->add_option("--system-output", flags->system_output,
                      "also write `index word predicted gold` lines here");
  command->callback([flags, exit_code] { *exit_code = RunEvalNer(*flags); });
}

}  // namespace khabar::cli
