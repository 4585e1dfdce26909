// Training and evaluation of the tagger from UD treebanks (library khabar::tag_train, kept
// apart from the runtime library khabar::tag so the stage does not link the CoNLL-U code).
//
//   tag::TrainOptions options;
//   options.train_paths = {ewt_train, gum_train};
//   options.dev_path = ewt_dev;
//   options.output_path = "models/tagger-en.khm";
//   KH_ASSIGN_OR_RETURN(tag::TrainReport report, tag::TrainTagger(options));
//   KH_ASSIGN_OR_RETURN(tag::TagAccuracy test, tag::EvaluateTaggerFile(*report.tagger, ewt_test));
//
// Training is deterministic: the same files, options and build give the same model.
// Thread-safety: free functions without shared state.
#ifndef KHABAR_TAG_TRAIN_H_
#define KHABAR_TAG_TRAIN_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/tag/tagger.h"
#include "khabar/treebank/conllu.h"

namespace khabar::tag {

struct TrainOptions {
  std::vector<std::string> train_paths;  // CoNLL-U files
  std::string dev_path;                  // early stopping; empty: train all epochs, keep the last
  std::string output_path;               // the .khm to write; empty: do not write
  std::string training_data;             // header identifier; default: the train file names
  int epochs = 12;
  int patience = 3;  // stop after this many epochs without a better dev score
  uint32_t seed = 1;
  // Train a second pass on jackknifed first-pass labels. Off by default: on EWT it gained
  // 0.07 UPOS on dev and nothing on test for twice the tagging time.
  bool two_pass = false;
  int folds = 4;             // jackknife folds for the second pass
  uint32_t rare_cutoff = 1;  // lowercased words seen fewer times (leaving the
                             // current occurrence out) count as unknown
  float min_weight = 1e-3f;  // averaged weights smaller than this are dropped
  // The lemmatizer learns from the first `lemma_files` training files only (0: all), for
  // when the files lemmatize differently (GUM keeps the case of capitalised common nouns
  // far more often than EWT).
  size_t lemma_files = 0;
  size_t max_train_sentences = 0;  // 0: all; otherwise a prefix of each file, for quick runs
  // WordNet 3.0's dictionary directory (Debian: wordnet-base): index.* and data.noun give
  // the tagger's WordNet features, *.exc the lemmatizer's exception lists. Empty or
  // missing: neither.
  std::string wordnet_dir = "/usr/share/wordnet";
  bool wordnet_features = true;
};

// Per-word accuracies (CoNLL 2018 definitions on gold words), in percent.
struct TagAccuracy {
  double upos = 0;
  double xpos = 0;
  double lemma = 0;      // a gold lemma "_" counts as correct
  double multiword = 0;  // surface tokens whose split into words matches the gold one
  size_t words = 0;
  size_t tokens = 0;
};

struct TrainReport {
  std::vector<TagAccuracy> dev_by_epoch;         // first pass
  int best_epoch = 0;                            // first pass, 1-based
  std::vector<TagAccuracy> second_dev_by_epoch;  // second pass (empty without)
  int second_best_epoch = 0;
  TagAccuracy best_dev;  // the model returned
  size_t train_words = 0;
  size_t exception_entries = 0;
  double seconds = 0;
  size_t model_bytes = 0;
  std::unique_ptr<Tagger> tagger;  // the best epoch's model
};

// Trains on options.train_paths, keeps the epoch with the best dev UPOS+XPOS accuracy, and
// writes it to options.output_path. Errors from reading the files; InvalidArgument for
// options that make no sense or labels that do not fit.
StatusOr<TrainReport> TrainTagger(const TrainOptions& options);

// Tags the gold words of `gold` and scores UPOS, XPOS and lemmas; also splits each gold
// surface token with the multiword table and scores the split.
TagAccuracy EvaluateTagger(const Tagger& tagger, const treebank::Treebank& gold);
StatusOr<TagAccuracy> EvaluateTaggerFile(const Tagger& tagger, const std::string& path);

// Replaces UPOS, XPOS and LEMMA of every word of `treebank` with the tagger's output (gold
// words as input) and returns the file as CoNLL-U.
std::string TagTreebank(const Tagger& tagger, treebank::Treebank& treebank);

}  // namespace khabar::tag

#endif  // KHABAR_TAG_TRAIN_H_
