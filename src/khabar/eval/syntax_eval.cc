#include "khabar/eval/syntax_eval.h"

#include <chrono>
#include <utility>

#include "khabar/base/file.h"
#include "khabar/eval/conllu.h"
#include "khabar/pipeline/conllu_writer.h"

namespace khabar::eval {
namespace {

// The gold file's text with its surface tokens and sentences, as the text stage would
// have produced them had it made no mistake.
void SetGoldTokens(const ConlluFile& gold, const RebuiltText& rebuilt, doc::Document& document) {
  document.text = document.raw;
  document.tokens.reserve(gold.tokens.size());
  for (size_t index = 0; index < gold.tokens.size(); ++index) {
    document.tokens.push_back(doc::Token{rebuilt.tokens[index], gold.tokens[index].space_after});
  }
  for (const ConlluSentence& sentence : gold.sentences) {
    if (sentence.token_begin == sentence.token_end) continue;
    if (sentence.new_paragraph || sentence.new_document) {
      document.tokens[sentence.token_begin].paragraph_start = true;
    }
    document.sentences.push_back(doc::Sentence{
        sentence.token_begin, sentence.token_end,
        {rebuilt.tokens[sentence.token_begin].begin, rebuilt.tokens[sentence.token_end - 1].end}});
  }
}

}  // namespace

StatusOr<SyntaxEvaluation> EvaluateSyntax(const pipeline::Analysis& analysis,
                                          std::string_view gold_conllu, std::string_view name,
                                          Input input) {
  KH_ASSIGN_OR_RETURN(ConlluFile gold, ParseConllu(std::string(gold_conllu), name));
  const RebuiltText rebuilt = RebuildText(gold);
  doc::Document document;
  document.id = "eval";
  document.raw = rebuilt.text;
  const auto start = std::chrono::steady_clock::now();
  if (input == Input::kGoldTokens) {
    SetGoldTokens(gold, rebuilt, document);
    KH_RETURN_IF_ERROR(analysis.AnalyzeTokenized(document));
  } else {
    KH_RETURN_IF_ERROR(analysis.Analyze(document));
  }
  SyntaxEvaluation result;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.words = document.words.words.size();
  pipeline::AppendConllu(document, result.system_conllu);
  KH_ASSIGN_OR_RETURN(result.scores, ScoreUd(gold_conllu, result.system_conllu));
  return result;
}

StatusOr<SyntaxEvaluation> EvaluateSyntaxFile(const pipeline::Analysis& analysis,
                                              const std::string& path, Input input) {
  KH_ASSIGN_OR_RETURN(std::string contents, base::ReadFile(path, 256u << 20));
  return EvaluateSyntax(analysis, contents, path, input);
}

}  // namespace khabar::eval
