// `khabar eval cameo --records F.xml [--dictionaries DIR] [--json] [--details]`: codes the
// PETRARCH validation records with Khabar's own analysis and event coder, and scores the
// (source, target, code) triples (events/cameo_eval.h, docs/formats/events.md).
#include <fmt/format.h>

#include <memory>
#include <string>

#include "khabar/base/data_dir.h"
#include "khabar/cli/commands.h"
#include "khabar/events/cameo_eval.h"

namespace khabar::cli {
namespace {

struct EvalCameoOptions {
  events::CameoEvalOptions eval;
  bool json = false;
  bool details = false;
};

std::string TripleText(const events::Triple& triple) {
  return fmt::format("{} {} {}", triple.source.empty() ? "---" : triple.source,
                     triple.target.empty() ? "---" : triple.target, triple.code);
}

void PrintDetails(const events::CameoEvalResult& result) {
  for (const events::CameoRecordResult& record : result.records) {
    fmt::print("{} {} [{}] {}\n", record.correct ? "OK  " : "FAIL", record.id, record.category, record.text);
    if (record.expectation == events::RecordExpectation::kNoEvents) fmt::print("  gold: no events\n");
    for (const events::Triple& triple : record.gold) fmt::print("  gold: {}\n", TripleText(triple));
    for (const events::CodedTriple& coded : record.coded) {
      fmt::print("  coded: {}{}  <- {} ({})\n", TripleText(coded.triple), coded.negated ? " negated" : "",
                 coded.pattern, coded.pattern_source);
    }
    if (!record.correct) fmt::print("{}", record.parse);
  }
}

int RunEvalCameo(EvalCameoOptions options) {
  if (options.eval.dictionaries.empty()) {
    StatusOr<std::string> data = base::FindDataDir();
    if (!data.ok()) {
      fmt::print(stderr, "khabar eval cameo: {}\n", data.status().ToString());
      return 2;
    }
    options.eval.dictionaries = *data + "/cameo/validate";
  }
  StatusOr<events::CameoEvalResult> result = events::RunCameoEval(options.eval);
  if (!result.ok()) {
    fmt::print(stderr, "khabar eval cameo: {}\n", result.status().ToString());
    return 2;
  }
  if (options.details) PrintDetails(*result);
  const events::CameoScore& score = result->score;
  if (options.json) {
    fmt::print(
        "{{\"records\":{},\"tp_pct\":{:.2f},\"fp_pct\":{:.2f},\"records_correct_pct\":{:.2f},"
        "\"fp_per_record_pct\":{:.2f},\"gold\":{},\"found\":{},\"extra\":{},\"skipped\":{},"
        "\"not_applicable\":{}}}\n",
        score.records, score.tp_pct(), score.fp_pct(), score.records_correct_pct(), score.fp_per_record_pct(),
        score.gold, score.found, score.extra, score.skipped, score.not_applicable);
    return 0;
  }
  fmt::print("records {} (skipped {}, not applicable {})\n", score.records, score.skipped, score.not_applicable);
  fmt::print("TP {:.2f}% ({} of {} gold)  FP {:.2f}% of gold ({} extra; {:.2f}% per record)\n", score.tp_pct(),
             score.found, score.gold, score.fp_pct(), score.extra, score.fp_per_record_pct());
  fmt::print("records correct {:.2f}%\n", score.records_correct_pct());
  return 0;
}

}  // namespace

void RegisterCameoEvalCommand(CLI::App& eval, int* exit_code) {
  auto options = std::make_shared<EvalCameoOptions>();
  CLI::App* cameo = eval.add_subcommand("cameo", "CAMEO event coding on the PETRARCH validation records");
  cameo->add_option("--records", options->eval.records, "validation records (.xml)")->required();
  cameo->add_option("--dictionaries", options->eval.dictionaries,
                    "dictionary directory (default: <data>/cameo/validate)");
  cameo->add_option("--plover", options->eval.plover, "CAMEO2PLOVER mapping (default: <data>/plover/...)");
  cameo->add_option("--tokenizer-model", options->eval.models.tokenizer, "tokenizer model");
  cameo->add_option("--tagger-model", options->eval.models.tagger, "tagger model");
  cameo->add_option("--parser-model", options->eval.models.parser, "parser model");
  cameo->add_flag("--petrarch-future", [options](int64_t) { options->eval.future_is_intent = false; },
                  "code a main-clause future (\"X will send aid\") as the act, as PETRARCH-2 does, "
                  "not as an intent (03x) or threat (13x) as the CAMEO manual says");
  cameo->add_flag("--json", options->json, "print one JSON object");
  cameo->add_flag("--details", options->details, "print every record with its gold and coded events");
  cameo->callback([options, exit_code] { *exit_code = RunEvalCameo(*options); });
}

}  // namespace khabar::cli
