// The SQL of the API's views beyond `khabar query`'s event list (docs/api.md): an event's
// reports, the actors, the articles, and aggregates over the events that match a filter. Each
// builder returns fixed SQL text in the reader's dialect with numbered placeholders, and the
// values to bind; user input only ever travels as a bound value. The aggregates wrap
// query::BuildFilteredEventsQuery, so they filter exactly as `khabar query` does.
//
//   KH_ASSIGN_OR_RETURN(query::SqlQuery sql, DailyCountsQuery(filter, StyleOf(reader)));
//   reader.Select(sql, visit);   // rows: day ('' when not day-precise), quad class, count
//
// Text orders byte-wise in both dialects (PostgreSQL: COLLATE "C"), so rows come in the same
// order from either backend. serve_test.cc tests the SQLite text; postgres_serve_test.cc
// compares every endpoint's JSON over the same documents in both.
// Thread-safety: pure functions.
#ifndef KHABAR_SERVE_SERVE_QUERIES_H_
#define KHABAR_SERVE_SERVE_QUERIES_H_

#include <cstdint>

#include "khabar/base/status.h"
#include "khabar/query/query_filter.h"
#include "khabar/query/sql_builder.h"
#include "khabar/store/migration.h"

namespace khabar::serve {

// How a reader's SQL is written: its dialect, and how its filters compare text
// (StoreReader::text_order()).
struct Style {
  store::Dialect dialect = store::Dialect::kSqlite;
  query::TextOrder order = query::TextOrder::kDatabase;
};

// Rows: the number of events matching `filter`.
StatusOr<query::SqlQuery> EventCountQuery(const query::QueryFilter& filter, const Style& style);

// Columns of ReportsQuery's rows.
enum ReportColumn : int {
  kReportRowId, kReportKey, kReportDoc, kReportOutlet, kReportUrl, kReportTitle, kReportPublished,
  kReportSpanBegin, kReportSpanEnd, kReportSentence, kReportExtra, kReportMergeScore, kReportMergeReason
};
// The reports of the event whose events.id is `event_row_id`, by reports.id, with their
// documents and sentences.
query::SqlQuery ReportsQuery(int64_t event_row_id, store::Dialect dialect);

// Rows: actor name, actor code, events, for every (name, code) on either side of an event,
// most events first. An event with the same actor on both sides counts once.
query::SqlQuery ActorCountsQuery(store::Dialect dialect);

// Rows: doc_id, outlet, url, title, published, events; newest publication first, then the
// latest stored; `limit` rows after `offset`.
query::SqlQuery ArticlesQuery(int64_t limit, int64_t offset, store::Dialect dialect);
// Rows: the number of stored documents.
query::SqlQuery ArticleCountQuery();

// Rows: day (the date of a day-precise event; '' for the others), quad class, events.
StatusOr<query::SqlQuery> DailyCountsQuery(const query::QueryFilter& filter, const Style& style);

// Rows: CAMEO root, events, by root.
StatusOr<query::SqlQuery> RootCountsQuery(const query::QueryFilter& filter, const Style& style);

// Rows: source code, source actor, target code, target actor, quad class, events, over the
// matching events with an actor code on both sides.
StatusOr<query::SqlQuery> DyadCountsQuery(const query::QueryFilter& filter, const Style& style);

}  // namespace khabar::serve

#endif  // KHABAR_SERVE_SERVE_QUERIES_H_
