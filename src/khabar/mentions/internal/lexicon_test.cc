#include "khabar/mentions/internal/lexicon.h"

#include <gtest/gtest.h>

namespace khabar::mentions::internal {
namespace {

TEST(LexiconTest, TitlesGiveTheirAgents) {
  struct Case {
    std::string_view word;
    std::string_view agent;
  };
  for (const Case& c :
       {Case{"General", "MIL"}, Case{"marshal", "MIL"}, Case{"Commander", "MIL"},
        Case{"President", "GOV"}, Case{"minister", "GOV"}, Case{"Mr", ""}, Case{"lawyer", ""}}) {
    EXPECT_EQ(TitleAgent(c.word), c.agent) << c.word;
  }
}

TEST(LexiconTest, TwoWordTitlePrefixesOnlyPrecedeNames) {
  ASSERT_TRUE(TitleOf("Field").has_value());
  EXPECT_TRUE(TitleOf("Field")->prefix);
  EXPECT_FALSE(TitleOf("Field")->heads_nominal);
  EXPECT_FALSE(TitleOf("Marshal")->prefix);
  EXPECT_FALSE(TitleOf("Mr")->heads_nominal);
  EXPECT_TRUE(TitleOf("chief")->heads_nominal);
  EXPECT_FALSE(TitleOf("chief")->before_name);
}

TEST(LexiconTest, OnlyThirdPersonPronouns) {
  EXPECT_EQ(PronounOf("He"), (Pronoun{PronounClass::kPerson, false}));
  EXPECT_EQ(PronounOf("his"), (Pronoun{PronounClass::kPerson, true}));
  EXPECT_EQ(PronounOf("its"), (Pronoun{PronounClass::kThing, true}));
  EXPECT_EQ(PronounOf("They"), (Pronoun{PronounClass::kGroupOrPlural, false}));
  EXPECT_EQ(PronounOf("their"), (Pronoun{PronounClass::kGroupOrPlural, true}));
  for (std::string_view word : {"I", "we", "you", "this", "who", "themselves"}) {
    EXPECT_FALSE(PronounOf(word).has_value()) << word;
  }
}

TEST(LexiconTest, GroupAndOrganisationWords) {
  EXPECT_TRUE(IsGroupNoun("group"));
  EXPECT_TRUE(IsGroupNoun("Militia"));
  EXPECT_FALSE(IsGroupNoun("general"));
  EXPECT_TRUE(IsOrganisationWord("Brigades"));
  EXPECT_TRUE(IsOrganisationWord("Army"));
  EXPECT_FALSE(IsOrganisationWord("Hafter"));
}

TEST(LexiconTest, ConnectorsAndPleonasticVerbs) {
  EXPECT_TRUE(IsNameConnector("al"));
  EXPECT_TRUE(IsNameConnector("El"));
  EXPECT_TRUE(IsNameConnector("-"));
  EXPECT_FALSE(IsNameConnector("and"));
  EXPECT_TRUE(IsPleonasticVerb("seem"));
  EXPECT_FALSE(IsPleonasticVerb("say"));
  EXPECT_TRUE(EqualsIgnoreCase("GeNeRaL", "general"));
  EXPECT_FALSE(EqualsIgnoreCase("general", "generals"));
}

}  // namespace
}  // namespace khabar::mentions::internal
