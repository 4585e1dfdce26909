// Fuzzes normalise + tokenize + split (rule-based and a small learned splitter) on
// arbitrary bytes after UTF-8 repair, and checks the text stage's invariants:
// tokens non-empty, in order, inside the text; sentences contiguous and covering all
// tokens; every token's raw span inside the raw text and in order.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "khabar/base/utf8.h"
#include "khabar/text/text_stage.h"

namespace {

constexpr size_t kMaxInputBytes = 64 * 1024;

void Require(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "tokenizer_fuzzer invariant violated: %s\n", what);
    std::abort();
  }
}

void CheckTokens(const khabar::doc::Document& document) {
  uint32_t previous_end = 0;
  uint32_t previous_raw_begin = 0;
  for (const khabar::doc::Token& token : document.tokens) {
    Require(!token.span.empty(), "empty token");
    Require(token.span.begin >= previous_end, "tokens out of order");
    Require(token.span.end <= document.text.size(), "token past the text");
    khabar::doc::Span raw = document.offsets.ToRawSpan(token.span);
    Require(raw.begin <= raw.end && raw.end <= document.raw.size(), "raw span out of range");
    Require(raw.begin >= previous_raw_begin, "raw spans out of order");
    previous_end = token.span.end;
    previous_raw_begin = raw.begin;
  }
}

void CheckSentences(const khabar::doc::Document& document) {
  uint32_t next = 0;
  for (const khabar::doc::Sentence& sentence : document.sentences) {
    Require(sentence.token_begin == next, "sentences not contiguous");
    Require(sentence.token_end > sentence.token_begin, "empty sentence");
    Require(sentence.token_end <= document.tokens.size(), "sentence past the tokens");
    Require(sentence.token_count() <= khabar::text::SentenceSplitter::kMaxSentenceTokens,
            "sentence too long");
    next = sentence.token_end;
  }
  Require(next == document.tokens.size(), "sentences do not cover the tokens");
}

void Run(const khabar::text::TextStage& stage, const std::string& raw) {
  khabar::doc::Document document;
  document.raw = raw;
  Require(stage.Process(document).ok(), "Process failed on valid UTF-8");
  Require(khabar::base::FindInvalidUtf8(document.text) == std::string::npos, "normalised text not UTF-8");
  CheckTokens(document);
  CheckSentences(document);
}

// A splitter trained on a fixed sentence, so the learned path runs too.
std::unique_ptr<khabar::text::TextStage> LearnedStage() {
  static const std::string text = "Gen. Ali met Dr. Noor. They spoke. \"Yes,\" she said. It ended ... late.";
  std::vector<khabar::doc::Token> tokens;
  khabar::text::Tokenizer().Tokenize(text, &tokens);
  khabar::text::LabeledTokens data{text, tokens, {}};
  for (const khabar::doc::Token& token : tokens) data.ends_sentence.push_back(token.span.In(text) == ".");
  std::vector<khabar::text::LabeledTokens> set = {data};
  khabar::text::SplitterTrainingOptions options;
  options.max_epochs = 3;
  return std::make_unique<khabar::text::TextStage>(
      khabar::text::SentenceSplitter::Train(set, set, options, nullptr));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::unique_ptr<khabar::text::TextStage> rules = khabar::text::TextStage::CreateRuleBased();
  static const std::unique_ptr<khabar::text::TextStage> learned = LearnedStage();
  if (size > kMaxInputBytes) return 0;
  std::string raw = khabar::base::RepairUtf8({reinterpret_cast<const char*>(data), size}).text;
  Run(*rules, raw);
  Run(*learned, raw);
  return 0;
}
