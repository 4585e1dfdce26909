// `khabar bench text [--json] [--model PATH] FILES...`: normalise + tokenize + split
// throughput on one core, per second of the thread's CPU time (wall time is also shown).
// `khabar bench parse [--json] FILES...`: tag + parse throughput on one core, in surface
// tokens per CPU second, with model load time and the process's peak memory.
#include <fmt/format.h>

#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "khabar/base/file.h"
#include "khabar/base/utf8.h"
#include "khabar/cli/bench_util.h"
#include "khabar/cli/commands.h"
#include "khabar/eval/conllu.h"
#include "khabar/pipeline/analysis.h"
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
  if (Status status = LoadBenchDocuments(options.files, &documents); !status.ok()) {
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

struct BenchParseOptions {
  std::vector<std::string> files;
  pipeline::AnalysisModels models;
  bool json = false;
  double min_seconds = 2.0;
};

// Tags and parses every (tokenized) document until at least min_seconds of CPU time have
// passed and at least three rounds have run, reusing each stage's scratch.
StatusOr<BenchTotals> RunParseRounds(const pipeline::Analysis& analysis,
                                     std::vector<doc::Document>& documents, double min_seconds) {
  tag::TagScratch tag_scratch;
  parse::ParseStageScratch parse_scratch;
  BenchTotals totals;
  auto start = std::chrono::steady_clock::now();
  double cpu_start = ThreadCpuSeconds();
  for (int round = 0; round < 3 || totals.seconds < min_seconds; ++round) {
    for (doc::Document& document : documents) {
      KH_RETURN_IF_ERROR(analysis.tag_stage().Process(document, tag_scratch));
      KH_RETURN_IF_ERROR(analysis.parse_stage().Process(document, parse_scratch));
      totals.bytes += document.raw.size();
      totals.tokens += document.tokens.size();
    }
    totals.seconds = ThreadCpuSeconds() - cpu_start;
  }
  totals.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return totals;
}

int RunBenchParse(const BenchParseOptions& options) {
  pipeline::AnalysisLoadTimes load;
  StatusOr<pipeline::Analysis> analysis = pipeline::Analysis::Load(options.models, &load);
  if (!analysis.ok()) {
    fmt::print(stderr, "khabar bench parse: {}\n", analysis.status().ToString());
    return 2;
  }
  std::vector<doc::Document> documents;
  if (Status status = LoadBenchDocuments(options.files, &documents); !status.ok()) {
    fmt::print(stderr, "khabar bench parse: {}\n", status.ToString());
    return 2;
  }
  for (doc::Document& document : documents) {
    if (Status status = analysis->text_stage().Process(document); !status.ok()) {
      fmt::print(stderr, "khabar bench parse: {}: {}\n", document.id, status.ToString());
      return 1;
    }
  }
  StatusOr<BenchTotals> totals = RunParseRounds(*analysis, documents, options.min_seconds);
  if (!totals.ok()) {
    fmt::print(stderr, "khabar bench parse: {}\n", totals.status().ToString());
    return 1;
  }
  const double tokens_per_second = totals->tokens / totals->seconds;
  const double load_seconds = load.tagger_seconds + load.parser_seconds;
  const double peak_rss_mb = PeakRssMegabytes();
  if (options.json) {
    fmt::print("{{\"tokens_per_second\":{:.0f},\"load_seconds\":{:.3f},\"peak_rss_mb\":{:.1f}}}\n",
               tokens_per_second, load_seconds, peak_rss_mb);
  } else {
    fmt::print("tag + parse: {:.0f} tokens/s ({} tokens in {:.2f} s CPU, {:.2f} s wall); models "
               "loaded in {:.3f} s (tagger {:.3f} s, parser {:.3f} s); peak memory {:.1f} MB\n",
               tokens_per_second, totals->tokens, totals->seconds, totals->wall_seconds, load_seconds,
               load.tagger_seconds, load.parser_seconds, peak_rss_mb);
  }
  return 0;
}

void RegisterBenchParse(CLI::App& bench, int* exit_code) {
  auto options = std::make_shared<BenchParseOptions>();
  CLI::App* parse = bench.add_subcommand("parse", "Tag + parse (after tokenizing, which is not timed)");
  parse->add_option("files", options->files, "UTF-8 text files, or .conllu treebanks (their text)")->required();
  AddModelOptions(*parse, options->models);
  parse->add_option("--min-seconds", options->min_seconds, "measure for at least this much CPU time")->capture_default_str();
  parse->add_flag("--json", options->json, "print one JSON object");
  parse->callback([options, exit_code] { *exit_code = RunBenchParse(*options); });
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
  RegisterBenchParse(*bench, exit_code);
  RegisterBenchPipeline(*bench, exit_code);
  RegisterBenchStore(*bench, exit_code);
}

}  // namespace khabar::cli
