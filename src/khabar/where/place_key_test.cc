#include "khabar/where/place_key.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace khabar::where {
namespace {

using ::testing::ElementsAre;

std::string Translit(std::string_view name) { return TransliteratedKey(PlaceNameWords(name)); }
std::string Fold(std::string_view name) { return FoldKey(PlaceNameWords(name)); }

TEST(PlaceKeyTest, NameWordsSplitAtSpacesHyphensAndDropFinalApostrophes) {
  EXPECT_THAT(PlaceNameWords("Umm al-Fahm"), ElementsAre("Umm", "al", "Fahm"));
  EXPECT_THAT(PlaceNameWords("Al Bayda'"), ElementsAre("Al", "Bayda"));
  EXPECT_THAT(PlaceNameWords("Grozny's"), ElementsAre("Grozny"));
  EXPECT_THAT(PlaceNameWords("  "), ElementsAre());
}

TEST(PlaceKeyTest, FoldKeyLowersAndStripsMarks) {
  EXPECT_EQ(Fold("Mişrātah"), "misratah");
  EXPECT_EQ(Fold("Trípoli"), "tripoli");
  EXPECT_EQ(Fold("Abu  Dhabi"), "abu dhabi");
}

TEST(PlaceKeyTest, TransliterationKeyJoinsSpellingsOfOnePlace) {
  struct Case {
    std::string_view a, b;
  };
  for (const Case& c : {Case{"Darnah", "Derna"}, Case{"Misrata", "Mişrātah"}, Case{"Marsa Matrouh", "Marsa Matruh"},
                        Case{"Benghazi", "Banghazi"}, Case{"El Alamein", "Alamein"}, Case{"Al-Kufrah", "Kufra"}}) {
    EXPECT_EQ(Translit(c.a), Translit(c.b)) << c.a << " / " << c.b;
  }
}

TEST(PlaceKeyTest, TransliterationKeysAsDocumented) {
  // docs/formats/where.md, "Keys".
  EXPECT_EQ(Translit("Darnah"), "derna");
  EXPECT_EQ(Translit("Misrata"), "mesreta");
  EXPECT_EQ(Translit("Marsa Matrouh"), "mersa metru");
  EXPECT_EQ(Translit("Benghazi"), "benghezi");
  EXPECT_EQ(Translit("El Alamein"), "alemeyn");
  EXPECT_NE(Translit("Misurata"), Translit("Misrata"));
}

TEST(PlaceKeyTest, TransliterationKeyKeepsDifferentNamesApart) {
  EXPECT_NE(Translit("Derna"), Translit("Durban"));
  EXPECT_NE(Translit("Tripoli"), Translit("Tobruk"));
  // A lone article is a name of its own, not nothing.
  EXPECT_EQ(Translit("Al"), "al");
}

TEST(PlaceKeyTest, HashIsStable) { EXPECT_EQ(KeyHash("derna"), KeyHash(std::string("der") + "na")); }

}  // namespace
}  // namespace khabar::where
