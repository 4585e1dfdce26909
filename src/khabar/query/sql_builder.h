// The SQL of an event query: fixed text with numbered placeholders, and the values bound to
// them. User input only ever travels as a bound value, never inside the SQL text.
//
//   KH_ASSIGN_OR_RETURN(SqlQuery query, BuildEventQuery(filter, 20, store::Dialect::kSqlite));
//   // query.sql: "SELECT ... WHERE e.root = ?1 ..."; query.params: {"19"}
//
// The SQLite text needs khabar_distance_km() (registered by SqliteEventSource) for --near and
// the event_text FTS5 table (schema version 4) for --text. The PostgreSQL text (run by
// PostgresEventSource) uses the haversine formula inline and
// to_tsvector('simple', body) @@ to_tsquery('simple', $N), the expression of the GIN index.
// Prefix ranges ("LBY" <= code < "LBY\x7f") compare text byte-wise: right under SQLite and a
// PostgreSQL database whose collation orders bytes (C, C.UTF-8); TextOrder::kCollateC adds
// COLLATE "C" to them for any other database (correct, but the indexes cannot serve them).
//
// Thread-safety: pure functions.
#ifndef KHABAR_QUERY_SQL_BUILDER_H_
#define KHABAR_QUERY_SQL_BUILDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/query/query_filter.h"
#include "khabar/store/migration.h"

namespace khabar::query {

using SqlValue = std::variant<std::string, int64_t, double>;

struct SqlQuery {
  std::string sql;
  std::vector<SqlValue> params;  // params[i] binds placeholder i + 1
};

// The columns of the result, in order; SqliteEventSource reads them by these positions.
enum EventColumn : int {
  kColRowId, kColEventId, kColDate, kColDatePrecision, kColDateFrom,
  kColSourceText, kColSourceActor, kColSourceCode, kColSourceCountry,
  kColTargetText, kColTargetActor, kColTargetCode, kColTargetCountry,
  kColCameo, kColRoot, kColQuadClass, kColGoldstein, kColPlover,
  kColLocationName, kColGeonameid, kColLocationCountry, kColLat, kColLon, kColLocationPrecision,
  kColFatalities, kColInjured, kColDisplaced, kColArrested, kColKidnapped,
  kColCertainty, kColAttributedTo, kColNegated, kColReportCount, kColCorroboration, kColDistanceKm,
  kColDoc, kColOutlet, kColUrl, kColPublished, kColSpanBegin, kColSpanEnd, kColPattern,
  kColSentence, kColumnCount
};

// How the text columns compare: kDatabase, by the database's own order (byte order: SQLite,
// or PostgreSQL with a C collation); kCollateC, byte order forced with COLLATE "C".
enum class TextOrder { kDatabase, kCollateC };

// The events that match `filter`, ordered by date then events.id, after skipping `offset` of
// them at most `limit` (0: all), each with its first report. REQUIRES: NormalizeFilter(filter)
// was OK. InvalidArgument when --text has no word in it.
StatusOr<SqlQuery> BuildEventQuery(const QueryFilter& filter, int64_t limit, store::Dialect dialect,
                                   int64_t offset = 0, TextOrder order = TextOrder::kDatabase);

// "SELECT e.* FROM events e WHERE <the filter's conditions>", unordered: the matching events
// rows for a caller to wrap ("SELECT COUNT(*) FROM (...) f"); placeholders 1..params.size()
// are taken, so the caller numbers its own from params.size() + 1. Same contract as
// BuildEventQuery.
StatusOr<SqlQuery> BuildFilteredEventsQuery(const QueryFilter& filter, store::Dialect dialect,
                                            TextOrder order = TextOrder::kDatabase);

// The FTS5 MATCH expression of --text: every word quoted (so FTS5 operators in the input are
// plain words) and all required; a word ending in '*' matches as a prefix.
// "air strike*" -> "\"air\" \"strike\"*". Empty when the text has no word.
std::string Fts5Expression(std::string_view text);

// The PostgreSQL to_tsquery text of --text, with the same words as Fts5Expression: each quoted
// as a lexeme, all required, '*' a prefix. "air strike*" -> "'air' & 'strike':*".
std::string PostgresTsQuery(std::string_view text);

}  // namespace khabar::query

#endif  // KHABAR_QUERY_SQL_BUILDER_H_
