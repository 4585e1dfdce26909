#include "khabar/when/dates_eval.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "khabar/base/file.h"
#include "khabar/when/calendar.h"
#include "khabar/when/date_resolver.h"

namespace khabar::when {
namespace {

using json = nlohmann::json;

StatusOr<std::string> StringField(const json& object, const char* name) {
  auto found = object.find(name);
  if (found == object.end() || !found->is_string()) {
    return Status(StatusCode::kInvalidArgument, fmt::format("\"{}\" must be a string", name));
  }
  return found->get<std::string>();
}

StatusOr<doc::DatePrecision> ParsePrecision(std::string_view name) {
  if (name == "day") return doc::DatePrecision::kDay;
  if (name == "month") return doc::DatePrecision::kMonth;
  if (name == "year") return doc::DatePrecision::kYear;
  return Status(StatusCode::kInvalidArgument,
                fmt::format("\"precision\" must be day, month or year, not \"{}\"", name));
}

// The gold date must be written to its precision: "2019-05-28" for day, "2019-05" for
// month, "2019" for year.
Status CheckDate(std::string_view date, doc::DatePrecision precision) {
  std::string padded(date);
  if (precision == doc::DatePrecision::kYear && date.size() == 4) padded += "-01-01";
  if (precision == doc::DatePrecision::kMonth && date.size() == 7) padded += "-01";
  if (!ParseIsoDate(padded).has_value()) {
    return Status(StatusCode::kInvalidArgument,
                  fmt::format("\"date\" \"{}\" is not a date of precision {}", date,
                              doc::DatePrecisionName(precision)));
  }
  return Status();
}

StatusOr<DateCase> CaseFromJson(const json& object) {
  if (!object.is_object())
    return Status(StatusCode::kInvalidArgument, "a case must be a JSON object");
  DateCase out;
  KH_ASSIGN_OR_RETURN(out.id, StringField(object, "id"));
  KH_ASSIGN_OR_RETURN(out.published, StringField(object, "published"));
  KH_ASSIGN_OR_RETURN(out.text, StringField(object, "text"));
  KH_ASSIGN_OR_RETURN(out.verb, StringField(object, "verb"));
  KH_ASSIGN_OR_RETURN(out.date, StringField(object, "date"));
  KH_ASSIGN_OR_RETURN(std::string precision, StringField(object, "precision"));
  KH_ASSIGN_OR_RETURN(out.precision, ParsePrecision(precision));
  if (!ParseIsoDate(out.published).has_value()) {
    return Status(StatusCode::kInvalidArgument,
                  fmt::format("\"published\" \"{}\" is not a YYYY-MM-DD date", out.published));
  }
  if (out.text.empty() || out.verb.empty()) {
    return Status(StatusCode::kInvalidArgument, "\"text\" and \"verb\" must not be empty");
  }
  KH_RETURN_IF_ERROR(CheckDate(out.date, out.precision));
  return out;
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

}  // namespace

StatusOr<DateCase> ParseDateCase(std::string_view line) {
  json object = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded()) return Status(StatusCode::kInvalidArgument, "malformed JSON");
  return CaseFromJson(object);
}

DatesGold ParseDatesGold(std::string_view bytes, std::string_view name) {
  DatesGold gold;
  size_t line_number = 0;
  while (!bytes.empty()) {
    size_t end = bytes.find('\n');
    std::string_view line = bytes.substr(0, end);
    bytes.remove_prefix(end == std::string_view::npos ? bytes.size() : end + 1);
    ++line_number;
    if (IsBlank(line)) continue;
    StatusOr<DateCase> parsed = ParseDateCase(line);
    if (!parsed.ok()) {
      gold.errors.push_back(fmt::format("{}:{}: {}", name, line_number, parsed.status().message()));
      continue;
    }
    parsed->line = line_number;
    gold.cases.push_back(std::move(*parsed));
  }
  return gold;
}

StatusOr<DatesGold> ReadDatesGold(const std::string& path) {
  KH_ASSIGN_OR_RETURN(std::string bytes, base::ReadFile(path, base::kDefaultMaxFileBytes));
  return ParseDatesGold(bytes, path);
}

double DatesEvalResult::exact_day_accuracy() const {
  return day_cases == 0 ? 0
                        : 100.0 * static_cast<double>(day_correct) / static_cast<double>(day_cases);
}

double DatesEvalResult::exact_accuracy() const {
  return results.empty()
             ? 0
             : 100.0 * static_cast<double>(exact_correct) / static_cast<double>(results.size());
}

DateCaseResult ScoreCase(const DateCase& gold, const doc::Document& analysed) {
  DateCaseResult result;
  DocumentDates dates(analysed);
  const doc::WordLayer& words = analysed.words;
  for (uint32_t sentence = 0; sentence < words.sentences.size() && !result.verb_found; ++sentence) {
    for (doc::WordIndex word = words.sentences[sentence].word_begin;
         word < words.sentences[sentence].word_end; ++word) {
      if (words.Form(analysed.text, words.words[word]) != gold.verb) continue;
      doc::EventDate date = dates.DateOf(sentence, word);
      result.verb_found = true;
      result.resolved = doc::FormatEventDate(date);
      result.precision = date.precision;
      result.from_text = date.from_text;
      result.expression = std::string(date.span.In(analysed.text));
      break;
    }
  }
  result.exact =
      result.verb_found && result.resolved == gold.date && result.precision == gold.precision;
  return result;
}

StatusOr<DatesEvalResult> RunDatesEval(const DatesEvalOptions& options) {
  DatesEvalResult result;
  KH_ASSIGN_OR_RETURN(result.gold, ReadDatesGold(options.gold));
  KH_ASSIGN_OR_RETURN(pipeline::Analysis analysis, pipeline::Analysis::Load(options.models));
  for (size_t index = 0; index < result.gold.cases.size(); ++index) {
    const DateCase& gold = result.gold.cases[index];
    doc::Document document;
    document.id = gold.id;
    document.raw = gold.text;
    document.published = gold.published;
    KH_RETURN_IF_ERROR(analysis.Analyze(document).WithPrefix(gold.id));
    DateCaseResult scored = ScoreCase(gold, document);
    scored.index = index;
    if (scored.exact) ++result.exact_correct;
    if (gold.precision == doc::DatePrecision::kDay) {
      ++result.day_cases;
      if (scored.exact) ++result.day_correct;
    }
    result.results.push_back(std::move(scored));
  }
  return result;
}

}  // namespace khabar::when
