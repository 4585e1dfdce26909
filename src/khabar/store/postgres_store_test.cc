// PostgresStore against a real server (KHABAR_TEST_PG; postgres_test_util.h): the typed
// conformance suite plus the PostgreSQL specifics. Without a server every test is skipped.
#include "khabar/store/postgres_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "khabar/base/status_matchers.h"
#include "khabar/store/migration.h"
#include "khabar/store/open_store.h"
#include "khabar/store/postgres_test_util.h"
#include "khabar/store/store_test_suite.h"

namespace khabar::store::testing {

INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, StoreTest, PostgresBackend);

namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::HasSubstr;

const std::string kLatest = std::to_string(LatestVersion(EmbeddedMigrations()));

std::unique_ptr<PostgresStore> OpenOrDie(const ScratchDatabase& database) {
  StatusOr<std::unique_ptr<PostgresStore>> store = PostgresStore::Open(database.conninfo());
  EXPECT_THAT(store, IsOk());
  return store.ok() ? std::move(store).value() : nullptr;
}

TEST(PostgresStoreTest, MigrationsApplyOnceAndReopenIsANoOp) {
  ScratchDatabase database;
  ASSERT_NE(OpenOrDie(database), nullptr);
  const std::string recorded =
      "SELECT string_agg(version || ':' || name || ':' || applied_at, ',' ORDER BY version)"
      " FROM schema_migrations";
  const std::string first = database.Query(recorded);
  EXPECT_THAT(first, HasSubstr("1:init:"));
  EXPECT_THAT(first, HasSubstr("3:event_counts:"));
  EXPECT_EQ(database.Query("SELECT COUNT(*) FROM schema_migrations"), kLatest);
  ASSERT_NE(OpenOrDie(database), nullptr);
  EXPECT_EQ(database.Query(recorded), first);
  // The dialect tokens became PostgreSQL types.
  EXPECT_EQ(database.Query("SELECT data_type || '/' || is_identity FROM information_schema.columns"
                           " WHERE table_name = 'documents' AND column_name = 'id'"),
            "bigint/YES");
  EXPECT_EQ(database.Query("SELECT data_type FROM information_schema.columns"
                           " WHERE table_name = 'documents' AND column_name = 'minhash'"),
            "bytea");
}

TEST(PostgresStoreTest, FutureSchemaVersionIsRefused) {
  ScratchDatabase database;
  ASSERT_NE(OpenOrDie(database), nullptr);
  const std::string future = std::to_string(LatestVersion(EmbeddedMigrations()) + 1);
  ASSERT_EQ(database.Query("INSERT INTO schema_migrations VALUES (" + future +
                           ", 'from_the_future', '2031-01-01T00:00:00Z')"),
            "");
  EXPECT_THAT(PostgresStore::Open(database.conninfo()),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("schema version " + future)));
}

TEST(PostgresStoreTest, AnotherProgramsSchemaIsLeftAlone) {
  ScratchDatabase database;
  ASSERT_EQ(database.Query("CREATE TABLE recipes (name TEXT)"), "");
  EXPECT_THAT(PostgresStore::Open(database.conninfo()),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("not a khabar database")));
  EXPECT_EQ(database.Query("SELECT string_agg(table_name, ',') FROM information_schema.tables"
                           " WHERE table_schema = 'public'"),
            "recipes");
}

TEST(PostgresStoreTest, AnotherSchemaThroughSearchPathIsSeparate) {
  ScratchDatabase database;
  ASSERT_EQ(database.Query("CREATE TABLE recipes (name TEXT)"), "");
  ASSERT_EQ(database.Query("CREATE SCHEMA khabar"), "");
  StatusOr<std::unique_ptr<PostgresStore>> store =
      PostgresStore::Open(database.conninfo() + " options='-csearch_path=khabar'");
  ASSERT_THAT(store, IsOk());
  EXPECT_EQ(database.Query("SELECT COUNT(*) FROM khabar.schema_migrations"), kLatest);
}

TEST(PostgresStoreTest, RenamedMigrationIsRefused) {
  ScratchDatabase database;
  ASSERT_NE(OpenOrDie(database), nullptr);
  ASSERT_EQ(database.Query("UPDATE schema_migrations SET name = 'other' WHERE version = 1"), "");
  EXPECT_THAT(PostgresStore::Open(database.conninfo()),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("'other' in the database")));
}

TEST(PostgresStoreTest, UnreachableServerIsUnavailable) {
  EXPECT_THAT(PostgresStore::Open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"),
              StatusIs(StatusCode::kUnavailable, HasSubstr("cannot connect")));
}

TEST(PostgresStoreTest, DatabaseErrorMidBatchRollsBackTheBatch) {
  ScratchDatabase database;
  std::unique_ptr<PostgresStore> store = OpenOrDie(database);
  ASSERT_NE(store, nullptr);
  std::vector<doc::Document> earlier;
  earlier.push_back(MakeDocument("early", "", "Markets closed early."));
  ASSERT_THAT(store->WriteDocuments(Pointers(earlier)), IsOk());
  ASSERT_EQ(database.Query("CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$"
                           " BEGIN RAISE EXCEPTION 'poisoned sentence'; END $$"),
            "");
  ASSERT_EQ(database.Query("CREATE TRIGGER poison BEFORE INSERT ON sentences FOR EACH ROW"
                           " WHEN (NEW.sentence_index = 1) EXECUTE FUNCTION poison()"),
            "");
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("fine", "", "One sentence only."));
  batch.push_back(MakeDocument("bad", "", "First sentence. Second one fails."));
  EXPECT_THAT(store->WriteDocuments(Pointers(batch)),
              StatusIs(StatusCode::kInvalidArgument,
                       ::testing::AllOf(HasSubstr("poisoned sentence"), HasSubstr("'bad'"))));
  EXPECT_EQ(database.Query("SELECT string_agg(doc_id, ',') FROM documents"), "early");
  EXPECT_EQ(database.Query("SELECT COUNT(*) FROM sentences"), "1");
  StatusOr<StoreSummary> summary = store->Summarize();  // the store is usable afterwards
  ASSERT_THAT(summary, IsOk());
  EXPECT_EQ(summary->documents, 1);
}

TEST(PostgresStoreTest, HashesAreStoredAsSignedBitCasts) {
  ScratchDatabase database;
  std::unique_ptr<PostgresStore> store = OpenOrDie(database);
  ASSERT_NE(store, nullptr);
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("max", "", "All bits set."));
  batch.back().content_hash = 0xFFFFFFFFFFFFFFFFull;
  batch.push_back(MakeDocument("min", "", "Top bit only."));
  batch.back().content_hash = 0x8000000000000000ull;
  ASSERT_THAT(store->WriteDocuments(Pointers(batch)), IsOk());
  EXPECT_EQ(database.Query("SELECT string_agg(content_hash::text, ',' ORDER BY id)"
                           " FROM documents"),
            "-1,-9223372036854775808");
  auto again = store->WriteDocuments(Pointers(batch));
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ((*again)[0].outcome, DocumentWrite::Outcome::kDuplicateContent);
  EXPECT_EQ((*again)[1].outcome, DocumentWrite::Outcome::kDuplicateContent);
}

TEST(PostgresStoreTest, MinhashIsByteaOrNull) {
  ScratchDatabase database;
  std::unique_ptr<PostgresStore> store = OpenOrDie(database);
  ASSERT_NE(store, nullptr);
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("sig", "", "Signed."));
  batch.back().minhash = std::string("\x00\x01\xff", 3);
  batch.push_back(MakeDocument("nosig", "", "Unsigned."));
  batch.back().minhash.clear();
  ASSERT_THAT(store->WriteDocuments(Pointers(batch)), IsOk());
  EXPECT_EQ(database.Query("SELECT string_agg(coalesce(encode(minhash, 'hex'), 'NULL'), ','"
                           " ORDER BY id) FROM documents"),
            "0001ff,NULL");
}

TEST(PostgresStoreTest, StoresEventColumnsAndRawReportSpans) {
  ScratchDatabase database;
  std::unique_ptr<PostgresStore> store = OpenOrDie(database);
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
  event.counts.killed.value = 12;
  ASSERT_THAT(store->WriteDocuments(Pointers(batch)), IsOk());
  // The same values as SqliteStoreTest.StoresEventColumnsAndRawReportSpans.
  EXPECT_EQ(database.Query(
                "SELECT event_id || '|' || date || '|' || date_precision || '|' ||"
                " date_from || '|' || source_text || '|' || source_actor || '|' ||"
                " source_code || '|' || source_country || '|' || target_text || '|' ||"
                " target_actor || '|' || target_code || '|' || target_country FROM events"),
            "7c3deebe1d0d8d87|2019-05-28|day|publication|Sisi|Abdel Fattah Al-Sisi|EGYGOV|EGY|"
            "Haftar.|Khalifa (Belqasim) Haftar|LBYMIL|LBY");
  EXPECT_EQ(database.Query("SELECT cameo || '|' || root || '|' || quad_class || '|' || goldstein"
                           " || '|' || plover || '|' || certainty || '|' || negated || '|' ||"
                           " (location_name IS NULL) || '|' || fatalities || '|' ||"
                           " (injured IS NULL) || '|' || (displaced IS NULL) FROM events"),
            "0332|03|1|2.8|CONSULT|negated|true|true|12|true|true");
  EXPECT_EQ(database.Query(
                "SELECT r.sentence_index || '|' || r.span_begin || '-' || r.span_end || '|' ||"
                " r.pattern || '|' || d.doc_id || '|' || e.event_id || '|' || r.report_key || '|' ||"
                " (r.merge_score IS NULL) || '|' || (r.extra::json ->> 'source_code') || '|' ||"
                " (r.extra::json ->> 'outlet_key') || '|' || (r.extra::json -> 'target_span' ->> 0)"
                " FROM reports r JOIN documents d ON d.id = r.document_id"
                " JOIN events e ON e.id = r.event_id"),
            "2|12-28|* MEET +|afp-2019-05-28-0042|7c3deebe1d0d8d87|7c3deebe1d0d8d87|true|EGYGOV|"
            "test wire|21");
  EXPECT_EQ(database.Query("SELECT report_count || '|' || corroboration FROM events"), "1|1");
}

TEST(PostgresStoreTest, QuarantineRowHoldsTheRecord) {
  ScratchDatabase database;
  std::unique_ptr<PostgresStore> store = OpenOrDie(database);
  ASSERT_NE(store, nullptr);
  ASSERT_THAT(store->Quarantine({"feeds/a.jsonl", "d7", "ingest", 3, 812, "DataLoss",
                                 "truncated JSON"}),
              IsOk());
  EXPECT_EQ(database.Query("SELECT path || '|' || doc_id || '|' || stage || '|' || line || '|' ||"
                           " byte_offset || '|' || code || '|' || message FROM quarantine"),
            "feeds/a.jsonl|d7|ingest|3|812|DataLoss|truncated JSON");
}

TEST(PostgresStoreTest, TwoStoresDeduplicateAcrossConnections) {
  ScratchDatabase database;
  std::unique_ptr<PostgresStore> first = OpenOrDie(database);
  std::unique_ptr<PostgresStore> second = OpenOrDie(database);
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("shared", "https://x.test/s", "Both saw this."));
  ASSERT_THAT(first->WriteDocuments(Pointers(batch)), IsOk());
  auto writes = second->WriteDocuments(Pointers(batch));
  ASSERT_THAT(writes, IsOk());
  EXPECT_EQ((*writes)[0].outcome, DocumentWrite::Outcome::kDuplicateUrl);
}

// Writers on separate connections race with overlapping batches: the write lock makes each
// batch see the others, so every document is stored once and no batch fails.
TEST(PostgresStoreTest, ConcurrentWritersStoreEachDocumentOnce) {
  ScratchDatabase database;
  constexpr int kWriters = 4;
  constexpr int kDocuments = 40;
  std::vector<std::thread> writers;
  std::vector<Status> results(kWriters);
  for (int writer_idx = 0; writer_idx < kWriters; ++writer_idx) {
    writers.emplace_back([&, writer_idx] {
      StatusOr<std::unique_ptr<PostgresStore>> store = PostgresStore::Open(database.conninfo());
      if (!store.ok()) {
        results[writer_idx] = store.status();
        return;
      }
      for (int doc_idx = 0; doc_idx < kDocuments && results[writer_idx].ok(); doc_idx += 4) {
        std::vector<doc::Document> batch;
        for (int k = 0; k < 4; ++k) {
          const std::string id = std::to_string((doc_idx + k + writer_idx) % kDocuments);
          batch.push_back(MakeDocument(id, "https://race.test/" + id, "Story " + id + "."));
          AddEvent(batch.back(), 0, "EGYGOV", "042", "LBYMIL");
        }
        results[writer_idx] = (*store)->WriteDocuments(Pointers(batch)).status();
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  for (const Status& result : results) EXPECT_THAT(result, IsOk());
  EXPECT_EQ(database.Query("SELECT COUNT(*) FROM documents"), std::to_string(kDocuments));
  EXPECT_EQ(database.Query("SELECT COUNT(*) FROM events"), std::to_string(kDocuments));
  EXPECT_EQ(database.Query("SELECT COUNT(*) FROM reports"), std::to_string(kDocuments));
}

TEST(PostgresStoreTest, LostConnectionIsReopenedByTheNextCall) {
  ScratchDatabase database;
  std::unique_ptr<PostgresStore> store = OpenOrDie(database);
  ASSERT_NE(store, nullptr);
  ASSERT_NE(database.Query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                           " WHERE datname = current_database() AND pid <> pg_backend_pid()"),
            "");
  // The first call after the kill may find out the hard way; the next one reconnects.
  (void)store->Summarize();
  std::vector<doc::Document> batch;
  batch.push_back(MakeDocument("after", "", "Written after a reconnect."));
  ASSERT_THAT(store->WriteDocuments(Pointers(batch)), IsOk());
  StatusOr<StoreSummary> summary = store->Summarize();
  ASSERT_THAT(summary, IsOk());
  EXPECT_EQ(summary->documents, 1);
}

TEST(PostgresStoreTest, OpenStoreTakesAUri) {
  ScratchDatabase database;
  const std::string dbname = database.Query("SELECT current_database()");
  // KHABAR_TEST_PG may be key=value pairs; OpenStore wants a URI, so build one from the pieces.
  const std::string uri = "postgresql://" + PgRawQuery(database.conninfo(), "SELECT current_user") +
                          "@" + PgRawQuery(database.conninfo(), "SELECT inet_server_addr()") +
                          ":" + PgRawQuery(database.conninfo(), "SELECT inet_server_port()") +
                          "/" + dbname;
  if (uri.find("@:") != std::string::npos) GTEST_SKIP() << "the test server is on a socket";
  StatusOr<std::unique_ptr<Store>> store = OpenStore(uri);
  ASSERT_THAT(store, IsOk());
  EXPECT_NE(dynamic_cast<PostgresStore*>(store->get()), nullptr);
}

}  // namespace
}  // namespace khabar::store::testing
