#include "khabar/when/temporal_expression.h"

#include <array>
#include <initializer_list>

namespace khabar::when {
namespace {

using Forms = std::span<const std::string_view>;

char LowerAscii(char ch) { return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch; }

bool EqualsLower(std::string_view form, std::string_view lower) {
  if (form.size() != lower.size()) return false;
  for (size_t at = 0; at < form.size(); ++at) {
    if (LowerAscii(form[at]) != lower[at]) return false;
  }
  return true;
}

bool IsDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return false;
  }
  return true;
}

int DigitsValue(std::string_view text) {
  int value = 0;
  for (char ch : text) value = value * 10 + (ch - '0');
  return value;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

// Month abbreviations as news agencies write them ("Sept." and "Sep."); May, June and July
// are not abbreviated.
int AbbreviatedMonth(std::string_view form) {
  static constexpr std::array<std::pair<std::string_view, int>, 12> kAbbreviations = {
      {{"jan", 1},
       {"feb", 2},
       {"mar", 3},
       {"apr", 4},
       {"jun", 6},
       {"jul", 7},
       {"aug", 8},
       {"sep", 9},
       {"sept", 9},
       {"oct", 10},
       {"nov", 11},
       {"dec", 12}}};
  if (!form.empty() && form.back() == '.') form.remove_suffix(1);
  for (const auto& [name, month] : kAbbreviations) {
    if (EqualsLower(form, name)) return month;
  }
  return 0;
}

// Small counts as words or digits: "a week ago", "two days ago", "10 days ago".
int CountValue(std::string_view form) {
  static constexpr std::array<std::string_view, 13> kWords = {
      "zero",  "one",   "two",  "three", "four",   "five",  "six",
      "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  if (EqualsLower(form, "a") || EqualsLower(form, "an")) return 1;
  for (size_t value = 1; value < kWords.size(); ++value) {
    if (EqualsLower(form, kWords[value])) return static_cast<int>(value);
  }
  constexpr int kMaxDigits = 3;
  if (IsDigits(form) && form.size() <= kMaxDigits) return DigitsValue(form);
  return 0;
}

class Finder {
 public:
  explicit Finder(Forms forms) : forms_(forms), size_(static_cast<int>(forms.size())) {}

  std::vector<TemporalExpression> FindAll() const;

 private:
  using Match = std::optional<TemporalExpression>;

  bool Is(int at, std::string_view lower) const {
    return at >= 0 && at < size_ && EqualsLower(forms_[at], lower);
  }
  bool IsAny(int at, std::initializer_list<std::string_view> lowers) const {
    for (std::string_view lower : lowers) {
      if (Is(at, lower)) return true;
    }
    return false;
  }
  bool IsPunctuationOrEnd(int at) const;
  bool IsPossessive(int at) const { return IsAny(at, {"'s", "\xE2\x80\x99s"}); }
  int MonthAt(int at, int* end) const;
  int WeekdayAt(int at) const;
  int DayNumberAt(int at) const;
  int YearAt(int at) const;
  std::optional<Unit> UnitAt(int at) const;

  Match MatchAt(int at) const;
  Match MatchAnchor(int at) const;
  Match MatchCounted(int at) const;
  Match MatchDeictic(int at) const;
  Match MatchModified(int at) const;
  Match MatchHoliday(int at) const;
  Match MatchWeekday(int at) const;
  Match MatchDayFirst(int at) const;
  Match MatchMonthFirst(int at) const;
  Match MatchIso(int at) const;
  Match MatchYear(int at) const;
  Match MatchSeasonOfYear(int at) const;
  void ExtendAndClassify(TemporalExpression& found) const;

  Forms forms_;
  int size_;
};

TemporalExpression Make(ExpressionKind kind, int first, int last) {
  TemporalExpression out;
  out.kind = kind;
  out.first = first;
  out.last = last;
  return out;
}

bool Finder::IsPunctuationOrEnd(int at) const {
  if (at >= size_) return true;
  for (char ch : forms_[at]) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))
      return false;
  }
  return true;
}

// A month name or abbreviation, capitalised so that the verbs "may" and "march" are not
// taken for months; *end is its last word (an abbreviation's separate "." is included
// when a number follows).
int Finder::MonthAt(int at, int* end) const {
  if (at < 0 || at >= size_) return 0;
  std::string_view form = forms_[at];
  // "mid-March" as one token reads as March.
  if (form.size() > 4 && EqualsLower(form.substr(0, 4), "mid-")) form.remove_prefix(4);
  if (form.empty() || form[0] < 'A' || form[0] > 'Z') return 0;
  *end = at;
  for (size_t month = 0; month < kMonths.size(); ++month) {
    if (EqualsLower(form, kMonths[month])) return static_cast<int>(month) + 1;
  }
  int month = AbbreviatedMonth(form);
  if (month != 0 && Is(at + 1, ".") && DayNumberAt(at + 2) != 0) *end = at + 1;
  return month;
}

int Finder::WeekdayAt(int at) const {
  for (size_t weekday = 0; weekday < kWeekdays.size(); ++weekday) {
    if (Is(at, kWeekdays[weekday])) return static_cast<int>(weekday);
  }
  return -1;
}

// 1-31 written "19", "19th", "1st", "2nd" or "3rd".
int Finder::DayNumberAt(int at) const {
  if (at < 0 || at >= size_) return 0;
  std::string_view form = forms_[at];
  if (form.size() > 2 && (form.ends_with("st") || form.ends_with("nd") || form.ends_with("rd") ||
                          form.ends_with("th"))) {
    form.remove_suffix(2);
  }
  constexpr int kMaxDay = 31;
  if (!IsDigits(form) || form.size() > 2) return 0;
  int day = DigitsValue(form);
  return day >= 1 && day <= kMaxDay ? day : 0;
}

int Finder::YearAt(int at) const {
  constexpr int kFirstYear = 1900, kLastYear = 2099;
  if (at < 0 || at >= size_ || forms_[at].size() != 4 || !IsDigits(forms_[at])) return 0;
  int year = DigitsValue(forms_[at]);
  return year >= kFirstYear && year <= kLastYear ? year : 0;
}

std::optional<Unit> Finder::UnitAt(int at) const {
  if (IsAny(at, {"day", "days"})) return Unit::kDay;
  if (IsAny(at, {"week", "weeks", "weekend"})) return Unit::kWeek;
  if (IsAny(at, {"month", "months"})) return Unit::kMonth;
  if (IsAny(at, {"year", "years"})) return Unit::kYear;
  return std::nullopt;
}

// "the day before", "the previous day", "the next day", "the following day", "the day
// after" (only where nothing follows: "the day after the attack" is relative to the attack).
Finder::Match Finder::MatchAnchor(int at) const {
  if (!Is(at, "the")) return std::nullopt;
  if (Is(at + 1, "day") && IsAny(at + 2, {"before", "after"}) && IsPunctuationOrEnd(at + 3)) {
    TemporalExpression found = Make(ExpressionKind::kAnchorOffset, at, at + 2);
    found.count = Is(at + 2, "before") ? -1 : 1;
    return found;
  }
  if (IsAny(at + 1, {"previous", "next", "following"}) && Is(at + 2, "day")) {
    TemporalExpression found = Make(ExpressionKind::kAnchorOffset, at, at + 2);
    found.count = Is(at + 1, "previous") ? -1 : 1;
    return found;
  }
  return std::nullopt;
}

// "two weeks ago", "a year ago"; "two days earlier", "a day later" (from the anchor).
Finder::Match Finder::MatchCounted(int at) const {
  if (at >= size_) return std::nullopt;
  int count = CountValue(forms_[at]);
  std::optional<Unit> unit = UnitAt(at + 1);
  if (count == 0 || !unit.has_value()) return std::nullopt;
  if (Is(at + 2, "ago")) {
    TemporalExpression found = Make(ExpressionKind::kUnitsAgo, at, at + 2);
    found.count = count;
    found.unit = *unit;
    return found;
  }
  if (*unit == Unit::kDay && IsAny(at + 2, {"earlier", "later", "before"}) &&
      IsPunctuationOrEnd(at + 3)) {
    TemporalExpression found = Make(ExpressionKind::kAnchorOffset, at, at + 2);
    found.count = Is(at + 2, "later") ? count : -count;
    return found;
  }
  return std::nullopt;
}

// Days named from the publication day: "yesterday", "today", "tonight", "tomorrow",
// "overnight", "last night", "this morning".
Finder::Match Finder::MatchDeictic(int at) const {
  auto day = [&](int last, int offset) {
    if (IsAny(last + 1, {"morning", "afternoon", "evening", "night"})) ++last;
    TemporalExpression found = Make(ExpressionKind::kDayOffset, at, last);
    found.count = offset;
    return found;
  };
  if (Is(at, "yesterday")) return day(at, -1);
  if (IsAny(at, {"today", "tonight"})) return day(at, 0);
  if (Is(at, "tomorrow")) return day(at, 1);
  if (Is(at, "overnight")) return day(at, -1);
  if (Is(at, "last") && Is(at + 1, "night")) return day(at + 1, -1);
  if (Is(at, "this") && IsAny(at + 1, {"morning", "afternoon", "evening"})) return day(at + 1, 0);
  return std::nullopt;
}

// "last"/"this"/"next" before a weekday, a unit, a season or a month.
Finder::Match Finder::MatchModified(int at) const {
  Modifier modifier = Is(at, "last")   ? Modifier::kLast
                      : Is(at, "this") ? Modifier::kThis
                      : Is(at, "next") ? Modifier::kNext
                                       : Modifier::kNone;
  if (modifier == Modifier::kNone) return std::nullopt;
  Match found;
  int month_end = 0;
  if (int weekday = WeekdayAt(at + 1); weekday >= 0) {
    found = Make(ExpressionKind::kWeekday, at, at + 1);
    found->weekday = weekday;
  } else if (std::optional<Unit> unit = UnitAt(at + 1); unit.has_value() && *unit != Unit::kDay) {
    found = Make(ExpressionKind::kRelativeUnit, at, at + 1);
    found->unit = *unit;
  } else if (IsAny(at + 1, {"spring", "summer", "autumn", "fall", "winter"})) {
    found = Make(ExpressionKind::kSeason, at, at + 1);
    found->season = Is(at + 1, "spring")   ? Season::kSpring
                    : Is(at + 1, "summer") ? Season::kSummer
                    : Is(at + 1, "winter") ? Season::kWinter
                                           : Season::kAutumn;
  } else if (int month = MonthAt(at + 1, &month_end); month != 0) {
    found = Make(ExpressionKind::kMonth, at, month_end);
    found->month = month;
  } else {
    return std::nullopt;
  }
  found->modifier = modifier;
  return found;
}

// Holidays on a fixed Gregorian day, and Easter. Eid, Ramadan and other lunar holidays
// are left out: their day depends on the moon's sighting and the country.
Finder::Match Finder::MatchHoliday(int at) const {
  auto holiday = [&](Holiday which, int last) {
    TemporalExpression found = Make(ExpressionKind::kHoliday, at, last);
    found.holiday = which;
    return found;
  };
  if (Is(at, "christmas")) {
    if (Is(at + 1, "eve")) return holiday(Holiday::kChristmasEve, at + 1);
    return holiday(Holiday::kChristmasDay, Is(at + 1, "day") ? at + 1 : at);
  }
  if (Is(at, "new") && IsAny(at + 1, {"year's", "year\xE2\x80\x99s"}) &&
      IsAny(at + 2, {"day", "eve"})) {
    return holiday(Is(at + 2, "eve") ? Holiday::kNewYearsEve : Holiday::kNewYearsDay, at + 2);
  }
  if (Is(at, "new") && Is(at + 1, "year") && IsPossessive(at + 2) &&
      IsAny(at + 3, {"day", "eve"})) {
    return holiday(Is(at + 3, "eve") ? Holiday::kNewYearsEve : Holiday::kNewYearsDay, at + 3);
  }
  if (Is(at, "boxing") && Is(at + 1, "day")) return holiday(Holiday::kBoxingDay, at + 1);
  if (Is(at, "valentine") && IsPossessive(at + 1) && Is(at + 2, "day")) {
    return holiday(Holiday::kValentinesDay, at + 2);
  }
  if (Is(at, "halloween")) return holiday(Holiday::kHalloween, at);
  if (Is(at, "good") && Is(at + 1, "friday")) return holiday(Holiday::kGoodFriday, at + 1);
  if (Is(at, "easter")) {
    if (Is(at + 1, "monday")) return holiday(Holiday::kEasterMonday, at + 1);
    return holiday(Holiday::kEasterSunday, Is(at + 1, "sunday") ? at + 1 : at);
  }
  return std::nullopt;
}

// "Tuesday", "Tuesday night", "Saturday's"; a date right after the weekday wins:
// "Tuesday, October 30".
Finder::Match Finder::MatchWeekday(int at) const {
  int weekday = WeekdayAt(at);
  if (weekday < 0) return std::nullopt;
  int next = Is(at + 1, ",") ? at + 2 : at + 1;
  for (Match dated : {MatchMonthFirst(next), MatchDayFirst(next)}) {
    if (dated.has_value() && dated->kind != ExpressionKind::kMonth) {
      dated->first = at;
      return dated;
    }
  }
  int last = at;
  if (IsPossessive(last + 1)) ++last;
  if (IsAny(last + 1, {"morning", "afternoon", "evening", "night"})) ++last;
  TemporalExpression found = Make(ExpressionKind::kWeekday, at, last);
  found.weekday = weekday;
  // "Wednesday last week": that weekday of the week before the reference's.
  if (IsAny(last + 1, {"last", "this", "next"}) && Is(last + 2, "week")) {
    found.kind = ExpressionKind::kWeekdayOfWeek;
    found.count = Is(last + 1, "last") ? -1 : Is(last + 1, "next") ? 1 : 0;
    found.last = last + 2;
  }
  return found;
}

// "19 October", "19 October 2018", "the 10th of March".
Finder::Match Finder::MatchDayFirst(int at) const {
  int day = DayNumberAt(at);
  if (day == 0) return std::nullopt;
  int month_at = Is(at + 1, "of") ? at + 2 : at + 1;
  int month_end = 0;
  int month = MonthAt(month_at, &month_end);
  if (month == 0) return std::nullopt;
  int year_at = Is(month_end + 1, ",") ? month_end + 2 : month_end + 1;
  int year = YearAt(year_at);
  TemporalExpression found = Make(year ? ExpressionKind::kDate : ExpressionKind::kMonthDay, at,
                                  year ? year_at : month_end);
  found.year = year;
  found.month = month;
  found.day = day;
  return found;
}

// "October 19", "October 19, 2018", "Dec. 2", "October 2018", and a month alone after
// "in", "during", "early", "late", "mid", "since", "until" or "by".
Finder::Match Finder::MatchMonthFirst(int at) const {
  int month_end = 0;
  int month = MonthAt(at, &month_end);
  if (month == 0) return std::nullopt;
  TemporalExpression found = Make(ExpressionKind::kMonth, at, month_end);
  found.month = month;
  if (int day = DayNumberAt(month_end + 1); day != 0) {
    int year_at = Is(month_end + 2, ",") ? month_end + 3 : month_end + 2;
    found.day = day;
    found.kind = ExpressionKind::kMonthDay;
    found.last = month_end + 1;
    if (int year = YearAt(year_at); year != 0) {
      found.kind = ExpressionKind::kDate;
      found.year = year;
      found.last = year_at;
    }
    return found;
  }
  if (int year = YearAt(month_end + 1); year != 0) {
    found.kind = ExpressionKind::kMonthYear;
    found.year = year;
    found.last = month_end + 1;
    return found;
  }
  if (IsAny(at - 1, {"in", "during", "early", "late", "mid", "mid-", "since", "until", "by"}))
    return found;
  return std::nullopt;
}

// "2019-05-20" as one word, or as "2019 - 05 - 20" when the tokenizer splits it.
Finder::Match Finder::MatchIso(int at) const {
  if (at < size_) {
    if (std::optional<CivilDate> date = ParseIsoDate(forms_[at]); date.has_value()) {
      TemporalExpression found = Make(ExpressionKind::kDate, at, at);
      found.year = date->year;
      found.month = date->month;
      found.day = date->day;
      return found;
    }
  }
  if (YearAt(at) == 0 || !Is(at + 1, "-") || !Is(at + 3, "-") || at + 4 >= size_)
    return std::nullopt;
  std::string_view month = forms_[at + 2], day = forms_[at + 4];
  if (month.size() != 2 || day.size() != 2 || !IsDigits(month) || !IsDigits(day))
    return std::nullopt;
  if (!IsValidDate(YearAt(at), DigitsValue(month), DigitsValue(day))) return std::nullopt;
  TemporalExpression found = Make(ExpressionKind::kDate, at, at + 4);
  found.year = YearAt(at);
  found.month = DigitsValue(month);
  found.day = DigitsValue(day);
  return found;
}

// A year after "in", "during", "early", "late", "mid", "since", "until" or "by": a bare
// number elsewhere ("the 2015 agreement", "2018 people") is not taken for a year.
Finder::Match Finder::MatchYear(int at) const {
  int year = YearAt(at);
  if (year == 0 ||
      !IsAny(at - 1, {"in", "during", "early", "late", "mid", "mid-", "since", "until", "by"})) {
    return std::nullopt;
  }
  TemporalExpression found = Make(ExpressionKind::kYear, at, at);
  found.year = year;
  return found;
}

// "the summer of 2016", "summer 2016": the season's year.
Finder::Match Finder::MatchSeasonOfYear(int at) const {
  const int season = Is(at, "the") ? at + 1 : at;
  if (!IsAny(season, {"spring", "summer", "autumn", "fall", "winter"})) return std::nullopt;
  const int year_at = Is(season + 1, "of") ? season + 2 : season + 1;
  const int year = YearAt(year_at);
  if (year == 0) return std::nullopt;
  TemporalExpression found = Make(ExpressionKind::kYear, at, year_at);
  found.year = year;
  return found;
}

Finder::Match Finder::MatchAt(int at) const {
  for (Match (Finder::*matcher)(int) const :
       {&Finder::MatchAnchor, &Finder::MatchCounted, &Finder::MatchDeictic, &Finder::MatchModified,
        &Finder::MatchHoliday, &Finder::MatchWeekday, &Finder::MatchIso, &Finder::MatchDayFirst,
        &Finder::MatchMonthFirst, &Finder::MatchYear, &Finder::MatchSeasonOfYear}) {
    if (Match found = (this->*matcher)(at); found.has_value()) return found;
  }
  return std::nullopt;
}

// Takes in the words before an expression that only shift it within its precision ("late",
// "early", "earlier", "mid") or introduce it ("on", "in", "during", "at", "the" of "the
// 10th of March"), then marks it a boundary when "since", "until", "by", ... introduce it.
void Finder::ExtendAndClassify(TemporalExpression& found) const {
  const bool dated = found.kind == ExpressionKind::kDate || found.kind == ExpressionKind::kMonthDay;
  while (IsAny(found.first - 1,
               {"late", "early", "earlier", "later", "mid", "mid-", "on", "in", "during", "at"}) ||
         (dated && Is(found.first - 1, "the"))) {
    --found.first;
  }
  found.boundary =
      IsAny(found.first - 1, {"since", "until", "till", "by", "before", "after", "from", "through",
                              "to", "between", "throughout", "ahead"});
}

std::vector<TemporalExpression> Finder::FindAll() const {
  std::vector<TemporalExpression> out;
  for (int at = 0; at < size_;) {
    Match found = MatchAt(at);
    if (!found.has_value()) {
      ++at;
      continue;
    }
    int floor = out.empty() ? 0 : out.back().last + 1;
    ExtendAndClassify(*found);
    if (found->first < floor) found->first = floor;
    at = found->last + 1;
    out.push_back(*found);
  }
  return out;
}

}  // namespace

std::vector<TemporalExpression> FindTemporalExpressions(std::span<const std::string_view> forms) {
  return Finder(forms).FindAll();
}

}  // namespace khabar::when
