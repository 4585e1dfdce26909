// khabar_train_parser: an experiment driver that trains on gold tokens and gold tags, then
// reports dev/test attachment scores, parsing speed and model size. The recipe for the
// shipped model is `khabar train parser` (jackknifed tags; tools/recipes/parser.md).
//
//   khabar_train_parser --data $KHABAR_DATA --out models/parser-en.khm [--epochs 15]
//       [--seed 1] [--hash-bits 24]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "khabar/base/data_dir.h"
#include "khabar/parse/train.h"

namespace {

using khabar::parse::AttachmentScores;
using khabar::parse::Parser;

int Fail(const khabar::Status& status) {
  std::fprintf(stderr, "%s\n", status.ToString().c_str());
  return 1;
}

// Parses every test sentence once and returns words per second.
double MeasureSpeed(const Parser& parser, const khabar::treebank::Treebank& bank) {
  std::vector<std::vector<khabar::parse::Word>> sentences;
  uint64_t words = 0;
  for (const auto& sentence : bank.sentences()) {
    auto& out = sentences.emplace_back();
    for (const auto& word : bank.Words(sentence)) {
      out.push_back({word.form, parser.UposId(word.upos), parser.XposId(word.xpos)});
    }
    words += out.size();
  }
  khabar::parse::ParseScratch scratch;
  std::vector<int32_t> heads(1024);
  std::vector<uint16_t> labels(1024);
  const auto start = std::chrono::steady_clock::now();
  for (const auto& sentence : sentences) {
    heads.resize(sentence.size());
    labels.resize(sentence.size());
    parser.Parse(sentence, scratch, heads, labels);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return static_cast<double>(words) / seconds;
}

}  // namespace

int main(int argc, char** argv) {
  khabar::parse::ParserTrainOptions options;
  std::string data;
  options.output_path = khabar::parse::DefaultParserModelPath();
  for (int arg_idx = 1; arg_idx + 1 < argc; arg_idx += 2) {
    const std::string flag = argv[arg_idx];
    const char* value = argv[arg_idx + 1];
    if (flag == "--data")
      data = value;
    else if (flag == "--out")
      options.output_path = value;
    else if (flag == "--epochs")
      options.epochs = static_cast<uint32_t>(std::atoi(value));
    else if (flag == "--seed")
      options.seed = std::strtoull(value, nullptr, 10);
    else if (flag == "--hash-bits")
      options.hash_bits = static_cast<uint32_t>(std::atoi(value));
    else
      return Fail(khabar::InvalidArgumentError("unknown flag " + flag));
  }
  if (data.empty()) {
    khabar::StatusOr<std::string> found = khabar::base::FindDataDir();
    if (!found.ok()) return Fail(found.status());
    data = *found;
  }
  const std::string ewt = data + "/ud/en_ewt/en_ewt-ud-";
  options.train_files = {ewt + "train.conllu"};
  options.dev_file = ewt + "dev.conllu";
  options.training_data = "UD_English-EWT train";
  options.verbose = true;
  khabar::StatusOr<khabar::parse::TrainReport> report = khabar::parse::TrainParser(options);
  if (!report.ok()) return Fail(report.status());
  std::printf(
      "train: %u sentences, %llu words, %u non-projective (%u arcs lifted), %u skipped, "
      "%u labels\n",
      report->train_sentences, static_cast<unsigned long long>(report->train_words),
      report->nonprojective_sentences, report->lifted_arcs, report->skipped_sentences,
      report->label_count);
  std::printf("epochs run %u, best %u, %.1f s; dev UAS %.2f LAS %.2f\n", report->epochs_run,
              report->best_epoch, report->seconds, report->dev_uas, report->dev_las);
  khabar::StatusOr<Parser> parser = Parser::Load(options.output_path);
  if (!parser.ok()) return Fail(parser.status());
  for (const char* split : {"dev", "test"}) {
    khabar::StatusOr<khabar::treebank::Treebank> bank =
        khabar::treebank::ReadTreebank(ewt + split + ".conllu");
    if (!bank.ok()) return Fail(bank.status());
    const AttachmentScores scores = khabar::parse::EvaluateParser(*parser, *bank);
    std::printf("%s (loaded model): UAS %.2f LAS %.2f over %llu words; %.0f words/s\n", split,
                scores.uas(), scores.las(), static_cast<unsigned long long>(scores.words),
                MeasureSpeed(*parser, *bank));
  }
  std::printf("model %s: %llu bytes\n", options.output_path.c_str(),
              static_cast<unsigned long long>(std::filesystem::file_size(options.output_path)));
  return 0;
}
