// StoreReader: one read-only connection to a store, as `khabar serve` uses it: the stored
// events (query::EventSource) and any other read-only SQL written for its store::Dialect
// (serve_queries.h). ReaderPool hands readers to the HTTP threads.
//
//   ReaderPool pool([path] { return OpenSqliteReader(path); });
//   KH_ASSIGN_OR_RETURN(ReaderPool::Lease reader, pool.Acquire());
//   KH_RETURN_IF_ERROR(reader->Select(query, visit));
//
// OpenReader(spec) picks the backend as every --db does (store::IsPostgresSpec): a SQLite
// file (SqliteEventSource::OpenReadOnly) or a PostgreSQL database
// (PostgresEventSource::OpenReadOnly). Both refuse writes on their connection.
//
// Thread-safety: a StoreReader is used by one thread at a time; ReaderPool is thread-safe.
#ifndef KHABAR_SERVE_STORE_READER_H_
#define KHABAR_SERVE_STORE_READER_H_

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/query/event_source.h"
#include "khabar/query/sql_builder.h"
#include "khabar/query/sql_row.h"
#include "khabar/store/migration.h"

namespace khabar::serve {

class StoreReader {
 public:
  virtual ~StoreReader() = default;
  virtual store::Dialect dialect() const = 0;
  // How text compares on this connection (sql_builder.h); the serve queries filter with it.
  virtual query::TextOrder text_order() const { return query::TextOrder::kDatabase; }
  // False once the reader can no longer answer (its server connection was lost): the pool
  // drops it instead of lending it again.
  virtual bool usable() const { return true; }
  virtual query::EventSource& events() = 0;
  // Runs read-only `query` (this reader's dialect) and visits its rows until `visit` returns
  // false.
  virtual Status Select(const query::SqlQuery& query,
                        const std::function<bool(const query::SqlRow&)>& visit) = 0;
};

// A reader over the SQLite store at `path`, opened read-only (SqliteEventSource::OpenReadOnly).
StatusOr<std::unique_ptr<StoreReader>> OpenSqliteReader(const std::string& path);

// A reader over the PostgreSQL database `conninfo` names (a libpq URI or key=value pairs), on a
// read-only session (PostgresEventSource::OpenReadOnly).
StatusOr<std::unique_ptr<StoreReader>> OpenPostgresReader(const std::string& conninfo);

// A reader for the store `spec` names, as `khabar serve --db` and `khabar explain --db` take
// it: a PostgreSQL connection string (store::IsPostgresSpec) or else an SQLite path. The
// errors of OpenPostgresReader or OpenSqliteReader, never naming a password.
StatusOr<std::unique_ptr<StoreReader>> OpenReader(const std::string& spec);

// Readers for concurrent requests: Acquire() takes an idle reader or opens a new one; the
// Lease gives it back when destroyed, unless it is no longer usable(). At most `max_idle`
// idle readers are kept.
class ReaderPool {
 public:
  using Factory = std::function<StatusOr<std::unique_ptr<StoreReader>>()>;

  class Lease {
   public:
    Lease(ReaderPool* pool, std::unique_ptr<StoreReader> reader)
        : pool_(pool), reader_(std::move(reader)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    StoreReader* operator->() const { return reader_.get(); }
    StoreReader& operator*() const { return *reader_; }

   private:
    ReaderPool* pool_;
    std::unique_ptr<StoreReader> reader_;
  };

  explicit ReaderPool(Factory factory, size_t max_idle = 16)
      : factory_(std::move(factory)), max_idle_(max_idle) {}

  // The errors of the factory.
  StatusOr<Lease> Acquire();

 private:
  void Release(std::unique_ptr<StoreReader> reader);

  Factory factory_;
  size_t max_idle_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<StoreReader>> idle_;  // guarded by mutex_
};

}  // namespace khabar::serve

#endif  // KHABAR_SERVE_STORE_READER_H_
