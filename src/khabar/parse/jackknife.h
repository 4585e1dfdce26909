// Training and evaluating the dependency parser on predicted tags (library
// khabar::parse_train_tagged, which links the tagger's training code; the runtime library
// khabar::parse does not).
//
// At run time the parser sees the tagger's UPOS/XPOS, not gold ones. Trained on gold tags it
// learns to trust them more than it should, so its training tags are predicted by
// jackknifing, the standard practice (e.g. Chen and Manning, EMNLP 2014, tag their training
// data with 10-way jackknifing): the sentences of each parser training file are cut into K
// contiguous folds, a tagger trained without fold k tags fold k, and the parser trains on
// the union of the tagged folds. The dev file, used for early stopping, is tagged with the
// tagger that ships with the parser. Gold heads and labels are kept throughout.
//
//   parse::ParserTrainOptions parser;
//   parser.train_files = {ewt_train, gum_train};
//   parser.dev_file = ewt_dev;
//   parser.output_path = "models/parser-en.khm";
//   parse::JackknifeOptions jackknife;
//   jackknife.tagger_model_path = "models/tagger-en.khm";
//   KH_ASSIGN_OR_RETURN(jackknife.fold_tagger,
//                       parse::FoldTaggerOptions(jackknife.tagger_model_path, parser.train_files));
//   KH_ASSIGN_OR_RETURN(parse::JackknifeReport report,
//                       parse::TrainParserOnPredictedTags(parser, jackknife));
//
//   KH_ASSIGN_OR_RETURN(parse::AttachmentScores test,
//                       parse::EvaluateParserOnPredictedTags(parser_model, *tagger, ewt_test));
//
// Training is deterministic: the same files, options and build give the same model.
// Thread-safety: the functions share no state; each may run on its own thread.
#ifndef KHABAR_PARSE_JACKKNIFE_H_
#define KHABAR_PARSE_JACKKNIFE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/parse/parser.h"
#include "khabar/parse/train.h"
#include "khabar/tag/tagger.h"
#include "khabar/tag/train.h"
#include "khabar/treebank/conllu.h"

namespace khabar::parse {

// Epochs of the fold taggers (no early stopping) in FoldTaggerOptions: on EWT + GUM-open
// their held-out tags are as accurate as after 12 epochs (UPOS 95.99 against 96.00) in half
// the time (tools/recipes/parser.md).
inline constexpr int kFoldTaggerEpochs = 6;

struct JackknifeOptions {
  // The tagger shipped with the parser; it tags the dev file. Required with a dev file.
  std::string tagger_model_path;
  // Options of the fold taggers. Their train_paths are the shipped tagger's training files:
  // a file that is also a parser training file loses the held-out fold, any other file is
  // used whole (when no file is shared, one tagger tags every fold). output_path is
  // ignored; with a dev_path the fold taggers stop early on it.
  tag::TrainOptions fold_tagger;
  uint32_t folds = 4;
  // Where the tagged files go (kept); empty: a fresh temporary directory, removed after.
  std::string work_dir;
  // Called with one line of progress per fold and for the dev file; may be empty.
  std::function<void(std::string_view)> progress;
};

struct JackknifeReport {
  TrainReport parser;
  tag::TagAccuracy train_tags;  // the jackknifed training tags against gold
  tag::TagAccuracy dev_tags;    // the shipped tagger on the dev file (zero without one)
  double tagging_seconds = 0;   // fold taggers, tagging and writing the tagged files
  double seconds = 0;           // everything
};

// The jackknifed training files: CoNLL-U texts parallel to the input paths, with UPOS,
// XPOS and LEMMA predicted.
struct JackknifedTreebanks {
  std::vector<std::string> conllu;
  tag::TagAccuracy accuracy;  // of the predicted tags, over all words
};

// The fold of sentence `sentence_idx` of a file of `sentence_count` sentences: contiguous
// blocks of near-equal size, so documents stay together and concatenating the folds in
// order gives the file back. REQUIRES: sentence_idx < sentence_count, folds >= 1.
uint32_t FoldOf(size_t sentence_idx, size_t sentence_count, uint32_t folds);

// The sentences of `bank` in fold `fold` (held_out) or in every other fold (!held_out), as
// CoNLL-U.
std::string FoldText(const treebank::Treebank& bank, uint32_t fold, uint32_t folds, bool held_out);

// Tags every sentence of train_files[i] with a tagger trained without its fold (see
// JackknifeOptions::fold_tagger for that tagger's data). `work_dir` receives the fold
// taggers' training files. InvalidArgument for fewer than 2 folds; errors from reading the
// files and training the taggers.
StatusOr<JackknifedTreebanks> JackknifeTag(const std::vector<std::string>& train_files,
                                           const JackknifeOptions& options,
                                           const std::string& work_dir);

// Jackknifes the training files, tags the dev file with the shipped tagger, and trains the
// parser on the result with `parser` (its train_files and dev_file are the gold files).
// Writes parser.output_path as TrainParser does.
StatusOr<JackknifeReport> TrainParserOnPredictedTags(const ParserTrainOptions& parser,
                                                     const JackknifeOptions& options);

// Options for the fold taggers: what the model at `tagger_model_path` records of its own
// training (rare-word cut-off, second pass, WordNet features), `train_paths`,
// kFoldTaggerEpochs epochs, no dev file, and otherwise TrainOptions defaults. Errors from
// loading the model.
StatusOr<tag::TrainOptions> FoldTaggerOptions(const std::string& tagger_model_path,
                                              std::vector<std::string> train_paths);

// Tags the gold words of the CoNLL-U file at `gold_path` with `tagger` (UPOS, XPOS, LEMMA)
// and parses them: the parser's scores as the pipeline runs it, on gold tokens. Errors from
// reading the file.
StatusOr<AttachmentScores> EvaluateParserOnPredictedTags(const Parser& parser,
                                                         const tag::Tagger& tagger,
                                                         const std::string& gold_path);

}  // namespace khabar::parse

#endif  // KHABAR_PARSE_JACKKNIFE_H_
