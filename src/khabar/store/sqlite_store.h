// SqliteStore: the embedded Store backend, one SQLite file in WAL mode.
//
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<store::SqliteStore> db,
//                       store::SqliteStore::Open("/var/lib/khabar/khabar.db"));
//   KH_ASSIGN_OR_RETURN(store::StoreSummary summary, db->Summarize());
//
// Open() applies the missing migrations and sets journal_mode=WAL, synchronous=NORMAL (a
// committed batch survives a process crash; a power loss may drop the last batches but never
// corrupts the file), foreign_keys=ON and a busy timeout, so several processes can share one
// file: readers never block the writer, and writers wait their turn.
//
// Thread-safe: one connection, and every call holds an internal mutex for its duration. For
// parallel writes, batch documents rather than opening more connections: SQLite has one writer.
#ifndef KHABAR_STORE_SQLITE_STORE_H_
#define KHABAR_STORE_SQLITE_STORE_H_

#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/store/internal/event_merger.h"
#include "khabar/store/internal/sqlite_connection.h"
#include "khabar/store/store.h"

namespace khabar::store {

class SqliteStore : public Store, private internal::MergeTables {
 public:
  // How long a call waits for another connection's write lock before failing with Unavailable.
  static constexpr int kBusyTimeoutMs = 10000;

  // Opens or creates the database at `path` and migrates it. FailedPrecondition when the
  // file's schema is newer than this build or the file is another program's database;
  // Unavailable when it cannot be opened; DataLoss when it is not a SQLite database.
  // Error messages name the path. ":memory:" opens a private in-memory database.
  static StatusOr<std::unique_ptr<SqliteStore>> Open(const std::string& path);
  ~SqliteStore() override;

  StatusOr<std::vector<DocumentWrite>> WriteDocuments(
      std::span<const doc::Document* const> documents) override;
  Status Quarantine(const QuarantineRecord& record) override;
  StatusOr<StoreSummary> Summarize() override;
  StatusOr<std::vector<StoredFingerprint>> LoadFingerprints() override;

  const std::string& path() const { return connection_.path(); }  // immutable: no lock

 private:
  // The prepared statements, built once per store.
  struct Statements;

  explicit SqliteStore(internal::SqliteConnection connection);
  Status Configure();
  Status SetWalMode();
  Status PrepareStatements();

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

  // The events.id of `event_id`, inserting the row when it is new.
  StatusOr<int64_t> InsertEvent(const doc::Document& document, const doc::Event& event,
                                const std::string& event_id, std::string_view date_precision,
                                std::string_view date_from, std::string_view now);

  // Schema version 4's search rows: the report's sentence and actor names for full-text search,
  // and the event's actor keys (actor_keys.h).
  Status InsertEventText(const doc::Document& document, const doc::Event& event,
                         doc::Span raw_sentence, int64_t event_row);
  Status InsertActorKeys(const std::string& source_text, const std::string& source_actor,
                         const std::string& target_text, const std::string& target_actor,
                         int64_t event_row);

  std::mutex mutex_;
  internal::SqliteConnection connection_;   // GUARDED_BY(mutex_); outlives statements_
  std::unique_ptr<Statements> statements_;  // GUARDED_BY(mutex_)
  std::string batch_now_;                   // GUARDED_BY(mutex_): created_at of the batch
};

}  // namespace khabar::store

#endif  // KHABAR_STORE_SQLITE_STORE_H_
