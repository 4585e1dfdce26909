#include "khabar/when/calendar.h"

#include <gtest/gtest.h>

namespace khabar::when {
namespace {

TEST(CalendarTest, ParsesIsoDatesAndRejectsImpossibleOnes) {
  EXPECT_EQ(ParseIsoDate("2019-05-29"), (CivilDate{2019, 5, 29}));
  EXPECT_FALSE(ParseIsoDate("2019-02-29").has_value());
  EXPECT_TRUE(ParseIsoDate("2020-02-29").has_value());
  EXPECT_FALSE(ParseIsoDate("2019-5-29").has_value());
  EXPECT_FALSE(ParseIsoDate("").has_value());
}

TEST(CalendarTest, AddsDaysAcrossMonthsAndYears) {
  EXPECT_EQ(AddDays({2020, 1, 6}, -7), (CivilDate{2019, 12, 30}));
  EXPECT_EQ(AddDays({2020, 2, 28}, 1), (CivilDate{2020, 2, 29}));
}

TEST(CalendarTest, AddsMonthsAcrossYears) {
  EXPECT_EQ(AddMonths({2020, 1}, -1), (YearMonth{2019, 12}));
  EXPECT_EQ(AddMonths({2016, 7}, -6), (YearMonth{2016, 1}));
  EXPECT_EQ(AddMonths({2021, 12}, 1), (YearMonth{2022, 1}));
}

TEST(CalendarTest, WeekdayIsIsoOrderFromMonday) {
  EXPECT_EQ(Weekday({2019, 5, 29}), 2);  // a Wednesday
  EXPECT_EQ(Weekday({2020, 1, 6}), 0);   // a Monday
  EXPECT_EQ(Weekday({2016, 7, 3}), 6);   // a Sunday
}

TEST(CalendarTest, EasterSundayMatchesTheChurchCalendar) {
  EXPECT_EQ(EasterSunday(2016), (CivilDate{2016, 3, 27}));
  EXPECT_EQ(EasterSunday(2019), (CivilDate{2019, 4, 21}));
  EXPECT_EQ(EasterSunday(2025), (CivilDate{2025, 4, 20}));
}

}  // namespace
}  // namespace khabar::when
