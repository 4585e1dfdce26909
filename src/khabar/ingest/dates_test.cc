#include "khabar/ingest/dates.h"

#include <gtest/gtest.h>

namespace khabar::ingest {
namespace {

struct DateCase {
  const char* input;
  const char* ymd;  // "" when no date is expected
  const char* precision;
};

class ParseDateTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(ParseDateTest, ParsesOrRejects) {
  std::optional<ParsedDate> date = ParseDate(GetParam().input);
  if (std::string(GetParam().ymd).empty()) {
    EXPECT_FALSE(date.has_value()) << GetParam().input << " -> " << date->ymd;
    return;
  }
  ASSERT_TRUE(date.has_value()) << GetParam().input;
  EXPECT_EQ(date->ymd, GetParam().ymd);
  EXPECT_EQ(date->precision, GetParam().precision);
}

INSTANTIATE_TEST_SUITE_P(
    Formats, ParseDateTest,
    ::testing::Values(DateCase{"2019-05-29", "2019-05-29", "day"},
                      DateCase{" 2019-05-29T23:10:00+02:00 ", "2019-05-29", "day"},
                      DateCase{"2019-05-29T23:10:00.123Z", "2019-05-29", "day"},
                      DateCase{"2019-05-29 08:00", "2019-05-29", "day"},
                      DateCase{"2019/05/29", "2019-05-29", "day"},
                      DateCase{"2019-05", "2019-05-01", "month"},
                      DateCase{"2019", "2019-01-01", "year"},
                      DateCase{"Wed, 29 May 2019 10:00:00 GMT", "2019-05-29", "day"},
                      DateCase{"Wed, 29 May 2019 10:00:00 +0000", "2019-05-29", "day"},
                      DateCase{"May 11, 2019 at 1:12 pm", "2019-05-11", "day"},
                      DateCase{"11 May 2019", "2019-05-11", "day"},
                      DateCase{"Saturday, Sept. 7, 2019", "2019-09-07", "day"},
                      DateCase{"1st March 2020", "2020-03-01", "day"},
                      DateCase{"February 29, 2020", "2020-02-29", "day"},
                      DateCase{"February 29, 2019", "", ""}, DateCase{"2019-13-01", "", ""},
                      DateCase{"2019-05-29junk", "", ""}, DateCase{"May 2019", "", ""},
                      DateCase{"May 11, 2019 the council met", "", ""}, DateCase{"", "", ""},
                      DateCase{"Mayday 11, 2019", "", ""}));

TEST(FindDatelineTest, FindsDateOnlyParagraphNearTheTop) {
  std::optional<Dateline> dateline =
      FindDateline({"Masthead", "A headline", "Published: 4 June 2018", "Body text."});
  ASSERT_TRUE(dateline.has_value());
  EXPECT_EQ(dateline->date.ymd, "2018-06-04");
  EXPECT_EQ(dateline->paragraph_index, 2u);
}

TEST(FindDatelineTest, IgnoresDatesDeepInTheBody) {
  EXPECT_FALSE(FindDateline({"One.", "Two.", "Three.", "Four.", "4 June 2018"}).has_value());
}

TEST(FindDatelineTest, IgnoresDatesInsideSentences) {
  EXPECT_FALSE(FindDateline({"The talks began on 4 June 2018 in the capital."}).has_value());
}

}  // namespace
}  // namespace khabar::ingest
