// The query suite over PostgreSQL, and the same filters over both backends compared row by
// row. Against the server in KHABAR_TEST_PG (postgres_test_util.h): skipped without it,
// failed without it under KHABAR_REQUIRE_PG=1.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "khabar/base/status_matchers.h"
#include "khabar/query/event_format.h"
#include "khabar/query/open_event_source.h"
#include "khabar/query/postgres_event_source.h"
#include "khabar/query/query_test_suite.h"
#include "khabar/store/postgres_test_util.h"
#include "khabar/store/sqlite_test_util.h"

namespace khabar::store::testing {
// The store's conformance suite comes with store_test_suite.h; its own tests instantiate it.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(StoreTest);
}  // namespace khabar::store::testing

namespace khabar::query::testing {
namespace {

// The query suite (query_test_suite.h) over a scratch PostgreSQL database.
class PostgresQueryBackend : public store::testing::PostgresBackend {
 public:
  std::string spec() const { return database().conninfo(); }
};
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, QueryTest, PostgresQueryBackend);

}  // namespace
}  // namespace khabar::query::testing

namespace khabar::query {
namespace {

using ::khabar::testing::IsOk;
using ::testing::ElementsAre;

// Every row of `filter` as its JSON line and its distance.
std::vector<std::string> Lines(EventSource& source, QueryFilter filter, int64_t limit) {
  EXPECT_THAT(NormalizeFilter(&filter), IsOk());
  StatusOr<std::vector<EventRow>> rows = source.Find(filter, {limit});
  EXPECT_THAT(rows, IsOk());
  std::vector<std::string> lines;
  if (!rows.ok()) return lines;
  for (const EventRow& row : *rows) {
    lines.push_back(EventRowJson(row) + " " + EventRowCsv(row) + " " + row.sentence + " " +
                    (row.distance_km ? std::to_string(static_cast<int>(*row.distance_km)) : "-"));
  }
  return lines;
}

class BothBackendsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::vector<doc::Document> documents = testing::Corpus();
    for (auto* open : {+[](BothBackendsTest* t) { return t->sqlite_.Open(); },
                       +[](BothBackendsTest* t) { return t->postgres_.Open(); }}) {
      StatusOr<std::unique_ptr<store::Store>> store = open(this);
      ASSERT_THAT(store, IsOk());
      ASSERT_THAT((*store)->WriteDocuments(store::testing::Pointers(documents)), IsOk());
    }
    StatusOr<std::unique_ptr<EventSource>> sqlite = OpenEventSource(sqlite_.path());
    ASSERT_THAT(sqlite, IsOk());
    sqlite_source_ = std::move(sqlite).value();
    StatusOr<std::unique_ptr<EventSource>> postgres = OpenEventSource(postgres_.database().conninfo());
    ASSERT_THAT(postgres, IsOk());
    postgres_source_ = std::move(postgres).value();
  }

  store::testing::SqliteBackend sqlite_;
  store::testing::PostgresBackend postgres_;
  std::unique_ptr<EventSource> sqlite_source_;
  std::unique_ptr<EventSource> postgres_source_;
};

TEST_F(BothBackendsTest, EveryFilterGivesTheSameRows) {
  std::vector<QueryFilter> filters = {
      {},
      {.actor = "Hafter"},
      {.actor = "el-Sissi"},
      {.actor = "LBYMIL"},
      {.code = "LBY"},
      {.cameo = "19"},
      {.root = "04"},
      {.quad_class = 1},
      {.plover = "ASSAULT"},
      {.date_from = "2019-05", .date_to = "2019-05-28"},
      {.country = "LY"},
      {.country = "EGY"},
      {.near = GeoCircle{32.11, 20.07, 700}},
      {.certainty = {"alleged", "asserted"}},
      {.text = "shelled"},
      {.text = "trip*"},
  };
  for (const QueryFilter& filter : filters) {
    const std::vector<std::string> expected = Lines(*sqlite_source_, filter, 0);
    EXPECT_EQ(Lines(*postgres_source_, filter, 0), expected)
        << "actor=" << filter.actor << " code=" << filter.code << " cameo=" << filter.cameo
        << " text=" << filter.text;
    EXPECT_EQ(Lines(*postgres_source_, filter, 1),
              std::vector<std::string>(expected.begin(), expected.begin() + std::min<size_t>(1, expected.size())));
  }
}

TEST_F(BothBackendsTest, ReopeningIndexesNothingTwice) {
  StatusOr<std::unique_ptr<EventSource>> again = OpenEventSource(postgres_.database().conninfo());
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(postgres_.database().Query("SELECT COUNT(*) FROM event_text"), "3");
  EXPECT_EQ(postgres_.database().Query("SELECT COUNT(*) FROM event_actor_keys WHERE actor_key = 'hefter'"), "2");
  EXPECT_THAT(Lines(**again, {.actor = "Haftar"}, 0), Lines(*sqlite_source_, {.actor = "Haftar"}, 0));
}

// A database whose collation is ICU's (not byte order, and blind to \x7f): the source must
// compare its ranges with COLLATE "C".
TEST(PostgresCollationTest, AnIcuDatabaseStillFindsPrefixes) {
  const std::string name = "khabar_test_icu_" + std::to_string(getpid());
  const std::string server = store::testing::TestServer();
  (void)store::testing::PgRawQuery(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  const std::string created = store::testing::PgRawQuery(
      server, "CREATE DATABASE " + name + " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en'");
  if (!created.empty()) GTEST_SKIP() << "no ICU database on this server: " << created;
  const std::string conninfo = store::testing::WithDatabase(server, name);
  {
    StatusOr<std::unique_ptr<store::PostgresStore>> store = store::PostgresStore::Open(conninfo);
    ASSERT_THAT(store, IsOk());
    const std::vector<doc::Document> documents = testing::Corpus();
    ASSERT_THAT((*store)->WriteDocuments(store::testing::Pointers(documents)), IsOk());
  }
  {
    StatusOr<std::unique_ptr<PostgresEventSource>> source = PostgresEventSource::Open(conninfo);
    ASSERT_THAT(source, IsOk());
    EXPECT_EQ((*source)->text_order(), TextOrder::kCollateC);
    for (const auto& [filter, count] : std::vector<std::pair<QueryFilter, size_t>>{
             {{.code = "LBYMIL"}, 2}, {{.cameo = "19"}, 2}, {{.date_to = "2019-05"}, 2}}) {
      QueryFilter normal = filter;
      ASSERT_THAT(NormalizeFilter(&normal), IsOk());
      StatusOr<std::vector<EventRow>> rows = (*source)->Find(normal, {});
      ASSERT_THAT(rows, IsOk());
      EXPECT_EQ(rows->size(), count) << filter.code << filter.cameo << filter.date_to;
    }
  }
  (void)store::testing::PgRawQuery(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
}

}  // namespace
}  // namespace khabar::query
