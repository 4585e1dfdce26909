// `khabar bench pipeline [--json] FILES...`: the whole analysis on one core — text, tag,
// parse, CAMEO event coding with the full Phoenix dictionaries, and the when, where and counts
// stages — in sentences and surface
// tokens per second of the thread's CPU time, with the load time of the models and the
// dictionaries and the process's peak memory. The helpers are those of bench_command.cc.
#include <fmt/format.h>

#include <sys/resource.h>
#include <time.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/data_dir.h"
#include "khabar/base/file.h"
#include "khabar/base/utf8.h"
#include "khabar/cli/bench_util.h"
#include "khabar/cli/commands.h"
#include "khabar/dict/dictionaries.h"
#include "khabar/eval/conllu.h"
#include "khabar/events/cameo_codebook.h"
#include "khabar/events/event_stage.h"
#include "khabar/pipeline/analysis.h"
#include "khabar/counts/counts_stage.h"
#include "khabar/events/coding_stage.h"
#include "khabar/mentions/coref_actor_resolver.h"
#include "khabar/where/where_stage.h"
#include "khabar/when/when_stage.h"

namespace khabar::cli {
namespace {

struct BenchPipelineOptions {
  std::vector<std::string> files;
  pipeline::AnalysisModels models;
  std::string dictionaries;  // empty: <data>/cameo
  std::string plover;        // empty: <data>/plover/CAMEO2PLOVER-2021.txt
  bool json = false;
  bool where = true;  // false: stop after the events stage (--no-where)
  double min_seconds = 2.0;
};

struct PipelineTotals {
  uint64_t sentences = 0;
  uint64_t tokens = 0;
  uint64_t events = 0;
  double seconds = 0;  // CPU time of this thread: stable on a shared machine
  double wall_seconds = 0;
};

// The models and the event coder (dictionaries, codebook, coreference) a run needs, with
// their wall-clock load time.
struct Loaded {
  pipeline::Analysis analysis;
  std::unique_ptr<events::CodingStage> coder;
  std::unique_ptr<where::WhereStage> where;  // null with --no-where
  double seconds = 0;
};

StatusOr<Loaded> LoadAll(const BenchPipelineOptions& options) {
  auto start = std::chrono::steady_clock::now();
  KH_ASSIGN_OR_RETURN(pipeline::Analysis analysis, pipeline::Analysis::Load(options.models));
  events::CodingStageOptions coding;
  coding.dictionary_dir = options.dictionaries;
  coding.plover_path = options.plover;
  coding.resolver_factory = &mentions::CoreferenceResolution();
  KH_ASSIGN_OR_RETURN(std::unique_ptr<events::CodingStage> coder, events::CodingStage::Create(coding));
  std::unique_ptr<where::WhereStage> where;
  if (options.where) {
    KH_ASSIGN_OR_RETURN(where, where::WhereStage::Create(where::WhereStageOptions{}));
  }
  Loaded loaded{std::move(analysis), std::move(coder), std::move(where), 0};
  loaded.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return loaded;
}

// Runs every stage over every document until at least min_seconds of CPU time have passed
// and at least three rounds have run. Documents keep their buffers between rounds and each
// stage reuses its scratch, as a pipeline worker would.
StatusOr<PipelineTotals> RunRounds(const Loaded& loaded, std::vector<doc::Document>& documents,
                                   double min_seconds) {
  const events::EventStage& coder = loaded.coder->event_stage();
  tag::TagScratch tag_scratch;
  parse::ParseStageScratch parse_scratch;
  doc::EventLayer layer;
  const when::WhenStage dater;
  const counts::CountsStage counts_stage;
  PipelineTotals totals;
  auto start = std::chrono::steady_clock::now();
  double cpu_start = ThreadCpuSeconds();
  for (int round = 0; round < 3 || totals.seconds < min_seconds; ++round) {
    for (doc::Document& document : documents) {
      KH_RETURN_IF_ERROR(loaded.analysis.text_stage().Process(document));
      KH_RETURN_IF_ERROR(loaded.analysis.tag_stage().Process(document, tag_scratch));
      KH_RETURN_IF_ERROR(loaded.analysis.parse_stage().Process(document, parse_scratch));
      events::CodingContext context;
      context.date = events::ArticleDate(document);
      layer.Clear();
      KH_RETURN_IF_ERROR(coder.Annotate(document, context, layer));
      // The when stage reads the events from the document, as in `khabar code`.
      document.events.events.swap(layer.events);
      KH_RETURN_IF_ERROR(dater.Process(document));
      document.events.events.swap(layer.events);
      if (loaded.where != nullptr) {
        document.events = std::move(layer);
        KH_RETURN_IF_ERROR(loaded.where->Process(document));
        layer = std::move(document.events);
      }
      // The counts stage reads the events from the document; the layer keeps its buffer.
      std::swap(document.events, layer);
      KH_RETURN_IF_ERROR(counts_stage.Process(document));
      std::swap(document.events, layer);
      totals.sentences += document.sentences.size();
      totals.tokens += document.tokens.size();
      totals.events += layer.events.size();
    }
    totals.seconds = ThreadCpuSeconds() - cpu_start;
  }
  totals.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return totals;
}

int RunBenchPipeline(const BenchPipelineOptions& options) {
  StatusOr<Loaded> loaded = LoadAll(options);
  if (!loaded.ok()) {
    fmt::print(stderr, "khabar bench pipeline: {}\n", loaded.status().ToString());
    return 2;
  }
  std::vector<doc::Document> documents;
  if (Status status = LoadBenchDocuments(options.files, &documents); !status.ok()) {
    fmt::print(stderr, "khabar bench pipeline: {}\n", status.ToString());
    return 2;
  }
  StatusOr<PipelineTotals> totals = RunRounds(*loaded, documents, options.min_seconds);
  if (!totals.ok()) {
    fmt::print(stderr, "khabar bench pipeline: {}\n", totals.status().ToString());
    return 1;
  }
  const double sentences_per_second = totals->sentences / totals->seconds;
  const double tokens_per_second = totals->tokens / totals->seconds;
  const double peak_rss_mb = PeakRssMegabytes();
  if (options.json) {
    fmt::print("{{\"sentences_per_second\":{:.0f},\"tokens_per_second\":{:.0f},\"peak_rss_mb\":{:.1f},"
               "\"load_seconds\":{:.3f},\"gazetteer_load_seconds\":{:.3f}}}\n",
               sentences_per_second, tokens_per_second, peak_rss_mb, loaded->seconds,
               loaded->where != nullptr ? loaded->where->load_seconds() : 0.0);
  } else {
    fmt::print("text + tag + parse + events + dates{} + counts: {:.0f} sentences/s, {:.0f} tokens/s ({} sentences, {} tokens, "
               "{} events in {:.2f} s CPU, {:.2f} s wall); models and dictionaries loaded in {:.3f} s; "
               "peak memory {:.1f} MB\n",
               loaded->where != nullptr ? " + where" : "", sentences_per_second, tokens_per_second, totals->sentences, totals->tokens, totals->events,
               totals->seconds, totals->wall_seconds, loaded->seconds, peak_rss_mb);
  }
  return 0;
}

}  // namespace

void RegisterBenchPipeline(CLI::App& bench, int* exit_code) {
  auto options = std::make_shared<BenchPipelineOptions>();
  CLI::App* command = bench.add_subcommand("pipeline", "Text + tag + parse + CAMEO event coding (Phoenix) + dates, places and counts");
  command->add_option("files", options->files, "UTF-8 text files, or .conllu treebanks (their text)")->required();
  command->add_option("--tokenizer-model", options->models.tokenizer, "tokenizer model");
  command->add_option("--tagger-model", options->models.tagger, "tagger model");
  command->add_option("--parser-model", options->models.parser, "parser model");
  command->add_option("--dictionaries", options->dictionaries, "Phoenix dictionary directory (default: <data>/cameo)");
  command->add_option("--plover", options->plover, "CAMEO2PLOVER mapping (default: <data>/plover/...)");
  command->add_option("--min-seconds", options->min_seconds, "measure for at least this much CPU time")
      ->capture_default_str();
  command->add_flag("--json", options->json, "print one JSON object");
  command->add_flag("--no-where", [options](int64_t) { options->where = false; },
                    "stop after the events stage (no gazetteer)");
  command->callback([options, exit_code] { *exit_code = RunBenchPipeline(*options); });
}

}  // namespace khabar::cli
