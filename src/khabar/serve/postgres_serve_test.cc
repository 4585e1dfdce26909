// The API over PostgreSQL: the same invented documents written into a SQLite store and a
// PostgreSQL store, and every endpoint asked of both must answer the same JSON, byte for byte.
// Against the server in KHABAR_TEST_PG (postgres_test_util.h): skipped without it, failed
// without it under KHABAR_REQUIRE_PG=1.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "khabar/base/status_matchers.h"
#include "khabar/dict/actor_dictionary.h"
#include "khabar/query/postgres_event_source.h"
#include "khabar/serve/actor_aliases.h"
#include "khabar/serve/api.h"
#include "khabar/serve/serve_test_corpus.h"
#include "khabar/serve/store_reader.h"
#include "khabar/store/postgres_test_util.h"
#include "khabar/store/sqlite_test_util.h"

namespace khabar::store::testing {
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(StoreTest);
}  // namespace khabar::store::testing

namespace khabar::serve {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::HasSubstr;
using json = nlohmann::json;

// Beyond the serve test's corpus: an article whose first sentence has multi-byte characters,
// so that byte offsets differ from character offsets, with an undated, unplaced event; and a
// second report of the shelling from its second sentence, with a merge score and reason.
std::vector<doc::Document> WiderCorpus() {
  std::vector<doc::Document> documents = testing::Corpus();
  documents.push_back(store::testing::MakeDocument(
      "c", "https://x.test/c", "Ḥaftar’s envoy criticised Qaṭar. Troops of Ḥaftar shelled Miṣrata."));
  doc::Document& c = documents.back();
  c.published = "2020-01-11";
  c.title = "Shelling near Miṣrata";
  doc::Event& criticise = store::testing::AddEvent(c, 0, "LBYMIL", "111", "QAT");
  testing::SetArgument(criticise.target, "QAT", "QATAR");
  return documents;
}

std::vector<std::string> WiderCorpusUpdates() {
  std::vector<std::string> updates = testing::CorpusUpdates();
  updates.push_back(
      "INSERT INTO reports (event_id, document_id, sentence_index, span_begin, span_end, extra, merge_score,"
      " merge_reason) SELECT (SELECT id FROM events WHERE cameo = '195'), s.document_id, s.sentence_index,"
      " s.raw_begin, s.raw_end,"
      " '{\"cameo\":\"195\",\"source_code\":\"LBYMIL\",\"verb_span\":[" +
      std::to_string(std::string("Ḥaftar’s envoy criticised Qaṭar. Troops of Ḥaftar ").size()) + "," +
      std::to_string(std::string("Ḥaftar’s envoy criticised Qaṭar. Troops of Ḥaftar shelled").size()) +
      "]}', 0.8125, 'same dyad; shared words: shelled'"
      " FROM sentences s JOIN documents d ON d.id = s.document_id WHERE d.doc_id = 'c' AND s.sentence_index = 1");
  return updates;
}

class BothBackendsServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::vector<doc::Document> documents = WiderCorpus();
    for (auto* open : {+[](BothBackendsServeTest* t) { return t->sqlite_.Open(); },
                       +[](BothBackendsServeTest* t) { return t->postgres_.Open(); }}) {
      StatusOr<std::unique_ptr<store::Store>> store = open(this);
      ASSERT_THAT(store, IsOk());
      ASSERT_THAT((*store)->WriteDocuments(store::testing::Pointers(documents)), IsOk());
    }
    // The PostgreSQL store leaves the search rows to its first reader (postgres_search_rows.h).
    ASSERT_THAT(query::PostgresEventSource::Open(postgres_.database().conninfo()), IsOk());
    for (const std::string& sql : WiderCorpusUpdates()) {
      ASSERT_EQ(sqlite_.Query(sql), "") << sql;
      ASSERT_EQ(postgres_.Query(sql), "") << sql;
    }
    const dict::DictionarySource source{"test.actors.txt", testing::kActors};
    dict::Warnings warnings;
    aliases_ = ActorAliases(dict::ActorDictionary::Parse({&source, 1}, &warnings));
    sqlite_pool_ = std::make_unique<ReaderPool>([path = sqlite_.path()] { return OpenReader(path); });
    postgres_pool_ =
        std::make_unique<ReaderPool>([spec = postgres_.database().conninfo()] { return OpenReader(spec); });
    sqlite_api_ = std::make_unique<Api>(sqlite_pool_.get(), &aliases_);
    postgres_api_ = std::make_unique<Api>(postgres_pool_.get(), &aliases_);
  }

  // Both backends' answers to GET `path` with `params`; fails the test unless they are equal.
  ApiResponse ExpectSame(const std::string& path, const Params& params = {}) {
    const ApiResponse sqlite = sqlite_api_->Get(path, params);
    const ApiResponse postgres = postgres_api_->Get(path, params);
    std::string query;
    for (const auto& [name, value] : params) query += (query.empty() ? "?" : "&") + name + "=" + value;
    EXPECT_EQ(postgres.status, sqlite.status) << path << query;
    EXPECT_EQ(postgres.body, sqlite.body) << path << query;
    return sqlite;
  }

  store::testing::SqliteBackend sqlite_;
  store::testing::PostgresBackend postgres_;
  ActorAliases aliases_;
  std::unique_ptr<ReaderPool> sqlite_pool_, postgres_pool_;
  std::unique_ptr<Api> sqlite_api_, postgres_api_;
};

TEST_F(BothBackendsServeTest, EventListsWithFiltersAndPagingAreTheSame) {
  const std::vector<Params> queries = {
      {},
      {{"page_size", "2"}},
      {{"page_size", "2"}, {"page", "2"}},
      {{"page", "9"}},
      {{"actor", "Hifter"}},
      {{"actor", "LBYMIL"}},
      {{"root", "19"}},
      {{"root", "19"}, {"page_size", "1"}},
      {{"cameo", "04"}, {"code", "lby"}},
      {{"quad", "4"}, {"country", "LY"}},
      {{"country", "QAT"}},
      {{"from", "2019-05-28"}, {"to", "2020"}},
      {{"near", "32.11,20.07"}, {"radius_km", "300"}},
      {{"certainty", "alleged,denied"}},
      {{"text", "shelled tripoli"}},
      {{"text", "criticis*"}},
      {{"colour", "red"}},
      {{"from", "2019-13"}},
  };
  for (const Params& params : queries) ExpectSame("/api/events", params);
  EXPECT_EQ(json::parse(ExpectSame("/api/events").body)["total"], 4);
}

TEST_F(BothBackendsServeTest, EveryEventWithItsReportsIsTheSame) {
  const json events = json::parse(ExpectSame("/api/events").body)["events"];
  ASSERT_EQ(events.size(), 4u);
  for (const json& event : events) {
    const json body = json::parse(ExpectSame("/api/events/" + event["id"].get<std::string>()).body);
    if (event["cameo"] != "195") continue;
    // Two reports by reports.id; the second's sentence cut by bytes after multi-byte text.
    ASSERT_EQ(body["reports"].size(), 2u);
    EXPECT_EQ(body["reports"][1]["sentence"], "Troops of Ḥaftar shelled Miṣrata.");
    EXPECT_EQ(body["reports"][1]["merge_score"], 0.8125);
    EXPECT_EQ(body["reports"][1]["segments"][1], json::parse(R"({"text":"shelled","role":"verb"})"));
  }
  ExpectSame("/api/events/0123456789abcdef");
}

TEST_F(BothBackendsServeTest, ActorsArticlesAndStatsAreTheSame) {
  ExpectSame("/api/actors");
  ExpectSame("/api/actors", {{"q", "hifter"}});
  ExpectSame("/api/actors", {{"q", "EGY"}});
  ExpectSame("/api/actors", {{"limit", "1"}});
  ExpectSame("/api/articles");
  ExpectSame("/api/articles", {{"page", "2"}, {"page_size", "1"}});
  ExpectSame("/api/stats/daily");
  ExpectSame("/api/stats/daily", {{"root", "04"}});
  ExpectSame("/api/stats/roots");
  ExpectSame("/api/stats/roots", {{"actor", "Sisi"}});
  ExpectSame("/api/network");
  ExpectSame("/api/network", {{"root", "19"}, {"limit", "1"}});
  EXPECT_EQ(json::parse(ExpectSame("/api/articles").body)["articles"][0]["doc_id"], "c");
}

TEST_F(BothBackendsServeTest, ThePostgresReaderCannotWrite) {
  StatusOr<std::unique_ptr<StoreReader>> reader = OpenReader(postgres_.database().conninfo());
  ASSERT_THAT(reader, IsOk());
  EXPECT_EQ((*reader)->dialect(), store::Dialect::kPostgres);
  const Status deleted = (*reader)->Select({"DELETE FROM reports", {}}, [](const query::SqlRow&) { return true; });
  EXPECT_THAT(deleted.message(), HasSubstr("read-only"));
  EXPECT_EQ(postgres_.Query("SELECT COUNT(*) FROM reports"), "5");
}

TEST_F(BothBackendsServeTest, AReaderWhoseSessionEndedIsReplaced) {
  ExpectSame("/api/stats/roots");  // the pool now holds one idle reader
  ASSERT_EQ(postgres_.Query("SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            " WHERE datname = current_database() AND pid <> pg_backend_pid()) ended"),
            "1");
  EXPECT_EQ(postgres_api_->Get("/api/stats/roots", {}).status, 500);
  ExpectSame("/api/stats/roots");
}

TEST_F(BothBackendsServeTest, AStoreWithUnindexedEventsIsRefused) {
  ASSERT_EQ(postgres_.Query("DELETE FROM event_text WHERE event_id = (SELECT id FROM events WHERE cameo = '111')"),
            "");
  EXPECT_THAT(OpenReader(postgres_.database().conninfo()),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("not yet indexed for search")));
}

TEST_F(BothBackendsServeTest, AStoreOfAnotherSchemaIsRefused) {
  ASSERT_EQ(postgres_.Query("DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)"),
            "");
  EXPECT_THAT(OpenReader(postgres_.database().conninfo()),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("khabar query --db")));
}

TEST(PostgresReaderTest, AnUnreachableServerIsUnavailableWithoutItsPassword) {
  EXPECT_THAT(OpenReader("host=127.0.0.1 port=1 dbname=khabar password=secret connect_timeout=2"),
              StatusIs(StatusCode::kUnavailable, ::testing::Not(HasSubstr("secret"))));
}

}  // namespace
}  // namespace khabar::serve
