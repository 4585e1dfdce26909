// Throughput of the text stage on deterministic generated news-like text.
//   build/release/bench/text_benchmark --benchmark_format=json > bench/results/text-<machine>.json
#include <benchmark/benchmark.h>

#include <array>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/text/normalizer.h"
#include "khabar/text/sentence_splitter.h"
#include "khabar/text/text_stage.h"
#include "khabar/text/tokenizer.h"

namespace khabar::text {
namespace {

// Words of invented sentences; a few carry punctuation, numbers, titles and non-ASCII.
constexpr std::array<std::string_view, 40> kWords = {
    "the",      "forces",     "said",      "on",         "Tuesday",    "that",    "Gen.",
    "Karim",    "al-Nouri",   "met",       "officials",  "in",         "Darnah",  "after",
    "2,000",    "people",     "fled",      "3.5",        "percent",    "of",      "a",
    "ceasefire", "U.S.",      "envoy",     "\xE2\x80\x9Cwe",  "will",   "stay\xE2\x80\x9D",
    "its",      "don't",      "report",    "(AFP)",      "mayor's",    "Mi\xC5\x9Fr\xC4\x81tah",
    "talks",    "and",        "non-state", "groups",     "9/11",       "e-mail",  "Dr."};

std::string GenerateText(size_t bytes) {
  std::mt19937 random(42);
  std::uniform_int_distribution<size_t> word(0, kWords.size() - 1);
  std::uniform_int_distribution<int> length(6, 24);
  std::string text;
  while (text.size() < bytes) {
    int words = length(random);
    for (int w = 0; w < words; ++w) {
      std::string_view next = kWords[word(random)];
      if (w == 0) {
        text += static_cast<char>(next[0] >= 'a' && next[0] <= 'z' ? next[0] - 32 : next[0]);
        text += next.substr(1);
      } else {
        text += ' ';
        text += next;
      }
      if (w + 1 < words && word(random) == 0) text += ',';
    }
    text += word(random) < 2 ? ".\n\n" : ". ";
  }
  return text;
}

const std::string& Text() {
  static const std::string* text = new std::string(GenerateText(1 << 20));
  return *text;
}

void BM_Normalize(benchmark::State& state) {
  Normalizer normalizer;
  std::string out;
  doc::OffsetMap offsets;
  for (auto _ : state) {
    normalizer.Normalize(Text(), out, offsets);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Text().size()));
}
BENCHMARK(BM_Normalize);

void BM_Tokenize(benchmark::State& state) {
  Tokenizer tokenizer;
  std::vector<doc::Token> tokens;
  for (auto _ : state) {
    tokens.clear();
    tokenizer.Tokenize(Text(), &tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Text().size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tokens.size()));
}
BENCHMARK(BM_Tokenize);

// A splitter trained on the generated text itself: the cost of the learned path does not
// depend on what the weights are.
SentenceSplitter TrainedSplitter() {
  std::string sample = Text().substr(0, 1 << 16);
  std::vector<doc::Token> tokens;
  Tokenizer().Tokenize(sample, &tokens);
  LabeledTokens data{sample, tokens, {}};
  for (const doc::Token& token : tokens) data.ends_sentence.push_back(token.span.In(sample) == ".");
  std::vector<LabeledTokens> set = {data};
  SplitterTrainingOptions options;
  options.max_epochs = 2;
  return SentenceSplitter::Train(set, set, options, nullptr);
}

void RunStage(benchmark::State& state, const TextStage& stage) {
  doc::Document document;
  document.raw = Text();
  for (auto _ : state) {
    if (!stage.Process(document).ok()) state.SkipWithError("Process failed");
    benchmark::DoNotOptimize(document.sentences.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Text().size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * document.tokens.size()));
}

void BM_TextStageRules(benchmark::State& state) { RunStage(state, *TextStage::CreateRuleBased()); }
BENCHMARK(BM_TextStageRules);

void BM_TextStageLearned(benchmark::State& state) {
  TextStage stage(TrainedSplitter());
  RunStage(state, stage);
}
BENCHMARK(BM_TextStageLearned);

}  // namespace
}  // namespace khabar::text

BENCHMARK_MAIN();
