#include "khabar/when/calendar.h"

#include <chrono>

namespace khabar::when {
namespace {

std::chrono::sys_days ToSysDays(const CivilDate& date) {
  return std::chrono::year_month_day(std::chrono::year(date.year),
                                     std::chrono::month(static_cast<unsigned>(date.month)),
                                     std::chrono::day(static_cast<unsigned>(date.day)));
}

CivilDate FromSysDays(std::chrono::sys_days days) {
  std::chrono::year_month_day ymd(days);
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

bool ParseDigits(std::string_view text, int* value) {
  int out = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return false;
    out = out * 10 + (ch - '0');
  }
  *value = out;
  return !text.empty();
}

}  // namespace

bool IsValidDate(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  return std::chrono::year_month_day(std::chrono::year(year),
                                     std::chrono::month(static_cast<unsigned>(month)),
                                     std::chrono::day(static_cast<unsigned>(day)))
      .ok();
}

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
  constexpr size_t kIsoLength = 10;  // YYYY-MM-DD
  if (text.size() != kIsoLength || text[4] != '-' || text[7] != '-') return std::nullopt;
  CivilDate date;
  if (!ParseDigits(text.substr(0, 4), &date.year) || !ParseDigits(text.substr(5, 2), &date.month) ||
      !ParseDigits(text.substr(8, 2), &date.day) || !IsValidDate(date.year, date.month, date.day)) {
    return std::nullopt;
  }
  return date;
}

CivilDate AddDays(const CivilDate& date, int days) {
  return FromSysDays(ToSysDays(date) + std::chrono::days(days));
}

YearMonth AddMonths(const YearMonth& month, int months) {
  int index = month.year * 12 + (month.month - 1) + months;
  // Floor division keeps negative offsets in the right year.
  int year = index >= 0 ? index / 12 : (index - 11) / 12;
  return {year, index - year * 12 + 1};
}

int Weekday(const CivilDate& date) {
  return static_cast<int>(std::chrono::weekday(ToSysDays(date)).iso_encoding()) - 1;
}

CivilDate EasterSunday(int year) {
  const int golden = year % 19;
  const int century = year / 100;
  const int of_century = year % 100;
  const int h = (19 * golden + century - century / 4 - (8 * century + 13) / 25 + 15) % 30;
  const int l = (32 + 2 * (century % 4) + 2 * (of_century / 4) - h - of_century % 4) % 7;
  const int m = (golden + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return {year, month, day};
}

}  // namespace khabar::when
