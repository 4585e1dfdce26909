// Calendar arithmetic on proleptic Gregorian dates, for resolving temporal expressions
// (when stage). A thin layer over C++20 <chrono> calendar types.
//
//   std::optional<when::CivilDate> published = when::ParseIsoDate("2019-05-29");
//   when::CivilDate yesterday = when::AddDays(*published, -1);       // 2019-05-28
//   int weekday = when::Weekday(*published);                          // 2 (Wednesday)
//
// Thread-safety: pure functions on values.
#ifndef KHABAR_WHEN_CALENDAR_H_
#define KHABAR_WHEN_CALENDAR_H_

#include <compare>
#include <optional>
#include <string_view>

namespace khabar::when {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31

  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

struct YearMonth {
  int year = 0;
  int month = 0;  // 1-12

  friend auto operator<=>(const YearMonth&, const YearMonth&) = default;
};

// True when year-month-day names a day of the Gregorian calendar (years 1..9999).
bool IsValidDate(int year, int month, int day);
// "YYYY-MM-DD" exactly; nullopt for anything else or an impossible day.
std::optional<CivilDate> ParseIsoDate(std::string_view text);
// The date `days` days later (earlier when negative).
CivilDate AddDays(const CivilDate& date, int days);
// The month `months` months later (earlier when negative).
YearMonth AddMonths(const YearMonth& month, int months);
// 0 Monday .. 6 Sunday (ISO 8601 order).
int Weekday(const CivilDate& date);
// Easter Sunday of the Western churches (the anonymous Gregorian algorithm, Meeus 1991).
CivilDate EasterSunday(int year);

}  // namespace khabar::when

#endif  // KHABAR_WHEN_CALENDAR_H_
