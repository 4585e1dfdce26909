// NER speed on UNER EWT test (gold words, tags from the tagger computed once up front):
// BM_Label reports sentences/s (items) and words/s (counter). BM_LoadModel times loading.
// Needs trained models: $KHABAR_NER_MODEL, else models/ner-en.khm; the tagger at
// models/tagger-en.khm.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "khabar/base/data_dir.h"
#include "khabar/ner/recognizer.h"
#include "khabar/ner/train.h"

namespace khabar::ner {
namespace {

std::string ModelPath() {
  const char* path = std::getenv("KHABAR_NER_MODEL");
  return path ? path : DefaultNerModelPath();
}

void BM_Label(benchmark::State& state) {
  StatusOr<std::unique_ptr<Recognizer>> recognizer = Recognizer::Load(ModelPath());
  StatusOr<std::unique_ptr<tag::Tagger>> tagger = tag::Tagger::Load(tag::DefaultTaggerModelPath());
  StatusOr<std::string> data = base::FindDataDir();
  if (!recognizer.ok() || !tagger.ok() || !data.ok()) {
    state.SkipWithError("needs the NER and tagger models and the data directory");
    return;
  }
  StatusOr<Iob2Corpus> corpus = ReadIob2(*data + "/ner/UNER_English-EWT/en_ewt-ud-test.iob2");
  if (!corpus.ok()) {
    state.SkipWithError("needs UNER EWT test");
    return;
  }
  const std::vector<NerWord> words = TagCorpus(*corpus, tagger->get());
  NerScratch scratch;
  std::vector<BioLabel> labels;
  std::vector<float> confidence;
  int64_t sentences = 0, word_count = 0;
  for (auto _ : state) {
    for (const Iob2Sentence& sentence : corpus->sentences) {
      labels.resize(sentence.word_count());
      confidence.resize(sentence.word_count());
      (*recognizer)
          ->Label(std::span(words).subspan(sentence.word_begin, sentence.word_count()), scratch,
                  labels, confidence);
      benchmark::DoNotOptimize(labels.data());
      ++sentences;
      word_count += sentence.word_count();
    }
  }
  state.SetItemsProcessed(sentences);
  state.counters["words"] =
      benchmark::Counter(static_cast<double>(word_count), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Label)->Unit(benchmark::kMillisecond);

void BM_LoadModel(benchmark::State& state) {
  for (auto _ : state) {
    StatusOr<std::unique_ptr<Recognizer>> recognizer = Recognizer::Load(ModelPath());
    if (!recognizer.ok()) {
      state.SkipWithError("needs a NER model");
      return;
    }
    benchmark::DoNotOptimize(recognizer->get());
  }
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace khabar::ner

BENCHMARK_MAIN();
