// `khabar eval counts --gold F [--json] [--details]`: codes Khabar's own counts gold
// (eval/counts.dev.jsonl) through the whole pipeline and scores the five counts of each
// case's event (counts/counts_eval.h, docs/formats/counts.md).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "khabar/cli/commands.h"
#include "khabar/counts/counts_eval.h"

namespace khabar::cli {
namespace {

struct EvalCountsOptions {
  counts::CountsEvalOptions eval;
  bool json = false;
  bool details = false;
};

std::string Values(const counts::CountValues& values) {
  std::string out;
  for (size_t field = 0; field < counts::kCountFields; ++field) {
    out += fmt::format("{}{}={}", field == 0 ? "" : " ", counts::kCountFieldNames[field],
                       values[field] < 0 ? std::string("null") : std::to_string(values[field]));
  }
  return out;
}

// One block per wrong case: the gold and what was found.
void PrintDetails(const counts::CountsEvalResult& result) {
  for (const counts::CountsCaseResult& found : result.results) {
    const counts::CountsCase& item = result.gold.cases[found.item];
    if (found.found == item.gold) continue;
    fmt::print("FAIL {} (line {}) verb '{}'{}: {}\n  gold:  {}\n  found: {}\n", item.id, item.line, item.verb,
               !found.verb_found ? " not in the text" : (found.coded ? "" : " (no event coded)"), item.text,
               Values(item.gold), Values(found.found));
  }
}

int RunEvalCounts(const EvalCountsOptions& options) {
  StatusOr<counts::CountsEvalResult> result = counts::RunCountsEval(options.eval);
  if (!result.ok()) {
    fmt::print(stderr, "khabar eval counts: {}\n", result.status().ToString());
    return 2;
  }
  for (const std::string& error : result->gold.errors) fmt::print(stderr, "error: {}\n", error);
  if (options.details) PrintDetails(*result);
  const counts::CountsScore& score = result->score;
  if (options.json) {
    fmt::print("{{\"cases\":{},\"field_accuracy\":{:.4f},\"case_accuracy\":{:.4f}}}\n", score.cases,
               score.field_accuracy(), score.case_accuracy());
  } else {
    fmt::print("{} cases ({} bad lines skipped)\n", score.cases, result->gold.errors.size());
    for (size_t field = 0; field < counts::kCountFields; ++field) {
      fmt::print("{:<10} {:>7.2f}%\n", counts::kCountFieldNames[field],
                 score.cases == 0 ? 0.0 : 100.0 * score.right_by_field[field] / score.cases);
    }
    fmt::print("field accuracy {:.2f}%, case accuracy {:.2f}%\n", 100 * score.field_accuracy(),
               100 * score.case_accuracy());
  }
  return result->gold.errors.empty() ? 0 : 1;
}

}  // namespace

void RegisterCountsEvalCommand(CLI::App& eval, int* exit_code) {
  auto options = std::make_shared<EvalCountsOptions>();
  CLI::App* command = eval.add_subcommand("counts", "Killed/injured/displaced/arrested/kidnapped counts on Khabar's counts gold");
  command->add_option("--gold", options->eval.gold, "counts gold (.jsonl), e.g. eval/counts.dev.jsonl")->required();
  command->add_option("--dictionaries", options->eval.dictionaries,
                      "Phoenix dictionary directory (default: <data>/cameo)");
  command->add_option("--tokenizer-model", options->eval.models.tokenizer, "tokenizer model");
  command->add_option("--tagger-model", options->eval.models.tagger, "tagger model");
  command->add_option("--parser-model", options->eval.models.parser, "parser model");
  command->add_flag("--json", options->json, "print one JSON object");
  command->add_flag("--details", options->details, "print every wrong case with its gold and found counts");
  command->callback([options, exit_code] { *exit_code = RunEvalCounts(*options); });
}

}  // namespace khabar::cli
