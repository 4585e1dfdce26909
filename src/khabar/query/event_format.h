// How `khabar query` and `khabar export` print stored events. The JSON line, TSV and GeoJSON
// forms are those of `khabar code` (docs/formats/event-jsonl.md), built from the stored
// columns; what the store does not keep prints as null: location.text, cumulative and the
// report's pattern_source.
//
//   std::puts(EventRowJson(row).c_str());
//
// Thread-safety: pure functions.
#ifndef KHABAR_QUERY_EVENT_FORMAT_H_
#define KHABAR_QUERY_EVENT_FORMAT_H_

#include <string>

#include "khabar/query/event_row.h"

namespace khabar::query {

// The event line (JSON), without the newline.
std::string EventRowJson(const EventRow& row);

// GDELT-like TSV: the header of `khabar code --format tsv` and one row, without newlines.
std::string EventRowTsvHeader();
std::string EventRowTsv(const EventRow& row);

// The TSV columns as RFC 4180 CSV (quoted when a cell holds a comma, quote or line break).
std::string EventRowCsvHeader();
std::string EventRowCsv(const EventRow& row);

// One GeoJSON Feature: a Point [lon, lat] at the event's place, or a null geometry when the
// place has no coordinates; properties are the event line.
std::string EventRowGeoJsonFeature(const EventRow& row);

// A readable fixed-width table: date, source, CAMEO code, target, place, killed, certainty,
// the distance from --near when there is one, and the event id.
std::string EventRowTableHeader(bool with_distance);
std::string EventRowTableLine(const EventRow& row, bool with_distance);

}  // namespace khabar::query

#endif  // KHABAR_QUERY_EVENT_FORMAT_H_
