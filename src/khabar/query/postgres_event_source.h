// PostgresEventSource: EventSource over a PostgreSQL store (postgres_store.h), running
// BuildEventQuery(..., store::Dialect::kPostgres) through libpq.
//
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<PostgresEventSource> source,
//                       PostgresEventSource::Open("postgresql://khabar@db.example/khabar"));
//
// Open() first opens the database through PostgresStore, which migrates it to this build's
// schema (so the search tables exist), then reads through its own connection. Before reading
// it indexes for search the events written without search rows
// (store/internal/postgres_search_rows.h). It checks whether the database's collation orders
// text byte-wise (C, C.UTF-8); if not, code and date ranges compare with COLLATE "C".
//
// OpenReadOnly() is for readers that must never write (`khabar serve`, `khabar explain`): no
// migration, no indexing, and the session refuses writes (default_transaction_read_only).
// Select() runs other read-only SQL written for store::Dialect::kPostgres (sql_row.h) on the
// same connection.
//
// A scan with a limit of at most kSingleQueryLimit rows is one query; a larger or unlimited
// scan reads through a cursor, kFetchRows rows at a time, in a read-only transaction.
//
// Thread-compatible: one thread at a time.
#ifndef KHABAR_QUERY_POSTGRES_EVENT_SOURCE_H_
#define KHABAR_QUERY_POSTGRES_EVENT_SOURCE_H_

#include <memory>
#include <string>

#include "khabar/query/event_source.h"
#include "khabar/query/sql_builder.h"
#include "khabar/query/sql_row.h"
#include "khabar/store/internal/postgres_connection.h"

namespace khabar::query {

class PostgresEventSource : public EventSource {
 public:
  static constexpr int64_t kSingleQueryLimit = 10000;
  static constexpr int kFetchRows = 1000;

  // `conninfo`: a libpq URI or key=value string. The errors of PostgresStore::Open, and
  // Unavailable or DataLoss from indexing.
  static StatusOr<std::unique_ptr<PostgresEventSource>> Open(const std::string& conninfo);
  // Opens without migrating or indexing, on a session that cannot write. Unavailable when the
  // server cannot be reached; FailedPrecondition when the database's schema is not this
  // build's, or when events wait to be indexed for search (open it once with `khabar query
  // --db` to migrate and index it).
  static StatusOr<std::unique_ptr<PostgresEventSource>> OpenReadOnly(const std::string& conninfo);

  // Runs `query` (PostgreSQL dialect, $N bound from query.params) and calls `visit` with each
  // row until it returns false. Rows are read as text; a boolean reads as Int64 1 or 0. The
  // errors of the server (InvalidArgument for SQL it cannot run).
  Status Select(const SqlQuery& query, const std::function<bool(const SqlRow&)>& visit);

  Status Scan(const QueryFilter& filter, const ScanOptions& options,
              const std::function<bool(const EventRow&)>& visit) override;

  // COLLATE "C" in ranges (the database's collation does not order bytes).
  TextOrder text_order() const { return order_; }
  // True when the connection to the server was lost (it restarted, or ended this session).
  bool broken() const { return connection_.broken(); }

 private:
  PostgresEventSource(store::internal::PgConnection connection, TextOrder order)
      : connection_(std::move(connection)), order_(order) {}

  Status ScanAll(const SqlQuery& query, const std::function<bool(const EventRow&)>& visit);
  Status ScanCursor(const SqlQuery& query, const std::function<bool(const EventRow&)>& visit);

  store::internal::PgConnection connection_;
  TextOrder order_;
};

}  // namespace khabar::query

#endif  // KHABAR_QUERY_POSTGRES_EVENT_SOURCE_H_
