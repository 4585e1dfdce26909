#include "khabar/ingest/dates.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "khabar/base/ascii.h"

namespace khabar::ingest {
namespace {

constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2199;
constexpr size_t kMaxDatelineBytes = 80;

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

// Parses a run of 1..max_digits digits; -1 if `text` is not exactly that.
int ParseNumber(std::string_view text, size_t max_digits) {
  if (text.empty() || text.size() > max_digits) return -1;
  int value = 0;
  for (char ch : text) {
    if (!base::IsAsciiDigit(ch)) return -1;
    value = value * 10 + (ch - '0');
  }
  return value;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<ParsedDate> MakeDate(int year, int month, int day, const char* precision) {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return ParsedDate{buffer, precision};
}

// The part after an ISO date: "T10:00:00Z", " 10:00", "T10:00:00.5+02:00".
bool IsIsoTimeSuffix(std::string_view rest) {
  if (rest.empty()) return true;
  if ((rest[0] != 'T' && rest[0] != ' ') || rest.size() < 2 || !base::IsAsciiDigit(rest[1]))
    return false;
  for (char ch : rest.substr(1)) {
    if (!base::IsAsciiDigit(ch) && ch != ':' && ch != '.' && ch != '+' && ch != '-' && ch != 'Z' &&
        ch != ' ') {
      return false;
    }
  }
  return true;
}

std::optional<ParsedDate> ParseIso(std::string_view text) {
  if (text.size() < 4) return std::nullopt;
  int year = ParseNumber(text.substr(0, 4), 4);
  if (year < 0) return std::nullopt;
  if (text.size() == 4) return MakeDate(year, 1, 1, "year");
  char separator = text[4];
  if ((separator != '-' && separator != '/') || text.size() < 7) return std::nullopt;
  int month = ParseNumber(text.substr(5, 2), 2);
  if (month < 0) return std::nullopt;
  if (text.size() == 7) return MakeDate(year, month, 1, "month");
  if (text[7] != separator || text.size() < 10) return std::nullopt;
  int day = ParseNumber(text.substr(8, 2), 2);
  if (day < 0 || !IsIsoTimeSuffix(text.substr(10))) return std::nullopt;
  return MakeDate(year, month, day, "day");
}

// 1-12 for an English month name or abbreviation ("may", "sept", "sep."), else 0.
int MonthNumber(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (size_t index = 0; index < kMonths.size(); ++index) {
    std::string_view month = kMonths[index];
    if (word == month || (word.size() >= 3 && month.substr(0, word.size()) == word &&
                          (word.size() == 3 || word == "sept"))) {
      return static_cast<int>(index) + 1;
    }
  }
  return 0;
}

bool IsWeekday(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  for (std::string_view day : kDays) {
    if (word == day || (word.size() == 3 && day.substr(0, 3) == word)) return true;
  }
  return false;
}

// "29", "29th", "1st" -> the day number, else -1.
int DayNumber(std::string_view word) {
  if (word.size() > 2) {
    std::string_view suffix = word.substr(word.size() - 2);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
      word.remove_suffix(2);
    }
  }
  return ParseNumber(word, 2);
}

// Words that may follow a date on a date-only line: times, am/pm, zones and connectors.
bool IsTimeWord(std::string_view word) {
  static constexpr std::array<std::string_view, 20> kWords = {
      "at",  "-", "|",   "–",   "—",   "am",  "pm",   "a.m.", "p.m.", "gmt",
      "utc", "z", "est", "edt", "bst", "cet", "cest", "eet",  "eest", "ast"};
  for (std::string_view known : kWords) {
    if (word == known) return true;
  }
  bool has_digit = false;
  for (char ch : word) {
    if (base::IsAsciiDigit(ch)) {
      has_digit = true;
    } else if (ch != ':' && ch != '+' && ch != '-' && ch != '.') {
      // "1:12pm" and "(gmt)" style forms.
      std::string_view rest = word.substr(word.find_first_not_of("0123456789:+-."));
      return has_digit && (rest == "am" || rest == "pm");
    }
  }
  return has_digit;
}

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char ch : Lower(text)) {
    if (std::isspace(static_cast<unsigned char>(ch)) || ch == ',') {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(ch);
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

std::optional<ParsedDate> ParseWords(std::string_view text) {
  std::vector<std::string> words = SplitWords(text);
  size_t pos = 0;
  if (pos < words.size() && IsWeekday(words[pos])) ++pos;
  if (pos + 3 > words.size()) return std::nullopt;
  int month = MonthNumber(words[pos]);
  int day;
  if (month > 0) {
    day = DayNumber(words[pos + 1]);
  } else {
    day = DayNumber(words[pos]);
    month = MonthNumber(words[pos + 1]);
  }
  int year = ParseNumber(words[pos + 2], 4);
  if (month == 0 || day < 0 || year < 0 || words[pos + 2].size() != 4) return std::nullopt;
  for (size_t rest = pos + 3; rest < words.size(); ++rest) {
    if (!IsTimeWord(words[rest])) return std::nullopt;
  }
  return MakeDate(year, month, day, "day");
}

std::string_view StripDatelinePrefix(std::string_view text) {
  static constexpr std::array<std::string_view, 5> kPrefixes = {"last updated", "first published",
                                                                "published", "posted", "updated"};
  std::string lower = Lower(text.substr(0, 16));
  for (std::string_view prefix : kPrefixes) {
    if (lower.compare(0, prefix.size(), prefix) != 0) continue;
    std::string_view rest = Trim(text.substr(prefix.size()));
    if (!rest.empty() && rest[0] == ':') return Trim(rest.substr(1));
    if (rest.size() > 3 && Lower(rest.substr(0, 3)) == "on ") return Trim(rest.substr(3));
    return rest;
  }
  return text;
}

}  // namespace

std::optional<ParsedDate> ParseDate(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  if (base::IsAsciiDigit(text[0])) {
    if (std::optional<ParsedDate> iso = ParseIso(text)) return iso;
  }
  return ParseWords(text);
}

std::optional<ParsedDate> ParseDatelineParagraph(std::string_view paragraph) {
  paragraph = Trim(paragraph);
  if (paragraph.size() > kMaxDatelineBytes) return std::nullopt;
  return ParseDate(StripDatelinePrefix(paragraph));
}

std::optional<Dateline> FindDateline(const std::vector<std::string>& paragraphs) {
  size_t limit = std::min(paragraphs.size(), kDatelineParagraphs);
  for (size_t index = 0; index < limit; ++index) {
    if (std::optional<ParsedDate> date = ParseDatelineParagraph(paragraphs[index])) {
      return Dateline{std::move(*date), index};
    }
  }
  return std::nullopt;
}

}  // namespace khabar::ingest
