#include "khabar/counts/number.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace khabar::counts {
namespace {

struct Split {
  std::vector<std::string> storage;
  std::vector<std::string_view> words;

  explicit Split(const std::string& text) {
    std::istringstream in(text);
    for (std::string word; in >> word;) storage.push_back(word);
    for (const std::string& word : storage) words.push_back(word);
  }
};

// The value of the phrase at the start of `text` (words split on spaces), or -2 when none.
int64_t ValueOf(const std::string& text) {
  Split split(text);
  std::optional<NumberPhrase> phrase = ParseNumberPhrase(split.words, 0);
  return phrase ? phrase->value : -2;
}

TEST(NumberTest, DigitsWithSeparators) {
  EXPECT_EQ(ValueOf("13 people"), 13);
  EXPECT_EQ(ValueOf("2,000 injured"), 2000);
  EXPECT_EQ(ValueOf("70,000 displaced"), 70000);
  EXPECT_EQ(ValueOf("1,250,000 refugees"), 1250000);
  EXPECT_EQ(ValueOf("1.5 million people"), 1500000);
  EXPECT_EQ(ValueOf("2 million"), 2000000);
  EXPECT_EQ(ValueOf("3 dozen"), 36);
}

TEST(NumberTest, MalformedDigitsAreNoNumber) {
  EXPECT_EQ(ValueOf("2,00 people"), -2);
  EXPECT_EQ(ValueOf("1.5 people"), -2);
  EXPECT_EQ(ValueOf("25-year-old man"), -2);
  EXPECT_EQ(ValueOf("1990s"), -2);
  EXPECT_EQ(ValueOf("5km"), -2);
}

TEST(NumberTest, NumberWords) {
  EXPECT_EQ(ValueOf("thirteen soldiers"), 13);
  EXPECT_EQ(ValueOf("twenty-five civilians"), 25);
  EXPECT_EQ(ValueOf("twenty - five civilians"), 25);
  EXPECT_EQ(ValueOf("five - two"), 5);
  EXPECT_EQ(ValueOf("two hundred people"), 200);
  EXPECT_EQ(ValueOf("two hundred and fifty people"), 250);
  EXPECT_EQ(ValueOf("three thousand five hundred"), 3500);
  EXPECT_EQ(ValueOf("a dozen fighters"), 12);
  EXPECT_EQ(ValueOf("half a dozen"), 6);
  EXPECT_EQ(ValueOf("a hundred"), 100);
  EXPECT_EQ(ValueOf("one soldier"), 1);
}

TEST(NumberTest, AndJoinsOnlyNumberWordsAfterHundreds) {
  Split split("thirteen killed and five injured");
  std::optional<NumberPhrase> phrase = ParseNumberPhrase(split.words, 0);
  ASSERT_TRUE(phrase.has_value());
  EXPECT_EQ(phrase->value, 13);
  EXPECT_EQ(phrase->end, 1u);
}

TEST(NumberTest, VagueQuantitiesTakeTheLowestFigure) {
  EXPECT_EQ(ValueOf("dozens of people"), 12);
  EXPECT_EQ(ValueOf("scores of people"), 20);
  EXPECT_EQ(ValueOf("hundreds of families"), 100);
  EXPECT_EQ(ValueOf("thousands of residents"), 1000);
  EXPECT_EQ(ValueOf("tens of thousands of people"), 10000);
  EXPECT_EQ(ValueOf("hundreds of thousands"), 100000);
  EXPECT_EQ(ValueOf("several people"), 3);
  EXPECT_EQ(ValueOf("a few soldiers"), 3);
  EXPECT_EQ(ValueOf("a handful of"), 3);
  EXPECT_EQ(ValueOf("several hundred"), 300);
  EXPECT_EQ(ValueOf("a few dozen"), 36);
  Split split("dozens of people");
  EXPECT_TRUE(ParseNumberPhrase(split.words, 0)->vague);
}

TEST(NumberTest, HedgesRecordTheStatedFigure) {
  EXPECT_EQ(ValueOf("at least 5"), 5);
  EXPECT_EQ(ValueOf("over 450"), 450);
  EXPECT_EQ(ValueOf("more than 450"), 450);
  EXPECT_EQ(ValueOf("nearly 70,000"), 70000);
  EXPECT_EQ(ValueOf("almost 100"), 100);
  EXPECT_EQ(ValueOf("around 30"), 30);
  EXPECT_EQ(ValueOf("approximately 70,000"), 70000);
  EXPECT_EQ(ValueOf("some 70,000"), 70000);
  EXPECT_EQ(ValueOf("up to 20"), 20);
  EXPECT_EQ(ValueOf("as many as 20"), 20);
  EXPECT_EQ(ValueOf("an estimated 3,000"), 3000);
  EXPECT_EQ(ValueOf("a total of 40"), 40);
  EXPECT_EQ(ValueOf("another 5"), 5);
}

TEST(NumberTest, StrictUpperBoundsRecordOneLess) {
  EXPECT_EQ(ValueOf("fewer than 10"), 9);
  EXPECT_EQ(ValueOf("less than 10"), 9);
}

TEST(NumberTest, HedgePhraseSpansHedgeAndNumber) {
  Split split("over 450 people");
  std::optional<NumberPhrase> phrase = ParseNumberPhrase(split.words, 0);
  ASSERT_TRUE(phrase.has_value());
  EXPECT_EQ(phrase->begin, 0u);
  EXPECT_EQ(phrase->end, 2u);
  EXPECT_EQ(phrase->head, 1u);
}

TEST(NumberTest, HedgeAloneIsNoNumber) {
  EXPECT_EQ(ValueOf("over the weekend"), -2);
  EXPECT_EQ(ValueOf("some people"), -2);
  EXPECT_EQ(ValueOf("about the attack"), -2);
}

TEST(NumberTest, RangesTakeTheLowestFigure) {
  EXPECT_EQ(ValueOf("between 10 and 15"), 10);
  EXPECT_EQ(ValueOf("10 to 15"), 10);
  EXPECT_EQ(ValueOf("two or three"), 2);
  EXPECT_EQ(ValueOf("10-15 people"), 10);
  EXPECT_EQ(ValueOf("hundreds or thousands"), 100);
}

TEST(NumberTest, FromToIsAChangeNotARange) {
  Split split("from 13 to 20");
  std::optional<NumberPhrase> phrase = ParseNumberPhrase(split.words, 1);
  ASSERT_TRUE(phrase.has_value());
  EXPECT_EQ(phrase->value, 13);
  EXPECT_EQ(phrase->end, 2u);
}

TEST(NumberTest, BareYearsAreMarked) {
  Split year("2019");
  EXPECT_TRUE(ParseNumberPhrase(year.words, 0)->year_like);
  Split separated("2,019");
  EXPECT_FALSE(ParseNumberPhrase(separated.words, 0)->year_like);
  Split hedged("some 2000");
  EXPECT_FALSE(ParseNumberPhrase(hedged.words, 0)->year_like);
  Split small("450");
  EXPECT_FALSE(ParseNumberPhrase(small.words, 0)->year_like);
}

TEST(NumberTest, ParseNumeralReadsOneWord) {
  EXPECT_EQ(ParseNumeral("2,000"), 2000);
  EXPECT_EQ(ParseNumeral("forty-two"), 42);
  EXPECT_EQ(ParseNumeral("hundred"), std::nullopt);
  EXPECT_EQ(ParseNumeral("twenty-zero"), std::nullopt);
}

}  // namespace
}  // namespace khabar::counts
