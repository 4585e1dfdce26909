#include "khabar/serve/store_reader.h"

#include "khabar/query/open_event_source.h"
#include "khabar/query/postgres_event_source.h"
#include "khabar/query/sqlite_event_source.h"

namespace khabar::serve {
namespace {

class SqliteReader : public StoreReader {
 public:
  explicit SqliteReader(std::unique_ptr<query::SqliteEventSource> source) : source_(std::move(source)) {}

  store::Dialect dialect() const override { return store::Dialect::kSqlite; }
  query::EventSource& events() override { return *source_; }
  Status Select(const query::SqlQuery& query,
                const std::function<bool(const query::SqlRow&)>& visit) override {
    return source_->Select(query, visit);
  }

 private:
  std::unique_ptr<query::SqliteEventSource> source_;
};

class PostgresReader : public StoreReader {
 public:
  explicit PostgresReader(std::unique_ptr<query::PostgresEventSource> source) : source_(std::move(source)) {}

  store::Dialect dialect() const override { return store::Dialect::kPostgres; }
  query::TextOrder text_order() const override { return source_->text_order(); }
  bool usable() const override { return !source_->broken(); }
  query::EventSource& events() override { return *source_; }
  Status Select(const query::SqlQuery& query,
                const std::function<bool(const query::SqlRow&)>& visit) override {
    return source_->Select(query, visit);
  }

 private:
  std::unique_ptr<query::PostgresEventSource> source_;
};

}  // namespace

StatusOr<std::unique_ptr<StoreReader>> OpenReader(const std::string& spec) {
  if (query::IsPostgresSourceSpec(spec)) return OpenPostgresReader(spec);
  return OpenSqliteReader(spec);
}

StatusOr<std::unique_ptr<StoreReader>> OpenPostgresReader(const std::string& conninfo) {
  KH_ASSIGN_OR_RETURN(std::unique_ptr<query::PostgresEventSource> source,
                      query::PostgresEventSource::OpenReadOnly(conninfo));
  return std::unique_ptr<StoreReader>(new PostgresReader(std::move(source)));
}

StatusOr<std::unique_ptr<StoreReader>> OpenSqliteReader(const std::string& path) {
  KH_ASSIGN_OR_RETURN(std::unique_ptr<query::SqliteEventSource> source,
                      query::SqliteEventSource::OpenReadOnly(path));
  return std::unique_ptr<StoreReader>(new SqliteReader(std::move(source)));
}

ReaderPool::Lease::~Lease() {
  if (reader_ != nullptr) pool_->Release(std::move(reader_));
}

StatusOr<ReaderPool::Lease> ReaderPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<StoreReader> reader = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(reader));
    }
  }
  // Opening a connection can take a while: not under the lock.
  KH_ASSIGN_OR_RETURN(std::unique_ptr<StoreReader> reader, factory_());
  return Lease(this, std::move(reader));
}

void ReaderPool::Release(std::unique_ptr<StoreReader> reader) {
  if (!reader->usable()) return;  // the next Acquire() opens a fresh one
  std::lock_guard<std::mutex> lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(reader));
}

}  // namespace khabar::serve
