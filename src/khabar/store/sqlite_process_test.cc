// Several processes on one database file: a writer killed with SIGKILL in the middle of its
// batches must leave a database that passes integrity_check and holds only whole batches, and
// processes opening a new file at the same moment must migrate it exactly once.
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
#include "khabar/store/sqlite_store.h"
#include "khabar/store/sqlite_test_util.h"
#include "khabar/store/store_test_suite.h"

namespace khabar::store::testing {
namespace {

using ::khabar::testing::IsOk;

constexpr int kBatchSize = 25;
constexpr int kSentencesPerDocument = 6;
constexpr auto kMaxWait = std::chrono::seconds(10);

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

// Runs in the forked child: writes batches from `first_batch` on until killed.
[[noreturn]] void WriteForever(const std::string& path, int first_batch) {
  StatusOr<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path);
  if (!store.ok()) _exit(2);
  for (int batch_idx = first_batch;; ++batch_idx) {
    const std::vector<doc::Document> batch = MakeBatch(batch_idx);
    if (!(*store)->WriteDocuments(Pointers(batch)).ok()) _exit(3);
  }
}

int64_t StoredDocuments(SqliteStore& store) {
  StatusOr<StoreSummary> summary = store.Summarize();
  return summary.ok() ? summary->documents : -1;
}

// Kills the writer once it has committed `new_batches` more batches, plus a short delay so
// the kill lands at an arbitrary point of a later batch. Watches through its own connection,
// opened after the fork: SQLite connections must not cross a fork.
void KillWhenWritten(pid_t child, const std::string& path, int new_batches,
                     std::chrono::microseconds extra) {
  StatusOr<std::unique_ptr<SqliteStore>> observer = SqliteStore::Open(path);
  EXPECT_THAT(observer, IsOk());  // and kill the child whatever happens
  if (observer.ok()) {
    const int64_t target = StoredDocuments(**observer) + new_batches * kBatchSize;
    const auto deadline = std::chrono::steady_clock::now() + kMaxWait;
    while (StoredDocuments(**observer) < target && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  std::this_thread::sleep_for(extra);
  kill(child, SIGKILL);
  int wait_status = 0;
  waitpid(child, &wait_status, 0);
  EXPECT_TRUE(WIFSIGNALED(wait_status) && WTERMSIG(wait_status) == SIGKILL)
      << "the writer exited by itself with status " << wait_status;
}

TEST(SqliteProcessTest, KilledWriterLeavesOnlyWholeBatches) {
  ScratchDir dir;
  const std::string path = dir.File("crash.db");
  ASSERT_THAT(SqliteStore::Open(path), IsOk());  // create and migrate, then close
  constexpr int kRounds = 6;
  int64_t stored_before = 0;
  for (int round = 0; round < kRounds; ++round) {
    // Each writer resumes a few batches back, so it re-sends duplicates before new batches.
    const int first_batch = static_cast<int>(stored_before / kBatchSize) - 2;
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) WriteForever(path, first_batch < 0 ? 0 : first_batch);
    KillWhenWritten(child, path, 2, std::chrono::microseconds(1700 * round + 300));
    stored_before = std::stoll(RawQuery(path, "SELECT COUNT(*) FROM documents"));
  }

  EXPECT_EQ(RawQuery(path, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(RawQuery(path, "PRAGMA foreign_key_check"), "");
  const std::string documents = RawQuery(path, "SELECT COUNT(*) FROM documents");
  EXPECT_GE(std::stoll(documents), 2 * kRounds * kBatchSize);
  EXPECT_EQ(std::stoll(documents) % kBatchSize, 0) << "a partial batch was committed";
  EXPECT_EQ(RawQuery(path, "SELECT COUNT(*) FROM document_texts"), documents);
  // Every stored document has exactly the sentences it declares, numbered 0..n-1.
  EXPECT_EQ(RawQuery(path,
                     "SELECT COUNT(*) FROM documents d WHERE d.sentence_count <>"
                     " (SELECT COUNT(*) FROM sentences s WHERE s.document_id = d.id)"
                     " OR d.sentence_count <> " +
                         std::to_string(kSentencesPerDocument) +
                         " OR (SELECT MAX(sentence_index) FROM sentences s"
                         " WHERE s.document_id = d.id) <> d.sentence_count - 1"),
            "0");
  // Every stored document has its events and their reports, once: one per sentence.
  const std::string per_document = std::to_string(kSentencesPerDocument);
  EXPECT_EQ(RawQuery(path, "SELECT COUNT(*) / " + per_document + " FROM events"), documents);
  EXPECT_EQ(RawQuery(path, "SELECT COUNT(*) / " + per_document + " FROM reports"), documents);
  EXPECT_EQ(RawQuery(path,
                     "SELECT COUNT(*) FROM documents d WHERE " + per_document +
                         " <> (SELECT COUNT(*) FROM reports r WHERE r.document_id = d.id)"),
            "0");
  StatusOr<std::unique_ptr<SqliteStore>> reopened = SqliteStore::Open(path);
  ASSERT_THAT(reopened, IsOk());
  EXPECT_EQ(StoredDocuments(**reopened), std::stoll(documents));
  StatusOr<StoreSummary> summary = (*reopened)->Summarize();
  ASSERT_THAT(summary, IsOk());
  EXPECT_EQ(summary->events, std::stoll(documents) * kSentencesPerDocument);
  EXPECT_EQ(summary->reports, summary->events);
}

TEST(SqliteProcessTest, ConcurrentOpensMigrateOnce) {
  ScratchDir dir;
  const std::string path = dir.File("fresh.db");
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
      const auto store = SqliteStore::Open(path);
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
  EXPECT_EQ(RawQuery(path, "SELECT COUNT(*) FROM schema_migrations"),
            std::to_string(LatestVersion(EmbeddedMigrations())));
  EXPECT_EQ(RawQuery(path, "PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace khabar::store::testing
