// khabar_train_tagger: an experiment driver for tag::TrainTagger with more flags than
// `khabar train tagger` (the recipe). Trains, writes the model, and prints dev/test accuracies
// and speed.
//
//   khabar_train_tagger [--train A,B] [--dev X] [--test Y,Z] [--epochs N] [--seed S]
//                       [--max-sentences N] [-o models/tagger-en.khm]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/data_dir.h"
#include "khabar/base/file.h"
#include "khabar/tag/train.h"

namespace khabar::tag {
namespace {

std::vector<std::string> SplitCommas(std::string_view text) {
  std::vector<std::string> parts;
  while (!text.empty()) {
    size_t comma = text.find(',');
    parts.emplace_back(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return parts;
}

void Print(const char* what, const TagAccuracy& accuracy) {
  std::printf(
      "%-28s UPOS %.2f  XPOS %.2f  lemma %.2f  multiword split %.2f  (%zu words, %zu tokens)\n",
      what, accuracy.upos, accuracy.xpos, accuracy.lemma, accuracy.multiword, accuracy.words,
      accuracy.tokens);
}

// Words per second of Tagger::Tag plus lemmatization over `path`, best of three passes.
StatusOr<double> MeasureSpeed(const Tagger& tagger, const std::string& path) {
  KH_ASSIGN_OR_RETURN(treebank::Treebank gold, treebank::ReadTreebank(path));
  TagScratch scratch;
  std::vector<std::string_view> forms;
  std::vector<uint16_t> labels;
  std::string lemmas;
  double best = 0;
  for (int pass = 0; pass < 3; ++pass) {
    auto start = std::chrono::steady_clock::now();
    size_t words = 0;
    for (const treebank::Sentence& sentence : gold.sentences()) {
      forms.clear();
      for (const treebank::Word& word : gold.Words(sentence)) forms.push_back(word.form);
      labels.resize(forms.size());
      tagger.Tag(forms, scratch, labels);
      lemmas.clear();
      for (size_t word_idx = 0; word_idx < forms.size(); ++word_idx) {
        tagger.lemmatizer().Lemmatize(forms[word_idx], tagger.xpos(labels[word_idx]), lemmas);
      }
      words += forms.size();
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = std::max(best, words / seconds);
  }
  return best;
}

int Run(int argc, char** argv) {
  StatusOr<std::string> data = base::FindDataDir();
  std::string root = data.ok() ? *data + "/ud/" : "";
  TrainOptions options;
  options.train_paths = {root + "en_ewt/en_ewt-ud-train.conllu",
                         root + "en_gum_open/en_gum_open-ud-train.conllu"};
  options.dev_path = root + "en_ewt/en_ewt-ud-dev.conllu";
  options.output_path = DefaultTaggerModelPath();
  std::vector<std::string> tests = {options.dev_path, root + "en_ewt/en_ewt-ud-test.conllu",
                                    root + "en_gum_open/en_gum_open-ud-test.conllu"};
  std::string predict;  // write the tagged first test file here
  for (int arg = 1; arg + 1 < argc; arg += 2) {
    std::string_view flag = argv[arg];
    std::string value = argv[arg + 1];
    if (flag == "--train")
      options.train_paths = SplitCommas(value);
    else if (flag == "--dev")
      options.dev_path = value;
    else if (flag == "--test")
      tests = SplitCommas(value);
    else if (flag == "--epochs")
      options.epochs = std::atoi(value.c_str());
    else if (flag == "--two-pass")
      options.two_pass = value == "1";
    else if (flag == "--wordnet-features")
      options.wordnet_features = value == "1";
    else if (flag == "--lemma-files")
      options.lemma_files = std::strtoull(value.c_str(), nullptr, 10);
    else if (flag == "--folds")
      options.folds = std::atoi(value.c_str());
    else if (flag == "--seed")
      options.seed = static_cast<uint32_t>(std::atoi(value.c_str()));
    else if (flag == "--cutoff")
      options.rare_cutoff = static_cast<uint32_t>(std::atoi(value.c_str()));
    else if (flag == "--max-sentences")
      options.max_train_sentences = std::strtoull(value.c_str(), nullptr, 10);
    else if (flag == "-o")
      options.output_path = value;
    else if (flag == "--predict")
      predict = value;
    else {
      std::fprintf(stderr, "unknown flag %s\n", argv[arg]);
      return 2;
    }
  }
  StatusOr<TrainReport> report = TrainTagger(options);
  if (!report.ok()) {
    std::fprintf(stderr, "train: %s\n", report.status().ToString().c_str());
    return 1;
  }
  for (size_t epoch = 0; epoch < report->dev_by_epoch.size(); ++epoch) {
    std::string label = "epoch " + std::to_string(epoch + 1) + " dev";
    Print(label.c_str(), report->dev_by_epoch[epoch]);
  }
  for (size_t epoch = 0; epoch < report->second_dev_by_epoch.size(); ++epoch) {
    std::string label = "pass 2 epoch " + std::to_string(epoch + 1) + " dev";
    Print(label.c_str(), report->second_dev_by_epoch[epoch]);
  }
  std::printf("two-pass model: %s (pass 2 best epoch %d)\n",
              report->tagger->two_pass() ? "yes" : "no", report->second_best_epoch);
  std::printf(
      "best epoch %d; %zu training words; %zu WordNet exception lines; %.1f s; model %zu bytes -> "
      "%s\n",
      report->best_epoch, report->train_words, report->exception_entries, report->seconds,
      report->model_bytes, options.output_path.c_str());
  if (!options.output_path.empty()) {
    auto start = std::chrono::steady_clock::now();
    StatusOr<std::unique_ptr<Tagger>> loaded = Tagger::Load(options.output_path);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!loaded.ok()) {
      std::fprintf(stderr, "load: %s\n", loaded.status().ToString().c_str());
      return 1;
    }
    std::printf("model load %.3f s\n", seconds);
  }
  for (const std::string& test : tests) {
    StatusOr<TagAccuracy> accuracy = EvaluateTaggerFile(*report->tagger, test);
    if (!accuracy.ok()) {
      std::fprintf(stderr, "%s\n", accuracy.status().ToString().c_str());
      return 1;
    }
    Print(test.substr(test.rfind('/') + 1).c_str(), *accuracy);
  }
  if (!predict.empty()) {
    StatusOr<treebank::Treebank> gold = treebank::ReadTreebank(tests.front());
    if (gold.ok()) {
      Status written = base::WriteFile(predict, TagTreebank(*report->tagger, *gold));
      if (!written.ok()) std::fprintf(stderr, "%s\n", written.ToString().c_str());
    }
  }
  StatusOr<double> speed = MeasureSpeed(*report->tagger, tests.back());
  if (speed.ok()) std::printf("tag+lemmatize speed: %.0f words/s (one thread)\n", *speed);
  return 0;
}

}  // namespace
}  // namespace khabar::tag

int main(int argc, char** argv) { return khabar::tag::Run(argc, argv); }
