#include "khabar/store/sqlite_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "khabar/base/file.h"
#include "khabar/base/status_matchers.h"
#include "khabar/store/internal/sqlite_connection.h"
#include "khabar/store/internal/sqlite_migrator.h"
#include "khabar/store/internal/sqlite_queries.h"
#include "khabar/store/migration.h"
#include "khabar/store/sqlite_test_util.h"
#include "khabar/store/store_test_suite.h"

namespace khabar::store::testing {

INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, StoreTest, SqliteBackend);

namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::HasSubstr;

const std::string kLatest = std::to_string(LatestVersion(EmbeddedMigrations()));

std::unique_ptr<SqliteStore> OpenOrDie(const std::string& path) {
  StatusOr<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path);
  EXPECT_THAT(store, IsOk());
  return store.ok() ? std::move(store).value() : nullptr;
}

TEST(SqliteStoreTest, MigrationsApplyOnceAndReopenIsANoOp) {
  ScratchDir dir;
  const std::string path = dir.File("k.db");
  ASSERT_NE(OpenOrDie(path), nullptr);
  const std::string recorded =
      "SELECT group_concat(version || ':' || name || ':' || applied_at)"
      " FROM schema_migrations";
  const std::string first = RawQuery(path, recorded);
  EXPECT_THAT(first, HasSubstr("1:init:"));
  EXPECT_EQ(RawQuery(path, "SELECT COUNT(*) FROM schema_migrations"), kLatest);
  ASSERT_NE(OpenOrDie(path), nullptr);
  EXPECT_EQ(RawQuery(path, recorded), first);
  EXPECT_EQ(RawQuery(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'documents'"), "1");
}

TEST(SqliteStoreTest, WalModeIsOn) {
  ScratchDir dir;
  const std::string path = dir.File("k.db");
  ASSERT_NE(OpenOrDie(path), nullptr);
  EXPECT_EQ(RawQuery(path, "PRAGMA journal_mode"), "wal");
}

TEST(SqliteStoreTest, FutureSchemaVersionIsRefused) {
  ScratchDir dir;
  const std::string path = dir.File("k.db");
  ASSERT_NE(OpenOrDie(path), nullptr);
  const std::string future = std::to_string(LatestVersion(EmbeddedMigrations()) + 1);
  ASSERT_EQ(RawQuery(path, "INSERT INTO schema_migrations VALUES (" + future +
                               ", 'from_the_future', '2031-01-01T00:00:00Z')"),
            "");
  EXPECT_THAT(SqliteStore::Open(path),
              StatusIs(StatusCode::kFailedPrecondition,
                       ::testing::AllOf(HasSubstr(path), HasSubstr("schema version " + future))));
}

TEST(SqliteStoreTest, AnotherProgramsDatabaseIsLeftAlone) {
  ScratchDir dir;
  const std::string path = dir.File("other.db");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE recipes (name TEXT)", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  EXPECT_THAT(SqliteStore::Open(path),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("not a khabar database")));
  EXPECT_EQ(RawQuery(path, "PRAGMA journal_mode"), "delete");
  EXPECT_EQ(RawQuery(path, "SELECT group_concat(name) FROM sqlite_master"), "recipes");
}

TEST(SqliteStoreTest, RenamedMigrationIsRefused) {
  ScratchDir dir;
  const std::string path = dir.File("k.db");
  ASSERT_NE(OpenOrDie(path), nullptr);
  ASSERT_EQ(RawQuery(path, "UPDATE schema_migrations SET name = 'other' WHERE version = 1"), "");
  EXPECT_THAT(SqliteStore::Open(path),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("'other' in the database")));
}

TEST(SqliteStoreTest, DatabaseErrorMidBatchRollsBackTheBatch) {
  ScratchDir dir;
  const std::string path = dir.File("k.db");
  std::unique_ptr<SqliteStore> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  std::vector<doc::Document> earlier;
  earlier.push_back(MakeDocument("early", "", "Markets closed early."));
  ASSERT_THAT(store->WriteDocuments(Pointers(earlier)), IsOk());
  ASSERT_EQ(RawQuery(path,
                     "CREATE TRIGGER poison BEFORE INSERT ON sentences"
                     " WHEN NEW.sentence_index = 1"
                     " BEGIN SELECT RAISE(ABORT, 'poisoned sentence'); END"),
            "");
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("fine", "", "One sentence only."));
  batch.push_back(MakeDocument("bad", "", "First sentence. Second one fails."));
  EXPECT_THAT(store->WriteDocuments(Pointers(batch)),
              StatusIs(StatusCode::kInvalidArgument,
                       ::testing::AllOf(HasSubstr(path), HasSubstr("poisoned sentence"),
                                        HasSubstr("'bad'"))));
  EXPECT_EQ(RawQuery(path, "SELECT group_concat(doc_id) FROM documents"), "early");
  EXPECT_EQ(RawQuery(path, "SELECT COUNT(*) FROM sentences"), "1");
  StatusOr<StoreSummary> summary = store->Summarize();  // the store is usable afterwards
  ASSERT_THAT(summary, IsOk());
  EXPECT_EQ(summary->documents, 1);
}

TEST(SqliteStoreTest, HashesAreStoredAsSignedBitCasts) {
  ScratchDir dir;
  const std::string path = dir.File("k.db");
  std::unique_ptr<SqliteStore> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("h", "", "Bits matter."));
  batch.back().content_hash = 0xFFFFFFFFFFFFFFFFull;
  ASSERT_THAT(store->WriteDocuments(Pointers(batch)), IsOk());
  EXPECT_EQ(RawQuery(path, "SELECT content_hash || ' ' || simhash FROM documents"), "-1 0");
}

TEST(SqliteStoreTest, MinhashIsABlobOrNull) {
  ScratchDir dir;
  const std::string path = dir.File("k.db");
  std::unique_ptr<SqliteStore> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("with", "", "Signed."));
  batch.back().minhash = std::string("\x01\x00\xFF", 3);
  batch.push_back(MakeDocument("without", "", "Unsigned."));
  batch.back().minhash.clear();
  ASSERT_THAT(store->WriteDocuments(Pointers(batch)), IsOk());
  EXPECT_EQ(RawQuery(path,
                     "SELECT group_concat(doc_id || ':' || typeof(minhash) || ':' ||"
                     " COALESCE(hex(minhash), ''), ' ') FROM documents"),
            "with:blob:0100FF without:null:");
}

TEST(SqliteStoreTest, VersionOneDatabaseGainsTheMinhashColumn) {
  ScratchDir dir;
  const std::string path = dir.File("k.db");
  {
    StatusOr<internal::SqliteConnection> connection = internal::SqliteConnection::Open(path);
    ASSERT_THAT(connection, IsOk());
    ASSERT_THAT(
        internal::MigrateSqlite(*connection, EmbeddedMigrations().first(1), "2026-01-01T00:00:00Z"),
        IsOk());
  }
  ASSERT_EQ(RawQuery(path,
                     "INSERT INTO documents (doc_id, content_hash, simhash, token_count,"
                     " sentence_count, ingested_at) VALUES ('old', 1, 2, 0, 0, 'x')"),
            "");
  std::unique_ptr<SqliteStore> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(RawQuery(path, "SELECT MAX(version) FROM schema_migrations"), kLatest);
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("new", "", "Signed."));
  ASSERT_THAT(store->WriteDocuments(Pointers(batch)), IsOk());
  auto fingerprints = store->LoadFingerprints();
  ASSERT_THAT(fingerprints, IsOk());
  ASSERT_EQ(fingerprints->size(), 2u);
  EXPECT_EQ((*fingerprints)[0].doc_id, "old");
  EXPECT_EQ((*fingerprints)[0].minhash, "");
  EXPECT_EQ((*fingerprints)[1].minhash, "sig:new");
}

TEST(SqliteStoreTest, VersionFourIndexesEarlierReportsForSearch) {
  ScratchDir dir;
  const std::string path = dir.File("k.db");
  {
    StatusOr<internal::SqliteConnection> connection = internal::SqliteConnection::Open(path);
    ASSERT_THAT(connection, IsOk());
    ASSERT_THAT(
        internal::MigrateSqlite(*connection, EmbeddedMigrations().first(3), "2026-01-01T00:00:00Z"),
        IsOk());
  }
  // "Intro. Rebels shelled Darnah." with its second sentence's bytes 7..29 reporting an event.
  ASSERT_EQ(RawQuery(path,
                     "INSERT INTO documents (id, doc_id, content_hash, simhash, token_count,"
                     " sentence_count, ingested_at) VALUES (1, 'old', 1, 2, 4, 2, 'x');"
                     "INSERT INTO document_texts VALUES (1, 'Intro. Rebels shelled Darnah.',"
                     " 'Intro. Rebels shelled Darnah.');"
                     "INSERT INTO sentences VALUES (1, 1, 7, 29, 7, 29, 3);"
                     "INSERT INTO events (id, event_id, source_text, cameo, root, quad_class,"
                     " created_at) VALUES (1, 'e1', 'Rebels', '195', '19', 4, 'x');"
                     "INSERT INTO reports (event_id, document_id, sentence_index, span_begin,"
                     " span_end) VALUES (1, 1, 1, 7, 29)"),
            "");
  ASSERT_NE(OpenOrDie(path), nullptr);
  EXPECT_EQ(RawQuery(path, "SELECT event_id FROM event_text WHERE event_text MATCH 'darnah'"), "1");
  EXPECT_EQ(RawQuery(path, "SELECT body FROM event_text"), "Rebels shelled Darnah. Rebels   ");
}

TEST(SqliteStoreTest, NewEventsGetActorKeysAndSearchText) {
  ScratchDir dir;
  const std::string path = dir.File("k.db");
  std::unique_ptr<SqliteStore> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("a", "", "Hafter met envoys."));
  AddEvent(batch.back(), 0, "LBYMIL", "040", "IGOUNO").source.actor = "KHALIFA_HAFTAR";
  ASSERT_THAT(store->WriteDocuments(Pointers(batch)), IsOk());
  // The key of Haftar, Hafter and Hifter (dict/normalize.h).
  EXPECT_EQ(RawQuery(path, "SELECT COUNT(*) FROM event_actor_keys WHERE actor_key = 'hefter'"), "1");
  EXPECT_EQ(RawQuery(path, "SELECT body FROM event_text"), "Hafter met envoys. Khalifa Haftar");
}

TEST(SqliteStoreTest, StoresOffsetsAndMetadata) {
  ScratchDir dir;
  const std::string path = dir.File("k.db");
  std::unique_ptr<SqliteStore> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("m", "https://x.test/m", "Ab cd. Ef."));
  doc::Document& document = batch.back();
  document.raw = "Ab  cd. Ef.";  // the normaliser folded a double space
  document.offsets.AddAnchor(0, 0);
  document.offsets.AddAnchor(2, 2);
  document.offsets.AddAnchor(3, 4);
  document.published = "2019-05-29";
  document.published_from = doc::DateSource::kDateline;
  ASSERT_THAT(store->WriteDocuments(Pointers(batch)), IsOk());
  EXPECT_EQ(RawQuery(path,
                     "SELECT group_concat(begin_byte || '-' || end_byte || '/' ||"
                     " raw_begin || '-' || raw_end || '/' || token_count, ' ')"
                     " FROM sentences ORDER BY sentence_index"),
            "0-6/0-7/2 7-10/8-11/1");
  EXPECT_EQ(RawQuery(path,
                     "SELECT published || ' ' || published_from || ' ' || normalized_text"
                     " || '|' || raw_text FROM documents JOIN document_texts"
                     " ON document_texts.document_id = documents.id"),
            "2019-05-29 dateline Ab cd. Ef.|Ab  cd. Ef.");
}

TEST(SqliteStoreTest, StoresEventColumnsAndRawReportSpans) {
  ScratchDir dir;
  const std::string path = dir.File("k.db");
  std::unique_ptr<SqliteStore> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("afp-2019-05-28-0042", "", "Ab cd. Ef. Sisi met Haftar."));
  doc::Document& document = batch.back();
  document.raw = "Ab  cd. Ef. Sisi met Haftar.";  // the normaliser folded a double space
  document.offsets.AddAnchor(0, 0);
  document.offsets.AddAnchor(2, 2);
  document.offsets.AddAnchor(3, 4);
  document.published = "2019-05-28";
  doc::Event& event = AddEvent(document, 2, "EGYGOV", "0332", "LBYMIL");
  event.verb = 7;
  event.source.actor = "ABDEL_FATTAH_AL-SISI";
  event.target.actor = "KHALIFA_(BELQASIM)_HAFTAR_";
  event.root = "03";
  event.quad_class = 1;
  event.goldstein = 2.8f;
  event.plover = "CONSULT";
  event.negated = true;
  ASSERT_THAT(store->WriteDocuments(Pointers(batch)), IsOk());
  // The id pinned in internal/event_columns_test.cc, i.e. the one of the event JSON.
  EXPECT_EQ(RawQuery(path,
                     "SELECT event_id || '|' || date || '|' || date_precision || '|' ||"
                     " date_from || '|' || source_text || '|' || source_actor || '|' ||"
                     " source_code || '|' || source_country || '|' || target_text || '|' ||"
                     " target_actor || '|' || target_code || '|' || target_country FROM events"),
            "7c3deebe1d0d8d87|2019-05-28|day|publication|Sisi|Abdel Fattah Al-Sisi|EGYGOV|EGY|"
            "Haftar.|Khalifa (Belqasim) Haftar|LBYMIL|LBY");
  EXPECT_EQ(RawQuery(path,
                     "SELECT cameo || '|' || root || '|' || quad_class || '|' || goldstein ||"
                     " '|' || plover || '|' || certainty || '|' || negated || '|' ||"
                     " typeof(location_name) || '|' || typeof(fatalities) FROM events"),
            "0332|03|1|2.8|CONSULT|negated|1|null|null");
  EXPECT_EQ(RawQuery(path,
                     "SELECT r.sentence_index || '|' || r.span_begin || '-' || r.span_end || '|' ||"
                     " r.pattern || '|' || d.doc_id || '|' || e.event_id || '|' || r.report_key || '|' ||"
                     " typeof(r.merge_score) || '|' || json_extract(r.extra, '$.source_code') || '|' ||"
                     " json_extract(r.extra, '$.outlet_key') || '|' || json_extract(r.extra, '$.target_span[0]')"
                     " FROM reports r JOIN documents d ON d.id = r.document_id"
                     " JOIN events e ON e.id = r.event_id"),
            "2|12-28|* MEET +|afp-2019-05-28-0042|7c3deebe1d0d8d87|7c3deebe1d0d8d87|null|EGYGOV|"
            "test wire|21");
  EXPECT_EQ(RawQuery(path, "SELECT report_count || '|' || corroboration FROM events"), "1|1");
  EXPECT_EQ(RawQuery(path, "PRAGMA foreign_key_check"), "");
}

TEST(SqliteStoreTest, UndatedDocumentGivesUndatedEvents) {
  ScratchDir dir;
  const std::string path = dir.File("k.db");
  std::unique_ptr<SqliteStore> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("u", "", "Troops withdrew."));
  doc::Event& event = AddEvent(batch.back(), 0, "MIL", "0874", "");
  event.source.actor.clear();  // an agent-only code names no country
  event.target = {};
  ASSERT_THAT(store->WriteDocuments(Pointers(batch)), IsOk());
  EXPECT_EQ(RawQuery(path,
                     "SELECT '[' || date || '|' || date_precision || '|' || date_from || '|' ||"
                     " source_actor || '|' || source_country || '|' || target_text || '|' ||"
                     " target_code || '|' || certainty || ']' FROM events"),
            "[|||||||asserted]");
}

TEST(SqliteStoreTest, EventErrorMidBatchRollsBackDocumentsToo) {
  ScratchDir dir;
  const std::string path = dir.File("k.db");
  std::unique_ptr<SqliteStore> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  ASSERT_EQ(RawQuery(path,
                     "CREATE TRIGGER poison BEFORE INSERT ON reports WHEN NEW.pattern = 'bad'"
                     " BEGIN SELECT RAISE(ABORT, 'poisoned report'); END"),
            "");
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("fine", "", "Egypt hosted Haftar."));
  AddEvent(batch.back(), 0, "EGYGOV", "042", "LBYMIL");
  batch.push_back(MakeDocument("bad", "", "Egypt hosted Haftar again."));
  AddEvent(batch.back(), 0, "EGYGOV", "042", "LBYMIL").pattern = "bad";
  EXPECT_THAT(store->WriteDocuments(Pointers(batch)),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("poisoned report")));
  EXPECT_EQ(RawQuery(path, "SELECT COUNT(*) FROM documents"), "0");
  EXPECT_EQ(RawQuery(path, "SELECT COUNT(*) FROM events"), "0");
  EXPECT_EQ(RawQuery(path, "SELECT COUNT(*) FROM reports"), "0");
}

TEST(SqliteStoreTest, QuarantineRowHoldsTheRecord) {
  ScratchDir dir;
  const std::string path = dir.File("k.db");
  std::unique_ptr<SqliteStore> store = OpenOrDie(path);
  ASSERT_NE(store, nullptr);
  const QuarantineRecord record{"in/feed.xml",
                                "",
                                "ingest",
                                12,
                                4096,
                                std::string(StatusCodeName(StatusCode::kDataLoss)),
                                "unterminated <item>"};
  ASSERT_THAT(store->Quarantine(record), IsOk());
  EXPECT_EQ(RawQuery(path,
                     "SELECT path || '|' || doc_id || '|' || stage || '|' || line || '|' ||"
                     " byte_offset || '|' || code || '|' || message FROM quarantine"),
            "in/feed.xml||ingest|12|4096|DataLoss|unterminated <item>");
  QuarantineRecord no_code = record;
  no_code.code.clear();
  EXPECT_THAT(store->Quarantine(no_code),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("code")));
}

TEST(SqliteStoreTest, TwoStoresOnOneFileDeduplicateAcrossConnections) {
  ScratchDir dir;
  const std::string path = dir.File("k.db");
  std::unique_ptr<SqliteStore> first = OpenOrDie(path);
  std::unique_ptr<SqliteStore> second = OpenOrDie(path);
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("s", "https://x.test/s", "Shared story."));
  ASSERT_THAT(first->WriteDocuments(Pointers(batch)), IsOk());
  auto writes = second->WriteDocuments(Pointers(batch));
  ASSERT_THAT(writes, IsOk());
  EXPECT_EQ((*writes)[0].outcome, DocumentWrite::Outcome::kDuplicateUrl);
}

TEST(SqliteStoreTest, ThreadsShareOneStore) {
  ScratchDir dir;
  std::unique_ptr<SqliteStore> store = OpenOrDie(dir.File("k.db"));
  ASSERT_NE(store, nullptr);
  constexpr int kThreads = 4;
  constexpr int kBatches = 10;
  std::vector<std::thread> threads;
  for (int thread_idx = 0; thread_idx < kThreads; ++thread_idx) {
    threads.emplace_back([&store, thread_idx] {
      for (int batch_idx = 0; batch_idx < kBatches; ++batch_idx) {
        std::vector<doc::Document> batch;
        const std::string id = std::to_string(thread_idx) + "." + std::to_string(batch_idx);
        batch.push_back(MakeDocument(id, "", "Story number " + id + "."));
        EXPECT_THAT(store->WriteDocuments(Pointers(batch)), IsOk());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  StatusOr<StoreSummary> summary = store->Summarize();
  ASSERT_THAT(summary, IsOk());
  EXPECT_EQ(summary->documents, kThreads * kBatches);
}

// The first line of SQLite's plan for `sql`, e.g. "SEARCH documents USING INDEX ...".
std::string QueryPlan(const std::string& path, std::string_view sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> owner(db, sqlite3_close_v2);
  const std::string explain = "EXPLAIN QUERY PLAN " + std::string(sql);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, explain.c_str(), -1, &statement, nullptr);
  std::string detail;
  if (sqlite3_step(statement) == SQLITE_ROW) {
    detail = reinterpret_cast<const char*>(sqlite3_column_text(statement, 3));
  }
  sqlite3_finalize(statement);
  return detail;
}

TEST(SqliteStoreTest, DuplicateLookupsUseIndexes) {
  ScratchDir dir;
  const std::string path = dir.File("k.db");
  ASSERT_NE(OpenOrDie(path), nullptr);
  EXPECT_THAT(QueryPlan(path, internal::queries::kFindUrl), HasSubstr("INDEX documents_url"));
  EXPECT_THAT(QueryPlan(path, internal::queries::kFindContent),
              HasSubstr("INDEX documents_content_hash"));
}

TEST(SqliteStoreTest, InMemoryDatabaseWorks) {
  std::unique_ptr<SqliteStore> store = OpenOrDie(":memory:");
  ASSERT_NE(store, nullptr);
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("mem", "", "Nothing touches the disk."));
  ASSERT_THAT(store->WriteDocuments(Pointers(batch)), IsOk());
  StatusOr<StoreSummary> summary = store->Summarize();
  ASSERT_THAT(summary, IsOk());
  EXPECT_EQ(summary->documents, 1);
}

TEST(SqliteStoreTest, NotADatabaseIsDataLoss) {
  ScratchDir dir;
  const std::string path = dir.File("junk.db");
  ASSERT_THAT(base::WriteFile(path, std::string(4096, 'x')), IsOk());
  EXPECT_THAT(SqliteStore::Open(path), StatusIs(StatusCode::kDataLoss, HasSubstr(path)));
}

TEST(SqliteStoreTest, UnopenablePathIsUnavailable) {
  ScratchDir dir;
  const std::string path = dir.File("missing/dir/k.db");
  EXPECT_THAT(SqliteStore::Open(path), StatusIs(StatusCode::kUnavailable, HasSubstr(path)));
}

}  // namespace
}  // namespace khabar::store::testing
