#include "khabar/store/internal/postgres_search_rows.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/store/actor_keys.h"
#include "khabar/store/postgres_store.h"

namespace khabar::store::internal {
namespace {

constexpr int kFetchRows = 20000;       // events per FETCH of the cursor
constexpr size_t kKeysPerInsert = 100000;  // actor keys per INSERT

// True when some report has no event_text row (event_text holds one row per report).
StatusOr<bool> HasUnsearchedReports(PgConnection& connection) {
  KH_ASSIGN_OR_RETURN(PgResult counts,
                      connection.Query("SELECT (SELECT COUNT(*) FROM reports) >"
                                       " (SELECT COUNT(*) FROM event_text)",
                                       PgParams(), "counting unindexed reports"));
  return counts.Value(0, 0) == "t";
}

// The events to index, in a temporary table dropped at commit.
Status CollectUnsearchedEvents(PgConnection& connection) {
  return connection.Exec(
      "CREATE TEMPORARY TABLE khabar_unsearched ON COMMIT DROP AS"
      " SELECT DISTINCT r.event_id AS id FROM reports r"
      " WHERE NOT EXISTS (SELECT 1 FROM event_text x WHERE x.event_id = r.event_id)",
      "finding the events without search rows");
}

Status InsertEventTexts(PgConnection& connection) {
  return connection.Exec(
      "INSERT INTO event_text (event_id, body)"
      " SELECT r.event_id,"
      "   convert_from(substring(convert_to(t.raw_text, 'UTF8') FROM r.span_begin + 1"
      "                          FOR r.span_end - r.span_begin), 'UTF8')"
      "   || CASE WHEN e.source_actor <> '' THEN ' ' || e.source_actor ELSE '' END"
      "   || CASE WHEN e.target_actor <> '' THEN ' ' || e.target_actor ELSE '' END"
      " FROM khabar_unsearched u JOIN reports r ON r.event_id = u.id"
      " JOIN events e ON e.id = u.id JOIN document_texts t ON t.document_id = r.document_id",
      "writing the full-text rows of events");
}

// `values` as a PostgreSQL array literal: {"a","b"}.
std::string ArrayLiteral(const std::vector<std::string>& values) {
  std::string literal = "{";
  for (const std::string& value : values) {
    if (literal.size() > 1) literal += ',';
    literal += '"';
    for (const char c : value) {
      if (c == '"' || c == '\\') literal += '\\';
      literal += c;
    }
    literal += '"';
  }
  return literal + "}";
}

class ActorKeyWriter {
 public:
  explicit ActorKeyWriter(PgConnection& connection) : connection_(connection) {}

  // The keys of one event: those of its four actor columns, without repeats.
  Status Add(int64_t event_row, const std::vector<std::string_view>& texts) {
    std::vector<std::string> keys;
    for (const std::string_view text : texts) {
      std::vector<std::string> more = ActorKeys(text);
      keys.insert(keys.end(), more.begin(), more.end());
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (std::string& key : keys) {
      keys_.push_back(std::move(key));
      events_.push_back(std::to_string(event_row));
    }
    return keys_.size() >= kKeysPerInsert ? Flush() : Status::Ok();
  }

  Status Flush() {
    if (keys_.empty()) return Status::Ok();
    PgParams params;
    params.AddText(ArrayLiteral(keys_));
    params.AddText("{" + Join(events_) + "}");
    keys_.clear();
    events_.clear();
    return connection_
        .Query("INSERT INTO event_actor_keys (actor_key, event_id)"
               " SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING",
               params, "writing actor keys")
        .status();
  }

 private:
  static std::string Join(const std::vector<std::string>& numbers) {
    std::string joined;
    for (const std::string& number : numbers) {
      if (!joined.empty()) joined += ',';
      joined += number;
    }
    return joined;
  }

  PgConnection& connection_;
  std::vector<std::string> keys_;
  std::vector<std::string> events_;
};

Status InsertActorKeys(PgConnection& connection, int64_t* events) {
  KH_RETURN_IF_ERROR(connection.Exec(
      "DECLARE khabar_unkeyed NO SCROLL CURSOR FOR"
      " SELECT e.id, e.source_text, e.source_actor, e.target_text, e.target_actor"
      " FROM events e JOIN khabar_unsearched u ON u.id = e.id",
      "reading the actors of events"));
  ActorKeyWriter writer(connection);
  while (true) {
    KH_ASSIGN_OR_RETURN(PgResult rows,
                        connection.Query("FETCH FORWARD " + std::to_string(kFetchRows) +
                                             " FROM khabar_unkeyed",
                                         PgParams(), "reading the actors of events"));
    if (rows.rows() == 0) break;
    for (int row = 0; row < rows.rows(); ++row) {
      KH_RETURN_IF_ERROR(writer.Add(rows.Int64(row, 0), {rows.Value(row, 1), rows.Value(row, 2),
                                                         rows.Value(row, 3), rows.Value(row, 4)}));
    }
    *events += rows.rows();
  }
  KH_RETURN_IF_ERROR(writer.Flush());
  return connection.Exec("CLOSE khabar_unkeyed", "reading the actors of events");
}

StatusOr<int64_t> BackfillLocked(PgConnection& connection) {
  PgParams key;
  key.AddInt64(PostgresStore::kWriteLockKey);
  KH_RETURN_IF_ERROR(
      connection.Query("SELECT pg_advisory_xact_lock($1)", key, "taking the write lock").status());
  KH_RETURN_IF_ERROR(CollectUnsearchedEvents(connection));
  KH_RETURN_IF_ERROR(InsertEventTexts(connection));
  int64_t events = 0;
  KH_RETURN_IF_ERROR(InsertActorKeys(connection, &events));
  return events;
}

}  // namespace

StatusOr<bool> HasUnsearchedEvents(PgConnection& connection) {
  KH_ASSIGN_OR_RETURN(bool maybe, HasUnsearchedReports(connection));
  if (!maybe) return false;
  KH_ASSIGN_OR_RETURN(PgResult found,
                      connection.Query("SELECT EXISTS (SELECT 1 FROM reports r WHERE NOT EXISTS"
                                       " (SELECT 1 FROM event_text x WHERE x.event_id = r.event_id))",
                                       PgParams(), "looking for events without search rows"));
  return found.Value(0, 0) == "t";
}

StatusOr<int64_t> BackfillSearchRows(PgConnection& connection) {
  KH_ASSIGN_OR_RETURN(bool unsearched, HasUnsearchedReports(connection));
  if (!unsearched) return int64_t{0};
  KH_RETURN_IF_ERROR(connection.Exec("BEGIN", "starting to index events for search"));
  StatusOr<int64_t> events = BackfillLocked(connection);
  if (events.ok()) {
    Status committed = connection.Exec("COMMIT", "committing the search rows");
    if (!committed.ok()) events = std::move(committed);
  }
  if (!events.ok() && connection.in_transaction()) {
    (void)connection.Exec("ROLLBACK", "rolling back");  // the first error is the one to report
  }
  return events;
}

}  // namespace khabar::store::internal
