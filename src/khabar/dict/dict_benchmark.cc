// Dictionary loading and matching speed on the real Phoenix set (data directory,
// "cameo/"). BM_LoadPhoenix is the whole LoadDictionaries call (read, parse, compile the
// matchers) on one core; BM_FindActors scans a fixed sentence with the actor matcher.
#include <benchmark/benchmark.h>

#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/data_dir.h"
#include "khabar/dict/dictionaries.h"

namespace khabar::dict {
namespace {

std::string CameoDir() {
  StatusOr<std::string> data = base::FindDataDir();
  return data.ok() ? *data + "/cameo" : "";
}

void BM_LoadPhoenix(benchmark::State& state) {
  std::string dir = CameoDir();
  size_t lines = 0;
  size_t warnings = 0;
  for (auto _ : state) {
    StatusOr<Dictionaries> loaded = LoadDictionaries(dir, DictionaryFiles::Phoenix());
    if (!loaded.ok()) {
      state.SkipWithError(loaded.status().ToString().c_str());
      return;
    }
    warnings = loaded->warnings.size();
    lines = 0;
    for (const FileReport& report : loaded->reports) lines += report.lines;
    benchmark::DoNotOptimize(loaded->actors.actors().data());
  }
  state.counters["lines"] = static_cast<double>(lines);
  state.counters["warnings"] = static_cast<double>(warnings);
}
BENCHMARK(BM_LoadPhoenix)->Unit(benchmark::kMillisecond);

// What `khabar code` loads: Phoenix plus Khabar's overlays (actors, agents, verbs, nouns).
void BM_LoadPhoenixWithOverlays(benchmark::State& state) {
  std::string dir = CameoDir();
  size_t lines = 0;
  for (auto _ : state) {
    StatusOr<Dictionaries> loaded = LoadDictionaries(dir, DictionaryFiles::PhoenixWithOverlays());
    if (!loaded.ok()) {
      state.SkipWithError(loaded.status().ToString().c_str());
      return;
    }
    lines = 0;
    for (const FileReport& report : loaded->reports) lines += report.lines;
    benchmark::DoNotOptimize(loaded->actors.actors().data());
  }
  state.counters["lines"] = static_cast<double>(lines);
}
BENCHMARK(BM_LoadPhoenixWithOverlays)->Unit(benchmark::kMillisecond);

void BM_LoadValidate(benchmark::State& state) {
  std::string dir = CameoDir();
  for (auto _ : state) {
    StatusOr<Dictionaries> loaded = LoadDictionaries(dir, DictionaryFiles::Validate());
    if (!loaded.ok()) {
      state.SkipWithError(loaded.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(loaded->verbs.patterns().data());
  }
}
BENCHMARK(BM_LoadValidate)->Unit(benchmark::kMillisecond);

void BM_FindActors(benchmark::State& state) {
  StatusOr<Dictionaries> loaded = LoadDictionaries(CameoDir(), DictionaryFiles::Phoenix());
  if (!loaded.ok()) {
    state.SkipWithError(loaded.status().ToString().c_str());
    return;
  }
  // An invented news sentence, tokenised.
  const std::vector<std::string_view> tokens = {
      "Egyptian", "President", "Sisi",      "met",      "the",     "United",     "Nations",
      "envoy",    "in",        "Cairo",     "on",       "Tuesday", ",",          "and",
      "police",   "said",      "militants", "attacked", "a",       "checkpoint", "near",
      "the",      "border",    "with",      "Libya",    "and",     "Sudan",      "."};
  size_t found = 0;
  for (auto _ : state) {
    found = loaded->actors.FindActors(tokens).size() + loaded->agents.FindAgents(tokens).size() +
            loaded->verbs.FindVerbs(tokens).size();
    benchmark::DoNotOptimize(found);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tokens.size()));
  state.counters["matches"] = static_cast<double>(found);
}
BENCHMARK(BM_FindActors);

}  // namespace
}  // namespace khabar::dict

BENCHMARK_MAIN();
