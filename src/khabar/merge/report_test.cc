#include "khabar/merge/report.h"

#include <gtest/gtest.h>

namespace khabar::merge {
namespace {

TEST(OutletKeyTest, NameThenHostThenDocument) {
  EXPECT_EQ(OutletKey("  Sahara Wire ", "https://x.example/a", "d1"), "sahara wire");
  EXPECT_EQ(OutletKey("", "https://www.Tripoli-Herald.example:8080/2019/a?b", "d1"),
            "tripoli-herald.example");
  EXPECT_EQ(OutletKey("", "not a url", "d1"), "doc:d1");
}

TEST(DaysOfTest, DayMonthYearAndPublication) {
  int64_t day = 0;
  ASSERT_TRUE(ParseDay("2019-04-05", &day));
  EXPECT_FALSE(ParseDay("2019-02-30", &day));
  int64_t april5 = 0;
  ParseDay("2019-04-05", &april5);
  const DayRange text = DaysOf("2019-04-05", "day", true);
  EXPECT_TRUE(text.known);
  EXPECT_EQ(text.first, april5);
  EXPECT_EQ(text.last, april5);
  const DayRange published = DaysOf("2019-04-05", "day", false);
  EXPECT_EQ(published.first, april5 - kPublicationLagDays);
  const DayRange month = DaysOf("2019-02", "month", true);
  EXPECT_EQ(month.last - month.first, 27);
  const DayRange year = DaysOf("2020", "year", true);
  EXPECT_EQ(year.last - year.first, 365);
  EXPECT_FALSE(DaysOf("", "", false).known);
  EXPECT_FALSE(DaysOf("2019-13", "month", true).known);
}

TEST(ReportColumnsTest, RoundTrip) {
  Report report;
  report.key = "00ff";
  report.outlet = "sahara wire";
  report.document = "a1";
  report.cameo = "190";
  report.root = "19";
  report.source_code = "LBYMIL";
  report.source_actor = "Khalifa Haftar";
  report.target_code = "LBY";
  report.date = "2019-04-05";
  report.date_precision = "day";
  report.date_from_text = true;
  report.has_place = true;
  report.place_name = "Tripoli";
  report.place_country = "LY";
  report.geonameid = 2210247;
  report.has_coordinates = true;
  report.lat = 32.88;
  report.lon = 13.19;
  report.figures[kKilled] = 12;
  report.certainty = "reported";
  report.verb_span = {10, 18};
  report.words = {"attack", "tripoli"};
  StatusOr<Report> back = ReportFromColumns(ReportExtraJson(report), JoinWords(report.words));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->key, "00ff");
  EXPECT_EQ(back->source_code, "LBYMIL");
  EXPECT_EQ(back->date_precision, "day");
  EXPECT_TRUE(back->date_from_text);
  EXPECT_TRUE(back->days.known);
  EXPECT_TRUE(back->has_coordinates);
  EXPECT_DOUBLE_EQ(back->lat, 32.88);
  EXPECT_EQ(back->geonameid, 2210247);
  EXPECT_EQ(back->figures[kKilled], 12);
  EXPECT_EQ(back->figures[kInjured], -1);
  EXPECT_EQ(back->verb_span, (doc::Span{10, 18}));
  EXPECT_TRUE(back->source_span.empty());
  EXPECT_EQ(back->words, report.words);
}

TEST(ReportColumnsTest, OldRowsAndBadJson) {
  StatusOr<Report> old = ReportFromColumns("{}", "");
  ASSERT_TRUE(old.ok());
  EXPECT_FALSE(old->days.known);
  EXPECT_FALSE(old->has_place);
  EXPECT_EQ(ReportFromColumns("[1,2", "").status().code(), StatusCode::kDataLoss);
}

}  // namespace
}  // namespace khabar::merge
