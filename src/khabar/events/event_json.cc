#include "khabar/events/event_json.h"

#include <nlohmann/json.hpp>

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

}  // namespace

std::string EventId(const doc::Document& document, const doc::Event& event) {
  return doc::EventId(document.id, event);
}

std::string_view CountryOf(const doc::EventArgument& argument) { return doc::EventCountry(argument); }

std::string EventJson(const doc::Document& document, const doc::Event& event) {
  json out;
  out["id"] = EventId(document, event);
  AddDate(document, event, out);
  out["source"] = Argument(document, event.source);
  out["target"] = Argument(document, event.target);
  out["cameo"] = event.cameo;
  out["root"] = event.root;
  out["quad_class"] = event.quad_class;
  out["goldstein"] = event.goldstein;
  out["plover"] = event.plover.empty() ? json(nullptr) : json(event.plover);
  out["location"] = Place(document, event.place);
  out["fatalities"] = Count(event.counts.killed);
  out["injured"] = Count(event.counts.injured);
  out["displaced"] = Count(event.counts.displaced);
  out["arrested"] = Count(event.counts.arrested);
  out["kidnapped"] = Count(event.counts.kidnapped);
  const bool negated = event.negated && event.certainty == doc::Certainty::kAsserted;
  out["certainty"] = negated ? "negated" : std::string(doc::CertaintyName(event.certainty));
  out["attributed_to"] = event.attributed_to.empty() ? json(nullptr)
                                                     : json(std::string(document.RawText(event.attributed_to)));
  out["negated"] = event.negated;
  out["reports"] = json::array({Report(document, event)});
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace khabar::events
