// The query suite every EventSource backend must pass (test-only header): the same invented
// events written through the backend's Store, the same rows out for every filter.
//
// A backend test instantiates it with a type that opens a fresh, empty store and names it as
// a --db spec for OpenEventSource:
//
//   class SqliteQueryBackend {
//    public:
//     StatusOr<std::unique_ptr<store::Store>> Open();  // a second call reopens the database
//     std::string spec() const;                       // the --db spec of the same database
//   };
//   INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, QueryTest, SqliteQueryBackend);
#ifndef KHABAR_QUERY_QUERY_TEST_SUITE_H_
#define KHABAR_QUERY_QUERY_TEST_SUITE_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "khabar/base/status_matchers.h"
#include "khabar/query/event_source.h"
#include "khabar/query/open_event_source.h"
#include "khabar/query/query_filter.h"
#include "khabar/store/store.h"
#include "khabar/store/store_test_suite.h"

namespace khabar::query::testing {

using ::khabar::store::testing::AddEvent;
using ::khabar::store::testing::MakeDocument;
using ::khabar::store::testing::Pointers;
using ::khabar::testing::IsOk;
using ::testing::ElementsAre;

inline void SetArgument(doc::EventArgument& argument, std::string code, std::string actor) {
  argument.code = std::move(code);
  argument.actor = std::move(actor);
}

inline void SetPlace(doc::Event& event, std::string name, std::string country, double lat, double lon) {
  event.place = {std::move(name), 1, std::move(country), lat, lon, doc::PlacePrecision::kCity, {}, true};
}

// Three invented events: Hafter meets Sisi in Cairo (2019-05-28), rebels attack in Derna
// (2019-05-27, 3 killed), Haftar's forces shell Tripoli (2020-01-10, alleged).
inline std::vector<doc::Document> Corpus() {
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

template <typename Backend>
class QueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      StatusOr<std::unique_ptr<store::Store>> store = backend_.Open();
      ASSERT_THAT(store, IsOk());
      const std::vector<doc::Document> documents = Corpus();
      ASSERT_THAT((*store)->WriteDocuments(Pointers(documents)), IsOk());
    }
    StatusOr<std::unique_ptr<EventSource>> source = OpenEventSource(backend_.spec());
    ASSERT_THAT(source, IsOk());
    source_ = std::move(source).value();
  }

  // The CAMEO codes of the matching events, in result order.
  std::vector<std::string> Cameos(QueryFilter filter, int64_t limit = 0) {
    EXPECT_THAT(NormalizeFilter(&filter), IsOk());
    StatusOr<std::vector<EventRow>> rows = this->source_->Find(filter, {limit});
    EXPECT_THAT(rows, IsOk());
    std::vector<std::string> cameos;
    if (rows.ok()) {
      for (const EventRow& row : *rows) cameos.push_back(row.cameo);
    }
    return cameos;
  }

  Backend backend_;
  std::unique_ptr<EventSource> source_;
};

TYPED_TEST_SUITE_P(QueryTest);

TYPED_TEST_P(QueryTest, EmptyFilterFindsEverythingByDate) {
  EXPECT_THAT(this->Cameos({}), ElementsAre("190", "040", "195"));
  EXPECT_THAT(this->Cameos({}, 1), ElementsAre("190"));
}

TYPED_TEST_P(QueryTest, ActorByAnotherSpellingFindsTheEvent) {
  EXPECT_THAT(this->Cameos({.actor = "Hafter"}), ElementsAre("040", "195"));
  EXPECT_THAT(this->Cameos({.actor = "Khalifa Hifter"}), ElementsAre("040", "195"));
  EXPECT_THAT(this->Cameos({.actor = "el-Sissi"}), ElementsAre("040"));
  EXPECT_THAT(this->Cameos({.actor = "Nobody"}), ElementsAre());
}

TYPED_TEST_P(QueryTest, ActorByCodePrefix) {
  EXPECT_THAT(this->Cameos({.actor = "LBYMIL"}), ElementsAre("040", "195"));
  EXPECT_THAT(this->Cameos({.code = "lby"}), ElementsAre("190", "040", "195"));
  EXPECT_THAT(this->Cameos({.code = "EGY"}), ElementsAre("040"));
}

TYPED_TEST_P(QueryTest, CodesRootQuadClassAndDates) {
  EXPECT_THAT(this->Cameos({.cameo = "19"}), ElementsAre("190", "195"));
  EXPECT_THAT(this->Cameos({.cameo = "195"}), ElementsAre("195"));
  EXPECT_THAT(this->Cameos({.root = "19", .date_from = "2019", .date_to = "2019-12"}), ElementsAre("190"));
  EXPECT_THAT(this->Cameos({.date_from = "2019-05-28", .date_to = "2020-01-10"}), ElementsAre("040", "195"));
  EXPECT_THAT(this->Cameos({.date_to = "2019-05-27"}), ElementsAre("190"));
  EXPECT_THAT(this->Cameos({.quad_class = 1}), ElementsAre("190", "040", "195"));
}

TYPED_TEST_P(QueryTest, CountryOfThePlaceOrOfAnActor) {
  EXPECT_THAT(this->Cameos({.country = "ly"}), ElementsAre("190", "195"));
  EXPECT_THAT(this->Cameos({.country = "EGY"}), ElementsAre("040"));
}

TYPED_TEST_P(QueryTest, NearARadiusUsesTheGreatCircle) {
  QueryFilter benghazi;
  benghazi.near = GeoCircle{32.11, 20.07, 300};
  EXPECT_THAT(this->Cameos(benghazi), ElementsAre("190"));
  benghazi.near->radius_km = 700;
  ASSERT_THAT(NormalizeFilter(&benghazi), IsOk());
  StatusOr<std::vector<EventRow>> rows = this->source_->Find(benghazi, {});
  ASSERT_THAT(rows, IsOk());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_NEAR(*(*rows)[0].distance_km, 253, 5);   // Derna
  EXPECT_NEAR(*(*rows)[1].distance_km, 645, 10);  // Tripoli
}

TYPED_TEST_P(QueryTest, CertaintyAndFullText) {
  EXPECT_THAT(this->Cameos({.certainty = {"Alleged"}}), ElementsAre("195"));
  EXPECT_THAT(this->Cameos({.text = "shelled"}), ElementsAre("195"));
  EXPECT_THAT(this->Cameos({.text = "cair*"}), ElementsAre("040"));
  EXPECT_THAT(this->Cameos({.text = "(Derna"}), ElementsAre("190"));  // FTS5 syntax is plain text
  EXPECT_THAT(this->Cameos({.date_from = "2020", .text = "Haftar"}), ElementsAre("195"));
}

TYPED_TEST_P(QueryTest, RowsCarryTheFirstReport) {
  StatusOr<std::vector<EventRow>> rows = this->source_->Find({.cameo = "190"}, {});
  ASSERT_THAT(rows, IsOk());
  ASSERT_EQ(rows->size(), 1u);
  const EventRow& row = (*rows)[0];
  EXPECT_EQ(row.doc, "a");
  EXPECT_EQ(row.sentence, "Rebels attacked near Derna.");
  EXPECT_EQ(row.fatalities, 3);
  EXPECT_EQ(row.date, "2019-05-27");
  EXPECT_EQ(row.location_country, "LY");
}

TYPED_TEST_P(QueryTest, OffsetPagesThroughTheResults) {
  QueryFilter filter;
  ASSERT_THAT(NormalizeFilter(&filter), IsOk());
  StatusOr<std::vector<EventRow>> page = this->source_->Find(filter, {.limit = 2, .offset = 1});
  ASSERT_THAT(page, IsOk());
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].cameo, "040");
  EXPECT_EQ((*page)[1].cameo, "195");
  page = this->source_->Find(filter, {.limit = 0, .offset = 2});
  ASSERT_THAT(page, IsOk());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].cameo, "195");
}

TYPED_TEST_P(QueryTest, OneEventById) {
  StatusOr<std::vector<EventRow>> rows = this->source_->Find({}, {});
  ASSERT_THAT(rows, IsOk());
  QueryFilter filter;
  filter.event_id = (*rows)[1].event_id;
  EXPECT_THAT(this->Cameos(filter), ElementsAre("040"));
  filter.event_id = "no-such-id";
  EXPECT_THAT(this->Cameos(filter), ElementsAre());
}

REGISTER_TYPED_TEST_SUITE_P(QueryTest, OffsetPagesThroughTheResults, OneEventById, EmptyFilterFindsEverythingByDate, ActorByAnotherSpellingFindsTheEvent, ActorByCodePrefix, CodesRootQuadClassAndDates, CountryOfThePlaceOrOfAnActor, NearARadiusUsesTheGreatCircle, CertaintyAndFullText, RowsCarryTheFirstReport);

}  // namespace khabar::query::testing

#endif  // KHABAR_QUERY_QUERY_TEST_SUITE_H_
