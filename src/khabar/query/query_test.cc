#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "khabar/base/status_matchers.h"
#include "khabar/events/event_json.h"
#include "khabar/query/event_format.h"
#include "khabar/query/query_filter.h"
#include "khabar/query/sql_builder.h"
#include "khabar/query/sqlite_event_source.h"
#include "khabar/store/actor_keys.h"
#include "khabar/store/sqlite_test_util.h"
#include "khabar/store/store_test_suite.h"

namespace khabar::store::testing {
// The store's conformance suite comes with store_test_suite.h; its own test instantiates it.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(StoreTest);
}  // namespace khabar::store::testing

namespace khabar::query {
namespace {

using ::khabar::store::testing::AddEvent;
using ::khabar::store::testing::MakeDocument;
using ::khabar::store::testing::Pointers;
using ::khabar::store::testing::ScratchDir;
using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

void SetArgument(doc::EventArgument& argument, std::string code, std::string actor) {
  argument.code = std::move(code);
  argument.actor = std::move(actor);
}

void SetPlace(doc::Event& event, std::string name, std::string country, double lat, double lon) {
  event.place = {std::move(name), 1, std::move(country), lat, lon, doc::PlacePrecision::kCity, {}, true};
}

// Three invented events: Hafter meets Sisi in Cairo (2019-05-28), rebels attack in Derna
// (2019-05-27, 3 killed), Haftar's forces shell Tripoli (2020-01-10, alleged).
std::vector<doc::Document> Corpus() {
  std::vector<doc::Document> documents;
  documents.push_back(MakeDocument("a", "https://x.test/a", "Hafter met Sisi in Cairo. Rebels attacked near Derna."));
  doc::Document& a = documents.back();
  a.published = "2019-05-28";
  doc::Event& meet = AddEvent(a, 0, "LBYMIL", "040", "EGYGOV");
  SetArgument(meet.source, "LBYMIL", "KHALIFA_HAFTAR");
  SetArgument(meet.target, "EGYGOV", "ABDEL_FATTAH_AL-SISI");
  SetPlace(meet, "Cairo", "EG", 30.06, 31.25);
  doc::Event& attack = AddEvent(a, 1, "LBYREB", "190", "LBY");
  SetArgument(attack.source, "LBYREB", "");
  SetArgument(attack.target, "LBY", "LIBYA");
  SetPlace(attack, "Derna", "LY", 32.76, 22.64);
  attack.counts.killed.value = 3;
  attack.date = {2019, 5, 27, doc::DatePrecision::kDay, true, {}};
  documents.push_back(MakeDocument("b", "https://x.test/b", "Haftar forces shelled Tripoli."));
  doc::Document& b = documents.back();
  b.published = "2020-01-10";
  doc::Event& shell = AddEvent(b, 0, "LBYMIL", "195", "LBYGOV");
  SetArgument(shell.source, "LBYMIL", "KHALIFA_HAFTAR");
  SetArgument(shell.target, "LBYGOV", "");
  SetPlace(shell, "Tripoli", "LY", 32.89, 13.19);
  shell.certainty = doc::Certainty::kAlleged;
  return documents;
}

class QueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("k.db");
    {
      StatusOr<std::unique_ptr<store::SqliteStore>> store = store::SqliteStore::Open(path_);
      ASSERT_THAT(store, IsOk());
      const std::vector<doc::Document> documents = Corpus();
      ASSERT_THAT((*store)->WriteDocuments(Pointers(documents)), IsOk());
    }
    StatusOr<std::unique_ptr<SqliteEventSource>> source = SqliteEventSource::Open(path_);
    ASSERT_THAT(source, IsOk());
    source_ = std::move(source).value();
  }

  // The CAMEO codes of the matching events, in result order.
  std::vector<std::string> Cameos(QueryFilter filter, int64_t limit = 0) {
    EXPECT_THAT(NormalizeFilter(&filter), IsOk());
    StatusOr<std::vector<EventRow>> rows = source_->Find(filter, {limit});
    EXPECT_THAT(rows, IsOk());
    std::vector<std::string> cameos;
    if (rows.ok()) {
      for (const EventRow& row : *rows) cameos.push_back(row.cameo);
    }
    return cameos;
  }

  ScratchDir dir_;
  std::string path_;
  std::unique_ptr<SqliteEventSource> source_;
};

TEST_F(QueryTest, EmptyFilterFindsEverythingByDate) {
  EXPECT_THAT(Cameos({}), ElementsAre("190", "040", "195"));
  EXPECT_THAT(Cameos({}, 1), ElementsAre("190"));
}

TEST_F(QueryTest, OffsetPagesThroughTheResults) {
  QueryFilter filter;
  ASSERT_THAT(NormalizeFilter(&filter), IsOk());
  StatusOr<std::vector<EventRow>> page = source_->Find(filter, {.limit = 2, .offset = 1});
  ASSERT_THAT(page, IsOk());
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].cameo, "040");
  EXPECT_EQ((*page)[1].cameo, "195");
  page = source_->Find(filter, {.limit = 0, .offset = 2});
  ASSERT_THAT(page, IsOk());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].cameo, "195");
}

TEST_F(QueryTest, OneEventById) {
  StatusOr<std::vector<EventRow>> rows = source_->Find({}, {});
  ASSERT_THAT(rows, IsOk());
  QueryFilter filter;
  filter.event_id = (*rows)[1].event_id;
  EXPECT_THAT(Cameos(filter), ElementsAre("040"));
  filter.event_id = "no-such-id";
  EXPECT_THAT(Cameos(filter), ElementsAre());
}

TEST_F(QueryTest, ReadOnlySourceRefusesWrites) {
  StatusOr<std::unique_ptr<SqliteEventSource>> reader = SqliteEventSource::OpenReadOnly(path_);
  ASSERT_THAT(reader, IsOk());
  const Status write = (*reader)->Select({"DELETE FROM events", {}}, [](const SqlRow&) { return true; });
  EXPECT_THAT(write, Not(IsOk()));
  int64_t events = 0;
  ASSERT_THAT((*reader)->Select({"SELECT COUNT(*) FROM events WHERE root = ?1", {std::string("19")}},
                                [&events](const SqlRow& row) {
                                  events = row.Int64(0);
                                  return true;
                                }),
              IsOk());
  EXPECT_EQ(events, 2);
  EXPECT_THAT(SqliteEventSource::OpenReadOnly(dir_.File("missing.db")), StatusIs(StatusCode::kNotFound, HasSubstr("no database")));
}

TEST_F(QueryTest, ActorByAnotherSpellingFindsTheEvent) {
  EXPECT_THAT(Cameos({.actor = "Hafter"}), ElementsAre("040", "195"));
  EXPECT_THAT(Cameos({.actor = "Khalifa Hifter"}), ElementsAre("040", "195"));
  EXPECT_THAT(Cameos({.actor = "el-Sissi"}), ElementsAre("040"));
  EXPECT_THAT(Cameos({.actor = "Nobody"}), ElementsAre());
}

TEST_F(QueryTest, ActorByCodePrefix) {
  EXPECT_THAT(Cameos({.actor = "LBYMIL"}), ElementsAre("040", "195"));
  EXPECT_THAT(Cameos({.code = "lby"}), ElementsAre("190", "040", "195"));
  EXPECT_THAT(Cameos({.code = "EGY"}), ElementsAre("040"));
}

TEST_F(QueryTest, CodesRootQuadClassAndDates) {
  EXPECT_THAT(Cameos({.cameo = "19"}), ElementsAre("190", "195"));
  EXPECT_THAT(Cameos({.cameo = "195"}), ElementsAre("195"));
  EXPECT_THAT(Cameos({.root = "19", .date_from = "2019", .date_to = "2019-12"}), ElementsAre("190"));
  EXPECT_THAT(Cameos({.date_from = "2019-05-28", .date_to = "2020-01-10"}), ElementsAre("040", "195"));
  EXPECT_THAT(Cameos({.date_to = "2019-05-27"}), ElementsAre("190"));
  EXPECT_THAT(Cameos({.quad_class = 1}), ElementsAre("190", "040", "195"));
}

TEST_F(QueryTest, CountryOfThePlaceOrOfAnActor) {
  EXPECT_THAT(Cameos({.country = "ly"}), ElementsAre("190", "195"));
  EXPECT_THAT(Cameos({.country = "EGY"}), ElementsAre("040"));
}

TEST_F(QueryTest, NearARadiusUsesTheGreatCircle) {
  QueryFilter benghazi;
  benghazi.near = GeoCircle{32.11, 20.07, 300};
  EXPECT_THAT(Cameos(benghazi), ElementsAre("190"));
  benghazi.near->radius_km = 700;
  ASSERT_THAT(NormalizeFilter(&benghazi), IsOk());
  StatusOr<std::vector<EventRow>> rows = source_->Find(benghazi, {});
  ASSERT_THAT(rows, IsOk());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_NEAR(*(*rows)[0].distance_km, 253, 5);   // Derna
  EXPECT_NEAR(*(*rows)[1].distance_km, 645, 10);  // Tripoli
}

TEST_F(QueryTest, CertaintyAndFullText) {
  EXPECT_THAT(Cameos({.certainty = {"Alleged"}}), ElementsAre("195"));
  EXPECT_THAT(Cameos({.text = "shelled"}), ElementsAre("195"));
  EXPECT_THAT(Cameos({.text = "cair*"}), ElementsAre("040"));
  EXPECT_THAT(Cameos({.text = "(Derna"}), ElementsAre("190"));  // FTS5 syntax is plain text
  EXPECT_THAT(Cameos({.date_from = "2020", .text = "Haftar"}), ElementsAre("195"));
}

TEST_F(QueryTest, RowsCarryTheFirstReport) {
  StatusOr<std::vector<EventRow>> rows = source_->Find({.cameo = "190"}, {});
  ASSERT_THAT(rows, IsOk());
  ASSERT_EQ(rows->size(), 1u);
  const EventRow& row = (*rows)[0];
  EXPECT_EQ(row.doc, "a");
  EXPECT_EQ(row.sentence, "Rebels attacked near Derna.");
  EXPECT_EQ(row.fatalities, 3);
  EXPECT_EQ(row.date, "2019-05-27");
  EXPECT_EQ(row.location_country, "LY");
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
