#include "khabar/dict/discard_list.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace khabar::dict {
namespace {

using ::testing::ElementsAre;

constexpr char kDiscards[] =
    "# sport and history\n"
    "CROQUET   # stem\n"
    "+GRAND PRIX\n"
    "TABLE_TENNIS_\n"
    "1848\n"
    "CROQUET\n";

TEST(DiscardListTest, ScopesStemsAndWholeWords) {
  Warnings warnings;
  DiscardList list = DiscardList::Parse(kDiscards, "t.discards.txt", &warnings);
  EXPECT_TRUE(warnings.empty());
  ASSERT_EQ(list.discards().size(), 4u);
  EXPECT_EQ(list.duplicate_phrases(), 1u);
  EXPECT_EQ(list.discards()[1].scope, DiscardScope::kStory);
  EXPECT_EQ(list.discards()[1].phrase, "GRAND PRIX");
  EXPECT_TRUE(list.discards()[2].whole_word);

  std::vector<std::string_view> sentence = {"the", "croquetists", "of", "table", "tennis", "met"};
  std::vector<PhraseMatch> matches = list.FindDiscards(sentence);
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(list.discards()[matches[0].values[0]].phrase, "CROQUET");
  EXPECT_EQ(list.discards()[matches[1].values[0]].phrase, "TABLE_TENNIS_");
  std::vector<std::string_view> longer = {"table", "tennises"};
  EXPECT_TRUE(list.FindDiscards(longer).empty());
  std::vector<std::string_view> story = {"Grand", "Prix", "of", "1848"};
  EXPECT_EQ(list.FindDiscards(story).size(), 2u);
}

TEST(DiscardListTest, EmptyPhraseWarns) {
  Warnings warnings;
  DiscardList list = DiscardList::Parse("+\nOK\n", "t.discards.txt", &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].ToString(), "t.discards.txt:1: discard line \"+\" has no phrase; skipped");
  EXPECT_EQ(list.discards().size(), 1u);
}

}  // namespace
}  // namespace khabar::dict
