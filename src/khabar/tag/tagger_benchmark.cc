// Tagging speed on UD EWT test (gold words): BM_TagAndLemmatize reports words/s.
// Needs a trained model: $KHABAR_TAGGER_MODEL, else models/tagger-en.khm.
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "khabar/base/data_dir.h"
#include "khabar/tag/tagger.h"
#include "khabar/treebank/conllu.h"

namespace khabar::tag {
namespace {

void BM_TagAndLemmatize(benchmark::State& state) {
  const char* model_path = std::getenv("KHABAR_TAGGER_MODEL");
  StatusOr<std::unique_ptr<Tagger>> tagger =
      Tagger::Load(model_path ? model_path : DefaultTaggerModelPath());
  StatusOr<std::string> data = base::FindDataDir();
  if (!tagger.ok() || !data.ok()) {
    state.SkipWithError("needs a tagger model and the data directory");
    return;
  }
  StatusOr<treebank::Treebank> gold =
      treebank::ReadTreebank(*data + "/ud/en_ewt/en_ewt-ud-test.conllu");
  if (!gold.ok()) {
    state.SkipWithError("needs UD EWT test");
    return;
  }
  TagScratch scratch;
  std::vector<std::string_view> forms;
  std::vector<uint16_t> labels;
  std::string lemmas;
  size_t words = 0;
  for (auto _ : state) {
    for (const treebank::Sentence& sentence : gold->sentences()) {
      forms.clear();
      for (const treebank::Word& word : gold->Words(sentence)) forms.push_back(word.form);
      labels.resize(forms.size());
      (*tagger)->Tag(forms, scratch, labels);
      lemmas.clear();
      for (size_t word_idx = 0; word_idx < forms.size(); ++word_idx) {
        (*tagger)->lemmatizer().Lemmatize(forms[word_idx], (*tagger)->xpos(labels[word_idx]),
                                          lemmas);
      }
      benchmark::DoNotOptimize(lemmas.data());
      words += forms.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(words));
}
BENCHMARK(BM_TagAndLemmatize)->Unit(benchmark::kMillisecond);

void BM_LoadModel(benchmark::State& state) {
  const char* model_path = std::getenv("KHABAR_TAGGER_MODEL");
  std::string path = model_path ? model_path : DefaultTaggerModelPath();
  for (auto _ : state) {
    StatusOr<std::unique_ptr<Tagger>> tagger = Tagger::Load(path);
    if (!tagger.ok()) {
      state.SkipWithError("needs a tagger model");
      return;
    }
    benchmark::DoNotOptimize(tagger->get());
  }
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace khabar::tag

BENCHMARK_MAIN();
