// Store write throughput: synthetic documents written in batches of N to a fresh SQLite file.
//
//   store_benchmark --benchmark_filter=BM_SqliteWriteDocuments
//
// Each document is ~1.3 KB of text in 8 sentences; ids, urls and hashes come from a counter,
// so every write inserts (BM_SqliteWriteDocuments) or every write is a duplicate
// (BM_SqliteRewriteDuplicates).
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "khabar/doc/document.h"
#include "khabar/store/sqlite_store.h"

namespace khabar::store {
namespace {

constexpr int kSentencesPerDocument = 8;
constexpr int kTokensPerSentence = 24;

// splitmix64: deterministic, never 0 for the counters used here.
uint64_t Mix(uint64_t value) {
  value += 0x9E3779B97F4A7C15ull;
  value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ull;
  value = (value ^ (value >> 27)) * 0x94D049BB133111EBull;
  return (value ^ (value >> 31)) | 1;
}

doc::Document SyntheticDocument(uint64_t serial) {
  doc::Document document;
  document.id = "bench-" + std::to_string(serial);
  document.url = "https://bench.test/" + std::to_string(serial);
  document.outlet = "Bench Wire";
  document.published = "2019-05-29";
  for (int sentence_idx = 0; sentence_idx < kSentencesPerDocument; ++sentence_idx) {
    const auto token_begin = static_cast<doc::TokenIndex>(document.tokens.size());
    const auto begin = static_cast<uint32_t>(document.text.size());
    for (int token_idx = 0; token_idx < kTokensPerSentence; ++token_idx) {
      const auto token_start = static_cast<uint32_t>(document.text.size());
      document.text += "word" + std::to_string((serial + token_idx) % 997);
      document.tokens.push_back({{token_start, static_cast<uint32_t>(document.text.size())}});
      document.text += ' ';
    }
    const auto end = static_cast<uint32_t>(document.text.size() - 1);
    document.sentences.push_back(
        {token_begin, static_cast<doc::TokenIndex>(document.tokens.size()), {begin, end}});
  }
  document.raw = document.text;
  document.content_hash = Mix(serial);
  // As large as a serialised MinHash signature (258 bytes, ingest/near_duplicate.h).
  for (uint64_t word = 0; document.minhash.size() < 258; ++word) {
    const uint64_t bits = Mix(~serial ^ (word << 32));
    document.minhash.append(reinterpret_cast<const char*>(&bits), sizeof(bits));
  }
  document.minhash.resize(258);
  return document;
}

class ScratchDatabase {
 public:
  ScratchDatabase() {
    std::string pattern = "/tmp/khabar_store_bench_XXXXXX";
    if (mkdtemp(pattern.data()) != nullptr) dir_ = pattern;
  }
  ~ScratchDatabase() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::string path() const { return dir_ + "/bench.db"; }

 private:
  std::string dir_;
};

std::vector<doc::Document> MakeBatch(uint64_t first_serial, int64_t size) {
  std::vector<doc::Document> batch;
  for (int64_t doc_idx = 0; doc_idx < size; ++doc_idx) {
    batch.push_back(SyntheticDocument(first_serial + static_cast<uint64_t>(doc_idx)));
  }
  return batch;
}

std::vector<const doc::Document*> Pointers(const std::vector<doc::Document>& batch) {
  std::vector<const doc::Document*> pointers;
  for (const doc::Document& document : batch) pointers.push_back(&document);
  return pointers;
}

void BM_SqliteWriteDocuments(benchmark::State& state) {
  ScratchDatabase scratch;
  auto store = SqliteStore::Open(scratch.path());
  if (!store.ok()) return state.SkipWithError(store.status().ToString().c_str());
  const int64_t batch_size = state.range(0);
  uint64_t serial = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const std::vector<doc::Document> batch = MakeBatch(serial, batch_size);
    serial += static_cast<uint64_t>(batch_size);
    for (const doc::Document& document : batch) bytes += 2 * document.text.size();
    state.ResumeTiming();
    auto writes = (*store)->WriteDocuments(Pointers(batch));
    if (!writes.ok()) return state.SkipWithError(writes.status().ToString().c_str());
    benchmark::DoNotOptimize(writes);
  }
  state.SetItemsProcessed(state.iterations() * batch_size);
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_SqliteWriteDocuments)->Arg(1)->Arg(10)->Arg(100)->Arg(1000)->UseRealTime();

void BM_SqliteRewriteDuplicates(benchmark::State& state) {
  ScratchDatabase scratch;
  auto store = SqliteStore::Open(scratch.path());
  if (!store.ok()) return state.SkipWithError(store.status().ToString().c_str());
  const std::vector<doc::Document> batch = MakeBatch(0, state.range(0));
  if (!(*store)->WriteDocuments(Pointers(batch)).ok()) return state.SkipWithError("first write");
  for (auto _ : state) {
    auto writes = (*store)->WriteDocuments(Pointers(batch));
    if (!writes.ok()) return state.SkipWithError(writes.status().ToString().c_str());
    benchmark::DoNotOptimize(writes);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_SqliteRewriteDuplicates)->Arg(100)->UseRealTime();

}  // namespace
}  // namespace khabar::store

BENCHMARK_MAIN();
