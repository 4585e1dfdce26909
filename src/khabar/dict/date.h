// Calendar dates as the actor dictionaries write them in date-bounded roles.
//
//   std::string note;
//   std::optional<Date> date = ParseDictionaryDate("140608", &note);  // 2014-06-08
//   date->yyyymmdd == 20140608
//
// Accepted digit strings (PETRARCH's dstr_to_ordate, with its two-digit-year pivot):
//   6 digits  YYMMDD; YY <= 30 is 20YY, otherwise 19YY ("770101" is 1977-01-01).
//   8 digits  YYYYMMDD.
//   7 digits  a typo (a digit lost or doubled); read like PETRARCH as YYMMDD from the
//             first six digits, with a note ("8807154" is 1988-07-15).
//   9+ digits a typo; read like PETRARCH as YYYYMMDD from the first eight, with a note.
// The day must exist in its month (leap years included). Anything else is rejected.
//
// Stateless; safe from any thread.
#ifndef KHABAR_DICT_DATE_H_
#define KHABAR_DICT_DATE_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace khabar::dict {

struct Date {
  int32_t yyyymmdd = 0;  // e.g. 20140608; comparable as an integer

  int32_t year() const { return yyyymmdd / 10000; }
  int32_t month() const { return yyyymmdd / 100 % 100; }
  int32_t day() const { return yyyymmdd % 100; }
  auto operator<=>(const Date&) const = default;

  static Date Min() { return {0}; }         // before any date
  static Date Max() { return {99991231}; }  // after any date
  static std::optional<Date> FromCivil(int32_t year, int32_t month, int32_t day);

  // "2014-06-08"; "-inf"/"+inf" for Min()/Max().
  std::string ToString() const;
};

// Parses a dictionary date (digits only). On success with an unusual length, *note says
// how it was read (for a warning); otherwise *note is left empty.
std::optional<Date> ParseDictionaryDate(std::string_view digits, std::string* note);

}  // namespace khabar::dict

#endif  // KHABAR_DICT_DATE_H_
