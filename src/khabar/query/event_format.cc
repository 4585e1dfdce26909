#include "khabar/query/event_format.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <vector>

namespace khabar::query {
namespace {

using json = nlohmann::ordered_json;  // keeps the event line's field order

json TextOrNull(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

template <typename T>
json OptionalOrNull(const std::optional<T>& value) {
  return value.has_value() ? json(*value) : json(nullptr);
}

json Argument(const std::string& text, const std::string& actor, const std::string& code,
              const std::string& country) {
  if (text.empty() && actor.empty() && code.empty()) return nullptr;
  return json{{"text", TextOrNull(text)}, {"actor", TextOrNull(actor)}, {"code", code},
              {"country", TextOrNull(country)}};
}

json Location(const EventRow& row) {
  if (!row.has_location) return nullptr;
  return json{{"name", row.location_name},
              {"geonameid", OptionalOrNull(row.geonameid)},
              {"country", TextOrNull(row.location_country)},
              {"lat", OptionalOrNull(row.lat)},
              {"lon", OptionalOrNull(row.lon)},
              {"precision", row.location_precision},
              {"text", nullptr}};
}

json Reports(const EventRow& row) {
  json reports = json::array();
  if (!row.has_report) return reports;
  reports.push_back(json{{"doc", row.doc},
                         {"outlet", TextOrNull(row.outlet)},
                         {"url", TextOrNull(row.url)},
                         {"published", TextOrNull(row.published)},
                         {"sentence", row.sentence},
                         {"span", {row.span_begin, row.span_end}},
                         {"pattern", row.pattern},
                         {"pattern_source", nullptr}});
  return reports;
}

json EventObject(const EventRow& row) {
  json out;
  out["id"] = row.event_id;
  out["date"] = TextOrNull(row.date);
  out["date_precision"] = TextOrNull(row.date_precision);
  out["date_from"] = TextOrNull(row.date_from);
  out["source"] = Argument(row.source_text, row.source_actor, row.source_code, row.source_country);
  out["target"] = Argument(row.target_text, row.target_actor, row.target_code, row.target_country);
  out["cameo"] = row.cameo;
  out["root"] = row.root;
  out["quad_class"] = row.quad_class;
  out["goldstein"] = OptionalOrNull(row.goldstein);
  out["plover"] = TextOrNull(row.plover);
  out["location"] = Location(row);
  out["fatalities"] = OptionalOrNull(row.fatalities);
  out["injured"] = OptionalOrNull(row.injured);
  out["displaced"] = OptionalOrNull(row.displaced);
  out["arrested"] = OptionalOrNull(row.arrested);
  out["kidnapped"] = OptionalOrNull(row.kidnapped);
  out["cumulative"] = nullptr;  // not stored
  out["certainty"] = row.certainty;
  out["attributed_to"] = TextOrNull(row.attributed_to);
  out["negated"] = row.negated;
  out["report_count"] = row.report_count;    // reports merged into the event (schema version 5)
  out["corroboration"] = row.corroboration;  // distinct outlets among them
  out["reports"] = Reports(row);
  return out;
}

std::string Dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string Cell(const json& value) {
  std::string text = value.is_null() ? "" : value.is_string() ? value.get<std::string>() : Dump(value);
  for (char& c : text) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

constexpr const char* kColumns[] = {
    "id", "date", "date_precision", "date_from", "source_code", "source_actor", "source_country",
    "source_text", "target_code", "target_actor", "target_country", "target_text", "cameo",
    "base_code", "root", "quad_class", "goldstein", "plover", "location_name", "location_country",
    "location_lat", "location_lon", "geonameid", "location_precision", "fatalities", "injured",
    "displaced", "arrested", "kidnapped", "certainty", "attributed_to", "negated", "doc", "outlet",
    "url", "published", "span_begin", "span_end", "pattern_source"};

// The TSV cells, unescaped: the order of kColumns.
std::vector<std::string> Cells(const EventRow& row) {
  const json object = EventObject(row);
  const json no_report = {{"doc", nullptr}, {"outlet", nullptr}, {"url", nullptr},
                          {"published", nullptr}, {"span", {nullptr, nullptr}}, {"pattern_source", nullptr}};
  const json& report = object["reports"].empty() ? no_report : object["reports"][0];
  auto field = [&object](const char* key, const char* inner) {
    const json& outer = object[key];
    return outer.is_object() ? outer[inner] : json(nullptr);
  };
  const std::vector<json> cells = {
      object["id"], object["date"], object["date_precision"], object["date_from"],
      field("source", "code"), field("source", "actor"), field("source", "country"), field("source", "text"),
      field("target", "code"), field("target", "actor"), field("target", "country"), field("target", "text"),
      object["cameo"], row.cameo.substr(0, 3), object["root"], object["quad_class"], object["goldstein"],
      object["plover"], field("location", "name"), field("location", "country"), field("location", "lat"),
      field("location", "lon"), field("location", "geonameid"), field("location", "precision"),
      object["fatalities"], object["injured"], object["displaced"], object["arrested"], object["kidnapped"],
      object["certainty"], object["attributed_to"], json(row.negated ? 1 : 0), report["doc"],
      report["outlet"], report["url"], report["published"], report["span"][0], report["span"][1],
      report["pattern_source"]};
  std::vector<std::string> out;
  out.reserve(cells.size());
  for (const json& cell : cells) out.push_back(Cell(cell));
  return out;
}

std::string CsvCell(const std::string& cell) {
  if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (const char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string Join(const std::vector<std::string>& cells, char separator) {
  std::string line;
  for (size_t at = 0; at < cells.size(); ++at) {
    if (at > 0) line += separator;
    line += cells[at];
  }
  return line;
}

constexpr size_t kPartyWidth = 28;

// "Khalifa Haftar (LBYMIL)", "police (COP)", or "-" for no argument; a long name is cut
// (at a UTF-8 character boundary, marked with '~') so the code stays visible.
std::string Party(const std::string& text, const std::string& actor, const std::string& code) {
  std::string name = actor.empty() ? text : actor;
  if (name.empty() && code.empty()) return "-";
  if (code.empty() || name.empty()) return name.empty() ? code : name;
  const size_t room = kPartyWidth > code.size() + 3 ? kPartyWidth - code.size() - 3 : 1;
  if (name.size() > room) {
    size_t cut = room - 1;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name = name.substr(0, cut) + "~";
  }
  return name + " (" + code + ")";
}

}  // namespace

std::string EventRowJson(const EventRow& row) { return Dump(EventObject(row)); }

std::string EventRowTsvHeader() {
  return Join(std::vector<std::string>(std::begin(kColumns), std::end(kColumns)), '\t');
}

std::string EventRowTsv(const EventRow& row) { return Join(Cells(row), '\t'); }

std::string EventRowCsvHeader() {
  return Join(std::vector<std::string>(std::begin(kColumns), std::end(kColumns)), ',');
}

std::string EventRowCsv(const EventRow& row) {
  std::vector<std::string> cells = Cells(row);
  for (std::string& cell : cells) cell = CsvCell(cell);
  return Join(cells, ',');
}

std::string EventRowGeoJsonFeature(const EventRow& row) {
  json feature;
  feature["type"] = "Feature";
  feature["id"] = row.event_id;
  if (row.lat.has_value() && row.lon.has_value() && (*row.lat != 0 || *row.lon != 0)) {
    feature["geometry"] = {{"type", "Point"}, {"coordinates", {*row.lon, *row.lat}}};
  } else {
    feature["geometry"] = nullptr;
  }
  feature["properties"] = EventObject(row);
  return Dump(feature);
}

std::string EventRowTableHeader(bool with_distance) {
  return fmt::format("{:<10}  {:<28}  {:<5}  {:<28}  {:<16}  {:>6}  {:<12}  {}{}", "date", "source",
                     "cameo", "target", "place", "killed", "certainty",
                     with_distance ? "km      " : "", "id");
}

std::string EventRowTableLine(const EventRow& row, bool with_distance) {
  const std::string distance =
      with_distance && row.distance_km.has_value() ? fmt::format("{:<8.1f}", *row.distance_km) : "";
  return fmt::format("{:<10.10}  {:<28.28}  {:<5}  {:<28.28}  {:<16.16}  {:>6}  {:<12}  {}{}",
                     row.date.empty() ? "?" : row.date,
                     Party(row.source_text, row.source_actor, row.source_code), row.cameo,
                     Party(row.target_text, row.target_actor, row.target_code),
                     row.has_location ? row.location_name : "-",
                     row.fatalities.has_value() ? std::to_string(*row.fatalities) : "-", row.certainty,
                     distance, row.event_id);
}

}  // namespace khabar::query
