// `khabar bench text [--json] [--model PATH] FILES...`: normalise + tokenize + split
// throughput on one core, per second of the thread's CPU time (wall time is also shown).
#include <fmt/format.h>

#include <time.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "khabar/base/file.h"
#include "khabar/base/utf8.h"
#include "khabar/cli/commands.h"
#include "khabar/text/text_stage.h"

namespace khabar::cli {
namespace {

struct BenchTextOptions {
  std::vector<std::string> files;
  std::string model;
  bool json = false;
  double min_seconds = 2.0;
};

struct BenchTotals {
  uint64_t bytes = 0;
  uint64_t tokens = 0;
  double seconds = 0;       // CPU time of this thread: stable on a shared machine
  double wall_seconds = 0;
};

double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

Status LoadDocuments(const std::vector<std::string>& files, std::vector<doc::Document>* documents) {
  for (const std::string& path : files) {
    KH_ASSIGN_OR_RETURN(std::string bytes, base::ReadFile(path, base::kDefaultMaxFileBytes));
    doc::Document document;
    document.id = path;
    document.raw = base::RepairUtf8(bytes).text;
    documents->push_back(std::move(document));
  }
  return Status::Ok();
}

// Runs the stage over every document until at least min_seconds have passed (and at least
// three rounds). Documents keep their buffers between rounds, as a pipeline worker would.
StatusOr<BenchTotals> RunRounds(const text::TextStage& stage, std::vector<doc::Document>& documents,
                                double min_seconds) {
  BenchTotals totals;
  auto start = std::chrono::steady_clock::now();
  double cpu_start = ThreadCpuSeconds();
  for (int round = 0; round < 3 || totals.seconds < min_seconds; ++round) {
    for (doc::Document& document : documents) {
      KH_RETURN_IF_ERROR(stage.Process(document));
      totals.bytes += document.raw.size();
      totals.tokens += document.tokens.size();
    }
    totals.seconds = ThreadCpuSeconds() - cpu_start;
  }
  totals.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return totals;
}

int RunBenchText(const BenchTextOptions& options) {
  StatusOr<std::unique_ptr<text::TextStage>> stage = text::TextStage::CreateWithDefault(options.model);
  if (!stage.ok()) {
    fmt::print(stderr, "khabar bench text: {}\n", stage.status().ToString());
    return 2;
  }
  std::vector<doc::Document> documents;
  if (Status status = LoadDocuments(options.files, &documents); !status.ok()) {
    fmt::print(stderr, "khabar bench text: {}\n", status.ToString());
    return 2;
  }
  StatusOr<BenchTotals> totals = RunRounds(**stage, documents, options.min_seconds);
  if (!totals.ok()) {
    fmt::print(stderr, "khabar bench text: {}\n", totals.status().ToString());
    return 1;
  }
  double mb_per_second = totals->bytes / 1e6 / totals->seconds;
  double tokens_per_second = totals->tokens / totals->seconds;
  if (options.json) {
    fmt::print("{{\"mb_per_second\":{:.2f},\"tokens_per_second\":{:.0f}}}\n", mb_per_second, tokens_per_second);
  } else {
    fmt::print("text stage ({}): {:.2f} MB/s, {:.0f} tokens/s ({} bytes, {} tokens in {:.2f} s CPU, "
               "{:.2f} s wall)\n",
               (*stage)->uses_model() ? "learned splitter" : "rule-based splitter", mb_per_second,
               tokens_per_second, totals->bytes, totals->tokens, totals->seconds, totals->wall_seconds);
  }
  return 0;
}

}  // namespace

void RegisterBenchCommand(CLI::App& app, int* exit_code) {
  CLI::App* bench = app.add_subcommand("bench", "Measure throughput on one core");
  bench->require_subcommand(1);
  auto options = std::make_shared<BenchTextOptions>();
  CLI::App* text = bench->add_subcommand("text", "Normalise + tokenize + split sentences");
  text->add_option("files", options->files, "UTF-8 text files")->required();
  text->add_option("--model", options->model, "tokenizer model (.khm)");
  text->add_option("--min-seconds", options->min_seconds, "measure for at least this much CPU time")->capture_default_str();
  text->add_flag("--json", options->json, "print one JSON object");
  text->callback([options, exit_code] { *exit_code = RunBenchText(*options); });
}

}  // namespace khabar::cli
