// The JSON Lines form of an event (DESIGN.md, "Output: one event"; docs/formats/events.md).
// Fields that later stages fill (the event's own date, place, casualty counts, attribution)
// are written now with their fallbacks: the publication date (`date_from`: "publication"),
// null place and counts, `certainty` "asserted" or "negated".
//
//   for (const doc::Event& event : document.events.events)
//     std::puts(events::EventJson(document, event).c_str());
//
// Thread-safety: pure functions.
#ifndef KHABAR_EVENTS_EVENT_JSON_H_
#define KHABAR_EVENTS_EVENT_JSON_H_

#include <string>
#include <string_view>

#include "khabar/doc/document.h"

namespace khabar::events {

// A stable id: the same article, sentence, verb and code give the same id on every run.
std::string EventId(const doc::Document& document, const doc::Event& event);
// The country part of an actor code ("EGY" of "EGYMIL"), or empty when the code names no
// country (an agent-only code such as "MIL", or an international actor such as "IGOUNO").
std::string_view CountryOf(const doc::EventArgument& argument);
// One line of JSON, without the newline.
std::string EventJson(const doc::Document& document, const doc::Event& event);

// GDELT-like tab-separated columns (docs/formats/event-jsonl.md, "TSV"): the header line and
// one event's line, both without the newline. Null is an empty cell.
std::string EventTsvHeader();
std::string EventTsv(const doc::Document& document, const doc::Event& event);

// One GeoJSON Feature: a Point at the event's place ([lon, lat]) or a null geometry, with the
// JSON line's fields as properties. `khabar code --format geojson` wraps the features of a
// run in one FeatureCollection.
std::string EventGeoJsonFeature(const doc::Document& document, const doc::Event& event);

}  // namespace khabar::events

#endif  // KHABAR_EVENTS_EVENT_JSON_H_
