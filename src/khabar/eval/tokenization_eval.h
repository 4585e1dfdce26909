// Evaluation and training of the text stage against UD gold files.
//
//   KH_ASSIGN_OR_RETURN(eval::ConlluFile gold, eval::ReadConllu(path));
//   KH_ASSIGN_OR_RETURN(eval::TokenizationScores scores, eval::EvaluateTokenization(stage, gold));
//
//   eval::TokenizerTrainingOptions options;
//   options.train_paths = {ewt_train, gum_train};
//   options.dev_path = ewt_dev;
//   KH_ASSIGN_OR_RETURN(eval::TokenizerTrainingResult result, eval::TrainTokenizer(options));
//   KH_RETURN_IF_ERROR(text::TextStage::SaveModel(result.splitter, result.training_data, out));
//
// Thread-safety: pure functions over their arguments.
#ifndef KHABAR_EVAL_TOKENIZATION_EVAL_H_
#define KHABAR_EVAL_TOKENIZATION_EVAL_H_

#include <memory>
#include <string>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/eval/conllu.h"
#include "khabar/eval/scorer.h"
#include "khabar/text/sentence_splitter.h"
#include "khabar/text/text_stage.h"

namespace khabar::eval {

struct TokenizationScores {
  F1Score tokens;
  F1Score sentences;
};

// Rebuilds the raw text of `gold`, runs `stage` on it and scores tokens and sentences.
StatusOr<TokenizationScores> EvaluateTokenization(const text::TextStage& stage, const ConlluFile& gold);

struct TokenizerTrainingOptions {
  std::vector<std::string> train_paths;
  std::string dev_path;  // may be empty: then training data selects the epoch
  text::SplitterTrainingOptions splitter;
};

struct TokenizerTrainingResult {
  text::SentenceSplitter splitter = text::SentenceSplitter::RuleBased();
  text::SplitterTrainingReport report;
  uint64_t train_tokens = 0;
  std::string training_data;  // base names of the training files, comma-separated
};

// Tokenizes the rebuilt text of each training file and trains the sentence splitter on
// the gold sentence ends. Errors from reading or parsing the files.
StatusOr<TokenizerTrainingResult> TrainTokenizer(const TokenizerTrainingOptions& options);

}  // namespace khabar::eval

#endif  // KHABAR_EVAL_TOKENIZATION_EVAL_H_
