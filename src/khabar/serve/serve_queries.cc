#include "khabar/serve/serve_queries.h"

#include <string>
#include <utility>

namespace khabar::serve {
namespace {

using query::SqlQuery;
using store::Dialect;

std::string Placeholder(Dialect dialect, size_t number) {
  return (dialect == Dialect::kSqlite ? "?" : "$") + std::to_string(number);
}

// Binds `value` as the query's next placeholder and returns the placeholder.
std::string Bind(SqlQuery& query, query::SqlValue value, Dialect dialect) {
  query.params.push_back(std::move(value));
  return Placeholder(dialect, query.params.size());
}

// The sentence of a report: bytes span_begin..span_end of the article as ingested.
std::string SentenceSql(Dialect dialect) {
  if (dialect == Dialect::kSqlite) {
    return "CAST(substr(CAST(t.raw_text AS BLOB), r.span_begin + 1, r.span_end - r.span_begin) AS TEXT)";
  }
  return "convert_from(substring(convert_to(t.raw_text, 'UTF8') FROM r.span_begin + 1 FOR "
         "r.span_end - r.span_begin), 'UTF8')";
}

// `column` ordered byte-wise, as SQLite orders text: PostgreSQL orders by the database's
// collation unless told otherwise.
std::string ByBytes(const std::string& column, Dialect dialect) {
  return dialect == Dialect::kSqlite ? column : column + " COLLATE \"C\"";
}

// `select` over the matching events, which it names f: "SELECT ... FROM (...) f".
StatusOr<SqlQuery> OverFilteredEvents(const query::QueryFilter& filter, const Style& style,
                                      const std::string& select, const std::string& rest) {
  KH_ASSIGN_OR_RETURN(SqlQuery query, query::BuildFilteredEventsQuery(filter, style.dialect, style.order));
  query.sql = select + " FROM (" + query.sql + ") f" + rest;
  return query;
}

}  // namespace

StatusOr<SqlQuery> EventCountQuery(const query::QueryFilter& filter, const Style& style) {
  return OverFilteredEvents(filter, style, "SELECT COUNT(*)", "");
}

SqlQuery ReportsQuery(int64_t event_row_id, Dialect dialect) {
  SqlQuery query;
  const std::string id = Bind(query, event_row_id, dialect);
  query.sql = "SELECT r.id, r.report_key, d.doc_id, d.outlet, d.url, d.title, d.published,"
              " r.span_begin, r.span_end, " + SentenceSql(dialect) +
              ", r.extra, r.merge_score, r.merge_reason"
              " FROM reports r JOIN documents d ON d.id = r.document_id"
              " JOIN document_texts t ON t.document_id = r.document_id"
              " WHERE r.event_id = " + id + " ORDER BY r.id";
  return query;
}

SqlQuery ActorCountsQuery(Dialect dialect) {
  SqlQuery query;
  query.sql = "SELECT a.name, a.code, COUNT(*) AS events FROM ("
              "SELECT e.source_actor AS name, e.source_code AS code FROM events e"
              " WHERE e.source_actor <> '' OR e.source_code <> ''"
              " UNION ALL SELECT e.target_actor, e.target_code FROM events e"
              " WHERE (e.target_actor <> '' OR e.target_code <> '')"
              " AND NOT (e.target_actor = e.source_actor AND e.target_code = e.source_code)"
              ") a GROUP BY a.name, a.code ORDER BY events DESC, " + ByBytes("a.name", dialect) + ", " +
              ByBytes("a.code", dialect);
  return query;
}

SqlQuery ArticlesQuery(int64_t limit, int64_t offset, Dialect dialect) {
  SqlQuery query;
  const std::string limit_at = Bind(query, limit, dialect);
  const std::string offset_at = Bind(query, offset, dialect);
  query.sql = "SELECT d.doc_id, d.outlet, d.url, d.title, d.published,"
              " (SELECT COUNT(DISTINCT r.event_id) FROM reports r WHERE r.document_id = d.id)"
              " FROM documents d ORDER BY " + ByBytes("d.published", dialect) + " DESC, d.id DESC"
              " LIMIT " + limit_at + " OFFSET " + offset_at;
  return query;
}

SqlQuery ArticleCountQuery() { return SqlQuery{"SELECT COUNT(*) FROM documents", {}}; }

StatusOr<SqlQuery> DailyCountsQuery(const query::QueryFilter& filter, const Style& style) {
  return OverFilteredEvents(
      filter, style,
      "SELECT CASE WHEN f.date_precision = 'day' THEN f.date ELSE '' END AS day, f.quad_class, COUNT(*)",
      " GROUP BY 1, 2 ORDER BY 1, 2");
}

StatusOr<SqlQuery> RootCountsQuery(const query::QueryFilter& filter, const Style& style) {
  return OverFilteredEvents(filter, style, "SELECT f.root, COUNT(*)",
                            " GROUP BY f.root ORDER BY " + ByBytes("f.root", style.dialect));
}

StatusOr<SqlQuery> DyadCountsQuery(const query::QueryFilter& filter, const Style& style) {
  return OverFilteredEvents(
      filter, style,
      "SELECT f.source_code, f.source_actor, f.target_code, f.target_actor, f.quad_class, COUNT(*)",
      " WHERE f.source_code <> '' AND f.target_code <> ''"
      " GROUP BY f.source_code, f.source_actor, f.target_code, f.target_actor, f.quad_class");
}

}  // namespace khabar::serve
