// The dates gold file and its scoring, for `khabar eval dates` (docs/formats/when.md,
// "Evaluation"): each case's text is analysed by Khabar's pipeline (tokenizer, tagger,
// parser), the case's verb is looked up, and the date of that verb's clause is resolved
// by DocumentDates, the code the when stage uses.
//
//   KH_ASSIGN_OR_RETURN(when::DatesGold gold, when::ReadDatesGold("eval/dates.dev.jsonl"));
//   when::DatesEvalOptions options;
//   options.gold = "eval/dates.dev.jsonl";
//   KH_ASSIGN_OR_RETURN(when::DatesEvalResult result, when::RunDatesEval(options));
//   result.exact_day_accuracy();  // percent
//
// Thread-safety: plain data and free functions.
#ifndef KHABAR_WHEN_DATES_EVAL_H_
#define KHABAR_WHEN_DATES_EVAL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/doc/document.h"
#include "khabar/pipeline/analysis.h"

namespace khabar::when {

// One gold line: {"id","published","text","verb","date","precision"}.
struct DateCase {
  std::string id;
  std::string published;  // "YYYY-MM-DD"
  std::string text;       // one or two sentences
  std::string verb;       // the event verb as written; its first occurrence is scored
  std::string date;       // "YYYY-MM-DD", "YYYY-MM" or "YYYY", by precision
  doc::DatePrecision precision = doc::DatePrecision::kNone;
  size_t line = 0;  // 1-based line in the gold file
};

// The cases of a file, and one "file:line: message" per line that could not be read.
struct DatesGold {
  std::vector<DateCase> cases;
  std::vector<std::string> errors;
};

// One line of the gold file. InvalidArgument naming what is wrong: malformed JSON, a
// missing or non-string field, a bad date, a precision that does not match the date.
StatusOr<DateCase> ParseDateCase(std::string_view line);
// Every line of `bytes`; blank lines are skipped, bad lines are reported in errors and
// the rest are kept. `name` prefixes the errors.
DatesGold ParseDatesGold(std::string_view bytes, std::string_view name);
// NotFound or DataLoss when the file cannot be read.
StatusOr<DatesGold> ReadDatesGold(const std::string& path);

struct DateCaseResult {
  size_t index = 0;  // into DatesEvalResult::gold.cases
  bool verb_found = false;
  std::string resolved;  // "2019-05-28", "2019-05", "2019", or "" when none
  doc::DatePrecision precision = doc::DatePrecision::kNone;
  bool from_text = false;
  std::string expression;  // the words of the expression used, or ""
  bool exact = false;      // date and precision equal the gold's
};

struct DatesEvalResult {
  DatesGold gold;
  std::vector<DateCaseResult> results;  // one per case, in order
  size_t day_cases = 0;                 // cases whose gold precision is day
  size_t day_correct = 0;               // of those, resolved to exactly that day
  size_t exact_correct = 0;             // date and precision both equal

  // Percentages (0-100); 0 when there is nothing to score.
  double exact_day_accuracy() const;
  double exact_accuracy() const;
};

// Scores one analysed case: the date of the clause of the first word whose form is the
// case's verb.
DateCaseResult ScoreCase(const DateCase& gold, const doc::Document& analysed);

struct DatesEvalOptions {
  std::string gold;                 // the JSON Lines gold file
  pipeline::AnalysisModels models;  // empty paths: the defaults
};

// Reads the gold, analyses and scores every case. Bad lines are kept in gold.errors and
// do not stop the run; an unreadable file, a missing model or a failing analysis does.
StatusOr<DatesEvalResult> RunDatesEval(const DatesEvalOptions& options);

}  // namespace khabar::when

#endif  // KHABAR_WHEN_DATES_EVAL_H_
