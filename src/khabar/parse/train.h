// Training and evaluation of the dependency parser on CoNLL-U treebanks.
//
// TrainParser runs the averaged perceptron (Collins 2002) over the arc-hybrid system
// with the dynamic oracle of Goldberg and Nivre (COLING 2012; TACL 2013): at each
// state the best-scoring allowed action is compared with the best-scoring action of
// least cost; after the first epochs the parser follows its own prediction with a fixed
// probability, so it learns to recover from its mistakes. Non-projective training trees
// are projectivised by lifting first (docs/formats/parser.md). Training is
// single-threaded and deterministic for a given seed.
//
//   parse::ParserTrainOptions options;
//   options.train_files = {data + "/ud/en_ewt/en_ewt-ud-train.conllu"};
//   options.dev_file = data + "/ud/en_ewt/en_ewt-ud-dev.conllu";
//   options.output_path = "models/parser-en.khm";
//   KH_ASSIGN_OR_RETURN(parse::TrainReport report, parse::TrainParser(options));
//
//   KH_ASSIGN_OR_RETURN(parse::Parser parser, parse::Parser::Load(options.output_path));
//   KH_ASSIGN_OR_RETURN(parse::AttachmentScores scores, parse::EvaluateParser(parser, test));
//
// Thread-safety: the functions share no state; each may run on its own thread.
#ifndef KHABAR_PARSE_TRAIN_H_
#define KHABAR_PARSE_TRAIN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/parse/parser.h"
#include "khabar/treebank/conllu.h"

namespace khabar::parse {

struct ParserTrainOptions {
  std::vector<std::string> train_files;  // CoNLL-U, gold heads and tags
  std::string dev_file;                  // empty: keep the last epoch
  std::string output_path;               // empty: do not write a model
  std::string training_data;             // recorded in the model header
  uint32_t epochs = 15;                  // upper bound
  uint32_t patience = 4;                 // stop after this many epochs without a better dev LAS
  uint64_t seed = 1;                     // shuffling and exploration
  uint32_t hash_bits = 24;               // weight table of 2^bits (+ actions) floats
  uint32_t explore_from_epoch = 1;       // 0-based epoch from which errors are followed
  double explore_probability = 0.9;
  bool verbose = false;  // one line per epoch on stderr
};

struct TrainReport {
  uint32_t train_sentences = 0;
  uint64_t train_words = 0;
  uint32_t skipped_sentences = 0;        // no or invalid heads
  uint32_t nonprojective_sentences = 0;  // before lifting
  uint32_t lifted_arcs = 0;
  uint32_t label_count = 0;
  uint32_t epochs_run = 0;
  uint32_t best_epoch = 0;  // 1-based; the epoch whose averaged weights were kept
  double dev_uas = 0;       // percentages; 0 without a dev file
  double dev_las = 0;
  double seconds = 0;
};

// CoNLL 2018 attachment scores over all words (punctuation included); LAS compares the
// universal part of DEPREL (before ':').
struct AttachmentScores {
  uint64_t words = 0;
  uint64_t head_correct = 0;
  uint64_t labelled_correct = 0;
  double uas() const { return words == 0 ? 0 : 100.0 * head_correct / words; }
  double las() const { return words == 0 ? 0 : 100.0 * labelled_correct / words; }
};

// Trains, keeps the epoch with the best dev LAS (or the last one), writes output_path.
// InvalidArgument for bad options or training data without a "root" label; errors from
// reading the treebanks or writing the model.
StatusOr<TrainReport> TrainParser(const ParserTrainOptions& options);

// Parses every sentence of `gold` from its gold words and UPOS/XPOS tags and scores the
// trees. Sentences with a word whose HEAD is "_" are skipped.
AttachmentScores EvaluateParser(const Parser& parser, const treebank::Treebank& gold);
// As above, reading the CoNLL-U file at `path`.
StatusOr<AttachmentScores> EvaluateParser(const Parser& parser, const std::string& path);

}  // namespace khabar::parse

#endif  // KHABAR_PARSE_TRAIN_H_
