#include "khabar/dict/date.h"

#include <cstdio>

namespace khabar::dict {
namespace {

constexpr int32_t kTwoDigitYearPivot = 30;  // YY <= 30 is 20YY (KEDS, TABARI, PETRARCH)

bool IsLeapYear(int32_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int32_t DaysInMonth(int32_t year, int32_t month) {
  static constexpr int32_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

int32_t Digits(std::string_view text) {
  int32_t value = 0;
  for (char ch : text) value = value * 10 + (ch - '0');
  return value;
}

std::optional<Date> FromSixDigits(std::string_view digits) {
  int32_t year = Digits(digits.substr(0, 2));
  year += year <= kTwoDigitYearPivot ? 2000 : 1900;
  return Date::FromCivil(year, Digits(digits.substr(2, 2)), Digits(digits.substr(4, 2)));
}

std::optional<Date> FromEightDigits(std::string_view digits) {
  return Date::FromCivil(Digits(digits.substr(0, 4)), Digits(digits.substr(4, 2)),
                         Digits(digits.substr(6, 2)));
}

}  // namespace

std::optional<Date> Date::FromCivil(int32_t year, int32_t month, int32_t day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return Date{year * 10000 + month * 100 + day};
}

std::string Date::ToString() const {
  if (*this == Min()) return "-inf";
  if (*this == Max()) return "+inf";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year(), month(), day());
  return buffer;
}

std::optional<Date> ParseDictionaryDate(std::string_view digits, std::string* note) {
  note->clear();
  if (digits.size() < 6) return std::nullopt;
  for (char ch : digits) {
    if (ch < '0' || ch > '9') return std::nullopt;
  }
  if (digits.size() == 6) return FromSixDigits(digits);
  if (digits.size() == 8) return FromEightDigits(digits);
  std::optional<Date> date = digits.size() == 7 ? FromSixDigits(digits.substr(0, 6))
                                                : FromEightDigits(digits.substr(0, 8));
  if (date) {
    *note = std::to_string(digits.size()) + "-digit date \"" + std::string(digits) + "\" read as " +
            date->ToString() +
            (digits.size() == 7 ? " (YYMMDD from the first six digits)"
                                : " (YYYYMMDD from the first eight digits)");
  }
  return date;
}

}  // namespace khabar::dict
