// Parsing speed on UD EWT test (gold words and tags): BM_Parse reports words/s.
// Needs a trained model: $KHABAR_PARSER_MODEL, else models/parser-en.khm.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "khabar/base/data_dir.h"
#include "khabar/parse/parser.h"
#include "khabar/treebank/conllu.h"

namespace khabar::parse {
namespace {

std::string ModelPath() {
  const char* path = std::getenv("KHABAR_PARSER_MODEL");
  return path ? path : DefaultParserModelPath();
}

void BM_Parse(benchmark::State& state) {
  StatusOr<Parser> parser = Parser::Load(ModelPath());
  StatusOr<std::string> data = base::FindDataDir();
  if (!parser.ok() || !data.ok()) {
    state.SkipWithError("needs a parser model and the data directory");
    return;
  }
  StatusOr<treebank::Treebank> gold =
      treebank::ReadTreebank(*data + "/ud/en_ewt/en_ewt-ud-test.conllu");
  if (!gold.ok()) {
    state.SkipWithError("needs UD EWT test");
    return;
  }
  std::vector<std::vector<Word>> sentences;
  for (const treebank::Sentence& sentence : gold->sentences()) {
    std::vector<Word>& words = sentences.emplace_back();
    for (const treebank::Word& word : gold->Words(sentence)) {
      words.push_back({word.form, parser->UposId(word.upos), parser->XposId(word.xpos)});
    }
  }
  ParseScratch scratch;
  std::vector<int32_t> heads;
  std::vector<uint16_t> labels;
  size_t words = 0;
  for (auto _ : state) {
    for (const std::vector<Word>& sentence : sentences) {
      heads.resize(sentence.size());
      labels.resize(sentence.size());
      parser->Parse(sentence, scratch, heads, labels);
      benchmark::DoNotOptimize(heads.data());
      words += sentence.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(words));
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);

void BM_LoadModel(benchmark::State& state) {
  for (auto _ : state) {
    StatusOr<Parser> parser = Parser::Load(ModelPath());
    if (!parser.ok()) {
      state.SkipWithError("needs a parser model");
      return;
    }
    benchmark::DoNotOptimize(parser->parts().weights.data());
  }
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace khabar::parse

BENCHMARK_MAIN();
