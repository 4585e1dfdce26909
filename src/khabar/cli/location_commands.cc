// `khabar eval location --gold F.jsonl [--json]`: links a place span to the event verb of
// each event-location gold record with the where stage's attachment and scores it against
// the gold LOCATION span (where/location_eval.h, docs/formats/where.md).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "khabar/cli/commands.h"
#include "khabar/where/location_eval.h"

namespace khabar::cli {
namespace {

struct EvalLocationOptions {
  where::LocationEvalOptions eval;
  bool json = false;
};

std::string Quote(std::string_view text, doc::Span span) {
  if (span.empty()) return "(none)";
  return fmt::format("\"{}\" [{},{})", span.In(text), span.begin, span.end);
}

void PrintFailures(const where::LocationEvalResult& result) {
  for (const where::LocationOutcome& outcome : result.outcomes) {
    if (outcome.exact) continue;
    const where::LocationRecord& record = result.records[outcome.record];
    fmt::print("line {}: {}\n  verb: {}\n  gold:", record.line, record.text, Quote(record.text, record.verb));
    if (record.locations.empty()) fmt::print(" (none)");
    for (doc::Span gold : record.locations) fmt::print(" {}", Quote(record.text, gold));
    fmt::print("\n  khabar: {}{} by {}\n\n", Quote(record.text, outcome.linked), outcome.overlap ? " (overlaps)" : "",
               where::AttachedByName(outcome.by));
  }
}

// How many links each step of AttachPlace made, and how many were right.
void PrintSteps(const where::LocationEvalResult& result) {
  std::map<std::string_view, std::pair<int, int>> steps;
  for (const where::LocationOutcome& outcome : result.outcomes) {
    std::pair<int, int>& counts = steps[where::AttachedByName(outcome.by)];
    ++counts.first;
    counts.second += outcome.exact ? 1 : 0;
  }
  for (const auto& [step, counts] : steps) fmt::print("{:<10} {:>4} linked, {:>4} correct\n", step, counts.first, counts.second);
}

int RunEvalLocation(const EvalLocationOptions& options) {
  StatusOr<where::LocationEvalResult> result = where::RunLocationEval(options.eval);
  if (!result.ok()) {
    fmt::print(stderr, "khabar eval location: {}\n", result.status().ToString());
    return 2;
  }
  for (const std::string& warning : result->warnings) fmt::print(stderr, "warning: {}\n", warning);
  if (options.json) {
    fmt::print("{{\"records\":{},\"accuracy\":{:.4f},\"overlap_accuracy\":{:.4f},\"skipped\":{}}}\n",
               result->records.size(), result->accuracy(), result->overlap_accuracy(), result->warnings.size());
    return 0;
  }
  PrintFailures(*result);
  PrintSteps(*result);
  fmt::print("{} records ({} skipped): accuracy {:.4f} exact span ({} correct), {:.4f} with overlap\n",
             result->records.size(), result->warnings.size(), result->accuracy(), result->exact,
             result->overlap_accuracy());
  return 0;
}

}  // namespace

void RegisterLocationEvalCommand(CLI::App& eval, int* exit_code) {
  auto options = std::make_shared<EvalLocationOptions>();
  CLI::App* location = eval.add_subcommand(
      "location", "Whether the place linked to each event verb is the gold location (Halterman 2019)");
  location->add_option("--gold", options->eval.gold, "event-location gold records (.jsonl)")->required();
  AddModelOptions(*location, options->eval.models);
  location->add_flag("--json", options->json, "print one JSON object");
  location->callback([options, exit_code] { *exit_code = RunEvalLocation(*options); });
}

}  // namespace khabar::cli
