#include "khabar/events/event_json.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <vector>

namespace khabar::events {
namespace {

// ordered_json keeps the fields in the order of DESIGN.md's schema.
using json = nlohmann::ordered_json;

json Argument(const doc::Document& document, const doc::EventArgument& argument) {
  if (argument.empty()) return nullptr;
  json out;
  // An implied argument (a protest's home government) has no words.
  out["text"] = argument.span.empty() ? json(nullptr) : json(std::string(document.RawText(argument.span)));
  out["actor"] = argument.actor.empty() ? json(nullptr) : json(doc::ActorDisplayName(argument.actor));
  out["code"] = argument.code;
  const std::string_view country = CountryOf(argument);
  out["country"] = country.empty() ? json(nullptr) : json(std::string(country));
  return out;
}

json Report(const doc::Document& document, const doc::Event& event) {
  const doc::Sentence& sentence = document.sentences[event.sentence];
  const doc::Span raw = document.offsets.ToRawSpan(sentence.span);
  json report;
  report["doc"] = document.id;
  report["outlet"] = document.outlet.empty() ? json(nullptr) : json(document.outlet);
  report["url"] = document.url.empty() ? json(nullptr) : json(document.url);
  report["published"] = document.published.empty() ? json(nullptr) : json(document.published);
  report["sentence"] = std::string(raw.In(document.raw));
  report["span"] = {raw.begin, raw.end};
  report["pattern"] = event.pattern;
  report["pattern_source"] = event.pattern_source;
  return report;
}

// The event's own date when a stage resolved one, else the publication date.
void AddDate(const doc::Document& document, const doc::Event& event, json& out) {
  if (event.date.precision != doc::DatePrecision::kNone) {
    out["date"] = doc::FormatEventDate(event.date);
    out["date_precision"] = std::string(doc::DatePrecisionName(event.date.precision));
    out["date_from"] = event.date.from_text ? "text" : "publication";
    return;
  }
  out["date"] = document.published.empty() ? json(nullptr) : json(document.published);
  out["date_precision"] = document.published.empty() ? json(nullptr) : json("day");
  out["date_from"] = document.published.empty() ? json(nullptr) : json("publication");
}

json Place(const doc::Document& document, const doc::EventPlace& place) {
  if (place.precision == doc::PlacePrecision::kNone) return nullptr;
  json out;
  out["name"] = place.name;
  out["geonameid"] = place.geonameid == 0 ? json(nullptr) : json(place.geonameid);
  out["country"] = place.country.empty() ? json(nullptr) : json(place.country);
  out["lat"] = place.has_coordinates ? json(place.lat) : json(nullptr);
  out["lon"] = place.has_coordinates ? json(place.lon) : json(nullptr);
  out["precision"] = std::string(doc::PlacePrecisionName(place.precision));
  out["text"] = place.span.empty() ? json(nullptr) : json(std::string(document.RawText(place.span)));
  return out;
}

json Count(const doc::EventCount& count) { return count.value < 0 ? json(nullptr) : json(count.value); }

// The names of the count fields whose figure is a toll to date, in field order.
json Cumulative(const doc::EventCounts& counts) {
  json out = json::array();
  const std::pair<const char*, const doc::EventCount*> fields[] = {
      {"fatalities", &counts.killed}, {"injured", &counts.injured}, {"displaced", &counts.displaced},
      {"arrested", &counts.arrested}, {"kidnapped", &counts.kidnapped}};
  for (const auto& [name, count] : fields) {
    if (count->value >= 0 && count->cumulative) out.push_back(name);
  }
  return out;
}

}  // namespace

std::string EventId(const doc::Document& document, const doc::Event& event) {
  return doc::EventId(document.id, event);
}

std::string_view CountryOf(const doc::EventArgument& argument) { return doc::EventCountry(argument); }

namespace {

json EventObject(const doc::Document& document, const doc::Event& event) {
  json out;
  out["id"] = EventId(document, event);
  AddDate(document, event, out);
  out["source"] = Argument(document, event.source);
  out["target"] = Argument(document, event.target);
  out["cameo"] = event.cameo;
  out["root"] = event.root;
  out["quad_class"] = event.quad_class;
  // The weights have one decimal; the float widened to double would print 3.4000000953674316.
  out["goldstein"] = std::round(static_cast<double>(event.goldstein) * 10.0) / 10.0;
  out["plover"] = event.plover.empty() ? json(nullptr) : json(event.plover);
  out["location"] = Place(document, event.place);
  out["fatalities"] = Count(event.counts.killed);
  out["injured"] = Count(event.counts.injured);
  out["displaced"] = Count(event.counts.displaced);
  out["arrested"] = Count(event.counts.arrested);
  out["kidnapped"] = Count(event.counts.kidnapped);
  out["cumulative"] = Cumulative(event.counts);
  const bool negated = event.negated && event.certainty == doc::Certainty::kAsserted;
  out["certainty"] = negated ? "negated" : std::string(doc::CertaintyName(event.certainty));
  out["attributed_to"] = event.attributed_to.empty() ? json(nullptr)
                                                     : json(std::string(document.RawText(event.attributed_to)));
  out["negated"] = event.negated;
  out["reports"] = json::array({Report(document, event)});
  return out;
}

std::string Dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

// A TSV cell: tabs and line breaks become spaces; null is empty.
std::string Cell(const json& value) {
  std::string text = value.is_null() ? "" : value.is_string() ? value.get<std::string>() : Dump(value);
  for (char& c : text) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

json Field(const json& object, const char* key, const char* inner) {
  const json& outer = object[key];
  return outer.is_object() ? outer[inner] : json(nullptr);
}

}  // namespace

std::string EventJson(const doc::Document& document, const doc::Event& event) {
  return Dump(EventObject(document, event));
}

std::string EventTsvHeader() {
  return "id\tdate\tdate_precision\tdate_from\tsource_code\tsource_actor\tsource_country\tsource_text\t"
         "target_code\ttarget_actor\ttarget_country\ttarget_text\tcameo\tbase_code\troot\tquad_class\t"
         "goldstein\tplover\tlocation_name\tlocation_country\tlocation_lat\tlocation_lon\tgeonameid\t"
         "location_precision\tfatalities\tinjured\tdisplaced\tarrested\tkidnapped\tcertainty\t"
         "attributed_to\tnegated\tdoc\toutlet\turl\tpublished\tspan_begin\tspan_end\tpattern_source";
}

std::string EventTsv(const doc::Document& document, const doc::Event& event) {
  const json object = EventObject(document, event);
  const json& report = object["reports"][0];
  std::vector<json> cells = {
      object["id"], object["date"], object["date_precision"], object["date_from"],
      Field(object, "source", "code"), Field(object, "source", "actor"), Field(object, "source", "country"),
      Field(object, "source", "text"), Field(object, "target", "code"), Field(object, "target", "actor"),
      Field(object, "target", "country"), Field(object, "target", "text"), object["cameo"],
      event.cameo.substr(0, 3), object["root"], object["quad_class"], object["goldstein"], object["plover"],
      Field(object, "location", "name"), Field(object, "location", "country"), Field(object, "location", "lat"),
      Field(object, "location", "lon"), Field(object, "location", "geonameid"),
      Field(object, "location", "precision"), object["fatalities"], object["injured"], object["displaced"],
      object["arrested"], object["kidnapped"], object["certainty"], object["attributed_to"],
      object["negated"].get<bool>() ? json(1) : json(0), report["doc"], report["outlet"], report["url"], report["published"],
      report["span"][0], report["span"][1], report["pattern_source"]};
  std::string line;
  for (size_t at = 0; at < cells.size(); ++at) line += (at == 0 ? "" : "\t") + Cell(cells[at]);
  return line;
}

std::string EventGeoJsonFeature(const doc::Document& document, const doc::Event& event) {
  json properties = EventObject(document, event);
  json feature;
  feature["type"] = "Feature";
  feature["id"] = properties["id"];
  const doc::EventPlace& place = event.place;
  if (place.precision != doc::PlacePrecision::kNone && (place.lat != 0 || place.lon != 0)) {
    feature["geometry"] = {{"type", "Point"}, {"coordinates", {place.lon, place.lat}}};
  } else {
    feature["geometry"] = nullptr;
  }
  feature["properties"] = std::move(properties);
  return Dump(feature);
}

}  // namespace khabar::events
