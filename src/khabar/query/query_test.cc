#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "khabar/base/status_matchers.h"
#include "khabar/events/event_json.h"
#include "khabar/query/event_format.h"
#include "khabar/query/open_event_source.h"
#include "khabar/query/query_filter.h"
#include "khabar/query/query_test_suite.h"
#include "khabar/query/sql_builder.h"
#include "khabar/store/actor_keys.h"
#include "khabar/store/sqlite_test_util.h"
#include "khabar/store/store_test_suite.h"

namespace khabar::store::testing {
// The store's conformance suite comes with store_test_suite.h; its own test instantiates it.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(StoreTest);
}  // namespace khabar::store::testing

namespace khabar::query::testing {
namespace {

// The query suite (query_test_suite.h) over a SQLite file.
class SqliteQueryBackend : public store::testing::SqliteBackend {
 public:
  std::string spec() const { return path(); }
};
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, QueryTest, SqliteQueryBackend);

}  // namespace
}  // namespace khabar::query::testing

namespace khabar::query {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(OpenEventSourceTest, PicksTheBackendFromTheSpec) {
  EXPECT_TRUE(IsPostgresSourceSpec("postgresql://khabar@db.example/khabar"));
  EXPECT_TRUE(IsPostgresSourceSpec("postgres://db.example/khabar"));
  EXPECT_TRUE(IsPostgresSourceSpec("host=db.example port=5432 dbname=khabar"));
  EXPECT_FALSE(IsPostgresSourceSpec("khabar.db"));
  EXPECT_FALSE(IsPostgresSourceSpec("/tmp/runs/khabar.db"));
  EXPECT_FALSE(IsPostgresSourceSpec("/tmp/a=b/khabar.db"));  // not key=value pairs
  EXPECT_THAT(OpenEventSource("/nonexistent/khabar.db"), StatusIs(StatusCode::kNotFound, HasSubstr("no database")));
}

TEST(QueryFilterTest, BadInputsAreNamed) {
  QueryFilter filter{.date_from = "2019-13"};
  EXPECT_THAT(NormalizeFilter(&filter), StatusIs(StatusCode::kInvalidArgument, HasSubstr("--from")));
  filter = {.date_to = "2019-02-29"};
  EXPECT_THAT(NormalizeFilter(&filter), StatusIs(StatusCode::kInvalidArgument, HasSubstr("no day 29")));
  filter = {.date_to = "May 2019"};
  EXPECT_THAT(NormalizeFilter(&filter), StatusIs(StatusCode::kInvalidArgument, HasSubstr("YYYY-MM-DD")));
  filter = {.date_from = "2020", .date_to = "2019-12"};
  EXPECT_THAT(NormalizeFilter(&filter), StatusIs(StatusCode::kInvalidArgument, HasSubstr("after")));
  filter = {.country = "L"};
  EXPECT_THAT(NormalizeFilter(&filter), StatusIs(StatusCode::kInvalidArgument, HasSubstr("--country")));
  filter = {.near = GeoCircle{1, 2, 0}};
  EXPECT_THAT(NormalizeFilter(&filter), StatusIs(StatusCode::kInvalidArgument, HasSubstr("--radius-km")));
  EXPECT_THAT(ParseLatLon("32.1"), StatusIs(StatusCode::kInvalidArgument, HasSubstr("LAT,LON")));
  EXPECT_THAT(ParseLatLon("95,20"), StatusIs(StatusCode::kInvalidArgument, HasSubstr("latitude")));
  EXPECT_THAT(ParseLatLon("32.1, 20.07"), IsOk());
  filter = {.date_from = "2019-02-28", .date_to = "2019"};
  EXPECT_THAT(NormalizeFilter(&filter), IsOk());
}

TEST(SqlBuilderTest, InputIsBoundNeverSpliced) {
  QueryFilter filter{.actor = "x'); DROP TABLE events; --", .text = "a'b"};
  ASSERT_THAT(NormalizeFilter(&filter), IsOk());
  StatusOr<SqlQuery> query = BuildEventQuery(filter, 10, store::Dialect::kSqlite);
  ASSERT_THAT(query, IsOk());
  EXPECT_THAT(query->sql, Not(HasSubstr("DROP")));
  EXPECT_THAT(query->sql, Not(HasSubstr("a'b")));
  EXPECT_THAT(query->sql, HasSubstr("?1"));
  StatusOr<SqlQuery> postgres = BuildEventQuery(filter, 10, store::Dialect::kPostgres);
  ASSERT_THAT(postgres, IsOk());
  EXPECT_THAT(postgres->sql, HasSubstr("$1"));
  EXPECT_THAT(postgres->sql, Not(HasSubstr("?1")));
  EXPECT_THAT(postgres->sql, Not(HasSubstr("a'b")));
}

TEST(SqlBuilderTest, PostgresRangesCollateOnlyWhenAsked) {
  QueryFilter filter{.code = "LBY", .cameo = "19", .date_from = "2019"};
  ASSERT_THAT(NormalizeFilter(&filter), IsOk());
  StatusOr<SqlQuery> native = BuildEventQuery(filter, 10, store::Dialect::kPostgres);
  ASSERT_THAT(native, IsOk());
  EXPECT_THAT(native->sql, Not(HasSubstr("COLLATE")));
  StatusOr<SqlQuery> bytes = BuildEventQuery(filter, 10, store::Dialect::kPostgres, 0, TextOrder::kCollateC);
  ASSERT_THAT(bytes, IsOk());
  EXPECT_THAT(bytes->sql, HasSubstr("e.source_code COLLATE \"C\" >= $1"));
  EXPECT_THAT(bytes->sql, HasSubstr("e.date COLLATE \"C\" >= $"));
  EXPECT_THAT(bytes->sql, HasSubstr("e.cameo COLLATE \"C\" >= $"));
}

TEST(SqlBuilderTest, PostgresTextWithoutAWordIsRejected) {
  QueryFilter filter{.text = " - * "};
  ASSERT_THAT(NormalizeFilter(&filter), IsOk());
  EXPECT_THAT(BuildEventQuery(filter, 10, store::Dialect::kPostgres),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("no word")));
}

TEST(SqlBuilderTest, PostgresTsQueryQuotesWords) {
  EXPECT_EQ(PostgresTsQuery("air strike*"), "'air' & 'strike':*");
  EXPECT_EQ(PostgresTsQuery("it's (Derna"), "'it''s' & '(Derna'");
  EXPECT_EQ(PostgresTsQuery("a\\b & !"), "'a\\\\b'");
  EXPECT_EQ(PostgresTsQuery(" - "), "");
}

TEST(SqlBuilderTest, Fts5ExpressionQuotesWords) {
  EXPECT_EQ(Fts5Expression("air strike*"), "\"air\" \"strike\"*");
  EXPECT_EQ(Fts5Expression("say \"no\" - *"), "\"say\" \"\"\"no\"\"\"");
  EXPECT_EQ(Fts5Expression(" - "), "");
}

TEST(EventFormatTest, TsvHeaderIsTheCodeCommands) {
  EXPECT_EQ(EventRowTsvHeader(), events::EventTsvHeader());
}

TEST(EventFormatTest, GeoJsonPointAndNullGeometry) {
  EventRow row;
  row.event_id = "e1";
  row.cameo = "190";
  row.has_location = true;
  row.location_name = "Derna";
  EXPECT_THAT(EventRowGeoJsonFeature(row), HasSubstr("\"geometry\":null"));
  row.lat = 32.76;
  row.lon = 22.64;
  EXPECT_THAT(EventRowGeoJsonFeature(row), HasSubstr("\"coordinates\":[22.64,32.76]"));
  EXPECT_THAT(EventRowJson(row), HasSubstr("\"location\":{\"name\":\"Derna\""));
  EXPECT_THAT(EventRowCsv(row), HasSubstr("e1,,,,"));
}

TEST(ActorKeysTest, SpellingsShareKeys) {
  EXPECT_EQ(store::ActorKeys("Hafter"), store::ActorKeys("Haftar"));
  EXPECT_EQ(store::ActorKeys("Khalifa Hifter"), store::ActorKeys("KHALIFA_HAFTAR"));
  EXPECT_EQ(store::ActorKeys("el-Sisi"), store::ActorKeys("Sissi"));
  EXPECT_THAT(store::ActorKeys("--"), ElementsAre());
}

}  // namespace
}  // namespace khabar::query
