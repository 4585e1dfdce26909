// Temporal expressions: finding them in the words of one sentence ("late Tuesday",
// "On 19 October", "two weeks ago", "earlier this month", "New Year's Eve") and resolving
// them against a reference date, normally the article's publication date. The rules, each
// with an example, are in docs/formats/when.md.
//
//   std::vector<std::string_view> forms = {"Militants", "attacked", "on", "Tuesday", "."};
//   for (const when::TemporalExpression& found : when::FindTemporalExpressions(forms)) {
//     doc::EventDate date = when::Resolve(found, {2019, 5, 29}, when::Tense::kPast, std::nullopt);
//     // found.first == 2, found.last == 3; date is 2019-05-28, day precision
//   }
//
// The finder sees word forms only (case matters for month names, so that "may" and
// "march" are not months); which expression dates which event is decided on the
// dependency tree (date_resolver.h).
//
// Thread-safety: pure functions on values.
#ifndef KHABAR_WHEN_TEMPORAL_EXPRESSION_H_
#define KHABAR_WHEN_TEMPORAL_EXPRESSION_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "khabar/doc/events.h"
#include "khabar/when/calendar.h"

namespace khabar::when {

enum class ExpressionKind : uint8_t {
  kDate,           // a whole calendar date: "19 October 2018", "2018-10-19"
  kMonthDay,       // "19 October", "on Dec. 2": the year comes from the reference
  kMonthYear,      // "October 2018"
  kMonth,          // "in April", "last October"
  kYear,           // "in 2016"
  kWeekday,        // "on Tuesday", "late Monday", "last Thursday", "next Tuesday"
  kWeekdayOfWeek,  // "Wednesday last week", "Monday next week": count -1, 0 or +1 weeks
  kDayOffset,      // "yesterday" (-1), "today", "tonight" (0), "tomorrow" (+1), "overnight"
  kUnitsAgo,       // "two weeks ago", "three years ago"
  kRelativeUnit,   // "last week", "earlier this month", "next year"
  kSeason,         // "last summer", "this winter"
  kHoliday,        // "Christmas Day", "New Year's Eve", "Easter Sunday"
  kAnchorOffset,   // "the day before", "the next day", "two days earlier": from the anchor
};

enum class Unit : uint8_t { kDay, kWeek, kMonth, kYear };
// "last", "this" or "next" before a weekday, month, unit or season.
enum class Modifier : uint8_t { kNone, kLast, kThis, kNext };
enum class Season : uint8_t { kSpring, kSummer, kAutumn, kWinter };
enum class Holiday : uint8_t {
  kNewYearsDay,
  kValentinesDay,
  kHalloween,
  kChristmasEve,
  kChristmasDay,
  kBoxingDay,
  kNewYearsEve,
  kEasterSunday,
  kEasterMonday,
  kGoodFriday
};

struct TemporalExpression {
  int first = 0;  // first word (index into the forms given to the finder), inclusive;
                  // a leading "on", "in", "during" or "at" is included
  int last = 0;   // last word, inclusive
  ExpressionKind kind = ExpressionKind::kDate;
  int year = 0;      // as written: kDate, kMonthYear, kYear
  int month = 0;     // as written: kDate, kMonthDay, kMonthYear, kMonth
  int day = 0;       // as written: kDate, kMonthDay
  int weekday = -1;  // kWeekday: 0 Monday .. 6 Sunday
  int count = 0;     // kUnitsAgo: how many units; kDayOffset, kAnchorOffset: days (signed)
  Unit unit = Unit::kDay;
  Modifier modifier = Modifier::kNone;
  Season season = Season::kSummer;
  Holiday holiday = Holiday::kChristmasDay;
  // Introduced by "since", "until", "by", "before", "after", "from", ...: it bounds the
  // event rather than dating it, so it never becomes the event's date.
  bool boundary = false;
};

// Whether the clause an expression belongs to speaks of the future ("will meet on
// Thursday"): plain weekdays, months and month-days then look forward from the reference.
enum class Tense : uint8_t { kPast, kFuture };

// The expressions among `forms` (one sentence's words as written), in text order, not
// overlapping.
std::vector<TemporalExpression> FindTemporalExpressions(std::span<const std::string_view> forms);

// The date `expression` names, seen from `reference` (the publication date). `anchor` is
// the last day the text named before it (for "the day before"); without one the
// reference is used. The result's from_text is true and span is empty (the caller knows
// the words); precision kNone when the expression names no possible date.
doc::EventDate Resolve(const TemporalExpression& expression, const CivilDate& reference,
                       Tense tense, const std::optional<CivilDate>& anchor);

}  // namespace khabar::when

#endif  // KHABAR_WHEN_TEMPORAL_EXPRESSION_H_
