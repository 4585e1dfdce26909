// `khabar eval dates --gold F [--json]`: resolves the date of each gold case's verb with the
// when stage's code on Khabar's own analysis and scores exact-day and exact accuracy
// (when/dates_eval.h, docs/formats/when.md).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "khabar/cli/commands.h"
#include "khabar/when/dates_eval.h"

namespace khabar::cli {
namespace {

struct EvalDatesOptions {
  when::DatesEvalOptions eval;
  bool json = false;
};

std::string Or(const std::string& text) { return text.empty() ? "---" : text; }

void PrintFailures(const when::DatesEvalResult& result) {
  for (const when::DateCaseResult& scored : result.results) {
    if (scored.exact) continue;
    const when::DateCase& gold = result.gold.cases[scored.index];
    fmt::print("FAIL {} (line {}) published {} verb \"{}\": gold {} {}, got {} {}{}{}\n  {}\n",
               gold.id, gold.line, gold.published, gold.verb, gold.date,
               doc::DatePrecisionName(gold.precision), Or(scored.resolved),
               doc::DatePrecisionName(scored.precision),
               scored.from_text ? " from \"" + scored.expression + "\"" : "",
               scored.verb_found ? "" : " (verb not found)", gold.text);
  }
}

void PrintTable(const when::DatesEvalResult& result) {
  fmt::print("{:<28} {:>6} {:>8} {:>9}\n", "measure", "cases", "correct", "accuracy");
  fmt::print("{:<28} {:>6} {:>8} {:>9.2f}\n", "exact day (gold day cases)", result.day_cases,
             result.day_correct, result.exact_day_accuracy());
  fmt::print("{:<28} {:>6} {:>8} {:>9.2f}\n", "exact date and precision", result.results.size(),
             result.exact_correct, result.exact_accuracy());
}

int RunEvalDates(const EvalDatesOptions& options) {
  StatusOr<when::DatesEvalResult> result = when::RunDatesEval(options.eval);
  if (!result.ok()) {
    fmt::print(stderr, "khabar eval dates: {}\n", result.status().ToString());
    return 2;
  }
  for (const std::string& error : result->gold.errors)
    fmt::print(stderr, "khabar eval dates: error: {}\n", error);
  if (options.json) {
    fmt::print(
        "{{\"cases\":{},\"exact_day_accuracy\":{:.2f},\"exact_accuracy\":{:.2f},\"day_cases\":{},"
        "\"bad_lines\":{}}}\n",
        result->results.size(), result->exact_day_accuracy(), result->exact_accuracy(),
        result->day_cases, result->gold.errors.size());
  } else {
    PrintFailures(*result);
    PrintTable(*result);
  }
  return result->gold.errors.empty() ? 0 : 1;
}

}  // namespace

void RegisterDatesEvalCommand(CLI::App& eval, int* exit_code) {
  auto options = std::make_shared<EvalDatesOptions>();
  CLI::App* dates = eval.add_subcommand(
      "dates", "event dates on a gold file of sentences (docs/formats/when.md)");
  dates->add_option("--gold", options->eval.gold, "gold cases, one JSON object a line (.jsonl)")
      ->required();
  AddModelOptions(*dates, options->eval.models);
  dates->add_flag("--json", options->json, "print one JSON object");
  dates->callback([options, exit_code] { *exit_code = RunEvalDates(*options); });
}

}  // namespace khabar::cli
