// Resolve(): the date a temporal expression names, seen from the publication date
// (temporal_expression.h; the rules are in docs/formats/when.md).
#include "khabar/when/temporal_expression.h"

namespace khabar::when {
namespace {

doc::EventDate DayDate(const CivilDate& date) {
  doc::EventDate out;
  out.year = date.year;
  out.month = date.month;
  out.day = date.day;
  out.precision = doc::DatePrecision::kDay;
  out.from_text = true;
  return out;
}

doc::EventDate MonthDate(const YearMonth& month) {
  doc::EventDate out;
  out.year = month.year;
  out.month = month.month;
  out.precision = doc::DatePrecision::kMonth;
  out.from_text = true;
  return out;
}

doc::EventDate YearDate(int year) {
  doc::EventDate out;
  out.year = year;
  out.precision = doc::DatePrecision::kYear;
  out.from_text = true;
  return out;
}

// A month and day without a year: the latest one on or before the reference, or for a
// future clause the first one on or after it.
doc::EventDate ResolveMonthDay(const TemporalExpression& found, const CivilDate& reference,
                               Tense tense) {
  int year = reference.year;
  CivilDate date{year, found.month, found.day};
  if (tense == Tense::kPast && date > reference) --year;
  if (tense == Tense::kFuture && date < reference) ++year;
  if (!IsValidDate(year, found.month, found.day)) return {};
  return DayDate({year, found.month, found.day});
}

// "in April", "last October", "next March".
doc::EventDate ResolveMonth(const TemporalExpression& found, const CivilDate& reference,
                            Tense tense) {
  const int month = found.month;
  int year = reference.year;
  switch (found.modifier) {
    case Modifier::kLast:
      year = month < reference.month ? reference.year : reference.year - 1;
      break;
    case Modifier::kNext:
      year = month > reference.month ? reference.year : reference.year + 1;
      break;
    case Modifier::kThis:
      break;
    case Modifier::kNone:
      if (tense == Tense::kPast && month > reference.month) year = reference.year - 1;
      if (tense == Tense::kFuture && month < reference.month) year = reference.year + 1;
      break;
  }
  return MonthDate({year, month});
}

// Weekdays count back to the latest such day on or before the reference (news
// convention); "last" excludes the reference day itself, "next" looks forward past it, and
// a future clause looks forward from the reference day included.
doc::EventDate ResolveWeekday(const TemporalExpression& found, const CivilDate& reference,
                              Tense tense) {
  constexpr int kWeek = 7;
  const int back = (Weekday(reference) - found.weekday + kWeek) % kWeek;
  const int forward = (found.weekday - Weekday(reference) + kWeek) % kWeek;
  switch (found.modifier) {
    case Modifier::kLast:
      return DayDate(AddDays(reference, back == 0 ? -kWeek : -back));
    case Modifier::kNext:
      return DayDate(AddDays(reference, forward == 0 ? kWeek : forward));
    case Modifier::kThis:
    case Modifier::kNone:
      break;
  }
  return DayDate(AddDays(reference, tense == Tense::kFuture ? forward : -back));
}

// The weekday of the (Monday to Sunday) week `found.count` weeks from the reference's.
doc::EventDate ResolveWeekdayOfWeek(const TemporalExpression& found, const CivilDate& reference) {
  constexpr int kWeek = 7;
  const CivilDate monday = AddDays(reference, -Weekday(reference));
  return DayDate(AddDays(monday, kWeek * found.count + found.weekday));
}

doc::EventDate ResolveUnitsAgo(const TemporalExpression& found, const CivilDate& reference) {
  constexpr int kWeek = 7;
  switch (found.unit) {
    case Unit::kDay:
      return DayDate(AddDays(reference, -found.count));
    case Unit::kWeek:
      return DayDate(AddDays(reference, -kWeek * found.count));
    case Unit::kMonth:
      return MonthDate(AddMonths({reference.year, reference.month}, -found.count));
    case Unit::kYear:
      return YearDate(reference.year - found.count);
  }
  return {};
}

// "last week" is the month of the day a week before the reference; "this month" the
// reference's month; "next year" the year after.
doc::EventDate ResolveRelativeUnit(const TemporalExpression& found, const CivilDate& reference) {
  constexpr int kWeek = 7;
  const int offset = found.modifier == Modifier::kLast   ? -1
                     : found.modifier == Modifier::kNext ? 1
                                                         : 0;
  switch (found.unit) {
    case Unit::kDay:
      return DayDate(AddDays(reference, offset));
    case Unit::kWeek: {
      CivilDate day = AddDays(reference, kWeek * offset);
      return MonthDate({day.year, day.month});
    }
    case Unit::kMonth:
      return MonthDate(AddMonths({reference.year, reference.month}, offset));
    case Unit::kYear:
      return YearDate(reference.year + offset);
  }
  return {};
}

// Meteorological seasons of the northern hemisphere; a winter (December to February) is
// named by the year of its January.
CivilDate SeasonStart(Season season, int year) {
  switch (season) {
    case Season::kSpring:
      return {year, 3, 1};
    case Season::kSummer:
      return {year, 6, 1};
    case Season::kAutumn:
      return {year, 9, 1};
    case Season::kWinter:
      return {year - 1, 12, 1};
  }
  return {};
}

CivilDate SeasonEnd(Season season, int year) {
  switch (season) {
    case Season::kSpring:
      return {year, 5, 31};
    case Season::kSummer:
      return {year, 8, 31};
    case Season::kAutumn:
      return {year, 11, 30};
    case Season::kWinter:
      return AddDays({year, 3, 1}, -1);
  }
  return {};
}

// "last summer": the latest summer over before the reference; "next summer": the first to
// begin after it; "this summer": the one named by the reference's year (for winter, the one
// under way or coming).
doc::EventDate ResolveSeason(const TemporalExpression& found, const CivilDate& reference) {
  int year = reference.year + 1;
  switch (found.modifier) {
    case Modifier::kLast:
      while (SeasonEnd(found.season, year) >= reference) --year;
      break;
    case Modifier::kNext:
      year = reference.year - 1;
      while (SeasonStart(found.season, year) <= reference) ++year;
      break;
    case Modifier::kThis:
    case Modifier::kNone:
      year = found.season == Season::kWinter && reference.month == 12 ? reference.year + 1
                                                                      : reference.year;
      break;
  }
  return YearDate(year);
}

CivilDate HolidayIn(Holiday holiday, int year) {
  constexpr int kGoodFridayOffset = -2;
  switch (holiday) {
    case Holiday::kNewYearsDay:
      return {year, 1, 1};
    case Holiday::kValentinesDay:
      return {year, 2, 14};
    case Holiday::kHalloween:
      return {year, 10, 31};
    case Holiday::kChristmasEve:
      return {year, 12, 24};
    case Holiday::kChristmasDay:
      return {year, 12, 25};
    case Holiday::kBoxingDay:
      return {year, 12, 26};
    case Holiday::kNewYearsEve:
      return {year, 12, 31};
    case Holiday::kEasterSunday:
      return EasterSunday(year);
    case Holiday::kEasterMonday:
      return AddDays(EasterSunday(year), 1);
    case Holiday::kGoodFriday:
      return AddDays(EasterSunday(year), kGoodFridayOffset);
  }
  return {};
}

// The latest occurrence on or before the reference, or for a future clause the first on
// or after it.
doc::EventDate ResolveHoliday(const TemporalExpression& found, const CivilDate& reference,
                              Tense tense) {
  int year = reference.year;
  if (tense == Tense::kPast && HolidayIn(found.holiday, year) > reference) --year;
  if (tense == Tense::kFuture && HolidayIn(found.holiday, year) < reference) ++year;
  return DayDate(HolidayIn(found.holiday, year));
}

}  // namespace

doc::EventDate Resolve(const TemporalExpression& found, const CivilDate& reference, Tense tense,
                       const std::optional<CivilDate>& anchor) {
  switch (found.kind) {
    case ExpressionKind::kDate:
      if (!IsValidDate(found.year, found.month, found.day)) return {};
      return DayDate({found.year, found.month, found.day});
    case ExpressionKind::kMonthDay:
      return ResolveMonthDay(found, reference, tense);
    case ExpressionKind::kMonthYear:
      return MonthDate({found.year, found.month});
    case ExpressionKind::kMonth:
      return ResolveMonth(found, reference, tense);
    case ExpressionKind::kYear:
      return YearDate(found.year);
    case ExpressionKind::kWeekdayOfWeek:
      return ResolveWeekdayOfWeek(found, reference);
    case ExpressionKind::kWeekday:
      return ResolveWeekday(found, reference, tense);
    case ExpressionKind::kDayOffset:
      return DayDate(AddDays(reference, found.count));
    case ExpressionKind::kUnitsAgo:
      return ResolveUnitsAgo(found, reference);
    case ExpressionKind::kRelativeUnit:
      return ResolveRelativeUnit(found, reference);
    case ExpressionKind::kSeason:
      return ResolveSeason(found, reference);
    case ExpressionKind::kHoliday:
      return ResolveHoliday(found, reference, tense);
    case ExpressionKind::kAnchorOffset:
      return DayDate(AddDays(anchor.value_or(reference), found.count));
  }
  return {};
}

}  // namespace khabar::when
