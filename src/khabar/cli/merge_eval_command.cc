// `khabar eval merge --gold F [--json] [--verbose]`: for each gold pair (merge/merge_gold.h),
// codes both invented articles as `khabar code` does, writes them one after the other into a
// fresh in-memory SQLite store, and calls the pair "same event" when a report of the second
// article joined an event of the first. So the eval runs the store's own merging
// (store/internal/event_merger.h), candidate query included. Prints pairwise precision and
// recall of "same event", and per kind the pairs right; with --verbose, each pair (FAIL when wrong)
// with the best evidence between its reports.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "khabar/cli/coding_setup.h"
#include "khabar/cli/commands.h"
#include "khabar/counts/counts_stage.h"
#include "khabar/doc/events.h"
#include "khabar/ingest/near_duplicate.h"
#include "khabar/merge/compare.h"
#include "khabar/merge/merge_gold.h"
#include "khabar/merge/report.h"
#include "khabar/pipeline/pipeline.h"
#include "khabar/store/sqlite_store.h"
#include "khabar/when/when_stage.h"
#include "khabar/where/where_stage.h"

namespace khabar::cli {
namespace {

struct EvalMergeOptions {
  std::string gold;
  pipeline::AnalysisModels models;
  std::string dictionary_dir;
  bool dictionary_warnings = false;
  bool json = false;
  bool verbose = false;
};

StatusOr<pipeline::Pipeline> CodingPipeline(const EvalMergeOptions& options) {
  pipeline::Pipeline pipeline;
  KH_ASSIGN_OR_RETURN(pipeline::Analysis analysis, LoadAnalysis(options.models, /*quiet=*/true));
  analysis.MoveStagesInto(pipeline);
  KH_ASSIGN_OR_RETURN(std::unique_ptr<events::CodingStage> coding,
                      LoadCoder(options.dictionary_dir));
  ReportDictionaryWarnings(coding->warnings(), options.dictionary_warnings, /*quiet=*/true);
  pipeline.Add(std::move(coding));
  pipeline.Add(std::make_unique<when::WhenStage>());
  KH_ASSIGN_OR_RETURN(std::unique_ptr<where::WhereStage> where,
                      where::WhereStage::Create(where::WhereStageOptions{}));
  pipeline.Add(std::move(where));
  pipeline.Add(std::make_unique<counts::CountsStage>());
  return pipeline;
}

StatusOr<doc::Document> Code(const merge::GoldArticle& article, std::string id,
                             pipeline::Pipeline& pipeline) {
  doc::Document document;
  document.id = std::move(id);
  document.outlet = article.outlet;
  document.url = article.url;
  document.published = article.published;
  document.raw = article.text;
  document.content_hash = ingest::ContentHash(document.raw);
  document.minhash = ingest::SerializeSignature(ingest::ComputeMinHash(document.raw));
  pipeline::StageFailure failure;
  KH_RETURN_IF_ERROR(
      pipeline.Run(document, &failure).WithPrefix(document.id + " (" + failure.stage + ")"));
  return document;
}

size_t DistinctEvents(const doc::Document& document) {
  std::set<std::string> ids;
  for (const doc::Event& event : document.events.events)
    ids.insert(doc::EventId(document.id, event));
  return ids.size();
}

struct PairOutcome {
  bool predicted_same = false;
  bool both_coded = false;
  std::string evidence;  // the best comparison between the two articles' reports
};

// The best evidence between any report of `a` and any of `b`, for --verbose.
std::string BestEvidence(const doc::Document& a, const doc::Document& b) {
  std::optional<merge::Evidence> best;
  for (const doc::Event& first : a.events.events) {
    const merge::Report stored = merge::ReportOf(a, first, merge::OutletKey(a));
    for (const doc::Event& second : b.events.events) {
      merge::Evidence evidence =
          merge::Compare(merge::ReportOf(b, second, merge::OutletKey(b)), stored);
      const double score = evidence.veto.empty() ? evidence.score : -1;
      const double best_score = !best ? -2 : best->veto.empty() ? best->score : -1;
      if (score > best_score) best = std::move(evidence);
    }
  }
  return best ? best->Reason() : "no event coded";
}

StatusOr<PairOutcome> RunPair(const merge::MergePair& pair, pipeline::Pipeline& pipeline) {
  KH_ASSIGN_OR_RETURN(doc::Document a, Code(pair.a, pair.id + "/a", pipeline));
  KH_ASSIGN_OR_RETURN(doc::Document b, Code(pair.b, pair.id + "/b", pipeline));
  ingest::MinHashSignature signature;
  if (ingest::ParseSignature(a.minhash,
                             &signature)) {  // a syndicated copy, as khabar code marks it
    ingest::NearDuplicateIndex index;
    index.Add(a.id, signature);
    ingest::MinHashSignature other;
    if (ingest::ParseSignature(b.minhash, &other)) {
      if (std::optional<std::string> original = index.FindNear(other, b.id))
        b.near_duplicate_of = *original;
    }
  }
  KH_ASSIGN_OR_RETURN(std::unique_ptr<store::SqliteStore> db, store::SqliteStore::Open(":memory:"));
  const doc::Document* first[] = {&a};
  const doc::Document* second[] = {&b};
  KH_RETURN_IF_ERROR(db->WriteDocuments(first).status());
  KH_RETURN_IF_ERROR(db->WriteDocuments(second).status());
  KH_ASSIGN_OR_RETURN(store::StoreSummary summary, db->Summarize());
  PairOutcome outcome;
  outcome.both_coded = !a.events.events.empty() && !b.events.events.empty();
  const auto written = static_cast<int64_t>(DistinctEvents(a) + DistinctEvents(b));
  outcome.predicted_same = summary.events < written;
  outcome.evidence = BestEvidence(a, b);
  return outcome;
}

void PrintTable(const merge::MergeScore& score) {
  fmt::print("{:<28} {:>6} {:>8}\n", "kind", "pairs", "correct");
  for (const auto& [kind, count] : score.by_kind) {
    fmt::print("{:<28} {:>6} {:>8}\n", kind, count.pairs, count.correct);
  }
  fmt::print("pairs {}  (a side coded no event: {})\n", score.pairs(), score.uncoded);
  fmt::print("same event: precision {:.2f}  recall {:.2f}  F1 {:.2f}  (TP {} FP {} FN {} TN {})\n",
             score.precision(), score.recall(), score.f1(), score.true_positives,
             score.false_positives, score.false_negatives, score.true_negatives);
  fmt::print("accuracy {:.2f}\n", score.accuracy());
}

void PrintJson(const merge::MergeScore& score, size_t bad_lines) {
  fmt::print(
      "{{\"pairs\":{},\"precision\":{:.2f},\"recall\":{:.2f},\"f1\":{:.2f},"
      "\"accuracy\":{:.2f},\"true_positives\":{},\"false_positives\":{},"
      "\"false_negatives\":{},\"true_negatives\":{},\"uncoded_pairs\":{},\"bad_lines\":{}}}\n",
      score.pairs(), score.precision(), score.recall(), score.f1(), score.accuracy(),
      score.true_positives, score.false_positives, score.false_negatives, score.true_negatives,
      score.uncoded, bad_lines);
}

int RunEvalMerge(const EvalMergeOptions& options) {
  StatusOr<merge::MergeGold> gold = merge::ReadMergeGold(options.gold);
  StatusOr<pipeline::Pipeline> pipeline = gold.ok() ? CodingPipeline(options) : gold.status();
  if (!pipeline.ok()) {
    fmt::print(stderr, "khabar eval merge: {}\n", pipeline.status().ToString());
    return 2;
  }
  for (const std::string& error : gold->errors)
    fmt::print(stderr, "khabar eval merge: error: {}\n", error);
  merge::MergeScore score;
  for (const merge::MergePair& pair : gold->pairs) {
    StatusOr<PairOutcome> outcome = RunPair(pair, *pipeline);
    if (!outcome.ok()) {
      fmt::print(stderr, "khabar eval merge: {}:{}: {}\n", options.gold, pair.line,
                 outcome.status().ToString());
      return 2;
    }
    score.Add(pair, outcome->predicted_same, outcome->both_coded);
    if (options.verbose) {
      fmt::print("{} {} ({}, gold {}): {}\n  a: {}\n  b: {}\n",
                 outcome->predicted_same == pair.same ? "ok  " : "FAIL", pair.id, pair.kind,
                 pair.same ? "same" : "different", outcome->evidence, pair.a.text, pair.b.text);
    }
  }
  if (options.json) {
    PrintJson(score, gold->errors.size());
  } else {
    PrintTable(score);
  }
  return gold->errors.empty() ? 0 : 1;
}

}  // namespace

void RegisterMergeEvalCommand(CLI::App& eval, int* exit_code) {
  auto options = std::make_shared<EvalMergeOptions>();
  CLI::App* merge = eval.add_subcommand(
      "merge", "cross-article merging on a gold file of article pairs (docs/eval/merge-gold.md)");
  merge->add_option("--gold", options->gold, "gold pairs, one JSON object a line (.jsonl)")
      ->required();
  AddModelOptions(*merge, options->models);
  AddDictionaryOptions(*merge, options->dictionary_dir, options->dictionary_warnings);
  merge->add_flag("--json", options->json, "print one JSON object");
  merge->add_flag("--verbose", options->verbose,
                  "print each pair, FAIL when wrong, with its best evidence");
  merge->callback([options, exit_code] { *exit_code = RunEvalMerge(*options); });
}

}  // namespace khabar::cli
