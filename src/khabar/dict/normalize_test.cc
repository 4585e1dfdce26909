#include "khabar/dict/normalize.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "khabar/dict/internal/inflect.h"

namespace khabar::dict {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(NormalizeKeyTest, LowercasesAsciiAndKeepsPunctuation) {
  EXPECT_EQ(NormalizeKey("AL-QARYA"), "al-qarya");
  EXPECT_EQ(NormalizeKey("U.N."), "u.n.");
  EXPECT_EQ(NormalizeKey("B&Q"), "b&q");
}

TEST(NormalizeKeyTest, LowercasesNonAscii) {
  EXPECT_EQ(NormalizeKey("\xC3\x89TAT"), "\xC3\xA9tat");  // ÉTAT -> état
  EXPECT_EQ(NormalizeKey("\xD0\x9C\xD0\x98\xD0\xA0"), "\xD0\xBC\xD0\xB8\xD1\x80");  // МИР -> мир
}

TEST(NormalizeKeyTest, CopiesIllFormedBytes) {
  EXPECT_EQ(NormalizeKey("A\xFF"
                         "B"),
            "a\xFF"
            "b");
}

TEST(NormalizeKeyTest, IsNormalizedKeyAgreesWithNormalizeKey) {
  for (std::string_view word : {"plain", "Mixed", "\xC3\xA9t\xC3\xA9", "\xC3\x89T\xC3\x89", ""}) {
    EXPECT_EQ(IsNormalizedKey(word), NormalizeKey(word) == word) << word;
  }
}

TEST(SplitPhraseTest, UnderscoresAndSpacesSeparateWords) {
  EXPECT_THAT(SplitPhrase("GRAND_VIZIER OF_THE_WEST_"),
              ElementsAre("grand", "vizier", "of", "the", "west"));
  EXPECT_THAT(SplitPhrase("__A__B\t"), ElementsAre("a", "b"));
  EXPECT_THAT(SplitPhrase("_ _"), IsEmpty());
}

TEST(InflectTest, RegularPlural) {
  EXPECT_EQ(internal::RegularPlural("guard"), "guards");
  EXPECT_EQ(internal::RegularPlural("militia"), "militias");
  EXPECT_EQ(internal::RegularPlural("deputy"), "deputies");
  EXPECT_EQ(internal::RegularPlural("envoy"), "envoys");
  EXPECT_EQ(internal::RegularPlural("boss"), "bosses");
  EXPECT_EQ(internal::RegularPlural("church"), "churches");
}

TEST(InflectTest, RegularVerbForms) {
  EXPECT_THAT(internal::RegularVerbForms("attack"),
              ElementsAre("attacks", "attacked", "attacking"));
  EXPECT_THAT(internal::RegularVerbForms("seize"), ElementsAre("seizes", "seized", "seizing"));
  EXPECT_THAT(internal::RegularVerbForms("rally"), ElementsAre("rallies", "rallied", "rallying"));
  EXPECT_THAT(internal::RegularVerbForms("relay"), ElementsAre("relays", "relayed", "relaying"));
  EXPECT_THAT(internal::RegularVerbForms("agree"), ElementsAre("agrees", "agreed", "agreeing"));
  EXPECT_THAT(internal::RegularVerbForms("tie"), ElementsAre("ties", "tied", "tying"));
  EXPECT_THAT(internal::RegularVerbForms("fax"), ElementsAre("faxes", "faxed", "faxing"));
}

}  // namespace
}  // namespace khabar::dict
