// One stored event as a query returns it: the events row plus its first report (the report
// with the lowest id), docs/formats/schema.md. NULL columns are std::nullopt or, for text
// columns that are NOT NULL DEFAULT '', the empty string.
#ifndef KHABAR_QUERY_EVENT_ROW_H_
#define KHABAR_QUERY_EVENT_ROW_H_

#include <cstdint>
#include <optional>
#include <string>

namespace khabar::query {

struct EventRow {
  int64_t row_id = 0;  // events.id
  std::string event_id;
  std::string date, date_precision, date_from;
  std::string source_text, source_actor, source_code, source_country;
  std::string target_text, target_actor, target_code, target_country;
  std::string cameo, root;
  int quad_class = 0;
  std::optional<double> goldstein;
  std::string plover;
  bool has_location = false;  // location_name is not NULL
  std::string location_name, location_country, location_precision;
  std::optional<int64_t> geonameid;
  std::optional<double> lat, lon;
  std::optional<int64_t> fatalities, injured, displaced, arrested, kidnapped;
  std::string certainty, attributed_to;
  bool negated = false;
  int64_t report_count = 1;   // reports of the event (schema version 5)
  int64_t corroboration = 1;  // distinct outlets among them
  // The first report; has_report is false for an event without one.
  bool has_report = false;
  std::string doc, outlet, url, published, pattern, sentence;
  int64_t span_begin = 0, span_end = 0;
  std::optional<double> distance_km;  // from the --near point, when the filter has one
};

}  // namespace khabar::query

#endif  // KHABAR_QUERY_EVENT_ROW_H_
