// khabar::query: searching the events of a store (docs/formats/query.md).
//
// A QueryFilter says which events to find; every field left empty matches everything, and the
// fields combine with AND. An EventSource (event_source.h) runs it against a backend and
// returns EventRows (event_row.h), which event_format.h prints.
//
//   QueryFilter filter;
//   filter.actor = "Hafter";            // finds "Khalifa Haftar"
//   filter.date_from = "2019-05";
//   KH_RETURN_IF_ERROR(NormalizeFilter(&filter));
//   KH_ASSIGN_OR_RETURN(auto source, SqliteEventSource::Open("khabar.db"));
//   KH_ASSIGN_OR_RETURN(std::vector<EventRow> rows, source->Find(filter, {.limit = 20}));
//
// Thread-safety: plain data and pure functions.
#ifndef KHABAR_QUERY_QUERY_FILTER_H_
#define KHABAR_QUERY_QUERY_FILTER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"

namespace khabar::query {

// A circle on the earth: events whose place lies within radius_km of (lat, lon).
struct GeoCircle {
  double lat = 0;
  double lon = 0;
  double radius_km = 0;
};

struct QueryFilter {
  // A name, matched by transliteration key on every word (actor_keys.h) against the source and
  // target actor names and texts: "Hafter" finds "Khalifa Haftar". When it looks like an actor
  // code (upper-case letters, a multiple of three), it also matches that code prefix.
  std::string actor;
  std::string code;       // an actor code prefix on either side: "LBY", "LBYMIL"
  std::string cameo;      // a CAMEO code prefix: "19", "190", "0231"
  std::string root;       // a CAMEO root, two digits
  int quad_class = 0;     // 1..4; 0 matches any
  std::string plover;     // a PLOVER type: "ASSAULT"
  std::string date_from;  // YYYY, YYYY-MM or YYYY-MM-DD; both ends inclusive
  std::string date_to;
  // Two letters: the ISO 3166-1 alpha-2 country of the event's place ("LY"). Three letters:
  // the alpha-3 country of the source or target actor ("LBY").
  std::string country;
  std::optional<GeoCircle> near;
  std::vector<std::string> certainty;  // any of these: "asserted", "reported", ...
  std::string text;                    // words that must all occur in a report's sentence
  std::string event_id;                // one event by its id (events.event_id; `khabar serve`)
};

// Checks every field and brings codes to their stored case (upper case for codes, countries
// and PLOVER types; lower case for certainty). InvalidArgument naming the option
// (--from, --near, ...) and the problem.
Status NormalizeFilter(QueryFilter* filter);

// "32.1,20.07" -> {32.1, 20.07}. InvalidArgument for anything else or a latitude outside
// [-90, 90] or a longitude outside [-180, 180].
StatusOr<GeoCircle> ParseLatLon(std::string_view text);

// Great-circle distance in kilometres (haversine, mean earth radius 6371.0088 km).
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

// The words of the actor filter as actor keys (store::ActorKeys).
std::vector<std::string> ActorFilterKeys(std::string_view actor);
// True when `actor` can be an actor code prefix: 3, 6, 9... upper-case ASCII letters.
bool LooksLikeActorCode(std::string_view actor);

}  // namespace khabar::query

#endif  // KHABAR_QUERY_QUERY_FILTER_H_
