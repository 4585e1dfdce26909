#include "khabar/merge/report.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <nlohmann/json.hpp>

#include "khabar/doc/events.h"

namespace khabar::merge {
namespace {

using Json = nlohmann::json;

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

// "https://www.Example.org:8080/a/b" -> "example.org".
std::string UrlHost(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view host = url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#"));
  if (const size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  host = host.substr(0, host.find(':'));
  std::string lower = Lower(host);
  if (lower.starts_with("www.")) lower.erase(0, 4);
  return lower;
}

bool ParseInt(std::string_view text, int* value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return error == std::errc() && end == text.data() + text.size();
}

int64_t DaysFrom(int year, int month, int day) {
  using namespace std::chrono;
  return sys_days(std::chrono::year(year) / std::chrono::month(month) / std::chrono::day(day))
      .time_since_epoch()
      .count();
}

Json SpanJson(doc::Span span) { return Json::array({span.begin, span.end}); }

doc::Span SpanFrom(const Json& value) {
  if (!value.is_array() || value.size() != 2 || !value[0].is_number_unsigned() ||
      !value[1].is_number_unsigned()) {
    return {};
  }
  return {value[0].get<uint32_t>(), value[1].get<uint32_t>()};
}

std::string TextOr(const Json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

void ReadPlace(const Json& location, Report& report) {
  if (!location.is_object()) return;
  report.has_place = true;
  report.place_name = TextOr(location, "name");
  report.place_country = TextOr(location, "country");
  report.place_precision = TextOr(location, "precision");
  if (const auto id = location.find("geonameid"); id != location.end() && id->is_number_integer()) {
    report.geonameid = id->get<int64_t>();
  }
  const auto lat = location.find("lat");
  const auto lon = location.find("lon");
  if (lat != location.end() && lon != location.end() && lat->is_number() && lon->is_number()) {
    report.has_coordinates = true;
    report.lat = lat->get<double>();
    report.lon = lon->get<double>();
  }
}

void SetDate(const doc::Document& document, const doc::Event& event, Report& report) {
  if (event.date.precision != doc::DatePrecision::kNone) {
    report.date = doc::FormatEventDate(event.date);
    report.date_precision = std::string(doc::DatePrecisionName(event.date.precision));
    report.date_from_text = event.date.from_text;
  } else if (!document.published.empty()) {
    report.date = document.published;
    report.date_precision = "day";
  }
  report.days = DaysOf(report.date, report.date_precision, report.date_from_text);
}

void SetPlace(const doc::EventPlace& place, Report& report) {
  if (place.precision == doc::PlacePrecision::kNone) return;
  report.has_place = true;
  report.place_name = place.name;
  report.place_country = place.country;
  report.place_precision = std::string(doc::PlacePrecisionName(place.precision));
  report.geonameid = place.geonameid;
  report.has_coordinates = place.has_coordinates;
  report.lat = place.lat;
  report.lon = place.lon;
}

doc::Span RawSpan(const doc::Document& document, doc::Span text_span) {
  return text_span.empty() ? doc::Span{} : document.offsets.ToRawSpan(text_span);
}

}  // namespace

std::string OutletKey(std::string_view outlet, std::string_view url, std::string_view doc_id) {
  const std::string_view name = Trim(outlet);
  if (!name.empty()) return Lower(name);
  std::string host = UrlHost(url);
  if (!host.empty()) return host;
  return "doc:" + std::string(doc_id);
}

std::string OutletKey(const doc::Document& document) {
  return OutletKey(document.outlet, document.url, document.id);
}

std::vector<std::string> ContentWords(const doc::Document& document, uint32_t sentence) {
  std::vector<std::string> words;
  if (sentence >= document.words.sentences.size()) return words;
  const doc::SentenceWords& range = document.words.sentences[sentence];
  for (doc::WordIndex idx = range.word_begin; idx < range.word_end; ++idx) {
    const doc::Word& word = document.words.words[idx];
    switch (word.upos) {
      case doc::Upos::kNoun:
      case doc::Upos::kPropn:
      case doc::Upos::kVerb:
      case doc::Upos::kAdj:
      case doc::Upos::kNum:
        break;
      default:
        continue;
    }
    std::string lemma = Lower(document.words.Lemma(word));
    if (lemma.empty() || lemma == "_") lemma = Lower(word.span.In(document.text));
    if (lemma.size() >= 2) words.push_back(std::move(lemma));
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

Report ReportOf(const doc::Document& document, const doc::Event& event, std::string outlet_key) {
  Report report;
  report.key = doc::EventId(document.id, event);
  report.outlet = std::move(outlet_key);
  report.document = document.id;
  report.cameo = event.cameo;
  report.root = event.root;
  report.source_code = event.source.code;
  report.target_code = event.target.code;
  report.source_actor = event.source.empty() ? "" : doc::ActorDisplayName(event.source.actor);
  report.target_actor = event.target.empty() ? "" : doc::ActorDisplayName(event.target.actor);
  SetDate(document, event, report);
  SetPlace(event.place, report);
  const doc::EventCount* counts[] = {&event.counts.killed, &event.counts.injured,
                                     &event.counts.displaced, &event.counts.arrested,
                                     &event.counts.kidnapped};
  for (int figure = 0; figure < kFigureCount; ++figure)
    report.figures[figure] = counts[figure]->value;
  const bool negated = event.negated && event.certainty == doc::Certainty::kAsserted;
  report.certainty = negated ? "negated" : std::string(doc::CertaintyName(event.certainty));
  report.attributed_to =
      event.attributed_to.empty() ? "" : std::string(document.RawText(event.attributed_to));
  report.source_span = event.source.empty() ? doc::Span{} : RawSpan(document, event.source.span);
  report.target_span = event.target.empty() ? doc::Span{} : RawSpan(document, event.target.span);
  if (event.verb < document.words.words.size()) {
    report.verb_span = RawSpan(document, document.words.words[event.verb].span);
  }
  report.words = ContentWords(document, event.sentence);
  return report;
}

std::string ReportExtraJson(const Report& report) {
  Json json = {
      {"report", report.key},
      {"outlet_key", report.outlet},
      {"doc", report.document},
      {"cameo", report.cameo},
      {"root", report.root},
      {"source_code", report.source_code},
      {"target_code", report.target_code},
      {"source_actor", report.source_actor},
      {"target_actor", report.target_actor},
      {"date", report.date},
      {"date_precision", report.date_precision},
      {"date_from", report.date_from_text ? "text" : (report.date.empty() ? "" : "publication")},
      {"certainty", report.certainty},
      {"attributed_to", report.attributed_to}};
  if (report.has_place) {
    Json location = {{"name", report.place_name},
                     {"country", report.place_country},
                     {"precision", report.place_precision}};
    if (report.geonameid != 0) location["geonameid"] = report.geonameid;
    if (report.has_coordinates) {
      location["lat"] = report.lat;
      location["lon"] = report.lon;
    }
    json["location"] = std::move(location);
  }
  for (int figure = 0; figure < kFigureCount; ++figure) {
    if (report.figures[figure] >= 0)
      json[std::string(kFigureNames[figure])] = report.figures[figure];
  }
  if (!report.source_span.empty()) json["source_span"] = SpanJson(report.source_span);
  if (!report.target_span.empty()) json["target_span"] = SpanJson(report.target_span);
  if (!report.verb_span.empty()) json["verb_span"] = SpanJson(report.verb_span);
  return json.dump();
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string joined;
  for (const std::string& word : words) {
    if (!joined.empty()) joined += ' ';
    joined += word;
  }
  return joined;
}

StatusOr<Report> ReportFromColumns(std::string_view extra, std::string_view words) {
  const Json json = Json::parse(extra, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return DataLossError("reports.extra is not a JSON object");
  Report report;
  report.key = TextOr(json, "report");
  report.outlet = TextOr(json, "outlet_key");
  report.document = TextOr(json, "doc");
  report.cameo = TextOr(json, "cameo");
  report.root = TextOr(json, "root");
  report.source_code = TextOr(json, "source_code");
  report.target_code = TextOr(json, "target_code");
  report.source_actor = TextOr(json, "source_actor");
  report.target_actor = TextOr(json, "target_actor");
  report.date = TextOr(json, "date");
  report.date_precision = TextOr(json, "date_precision");
  report.date_from_text = TextOr(json, "date_from") == "text";
  report.days = DaysOf(report.date, report.date_precision, report.date_from_text);
  if (const auto location = json.find("location"); location != json.end())
    ReadPlace(*location, report);
  for (int figure = 0; figure < kFigureCount; ++figure) {
    const auto value = json.find(std::string(kFigureNames[figure]));
    if (value != json.end() && value->is_number_integer())
      report.figures[figure] = value->get<int64_t>();
  }
  report.certainty = TextOr(json, "certainty");
  report.attributed_to = TextOr(json, "attributed_to");
  if (const auto span = json.find("source_span"); span != json.end())
    report.source_span = SpanFrom(*span);
  if (const auto span = json.find("target_span"); span != json.end())
    report.target_span = SpanFrom(*span);
  if (const auto span = json.find("verb_span"); span != json.end())
    report.verb_span = SpanFrom(*span);
  size_t pos = 0;
  while (pos < words.size()) {
    const size_t end = std::min(words.find(' ', pos), words.size());
    if (end > pos) report.words.emplace_back(words.substr(pos, end - pos));
    pos = end + 1;
  }
  return report;
}

bool ParseDay(std::string_view text, int64_t* day) {
  int year = 0, month = 0, day_of_month = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
      !ParseInt(text.substr(0, 4), &year) || !ParseInt(text.substr(5, 2), &month) ||
      !ParseInt(text.substr(8, 2), &day_of_month)) {
    return false;
  }
  const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(month),
                                         std::chrono::day(day_of_month)};
  if (!date.ok()) return false;
  *day = DaysFrom(year, month, day_of_month);
  return true;
}

DayRange DaysOf(std::string_view date, std::string_view precision, bool from_text) {
  DayRange range;
  int year = 0, month = 0;
  if (precision == "day") {
    int64_t day = 0;
    if (!ParseDay(date, &day)) return range;
    range = {true, from_text ? day : day - kPublicationLagDays, day};
  } else if (precision == "month" && date.size() == 7 && ParseInt(date.substr(0, 4), &year) &&
             ParseInt(date.substr(5, 2), &month) && month >= 1 && month <= 12) {
    const int next_year = month == 12 ? year + 1 : year;
    const int next_month = month == 12 ? 1 : month + 1;
    range = {true, DaysFrom(year, month, 1), DaysFrom(next_year, next_month, 1) - 1};
  } else if (precision == "year" && date.size() == 4 && ParseInt(date, &year)) {
    range = {true, DaysFrom(year, 1, 1), DaysFrom(year + 1, 1, 1) - 1};
  }
  return range;
}

}  // namespace khabar::merge
