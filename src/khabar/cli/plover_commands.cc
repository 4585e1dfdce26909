// `khabar eval plover --gold F.json [--dictionaries DIR] [--json] [--details]`: codes the
// PLOVER gold-standard records with Khabar's analysis and the Phoenix dictionaries and
// scores PLOVER event types, source and target countries (events/plover_eval.h,
// docs/eval/plover.md).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "khabar/cli/commands.h"
#include "khabar/events/plover_eval.h"

namespace khabar::cli {
namespace {

struct EvalPloverOptions {
  events::PloverEvalOptions eval;
  bool json = false;
  bool details = false;
};

std::string Or(const std::string& text) { return text.empty() ? "---" : text; }

std::string Join(const std::set<std::string>& codes) {
  std::string out;
  for (const std::string& code : codes) out += (out.empty() ? "" : "+") + code;
  return Or(out);
}

// One block per item: OK when the coded type set equals the gold's; the parse on a miss.
void PrintDetails(const events::PloverEvalResult& result) {
  for (const events::PloverItemResult& detail : result.results) {
    const events::PloverItem& item = result.items[detail.item];
    std::set<std::string> gold;
    std::set<std::string> coded;
    for (const events::PloverGoldEvent& event : item.gold) gold.insert(event.type);
    for (const events::PloverCodedDetail& event : detail.coded) {
      if (!event.event.type.empty()) coded.insert(event.event.type);
    }
    fmt::print("{} {} {}\n", gold == coded ? "OK  " : "FAIL", item.gold.front().id, item.text);
    for (const events::PloverGoldEvent& event : item.gold) {
      fmt::print("  gold: {} {} {}\n", Join(event.sources), event.type, Join(event.targets));
    }
    for (const events::PloverCodedDetail& event : detail.coded) {
      fmt::print("  coded: {} {} {} ({}){}  <- {} ({})\n", Or(event.source_code), Or(event.event.type),
                 Or(event.target_code), event.cameo, event.negated ? " negated" : "", event.pattern,
                 event.pattern_source);
    }
    if (gold != coded) fmt::print("{}", detail.parse);
    fmt::print("\n");
  }
}

void PrintRow(std::string_view name, const events::PrfCounts& counts) {
  fmt::print("{:<12} {:>4} {:>4} {:>4} {:>7.2f} {:>7.2f} {:>7.2f}\n", name, counts.tp, counts.fp, counts.fn,
             counts.precision(), counts.recall(), counts.f1());
}

int RunEvalPlover(const EvalPloverOptions& options) {
  StatusOr<events::PloverEvalResult> result = events::RunPloverEval(options.eval);
  if (!result.ok()) {
    fmt::print(stderr, "khabar eval plover: {}\n", result.status().ToString());
    return 2;
  }
  if (options.details) PrintDetails(*result);
  const events::PloverScore& score = result->score;
  if (options.json) {
    fmt::print("{{\"event_f1\":{:.2f},\"source_f1\":{:.2f},\"target_f1\":{:.2f},\"event_precision\":{:.2f},"
               "\"event_recall\":{:.2f},\"items\":{},\"records\":{}}}\n",
               score.event.f1(), score.source.f1(), score.target.f1(), score.event.precision(),
               score.event.recall(), score.items, score.records);
    return 0;
  }
  fmt::print("{} texts ({} gold records)\n", score.items, score.records);
  fmt::print("{:<12} {:>4} {:>4} {:>4} {:>7} {:>7} {:>7}\n", "type", "tp", "fp", "fn", "P", "R", "F1");
  for (const auto& [type, counts] : score.per_type) PrintRow(type, counts);
  PrintRow("event", score.event);
  PrintRow("source", score.source);
  PrintRow("target", score.target);
  return 0;
}

}  // namespace

void RegisterPloverEvalCommand(CLI::App& eval, int* exit_code) {
  auto options = std::make_shared<EvalPloverOptions>();
  CLI::App* plover = eval.add_subcommand("plover", "PLOVER event types and actors on the PLOVER gold records");
  plover->add_option("--gold", options->eval.gold, "PLOVER gold-standard records (.json)")->required();
  plover->add_option("--dictionaries", options->eval.dictionaries,
                     "Phoenix dictionary directory (default: <data>/cameo)");
  plover->add_option("--tokenizer-model", options->eval.models.tokenizer, "tokenizer model");
  plover->add_option("--tagger-model", options->eval.models.tagger, "tagger model");
  plover->add_option("--parser-model", options->eval.models.parser, "parser model");
  plover->add_flag("--json", options->json, "print one JSON object");
  plover->add_flag("--details", options->details, "print every text with its gold and coded events");
  plover->callback([options, exit_code] { *exit_code = RunEvalPlover(*options); });
}

}  // namespace khabar::cli
