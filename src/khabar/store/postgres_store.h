// PostgresStore: the Store backend for a PostgreSQL server shared by many users and
// processes. Same schema, migrations (Dialect::kPostgres) and duplicate rules as SqliteStore.
//
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<store::PostgresStore> db,
//                       store::PostgresStore::Open("postgresql://khabar@db.example:5432/khabar"));
//   KH_ASSIGN_OR_RETURN(store::StoreSummary summary, db->Summarize());
//
// Open() connects with a libpq connection string (URI or key=value pairs; a password may come
// from it, PGPASSWORD or ~/.pgpass) and applies the missing migrations under an advisory lock,
// so processes opening a new database at once migrate it exactly once. Tables live in the
// connection's current schema (set search_path through `options=-csearch_path=...` to use
// another). Each WriteDocuments batch is one transaction that first takes the advisory lock
// kWriteLockKey (pg_advisory_xact_lock), so writers from many processes take turns as on
// SQLite and the duplicate checks see every earlier batch; readers never wait. A batch
// interrupted in any way (the process killed, the connection lost) is rolled back by the
// server. After a lost connection the next call reconnects once.
//
// Thread-safe: one connection, and every call holds an internal mutex for its duration.
#ifndef KHABAR_STORE_POSTGRES_STORE_H_
#define KHABAR_STORE_POSTGRES_STORE_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/store/internal/event_merger.h"
#include "khabar/store/internal/postgres_connection.h"
#include "khabar/store/store.h"

namespace khabar::store {

class PostgresStore : public Store, private internal::MergeTables {
 public:
  // pg_advisory_xact_lock key of a write batch: "khabarWR" as a big-endian int64.
  static constexpr int64_t kWriteLockKey = 0x6b68616261725752;

  // Connects and migrates. Unavailable when the server cannot be reached; FailedPrecondition
  // when the database's schema is newer than this build or the schema holds another
  // program's tables. Error messages name the server and database, never the password.
  static StatusOr<std::unique_ptr<PostgresStore>> Open(const std::string& conninfo);
  ~PostgresStore() override;

  StatusOr<std::vector<DocumentWrite>> WriteDocuments(
      std::span<const doc::Document* const> documents) override;
  Status Quarantine(const QuarantineRecord& record) override;
  StatusOr<StoreSummary> Summarize() override;
  StatusOr<std::vector<StoredFingerprint>> LoadFingerprints() override;

  // "postgresql://user@host:port/dbname", without the password. Immutable: no lock.
  const std::string& description() const { return description_; }

 private:
  explicit PostgresStore(internal::PgConnection connection);
  Status PrepareStatements();
  // Reconnects and re-prepares when the connection was lost.
  Status EnsureConnected();
  StatusOr<internal::PgResult> Run(const char* statement, const internal::PgParams& params,
                                   std::string_view context, bool binary_results = false);

  // Helpers of WriteDocuments, run inside its transaction.
  StatusOr<std::vector<DocumentWrite>> WriteBatch(std::span<const doc::Document* const> documents,
                                                  std::string_view now);
  StatusOr<DocumentWrite> WriteOne(const doc::Document& document, std::string_view now);
  StatusOr<std::optional<DocumentWrite>> FindDuplicate(const doc::Document& document);
  StatusOr<int64_t> InsertDocument(const doc::Document& document, std::string_view now);
  Status InsertText(const doc::Document& document, int64_t row_id);
  Status InsertSentences(const doc::Document& document, int64_t row_id);
  // internal::MergeTables, for internal::WriteEvents (cross-article merging).
  StatusOr<std::vector<internal::StoredReport>> CandidateReports(
      const internal::CandidateWindow& window) override;
  StatusOr<internal::OptionalSource> FindDocumentSource(std::string_view doc_id) override;
  StatusOr<int64_t> FoundEvent(const doc::Document& document, const doc::Event& event,
                               const std::string& event_id) override;
  Status AddReport(const internal::NewReport& report) override;
  Status UpdateMergedEvent(int64_t event_row, const merge::Consensus& consensus) override;
  // Schema version 4's search rows (actor_keys.h, docs/formats/query.md).
  Status InsertActorKeys(std::initializer_list<std::string_view> names, int64_t event_row);
  StatusOr<int64_t> InsertEvent(const doc::Document& document, const doc::Event& event,
                                const std::string& event_id, std::string_view date_precision,
                                std::string_view date_from, std::string_view now);

  std::mutex mutex_;
  internal::PgConnection connection_;  // GUARDED_BY(mutex_)
  const std::string description_;
  std::string batch_now_;  // GUARDED_BY(mutex_): created_at of the batch
};

}  // namespace khabar::store

#endif  // KHABAR_STORE_POSTGRES_STORE_H_
