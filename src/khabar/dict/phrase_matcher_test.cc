#include "khabar/dict/phrase_matcher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "khabar/dict/normalize.h"

namespace khabar::dict {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> Words(std::string_view phrase) { return SplitPhrase(phrase); }

// "begin-end:v1,v2". Built with append: GCC 12's -Wrestrict misfires on chains of '+'.
std::string RenderOne(size_t begin, size_t end, std::span<const uint32_t> values) {
  std::string text = std::to_string(begin);
  text.push_back('-');
  text.append(std::to_string(end));
  text.push_back(':');
  for (size_t index = 0; index < values.size(); ++index) {
    if (index > 0) text.push_back(',');
    text.append(std::to_string(values[index]));
  }
  return text;
}

std::vector<std::string> Render(const std::vector<PhraseMatch>& matches) {
  std::vector<std::string> out;
  for (const PhraseMatch& match : matches)
    out.push_back(RenderOne(match.begin, match.end, match.values));
  return out;
}

class PhraseMatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    matcher_.Add(Words("river_guard"), 1);
    matcher_.Add(Words("river_guard_command"), 2);
    matcher_.Add(Words("guard"), 3);
    matcher_.Add(Words("command"), 4);
    matcher_.Add(Words("command"), 5);
  }
  PhraseMatcher matcher_;
};

TEST_F(PhraseMatcherTest, FindAllReportsEveryOccurrence) {
  std::vector<std::string_view> tokens = {"the", "river", "guard", "command", "met"};
  EXPECT_THAT(Render(matcher_.FindAll(tokens)), ElementsAre("1-3:1", "1-4:2", "2-3:3", "3-4:4,5"));
}

TEST_F(PhraseMatcherTest, FindLongestTakesLeftmostLongestWithoutOverlap) {
  std::vector<std::string_view> tokens = {"the", "river", "guard", "command", "guard"};
  EXPECT_THAT(Render(matcher_.FindLongest(tokens)), ElementsAre("1-4:2", "4-5:3"));
}

TEST_F(PhraseMatcherTest, TokensAreNormalised) {
  std::vector<std::string_view> tokens = {"River", "GUARD"};
  EXPECT_THAT(Render(matcher_.FindLongest(tokens)), ElementsAre("0-2:1"));
}

TEST_F(PhraseMatcherTest, AddReportsRepeatedValues) {
  EXPECT_FALSE(matcher_.Add(Words("guard"), 3));
  EXPECT_TRUE(matcher_.Add(Words("guard"), 6));
  EXPECT_THAT(matcher_.Lookup(Words("guard")), ElementsAre(3, 6));
  EXPECT_THAT(matcher_.Lookup(Words("river")), IsEmpty());
  EXPECT_EQ(matcher_.max_phrase_words(), 3u);
}

TEST(PhraseMatcherStemTest, StemMatchesLongerTokens) {
  PhraseMatcher matcher;
  matcher.AddWithStem(Words("winter_sled"), 7);
  std::vector<std::string_view> tokens = {"winter", "sledding", "and", "winter", "sled"};
  EXPECT_THAT(Render(matcher.FindAll(tokens)), ElementsAre("0-2:7", "3-5:7"));
  std::vector<std::string_view> other = {"winter", "sle"};
  EXPECT_THAT(matcher.FindAll(other), IsEmpty());
}

TEST(PhraseMatcherStemTest, EmptyInputsAreHarmless) {
  PhraseMatcher matcher;
  EXPECT_FALSE(matcher.Add({}, 1));
  EXPECT_THAT(matcher.FindAll({}), IsEmpty());
  std::vector<std::string_view> tokens = {"", "x"};
  EXPECT_THAT(matcher.FindLongest(tokens), IsEmpty());
}

// Differential test against a quadratic reference matcher on random phrases and texts.
TEST(PhraseMatcherDifferentialTest, AgreesWithNaiveMatcher) {
  std::mt19937 random(20240611);
  const std::vector<std::string> vocabulary = {"a", "b", "c", "d"};
  auto random_words = [&](size_t max_length) {
    std::vector<std::string> words(1 + random() % max_length);
    for (std::string& word : words) word = vocabulary[random() % vocabulary.size()];
    return words;
  };
  PhraseMatcher matcher;
  std::vector<std::vector<std::string>> phrases;
  for (uint32_t value = 0; value < 40; ++value) {
    phrases.push_back(random_words(4));
    matcher.Add(phrases.back(), value);
  }
  for (int round = 0; round < 50; ++round) {
    std::vector<std::string> text = random_words(30);
    std::vector<std::string_view> tokens(text.begin(), text.end());
    std::vector<std::string> expected;
    for (size_t begin = 0; begin < text.size(); ++begin) {
      for (size_t end = begin + 1; end <= text.size(); ++end) {
        std::vector<uint32_t> values;
        for (uint32_t value = 0; value < phrases.size(); ++value) {
          if (std::equal(phrases[value].begin(), phrases[value].end(), text.begin() + begin,
                         text.begin() + end)) {
            values.push_back(value);
          }
        }
        if (!values.empty()) expected.push_back(RenderOne(begin, end, values));
      }
    }
    EXPECT_EQ(Render(matcher.FindAll(tokens)), expected);
  }
}

}  // namespace
}  // namespace khabar::dict
