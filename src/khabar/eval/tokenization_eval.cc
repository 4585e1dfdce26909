#include "khabar/eval/tokenization_eval.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "khabar/text/normalizer.h"
#include "khabar/text/tokenizer.h"

namespace khabar::eval {
namespace {

// A rebuilt gold text, normalised and tokenized, with per-token sentence-end labels.
struct LabeledDocument {
  doc::Document document;
  std::vector<uint8_t> ends_sentence;
};

std::unique_ptr<LabeledDocument> Label(const ConlluFile& gold) {
  auto labeled = std::make_unique<LabeledDocument>();
  RebuiltText rebuilt = RebuildText(gold);
  doc::Document& document = labeled->document;
  document.raw = std::move(rebuilt.text);
  text::Normalizer().Normalize(document);
  text::Tokenizer().Tokenize(document.text, &document.tokens);
  NonSpaceIndex index(document.raw);
  std::vector<uint32_t> ends;
  for (const doc::Span& sentence : rebuilt.sentences) ends.push_back(index.Map(sentence.end));
  std::sort(ends.begin(), ends.end());
  labeled->ends_sentence.reserve(document.tokens.size());
  for (const doc::Token& token : document.tokens) {
    uint32_t end = index.Map(document.offsets.ToRawEnd(token.span.end));
    labeled->ends_sentence.push_back(std::binary_search(ends.begin(), ends.end(), end));
  }
  return labeled;
}

// One LabeledTokens per paragraph, so that training can visit paragraphs in random order.
void AppendParagraphs(const LabeledDocument& labeled, std::vector<text::LabeledTokens>* out) {
  const std::vector<doc::Token>& tokens = labeled.document.tokens;
  size_t begin = 0;
  for (size_t i = 1; i <= tokens.size(); ++i) {
    if (i < tokens.size() && !tokens[i].paragraph_start) continue;
    text::LabeledTokens item;
    item.text = labeled.document.text;
    item.tokens = std::span<const doc::Token>(tokens).subspan(begin, i - begin);
    item.ends_sentence.assign(labeled.ends_sentence.begin() + begin, labeled.ends_sentence.begin() + i);
    out->push_back(std::move(item));
    begin = i;
  }
}

}  // namespace

StatusOr<TokenizationScores> EvaluateTokenization(const text::TextStage& stage, const ConlluFile& gold) {
  RebuiltText rebuilt = RebuildText(gold);
  doc::Document document;
  document.raw = rebuilt.text;
  KH_RETURN_IF_ERROR(stage.Process(document));
  NonSpaceIndex index(document.raw);
  std::vector<doc::Span> system_tokens;
  system_tokens.reserve(document.tokens.size());
  for (const doc::Token& token : document.tokens) {
    system_tokens.push_back(index.Map(document.offsets.ToRawSpan(token.span)));
  }
  std::vector<doc::Span> system_sentences;
  for (const doc::Sentence& sentence : document.sentences) {
    doc::Span span{document.tokens[sentence.token_begin].span.begin,
                   document.tokens[sentence.token_end - 1].span.end};
    system_sentences.push_back(index.Map(document.offsets.ToRawSpan(span)));
  }
  TokenizationScores scores;
  scores.tokens = ScoreSpans(index.MapAll(rebuilt.tokens), system_tokens);
  scores.sentences = ScoreSpans(index.MapAll(rebuilt.sentences), system_sentences);
  return scores;
}

StatusOr<TokenizerTrainingResult> TrainTokenizer(const TokenizerTrainingOptions& options) {
  if (options.train_paths.empty()) return InvalidArgumentError("no training files");
  std::vector<std::unique_ptr<LabeledDocument>> documents;
  std::vector<text::LabeledTokens> train;
  std::vector<text::LabeledTokens> dev;
  TokenizerTrainingResult result;
  for (const std::string& path : options.train_paths) {
    KH_ASSIGN_OR_RETURN(ConlluFile gold, ReadConllu(path));
    documents.push_back(Label(gold));
    AppendParagraphs(*documents.back(), &train);
    result.train_tokens += documents.back()->document.tokens.size();
    if (!result.training_data.empty()) result.training_data += ",";
    result.training_data += std::filesystem::path(path).filename().string();
  }
  if (!options.dev_path.empty()) {
    KH_ASSIGN_OR_RETURN(ConlluFile gold, ReadConllu(options.dev_path));
    documents.push_back(Label(gold));
    AppendParagraphs(*documents.back(), &dev);
  }
  result.splitter = text::SentenceSplitter::Train(train, dev, options.splitter, &result.report);
  return result;
}

}  // namespace khabar::eval
