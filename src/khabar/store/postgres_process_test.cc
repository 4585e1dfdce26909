// PostgresStore under process crashes and concurrent processes, as sqlite_process_test.cc:
// a writer killed with SIGKILL in the middle of its batches leaves only whole batches (the
// server rolls back the dead connection's transaction), re-running the ingest completes it
// with no duplicates, and processes opening a new database at the same moment migrate it
// exactly once (the advisory lock). Needs a server: postgres_test_util.h.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "khabar/base/status_matchers.h"
#include "khabar/store/migration.h"
#include "khabar/store/postgres_store.h"
#include "khabar/store/postgres_test_util.h"
#include "khabar/store/store_test_suite.h"

namespace khabar::store::testing {
namespace {

using ::khabar::testing::IsOk;

constexpr int kBatchSize = 25;
constexpr int kSentencesPerDocument = 6;
constexpr auto kMaxWait = std::chrono::seconds(20);

std::vector<doc::Document> MakeBatch(int batch_idx) {
  std::vector<doc::Document> batch;
  for (int doc_idx = 0; doc_idx < kBatchSize; ++doc_idx) {
    const std::string id = std::to_string(batch_idx) + "-" + std::to_string(doc_idx);
    std::string text;
    for (int sentence_idx = 0; sentence_idx < kSentencesPerDocument; ++sentence_idx) {
      if (!text.empty()) text += ' ';
      text += "Report " + id + " says item " + std::to_string(sentence_idx) + " happened.";
    }
    batch.push_back(MakeDocument(id, "https://crash.test/" + id, text));
    for (uint32_t sentence_idx = 0; sentence_idx < kSentencesPerDocument; ++sentence_idx) {
      AddEvent(batch.back(), sentence_idx, "EGYGOV", "042", "LBYMIL");
    }
  }
  return batch;
}

// Runs in the forked child, on its own connection: writes batches `first_batch`,
// `first_batch + 1`, ... up to `end_batch` (exclusive; -1: until killed).
[[noreturn]] void WriteBatches(const std::string& conninfo, int first_batch, int end_batch) {
  StatusOr<std::unique_ptr<PostgresStore>> store = PostgresStore::Open(conninfo);
  if (!store.ok()) {
    std::fprintf(stderr, "writer: %s\n", store.status().ToString().c_str());
    _exit(2);
  }
  for (int batch_idx = first_batch; end_batch < 0 || batch_idx < end_batch; ++batch_idx) {
    const std::vector<doc::Document> batch = MakeBatch(batch_idx);
    StatusOr<std::vector<DocumentWrite>> writes = (*store)->WriteDocuments(Pointers(batch));
    if (!writes.ok()) {
      std::fprintf(stderr, "writer: %s\n", writes.status().ToString().c_str());
      _exit(3);
    }
  }
  _exit(0);
}

int64_t StoredDocuments(const ScratchDatabase& database) {
  const std::string count = database.Query("SELECT COUNT(*) FROM documents");
  return count.starts_with("error") ? -1 : std::stoll(count);
}

// Kills the writer once it has committed `new_batches` more batches, plus a short delay so
// the kill lands at an arbitrary point of a later batch.
void KillWhenWritten(pid_t child, const ScratchDatabase& database, int new_batches,
                     std::chrono::microseconds extra) {
  const int64_t target = StoredDocuments(database) + new_batches * kBatchSize;
  const auto deadline = std::chrono::steady_clock::now() + kMaxWait;
  while (StoredDocuments(database) < target && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::this_thread::sleep_for(extra);
  kill(child, SIGKILL);
  int wait_status = 0;
  waitpid(child, &wait_status, 0);
  EXPECT_TRUE(WIFSIGNALED(wait_status) && WTERMSIG(wait_status) == SIGKILL)
      << "the writer exited by itself with status " << wait_status;
}

// Checks that the database holds exactly the whole documents it counts, once each.
void ExpectWholeDocuments(const ScratchDatabase& database, int64_t documents) {
  const std::string count = std::to_string(documents);
  EXPECT_EQ(database.Query("SELECT COUNT(*) FROM documents"), count);
  EXPECT_EQ(database.Query("SELECT COUNT(*) FROM document_texts"), count);
  EXPECT_EQ(database.Query("SELECT COUNT(DISTINCT doc_id) FROM documents"), count)
      << "a document was stored twice";
  EXPECT_EQ(database.Query("SELECT COUNT(*) FROM documents d WHERE d.sentence_count <>"
                           " (SELECT COUNT(*) FROM sentences s WHERE s.document_id = d.id)"
                           " OR d.sentence_count <> " +
                           std::to_string(kSentencesPerDocument) +
                           " OR (SELECT MAX(sentence_index) FROM sentences s"
                           " WHERE s.document_id = d.id) <> d.sentence_count - 1"),
            "0");
  const std::string events = std::to_string(documents * kSentencesPerDocument);
  EXPECT_EQ(database.Query("SELECT COUNT(*) FROM events"), events);
  EXPECT_EQ(database.Query("SELECT COUNT(*) FROM reports"), events);
  EXPECT_EQ(database.Query("SELECT COUNT(*) FROM documents d WHERE " +
                           std::to_string(kSentencesPerDocument) +
                           " <> (SELECT COUNT(*) FROM reports r WHERE r.document_id = d.id)"),
            "0");
}

TEST(PostgresProcessTest, KilledWriterLeavesOnlyWholeBatchesAndRerunCompletesIt) {
  ScratchDatabase database;
  ASSERT_THAT(PostgresStore::Open(database.conninfo()), IsOk());  // create and migrate
  constexpr int kRounds = 6;
  int64_t stored_before = 0;
  for (int round = 0; round < kRounds; ++round) {
    // Each writer resumes a few batches back, so it re-sends duplicates before new batches.
    const int first_batch = static_cast<int>(stored_before / kBatchSize) - 2;
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) WriteBatches(database.conninfo(), first_batch < 0 ? 0 : first_batch, -1);
    KillWhenWritten(child, database, 2, std::chrono::microseconds(1700 * round + 300));
    stored_before = StoredDocuments(database);
    ASSERT_GE(stored_before, 0);
    EXPECT_EQ(stored_before % kBatchSize, 0) << "a partial batch was committed";
  }
  // Nothing of the dead writers' connections is left holding locks or transactions.
  EXPECT_EQ(database.Query("SELECT COUNT(*) FROM pg_stat_activity WHERE datname ="
                           " current_database() AND state LIKE 'idle in transaction%'"),
            "0");
  EXPECT_GE(stored_before, 2 * kRounds * kBatchSize);
  ExpectWholeDocuments(database, stored_before);

  // The restart: the whole ingest again, from the first batch, and a little further.
  const int end_batch = static_cast<int>(stored_before / kBatchSize) + 2;
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) WriteBatches(database.conninfo(), 0, end_batch);
  int wait_status = 0;
  waitpid(child, &wait_status, 0);
  ASSERT_TRUE(WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0)
      << "the re-run failed with status " << wait_status;
  ExpectWholeDocuments(database, static_cast<int64_t>(end_batch) * kBatchSize);

  StatusOr<std::unique_ptr<PostgresStore>> reopened = PostgresStore::Open(database.conninfo());
  ASSERT_THAT(reopened, IsOk());
  StatusOr<StoreSummary> summary = (*reopened)->Summarize();
  ASSERT_THAT(summary, IsOk());
  EXPECT_EQ(summary->documents, static_cast<int64_t>(end_batch) * kBatchSize);
  EXPECT_EQ(summary->events, summary->documents * kSentencesPerDocument);
  EXPECT_EQ(summary->reports, summary->events);
}

TEST(PostgresProcessTest, ConcurrentOpensMigrateOnce) {
  ScratchDatabase database;
  constexpr int kProcesses = 4;
  int barrier[2];  // children block reading until the parent closes the write end
  ASSERT_EQ(pipe(barrier), 0);
  std::vector<pid_t> children;
  for (int process_idx = 0; process_idx < kProcesses; ++process_idx) {
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      close(barrier[1]);
      char byte;
      (void)!read(barrier[0], &byte, 1);
      const auto store = PostgresStore::Open(database.conninfo());
      if (!store.ok()) std::fprintf(stderr, "child: %s\n", store.status().ToString().c_str());
      _exit(store.ok() ? 0 : 1);
    }
    children.push_back(child);
  }
  close(barrier[0]);
  close(barrier[1]);
  for (const pid_t child : children) {
    int wait_status = 0;
    waitpid(child, &wait_status, 0);
    EXPECT_TRUE(WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0);
  }
  EXPECT_EQ(database.Query("SELECT COUNT(*) FROM schema_migrations"),
            std::to_string(LatestVersion(EmbeddedMigrations())));
}

}  // namespace
}  // namespace khabar::store::testing
