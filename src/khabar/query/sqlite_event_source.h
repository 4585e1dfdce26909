// SqliteEventSource: EventSource over a SQLite store file (sqlite_store.h).
//
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<SqliteEventSource> source,
//                       SqliteEventSource::Open("khabar.db"));
//
// Open() first opens the file through SqliteStore, which migrates it to this build's schema
// (so search tables exist), then reads through its own connection, on which it registers
// khabar_distance_km(lat1, lon1, lat2, lon2) for --near. Readers never block the store's
// writer (WAL mode).
//
// OpenReadOnly() is for readers that must never write (`khabar serve`): no migration, and the
// connection refuses writes (PRAGMA query_only). Select() runs other read-only SQL written for
// store::Dialect::kSqlite (sql_builder.h, sql_row.h) on the same connection.
//
// Thread-compatible: one thread at a time.
#ifndef KHABAR_QUERY_SQLITE_EVENT_SOURCE_H_
#define KHABAR_QUERY_SQLITE_EVENT_SOURCE_H_

#include <memory>
#include <string>

#include "khabar/query/event_source.h"
#include "khabar/query/sql_builder.h"
#include "khabar/query/sql_row.h"
#include "khabar/store/internal/sqlite_connection.h"

namespace khabar::query {

class SqliteEventSource : public EventSource {
 public:
  // NotFound when `path` does not exist (a query never creates a database); otherwise the
  // errors of SqliteStore::Open.
  static StatusOr<std::unique_ptr<SqliteEventSource>> Open(const std::string& path);
  // Opens without migrating, on a connection that cannot write. NotFound for a missing file;
  // FailedPrecondition when the store's schema is older than this build's (open it once with
  // `khabar query` to migrate) or newer.
  static StatusOr<std::unique_ptr<SqliteEventSource>> OpenReadOnly(const std::string& path);

  // Runs `query` (SQLite dialect, values bound from query.params) and calls `visit` with each
  // row until it returns false. Errors of the database; InvalidArgument for unbindable SQL.
  Status Select(const SqlQuery& query, const std::function<bool(const SqlRow&)>& visit);

  Status Scan(const QueryFilter& filter, const ScanOptions& options,
              const std::function<bool(const EventRow&)>& visit) override;

 private:
  explicit SqliteEventSource(store::internal::SqliteConnection connection)
      : connection_(std::move(connection)) {}
  static StatusOr<store::internal::SqliteConnection> OpenReader(const std::string& path);

  store::internal::SqliteConnection connection_;
};

}  // namespace khabar::query

#endif  // KHABAR_QUERY_SQLITE_EVENT_SOURCE_H_
