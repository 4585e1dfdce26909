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
// Thread-compatible: one thread at a time.
#ifndef KHABAR_QUERY_SQLITE_EVENT_SOURCE_H_
#define KHABAR_QUERY_SQLITE_EVENT_SOURCE_H_

#include <memory>
#include <string>

#include "khabar/query/event_source.h"
#include "khabar/store/internal/sqlite_connection.h"

namespace khabar::query {

class SqliteEventSource : public EventSource {
 public:
  // NotFound when `path` does not exist (a query never creates a database); otherwise the
  // errors of SqliteStore::Open.
  static StatusOr<std::unique_ptr<SqliteEventSource>> Open(const std::string& path);

  Status Scan(const QueryFilter& filter, const ScanOptions& options,
              const std::function<bool(const EventRow&)>& visit) override;

 private:
  explicit SqliteEventSource(store::internal::SqliteConnection connection)
      : connection_(std::move(connection)) {}

  store::internal::SqliteConnection connection_;
};

}  // namespace khabar::query

#endif  // KHABAR_QUERY_SQLITE_EVENT_SOURCE_H_
