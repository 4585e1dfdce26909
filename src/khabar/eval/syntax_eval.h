// Evaluation of the whole analysis (tokens, words, tags, lemmas, trees) against a gold
// CoNLL-U file with the CoNLL 2018 scorer (ud_eval.h), either from the raw text rebuilt
// from the gold file or from its gold surface tokens and sentences.
//
//   KH_ASSIGN_OR_RETURN(pipeline::Analysis analysis, pipeline::Analysis::Load({}));
//   KH_ASSIGN_OR_RETURN(eval::SyntaxEvaluation result,
//                       eval::EvaluateSyntaxFile(analysis, gold_path, eval::Input::kGoldTokens));
//   fmt::print("LAS {:.2f}\n", result.scores.las.f1());
//
// Thread-safety: free functions; the Analysis is only read.
#ifndef KHABAR_EVAL_SYNTAX_EVAL_H_
#define KHABAR_EVAL_SYNTAX_EVAL_H_

#include <string>
#include <string_view>

#include "khabar/base/status.h"
#include "khabar/eval/ud_eval.h"
#include "khabar/pipeline/analysis.h"

namespace khabar::eval {

enum class Input {
  kRawText,     // the analysis tokenizes and splits the rebuilt text itself
  kGoldTokens,  // the gold surface tokens and sentences are given; words, tags, trees are not
};

struct SyntaxEvaluation {
  UdScores scores;
  std::string system_conllu;  // what Khabar wrote, for inspection
  size_t words = 0;           // system words analysed
  double seconds = 0;         // analysis time, without reading or scoring
};

// Scores the analysis of `gold_conllu` (a whole CoNLL-U file; `name` is used in errors).
StatusOr<SyntaxEvaluation> EvaluateSyntax(const pipeline::Analysis& analysis,
                                          std::string_view gold_conllu, std::string_view name,
                                          Input input);
// As above, reading the file at `path` (at most 256 MiB).
StatusOr<SyntaxEvaluation> EvaluateSyntaxFile(const pipeline::Analysis& analysis,
                                              const std::string& path, Input input);

}  // namespace khabar::eval

#endif  // KHABAR_EVAL_SYNTAX_EVAL_H_
