// `khabar eval counts`: Khabar's own gold for the counts stage (eval/counts.dev.jsonl), one
// invented sentence per line with the event verb and the five counts it should carry, scored
// through the whole pipeline: analysis, the event coder, then the counts stage
// (docs/formats/counts.md, "Evaluation").
//
//   counts::CountsEvalOptions options;
//   options.gold = "eval/counts.dev.jsonl";
//   KH_ASSIGN_OR_RETURN(counts::CountsEvalResult result, counts::RunCountsEval(options));
//   result.score.field_accuracy();
//
// A gold line: {"id","text","verb","killed","injured","displaced","arrested","kidnapped"},
// each count an integer or null. When the coder codes no event on the case's verb, the
// counts are those AttachCounts gives an uncoded anchor on that verb beside the sentence's
// events.
//
// Thread-safety: plain data and free functions.
#ifndef KHABAR_COUNTS_COUNTS_EVAL_H_
#define KHABAR_COUNTS_COUNTS_EVAL_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/pipeline/analysis.h"

namespace khabar::counts {

inline constexpr size_t kCountFields = 5;
// "killed", "injured", "displaced", "arrested", "kidnapped": the gold's field names.
extern const std::array<std::string_view, kCountFields> kCountFieldNames;

// -1 stands for null.
using CountValues = std::array<int64_t, kCountFields>;

struct CountsCase {
  std::string id;
  std::string text;
  std::string verb;  // the event's verb as written
  CountValues gold{};
  size_t line = 0;   // 1-based line of the gold file
};

struct CountsGold {
  std::vector<CountsCase> cases;
  std::vector<std::string> errors;  // "file:line: message" for each line that was skipped
};

// Parses the gold, one JSON object per line; blank lines are skipped. A malformed line is
// an error naming `name`:line and is left out; the rest are read.
CountsGold ParseCountsGold(std::string_view bytes, std::string_view name);
// NotFound when the file cannot be read.
StatusOr<CountsGold> ReadCountsGold(const std::string& path);

struct CountsScore {
  size_t cases = 0;
  size_t fields_right = 0;  // (case, field) pairs equal to the gold, nulls included
  size_t cases_right = 0;   // cases with all five fields right
  std::array<size_t, kCountFields> right_by_field{};

  void Add(const CountValues& gold, const CountValues& found);
  double field_accuracy() const { return cases == 0 ? 0 : double(fields_right) / double(cases * kCountFields); }
  double case_accuracy() const { return cases == 0 ? 0 : double(cases_right) / double(cases); }
};

struct CountsCaseResult {
  size_t item = 0;  // index into CountsEvalResult::gold.cases
  CountValues found{};
  bool verb_found = false;  // the verb is a word of the text
  bool coded = false;       // the coder coded an event on it
};

struct CountsEvalOptions {
  std::string gold;          // the gold file
  std::string dictionaries;  // Phoenix dictionary directory; empty: <data>/cameo
  pipeline::AnalysisModels models;
};

struct CountsEvalResult {
  CountsGold gold;
  std::vector<CountsCaseResult> results;  // one per case, in file order
  CountsScore score;
};

// Every failure (files, models, dictionaries) is a Status; bad gold lines are not.
StatusOr<CountsEvalResult> RunCountsEval(const CountsEvalOptions& options);

}  // namespace khabar::counts

#endif  // KHABAR_COUNTS_COUNTS_EVAL_H_
