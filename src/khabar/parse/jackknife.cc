#include "khabar/parse/jackknife.h"

#include <stdlib.h>  // mkdtemp (POSIX)

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>

#include "khabar/base/file.h"

namespace khabar::parse {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// A directory for the tagged files: the requested one (created, kept), or a fresh
// temporary one that is removed with this object.
class WorkDir {
 public:
  static StatusOr<std::unique_ptr<WorkDir>> Create(const std::string& requested);
  ~WorkDir() {
    std::error_code error;
    if (remove_) std::filesystem::remove_all(path_, error);
  }
  const std::string& path() const { return path_; }
  std::string File(std::string_view name) const { return path_ + "/" + std::string(name); }

 private:
  WorkDir(std::string path, bool remove) : path_(std::move(path)), remove_(remove) {}
  std::string path_;
  bool remove_;
};

StatusOr<std::unique_ptr<WorkDir>> WorkDir::Create(const std::string& requested) {
  std::error_code error;
  if (!requested.empty()) {
    std::filesystem::create_directories(requested, error);
    if (error) return UnavailableError(requested + ": " + error.message());
    return std::unique_ptr<WorkDir>(new WorkDir(requested, false));
  }
  std::filesystem::path temp = std::filesystem::temp_directory_path(error);
  if (error) return UnavailableError("no temporary directory: " + error.message());
  std::string name = (temp / "khabar-jackknife-XXXXXX").string();
  if (mkdtemp(name.data()) == nullptr) return UnavailableError("cannot create " + name);
  return std::unique_ptr<WorkDir>(new WorkDir(name, true));
}

// The same file under two spellings compares equal; a missing file compares by its path.
std::string Canonical(const std::string& path) {
  std::error_code error;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(path, error);
  return error ? std::filesystem::path(path).lexically_normal().string() : canonical.string();
}

// Accumulates per-word accuracies of several taggings into one.
class AccuracySum {
 public:
  void Add(const tag::TagAccuracy& part) {
    const double words = static_cast<double>(part.words);
    upos_ += part.upos * words;
    xpos_ += part.xpos * words;
    lemma_ += part.lemma * words;
    words_ += part.words;
  }
  tag::TagAccuracy Total() const {
    tag::TagAccuracy total;
    total.words = words_;
    if (words_ == 0) return total;
    total.upos = upos_ / static_cast<double>(words_);
    total.xpos = xpos_ / static_cast<double>(words_);
    total.lemma = lemma_ / static_cast<double>(words_);
    return total;
  }

 private:
  double upos_ = 0, xpos_ = 0, lemma_ = 0;
  size_t words_ = 0;
};

// The parser's training files, read, and for each of the fold taggers' training files the
// parser file it is (or -1 when the tagger always sees it whole).
struct JackknifeInput {
  std::vector<treebank::Treebank> banks;
  std::vector<int> tagger_file_bank;
};

StatusOr<JackknifeInput> ReadInput(const std::vector<std::string>& train_files,
                                   const JackknifeOptions& options) {
  JackknifeInput input;
  for (const std::string& path : train_files) {
    KH_ASSIGN_OR_RETURN(treebank::Treebank bank, treebank::ReadTreebank(path));
    input.banks.push_back(std::move(bank));
  }
  for (const std::string& tagger_path : options.fold_tagger.train_paths) {
    int bank = -1;
    for (size_t file_idx = 0; file_idx < train_files.size() && bank < 0; ++file_idx) {
      if (Canonical(tagger_path) == Canonical(train_files[file_idx]))
        bank = static_cast<int>(file_idx);
    }
    input.tagger_file_bank.push_back(bank);
  }
  return input;
}

// Trains the tagger that has not seen fold `fold` of any parser training file.
StatusOr<std::unique_ptr<tag::Tagger>> TrainFoldTagger(const JackknifeInput& input, uint32_t fold,
                                                       const JackknifeOptions& options,
                                                       const std::string& work_dir) {
  tag::TrainOptions tagger = options.fold_tagger;
  tagger.output_path.clear();
  tagger.training_data = "jackknife fold " + std::to_string(fold + 1);
  for (size_t file_idx = 0; file_idx < tagger.train_paths.size(); ++file_idx) {
    const int bank = input.tagger_file_bank[file_idx];
    if (bank < 0) continue;
    std::string path = work_dir + "/fold" + std::to_string(fold + 1) + "-train" +
                       std::to_string(file_idx + 1) + ".conllu";
    KH_RETURN_IF_ERROR(
        base::WriteFile(path, FoldText(input.banks[bank], fold, options.folds, false)));
    tagger.train_paths[file_idx] = std::move(path);
  }
  KH_ASSIGN_OR_RETURN(tag::TrainReport report, tag::TrainTagger(tagger));
  return std::move(report.tagger);
}

// Tags fold `fold` of every bank with `tagger`, appending the CoNLL-U to out[bank].
Status TagFold(const JackknifeInput& input, uint32_t fold, uint32_t folds,
               const tag::Tagger& tagger, std::vector<std::string>& out, AccuracySum& accuracy) {
  for (size_t bank_idx = 0; bank_idx < input.banks.size(); ++bank_idx) {
    KH_ASSIGN_OR_RETURN(
        treebank::Treebank held_out,
        treebank::Treebank::Parse(FoldText(input.banks[bank_idx], fold, folds, true), "fold"));
    accuracy.Add(tag::EvaluateTagger(tagger, held_out));
    out[bank_idx] += tag::TagTreebank(tagger, held_out);
  }
  return Status::Ok();
}

bool FoldIsEmpty(const JackknifeInput& input, uint32_t fold, uint32_t folds) {
  for (const treebank::Treebank& bank : input.banks) {
    const size_t count = bank.sentences().size();
    for (size_t sentence_idx = 0; sentence_idx < count; ++sentence_idx) {
      if (FoldOf(sentence_idx, count, folds) == fold) return false;
    }
  }
  return true;
}

void Report(const JackknifeOptions& options, const std::string& line) {
  if (options.progress) options.progress(line);
}

std::string Percentages(const tag::TagAccuracy& accuracy) {
  char line[96];
  std::snprintf(line, sizeof line, "UPOS %.2f XPOS %.2f lemma %.2f over %zu words", accuracy.upos,
                accuracy.xpos, accuracy.lemma, accuracy.words);
  return line;
}

// Trains the tagger of fold `fold` (reusing `tagger` when no parser training file is among
// the taggers' training files, so that every fold's tagger would be the same) and tags the
// fold into `result`.
Status JackknifeFold(const JackknifeInput& input, uint32_t fold, const JackknifeOptions& options,
                     const std::string& work_dir, std::unique_ptr<tag::Tagger>& tagger,
                     JackknifedTreebanks& result, AccuracySum& accuracy) {
  const Clock::time_point start = Clock::now();
  const bool shared = std::any_of(input.tagger_file_bank.begin(), input.tagger_file_bank.end(),
                                  [](int bank) { return bank >= 0; });
  if (!tagger || shared) {
    KH_ASSIGN_OR_RETURN(tagger, TrainFoldTagger(input, fold, options, work_dir));
  }
  AccuracySum fold_accuracy;
  KH_RETURN_IF_ERROR(TagFold(input, fold, options.folds, *tagger, result.conllu, fold_accuracy));
  accuracy.Add(fold_accuracy.Total());
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f s", SecondsSince(start));
  Report(options, "fold " + std::to_string(fold + 1) + "/" + std::to_string(options.folds) +
                      ": held-out " + Percentages(fold_accuracy.Total()) + "; " + seconds);
  return Status::Ok();
}

// Tags `dev_file` with the shipped tagger and writes it into the work directory.
StatusOr<std::string> TagDevFile(const std::string& dev_file, const JackknifeOptions& options,
                                 const WorkDir& work_dir, tag::TagAccuracy& accuracy) {
  if (options.tagger_model_path.empty()) {
    return InvalidArgumentError("a tagger model is needed to tag the dev file");
  }
  KH_ASSIGN_OR_RETURN(std::unique_ptr<tag::Tagger> tagger,
                      tag::Tagger::Load(options.tagger_model_path));
  KH_ASSIGN_OR_RETURN(treebank::Treebank dev, treebank::ReadTreebank(dev_file));
  accuracy = tag::EvaluateTagger(*tagger, dev);
  std::string path = work_dir.File("dev-tagged.conllu");
  KH_RETURN_IF_ERROR(base::WriteFile(path, tag::TagTreebank(*tagger, dev)));
  Report(options, "dev tagged by " + options.tagger_model_path + ": " + Percentages(accuracy));
  return path;
}

std::string DefaultTrainingData(const ParserTrainOptions& parser, uint32_t folds) {
  std::string names;
  for (const std::string& path : parser.train_files) {
    if (!names.empty()) names += "+";
    names += std::filesystem::path(path).filename().string();
  }
  return names + " (" + std::to_string(folds) + "-fold jackknifed tags)";
}

}  // namespace

uint32_t FoldOf(size_t sentence_idx, size_t sentence_count, uint32_t folds) {
  return static_cast<uint32_t>(static_cast<uint64_t>(sentence_idx) * folds / sentence_count);
}

std::string FoldText(const treebank::Treebank& bank, uint32_t fold, uint32_t folds, bool held_out) {
  std::string out;
  const std::vector<treebank::Sentence>& sentences = bank.sentences();
  for (size_t sentence_idx = 0; sentence_idx < sentences.size(); ++sentence_idx) {
    const bool in_fold = FoldOf(sentence_idx, sentences.size(), folds) == fold;
    if (in_fold == held_out) treebank::AppendSentence(bank, sentences[sentence_idx], out);
  }
  return out;
}

StatusOr<JackknifedTreebanks> JackknifeTag(const std::vector<std::string>& train_files,
                                           const JackknifeOptions& options,
                                           const std::string& work_dir) {
  if (options.folds < 2) return InvalidArgumentError("jackknifing needs at least 2 folds");
  if (options.fold_tagger.train_paths.empty()) {
    return InvalidArgumentError("no training files for the fold taggers");
  }
  KH_ASSIGN_OR_RETURN(JackknifeInput input, ReadInput(train_files, options));
  JackknifedTreebanks result;
  result.conllu.resize(input.banks.size());
  AccuracySum accuracy;
  std::unique_ptr<tag::Tagger> tagger;
  for (uint32_t fold = 0; fold < options.folds; ++fold) {
    if (FoldIsEmpty(input, fold, options.folds)) continue;
    KH_RETURN_IF_ERROR(JackknifeFold(input, fold, options, work_dir, tagger, result, accuracy));
  }
  result.accuracy = accuracy.Total();
  return result;
}

StatusOr<JackknifeReport> TrainParserOnPredictedTags(const ParserTrainOptions& parser,
                                                     const JackknifeOptions& options) {
  if (parser.train_files.empty()) return InvalidArgumentError("no training files");
  const Clock::time_point start = Clock::now();
  KH_ASSIGN_OR_RETURN(std::unique_ptr<WorkDir> work_dir, WorkDir::Create(options.work_dir));
  JackknifeReport report;
  ParserTrainOptions tagged = parser;
  if (!parser.dev_file.empty()) {
    KH_ASSIGN_OR_RETURN(tagged.dev_file,
                        TagDevFile(parser.dev_file, options, *work_dir, report.dev_tags));
  }
  KH_ASSIGN_OR_RETURN(JackknifedTreebanks jackknifed,
                      JackknifeTag(parser.train_files, options, work_dir->path()));
  report.train_tags = jackknifed.accuracy;
  for (size_t file_idx = 0; file_idx < jackknifed.conllu.size(); ++file_idx) {
    tagged.train_files[file_idx] =
        work_dir->File("train" + std::to_string(file_idx + 1) + "-tagged.conllu");
    KH_RETURN_IF_ERROR(base::WriteFile(tagged.train_files[file_idx], jackknifed.conllu[file_idx]));
  }
  report.tagging_seconds = SecondsSince(start);
  if (tagged.training_data.empty())
    tagged.training_data = DefaultTrainingData(parser, options.folds);
  KH_ASSIGN_OR_RETURN(report.parser, TrainParser(tagged));
  report.seconds = SecondsSince(start);
  return report;
}

StatusOr<tag::TrainOptions> FoldTaggerOptions(const std::string& tagger_model_path,
                                              std::vector<std::string> train_paths) {
  KH_ASSIGN_OR_RETURN(std::unique_ptr<tag::Tagger> tagger, tag::Tagger::Load(tagger_model_path));
  tag::TrainOptions options;
  options.train_paths = std::move(train_paths);
  options.epochs = kFoldTaggerEpochs;
  options.rare_cutoff = tagger->parts().rare_cutoff;
  options.two_pass = tagger->two_pass();
  options.wordnet_features = tagger->parts().lexicon.wordnet.size() != 0;
  return options;
}

StatusOr<AttachmentScores> EvaluateParserOnPredictedTags(const Parser& parser,
                                                         const tag::Tagger& tagger,
                                                         const std::string& gold_path) {
  KH_ASSIGN_OR_RETURN(treebank::Treebank gold, treebank::ReadTreebank(gold_path));
  // Parsed again from the text: TagTreebank leaves the LEMMA views of `gold` dangling.
  KH_ASSIGN_OR_RETURN(treebank::Treebank tagged,
                      treebank::Treebank::Parse(tag::TagTreebank(tagger, gold), gold_path));
  return EvaluateParser(parser, tagged);
}

}  // namespace khabar::parse
