#include "khabar/dict/date.h"

#include <gtest/gtest.h>

#include <string>

namespace khabar::dict {
namespace {

int32_t Parsed(std::string_view digits, std::string* note) {
  std::optional<Date> date = ParseDictionaryDate(digits, note);
  return date ? date->yyyymmdd : -1;
}

TEST(DictionaryDateTest, SixDigitsPivotAtThirty) {
  std::string note;
  EXPECT_EQ(Parsed("140608", &note), 20140608);
  EXPECT_EQ(Parsed("300101", &note), 20300101);
  EXPECT_EQ(Parsed("310101", &note), 19310101);
  EXPECT_EQ(Parsed("770101", &note), 19770101);
  EXPECT_TRUE(note.empty());
}

TEST(DictionaryDateTest, EightDigits) {
  std::string note;
  EXPECT_EQ(Parsed("19270101", &note), 19270101);
  EXPECT_EQ(Parsed("20121115", &note), 20121115);
  EXPECT_TRUE(note.empty());
}

TEST(DictionaryDateTest, SevenDigitsReadAsYymmddWithANote) {
  std::string note;
  EXPECT_EQ(Parsed("8807154", &note), 19880715);
  EXPECT_EQ(note, "7-digit date \"8807154\" read as 1988-07-15 (YYMMDD from the first six digits)");
}

TEST(DictionaryDateTest, LongerStringsReadAsYyyymmddWithANote) {
  std::string note;
  EXPECT_EQ(Parsed("199906301", &note), 19990630);
  EXPECT_EQ(note,
            "9-digit date \"199906301\" read as 1999-06-30 (YYYYMMDD from the first eight digits)");
}

TEST(DictionaryDateTest, RejectsImpossibleDatesAndJunk) {
  std::string note;
  EXPECT_EQ(Parsed("20100931", &note), -1);
  EXPECT_EQ(Parsed("010229", &note), -1);  // 2001 is not a leap year
  EXPECT_EQ(Parsed("000229", &note), 20000229);
  EXPECT_EQ(Parsed("19000229", &note), -1);
  EXPECT_EQ(Parsed("12345", &note), -1);
  EXPECT_EQ(Parsed("14O608", &note), -1);
  EXPECT_EQ(Parsed("", &note), -1);
}

TEST(DictionaryDateTest, ToString) {
  EXPECT_EQ(Date{20140608}.ToString(), "2014-06-08");
  EXPECT_EQ(Date::Min().ToString(), "-inf");
  EXPECT_EQ(Date::Max().ToString(), "+inf");
}

}  // namespace
}  // namespace khabar::dict
