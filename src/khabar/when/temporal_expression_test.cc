// Each rule of docs/formats/when.md with a sentence written for it, as a token list:
// the finder must find the expression and the resolver give the date.
#include "khabar/when/temporal_expression.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace khabar::when {
namespace {

constexpr CivilDate kWednesday{2019, 5, 29};

std::vector<std::string> Split(const std::string& sentence) {
  std::vector<std::string> out;
  std::istringstream words(sentence);
  for (std::string word; words >> word;) out.push_back(word);
  return out;
}

struct Found {
  std::string words;  // the expression's words joined by spaces
  std::string date;   // FormatEventDate
  bool boundary = false;
};

// Finds the expressions of `sentence` (tokens separated by spaces) and resolves them.
std::vector<Found> FindAndResolve(const std::string& sentence, CivilDate reference = kWednesday,
                                  Tense tense = Tense::kPast,
                                  std::optional<CivilDate> anchor = std::nullopt) {
  std::vector<std::string> tokens = Split(sentence);
  std::vector<std::string_view> forms(tokens.begin(), tokens.end());
  std::vector<Found> out;
  for (const TemporalExpression& expression : FindTemporalExpressions(forms)) {
    Found found;
    for (int word = expression.first; word <= expression.last; ++word) {
      found.words += (found.words.empty() ? "" : " ") + tokens[word];
    }
    found.date = doc::FormatEventDate(Resolve(expression, reference, tense, anchor));
    found.boundary = expression.boundary;
    out.push_back(found);
  }
  return out;
}

// The single expression of `sentence`, resolved.
std::string DateIn(const std::string& sentence, CivilDate reference = kWednesday,
                   Tense tense = Tense::kPast, std::optional<CivilDate> anchor = std::nullopt) {
  std::vector<Found> found = FindAndResolve(sentence, reference, tense, anchor);
  if (found.size() != 1) return "found " + std::to_string(found.size());
  return found[0].date;
}

TEST(TemporalExpressionTest, WeekdayIsTheLatestOnOrBeforePublication) {
  EXPECT_EQ(DateIn("Rebels shelled the depot on Tuesday ."), "2019-05-28");
  EXPECT_EQ(DateIn("The envoys met on Wednesday ."), "2019-05-29");
  EXPECT_EQ(DateIn("Gunmen struck late Thursday ."), "2019-05-23");
  EXPECT_EQ(DateIn("Saturday 's raid killed two ."), "2019-05-25");
}

TEST(TemporalExpressionTest, WeekdayTakesInLateEarlyAndPartsOfTheDay) {
  std::vector<Found> found = FindAndResolve("Troops left late on Monday night .");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].words, "late on Monday night");
  EXPECT_EQ(found[0].date, "2019-05-27");
}

TEST(TemporalExpressionTest, LastAndNextWeekdayExcludeThePublicationDay) {
  EXPECT_EQ(DateIn("The envoy came last Wednesday ."), "2019-05-22");
  EXPECT_EQ(DateIn("The envoy will come next Wednesday ."), "2019-06-05");
}

TEST(TemporalExpressionTest, WeekdayOfLastOrNextWeek) {
  EXPECT_EQ(DateIn("A bomb killed eight on Wednesday last week ."), "2019-05-22");
  EXPECT_EQ(DateIn("A bomb killed eight on Friday last week ."), "2019-05-24");
  EXPECT_EQ(DateIn("The talks open on Monday next week ."), "2019-06-03");
}

TEST(TemporalExpressionTest, FutureWeekdayLooksForward) {
  EXPECT_EQ(DateIn("The envoy will fly to Rome on Monday .", kWednesday, Tense::kFuture),
            "2019-06-03");
  EXPECT_EQ(DateIn("The envoy will fly to Rome on Wednesday .", kWednesday, Tense::kFuture),
            "2019-05-29");
}

TEST(TemporalExpressionTest, DeicticDays) {
  EXPECT_EQ(DateIn("Jets bombed the bridge yesterday ."), "2019-05-28");
  EXPECT_EQ(DateIn("The talks open today ."), "2019-05-29");
  EXPECT_EQ(DateIn("The mayor speaks tonight ."), "2019-05-29");
  EXPECT_EQ(DateIn("The vote is tomorrow ."), "2019-05-30");
  EXPECT_EQ(DateIn("A mortar hit the camp last night ."), "2019-05-28");
  EXPECT_EQ(DateIn("Clashes went on overnight ."), "2019-05-28");
  EXPECT_EQ(DateIn("The governor quit this morning ."), "2019-05-29");
}

TEST(TemporalExpressionTest, DayMonthYearInBothOrders) {
  EXPECT_EQ(DateIn("Soldiers seized the port on 19 October 2018 ."), "2018-10-19");
  EXPECT_EQ(DateIn("Soldiers seized the port on October 19 , 2018 ."), "2018-10-19");
  EXPECT_EQ(DateIn("Soldiers seized the port on Sept. 14 , 2018 ."), "2018-09-14");
  EXPECT_EQ(DateIn("Soldiers seized the port on the 3rd of May ."), "2019-05-03");
}

TEST(TemporalExpressionTest, MonthDayWithoutYearIsTheLatestNotAfterPublication) {
  EXPECT_EQ(DateIn("On 19 October , soldiers seized the port ."), "2018-10-19");
  EXPECT_EQ(DateIn("On May 29 , soldiers seized the port ."), "2019-05-29");
  EXPECT_EQ(DateIn("The summit opens on 3 June .", kWednesday, Tense::kFuture), "2019-06-03");
}

TEST(TemporalExpressionTest, WeekdayFollowedByADateTakesTheDate) {
  std::vector<Found> found =
      FindAndResolve("On Tuesday , October 30 , the navy sailed .", {2018, 11, 2});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].words, "On Tuesday , October 30");
  EXPECT_EQ(found[0].date, "2018-10-30");
}

TEST(TemporalExpressionTest, IsoDatesWholeOrSplit) {
  EXPECT_EQ(DateIn("The decree was signed on 2019-05-20 ."), "2019-05-20");
  EXPECT_EQ(DateIn("The decree was signed on 2019 - 05 - 20 ."), "2019-05-20");
}

TEST(TemporalExpressionTest, MonthsAndYears) {
  EXPECT_EQ(DateIn("The siege began in October 2018 ."), "2018-10");
  EXPECT_EQ(DateIn("The siege began in April ."), "2019-04");
  EXPECT_EQ(DateIn("The siege began in September ."), "2018-09");
  EXPECT_EQ(DateIn("Voting starts in September .", kWednesday, Tense::kFuture), "2019-09");
  EXPECT_EQ(DateIn("The siege began last October ."), "2018-10");
  EXPECT_EQ(DateIn("The siege began in early 2016 ."), "2016");
}

TEST(TemporalExpressionTest, MidMonthAsOneToken) {
  EXPECT_EQ(DateIn("The siege began in mid-March ."), "2019-03");
}

TEST(TemporalExpressionTest, SeasonOfAYearIsThatYear) {
  EXPECT_EQ(DateIn("The army attacked in the summer of 2016 ."), "2016");
  EXPECT_EQ(DateIn("The army attacked in winter 2015 ."), "2015");
}

TEST(TemporalExpressionTest, MonthNamesMustBeCapitalised) {
  EXPECT_TRUE(FindAndResolve("Rebels may march on the city .").empty());
  EXPECT_TRUE(FindAndResolve("Officials said it may be in may .").empty());
}

TEST(TemporalExpressionTest, BareNumbersAreNotYears) {
  EXPECT_TRUE(FindAndResolve("Haftar broke the 2015 agreement .").empty());
  EXPECT_TRUE(FindAndResolve("The army freed 2015 prisoners .").empty());
}

TEST(TemporalExpressionTest, UnitsAgo) {
  EXPECT_EQ(DateIn("The prison was stormed two weeks ago ."), "2019-05-15");
  EXPECT_EQ(DateIn("The prison was stormed a week ago ."), "2019-05-22");
  EXPECT_EQ(DateIn("The prison was stormed 3 days ago ."), "2019-05-26");
  EXPECT_EQ(DateIn("The prison was stormed five months ago ."), "2018-12");
  EXPECT_EQ(DateIn("The prison was stormed two years ago ."), "2017");
}

TEST(TemporalExpressionTest, RelativeWeeksMonthsAndYears) {
  EXPECT_EQ(DateIn("The cabinet met last week .", {2020, 1, 6}), "2019-12");
  EXPECT_EQ(DateIn("The cabinet met earlier this month ."), "2019-05");
  EXPECT_EQ(DateIn("The cabinet met late last month .", {2020, 1, 6}), "2019-12");
  EXPECT_EQ(DateIn("The cabinet meets next month ."), "2019-06");
  EXPECT_EQ(DateIn("The cabinet met last year ."), "2018");
  EXPECT_EQ(DateIn("The cabinet met earlier this year ."), "2019");
}

TEST(TemporalExpressionTest, SeasonsAreTheirYear) {
  EXPECT_EQ(DateIn("The rebels withdrew last summer ."), "2018");
  EXPECT_EQ(DateIn("The rebels withdrew last summer .", {2019, 10, 1}), "2019");
  EXPECT_EQ(DateIn("The rebels withdrew last winter ."), "2019");
  EXPECT_EQ(DateIn("The rebels withdrew last autumn .", {2020, 1, 6}), "2019");
  EXPECT_EQ(DateIn("The rebels will return next spring ."), "2020");
}

TEST(TemporalExpressionTest, FixedHolidaysAndEaster) {
  EXPECT_EQ(DateIn("A church was bombed on Christmas Day ."), "2018-12-25");
  EXPECT_EQ(DateIn("A church was bombed on Christmas Eve ."), "2018-12-24");
  EXPECT_EQ(DateIn("A bomb went off on New Year 's Eve ."), "2018-12-31");
  EXPECT_EQ(DateIn("A bomb went off on New Year 's Day ."), "2019-01-01");
  EXPECT_EQ(DateIn("A bomb will go off on New Year 's Day .", kWednesday, Tense::kFuture),
            "2020-01-01");
  EXPECT_EQ(DateIn("The bishop was seized on Easter Sunday .", {2017, 3, 15}), "2016-03-27");
}

TEST(TemporalExpressionTest, AnchoredDaysCountFromTheLastNamedDay) {
  EXPECT_EQ(
      DateIn("The army hit back the next day .", kWednesday, Tense::kPast, CivilDate{2019, 5, 27}),
      "2019-05-28");
  EXPECT_EQ(DateIn("The men had been seized the day before .", kWednesday, Tense::kPast,
                   CivilDate{2019, 5, 27}),
            "2019-05-26");
  EXPECT_EQ(DateIn("The army shelled the town the previous day ."), "2019-05-28");
  EXPECT_EQ(
      DateIn("It had fallen two days earlier .", kWednesday, Tense::kPast, CivilDate{2019, 5, 27}),
      "2019-05-25");
  EXPECT_TRUE(FindAndResolve("Talks resumed the day after the attack .").empty());
}

TEST(TemporalExpressionTest, SinceUntilAndByMarkBoundaries) {
  std::vector<Found> found =
      FindAndResolve("The curfew , in force since 2014 , lasts until Sunday .");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_TRUE(found[0].boundary);
  EXPECT_TRUE(found[1].boundary);
  EXPECT_FALSE(FindAndResolve("Police held him on Monday .")[0].boundary);
}

TEST(TemporalExpressionTest, TwoExpressionsInOneSentence) {
  std::vector<Found> found =
      FindAndResolve("The army , which took the town in April , shelled it on Tuesday .");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].words, "in April");
  EXPECT_EQ(found[1].words, "on Tuesday");
}

}  // namespace
}  // namespace khabar::when
