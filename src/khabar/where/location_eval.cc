#include "khabar/where/location_eval.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "khabar/base/data_dir.h"
#include "khabar/base/file.h"
#include "khabar/where/attachment.h"

namespace khabar::where {
namespace {

using json = nlohmann::json;

bool IntField(const json& object, const char* field, int64_t* out) {
  auto it = object.find(field);
  if (it == object.end() || !it->is_number_integer()) return false;
  *out = it->get<int64_t>();
  return true;
}

// The bytes of tokens [token_start, token_end] (inclusive), or an empty span when the
// indices do not fit.
doc::Span TokenSpan(const json& tokens, const json& span) {
  int64_t first = 0;
  int64_t last = 0;
  if (!IntField(span, "token_start", &first) || !IntField(span, "token_end", &last) || first < 0 ||
      last < first || last >= static_cast<int64_t>(tokens.size())) {
    return doc::Span();
  }
  int64_t begin = 0;
  int64_t end = 0;
  if (!tokens[first].is_object() || !tokens[last].is_object() || !IntField(tokens[first], "start", &begin) ||
      !IntField(tokens[last], "end", &end) || begin < 0 || end <= begin) {
    return doc::Span();
  }
  return doc::Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

// Fills *record from one parsed line; returns what is wrong, or "" when it is usable.
std::string ReadRecord(const json& line, LocationRecord* record) {
  if (!line.is_object()) return "not a JSON object";
  auto text = line.find("text");
  auto tokens = line.find("tokens");
  auto spans = line.find("spans");
  if (text == line.end() || !text->is_string()) return "no \"text\"";
  if (tokens == line.end() || !tokens->is_array()) return "no \"tokens\"";
  if (spans == line.end() || !spans->is_array()) return "no \"spans\"";
  record->text = text->get<std::string>();
  for (const json& span : *spans) {
    if (!span.is_object() || !span.contains("label") || !span["label"].is_string()) return "a span without a label";
    doc::Span bytes = TokenSpan(*tokens, span);
    if (bytes.empty() || bytes.end > record->text.size()) return "a span outside the tokens";
    std::string label = span["label"].get<std::string>();
    if (label == "VERB" && record->verb.empty()) record->verb = bytes;
    // A few gold spans start or end with a space ("  Radhwaniyah" after a double space);
    // whitespace is no part of a name.
    while (bytes.begin < bytes.end && record->text[bytes.begin] == ' ') ++bytes.begin;
    while (bytes.end > bytes.begin && record->text[bytes.end - 1] == ' ') --bytes.end;
    if (label == "LOCATION") record->locations.push_back(bytes);
  }
  if (record->verb.empty()) return "no VERB span";
  return "";
}

// The analysed word whose raw bytes start the gold verb span (else contain its start).
doc::WordIndex FindVerbWord(const doc::Document& document, doc::Span verb) {
  doc::WordIndex containing = doc::kNoHead;
  for (doc::WordIndex index = 0; index < document.words.words.size(); ++index) {
    doc::Span raw = document.offsets.ToRawSpan(document.words.words[index].span);
    if (raw.begin == verb.begin) return index;
    if (raw.begin <= verb.begin && verb.begin < raw.end && containing == doc::kNoHead) containing = index;
  }
  return containing;
}

uint32_t SentenceOf(const doc::Document& document, doc::WordIndex word) {
  for (uint32_t sentence = 0; sentence < document.words.sentences.size(); ++sentence) {
    const doc::SentenceWords& range = document.words.sentences[sentence];
    if (word >= range.word_begin && word < range.word_end) return sentence;
  }
  return 0;
}

bool Overlaps(doc::Span a, doc::Span b) { return a.begin < b.end && b.begin < a.end; }

LocationOutcome Score(const LocationRecord& record, doc::Span linked) {
  LocationOutcome outcome;
  outcome.linked = linked;
  if (record.locations.empty()) {
    outcome.exact = outcome.overlap = linked.empty();
    return outcome;
  }
  for (doc::Span gold : record.locations) {
    outcome.exact = outcome.exact || (gold.begin == linked.begin && gold.end == linked.end);
    outcome.overlap = outcome.overlap || (!linked.empty() && Overlaps(gold, linked));
  }
  return outcome;
}

StatusOr<AttachedPlace> LinkRecord(const pipeline::Analysis& analysis, const Gazetteer& gazetteer,
                               const LocationRecord& record) {
  doc::Document document;
  document.id = fmt::format("line{}", record.line);
  document.raw = record.text;
  KH_RETURN_IF_ERROR(analysis.Analyze(document));
  doc::WordIndex verb = FindVerbWord(document, record.verb);
  if (verb == doc::kNoHead) return AttachedPlace();
  SentenceView view(document, SentenceOf(document, verb));
  AttachedPlace place = AttachPlace(view, verb, &gazetteer);
  if (!place.span.empty()) place.span = document.offsets.ToRawSpan(place.span);
  return place;
}

}  // namespace

std::vector<LocationRecord> ParseLocationRecords(std::string_view bytes, std::string_view file,
                                                 std::vector<std::string>* warnings) {
  std::vector<LocationRecord> records;
  size_t line_number = 0;
  for (size_t start = 0; start < bytes.size();) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    json parsed = json::parse(line, nullptr, /*allow_exceptions=*/false);
    LocationRecord record;
    record.line = line_number;
    std::string problem = parsed.is_discarded() ? "malformed JSON" : ReadRecord(parsed, &record);
    if (!problem.empty()) {
      warnings->push_back(fmt::format("{}:{}: {}; record skipped", file, line_number, problem));
      continue;
    }
    records.push_back(std::move(record));
  }
  return records;
}

StatusOr<LocationEvalResult> RunLocationEval(const LocationEvalOptions& options) {
  LocationEvalResult result;
  KH_ASSIGN_OR_RETURN(std::string bytes, base::ReadFile(options.gold, base::kDefaultMaxFileBytes));
  result.records = ParseLocationRecords(bytes, options.gold, &result.warnings);
  GazetteerFiles files = options.gazetteer;
  if (files.cities.empty()) {
    KH_ASSIGN_OR_RETURN(std::string data, base::FindDataDir());
    files = GazetteerFiles::Default(data);
  }
  KH_ASSIGN_OR_RETURN(std::unique_ptr<Gazetteer> gazetteer, Gazetteer::Load(files));
  KH_ASSIGN_OR_RETURN(pipeline::Analysis analysis, pipeline::Analysis::Load(options.models));
  for (size_t index = 0; index < result.records.size(); ++index) {
    const LocationRecord& record = result.records[index];
    KH_ASSIGN_OR_RETURN(AttachedPlace linked, LinkRecord(analysis, *gazetteer, record));
    LocationOutcome outcome = Score(record, linked.span);
    outcome.by = linked.by;
    outcome.record = index;
    result.exact += outcome.exact ? 1 : 0;
    result.overlap += outcome.overlap ? 1 : 0;
    result.outcomes.push_back(outcome);
  }
  return result;
}

}  // namespace khabar::where
