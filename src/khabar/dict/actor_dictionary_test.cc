#include "khabar/dict/actor_dictionary.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace khabar::dict {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Invented actors: the Republic of Veridia and its people.
constexpr char kVeridia[] =
    "# Veridia test actors\n"
    "VERIDIA_  [VRD]\n"
    "+VERIDIAN_\n"
    "+PORT_AZUR\n"
    "\n"
    "ORLA_MENDEZ_VARGA  # a general, then president\n"
    "+MENDEZ_VARGA_\n"
    "+GENERAL_MENDEZ\n"
    "\t[VRDMIL 770101-120812]\n"
    "\t[VRDGOV >140608]\n"
    "\t[VRDELI]\n"
    "TOMAS_ILVE\n"
    "\t[VRDOPP <20050301]\n"
    "\t[VRDGOV 20050301 - 20090630]\n"
    "B&Q_HOLDINGS_ [VRDBUS]\n";

struct Loaded {
  ActorDictionary actors;
  std::vector<std::string> warnings;
};

Loaded Load(std::string_view bytes, std::string_view name = "v.actors.txt") {
  Warnings warnings;
  DictionarySource source{std::string(name), bytes};
  Loaded loaded{ActorDictionary::Parse({&source, 1}, &warnings), {}};
  for (const Warning& warning : warnings) loaded.warnings.push_back(warning.ToString());
  return loaded;
}

uint32_t IdOf(const ActorDictionary& actors, std::string_view name) {
  for (uint32_t id = 0; id < actors.actors().size(); ++id) {
    if (actors.actors()[id].name == name) return id;
  }
  ADD_FAILURE() << "no actor " << name;
  return 0;
}

TEST(ActorDictionaryTest, ReadsNamesAliasesAndRoles) {
  Loaded loaded = Load(kVeridia);
  EXPECT_THAT(loaded.warnings, IsEmpty());
  ASSERT_EQ(loaded.actors.actors().size(), 4u);
  const Actor& general = loaded.actors.actors()[1];
  EXPECT_EQ(general.name, "ORLA_MENDEZ_VARGA");
  EXPECT_EQ(general.line, 6u);
  EXPECT_THAT(general.aliases, ElementsAre("MENDEZ_VARGA_", "GENERAL_MENDEZ"));
  ASSERT_EQ(general.roles.size(), 3u);
  EXPECT_EQ(general.roles[0].code, "VRDMIL");
  EXPECT_EQ(general.roles[0].first, Date{19770101});
  EXPECT_EQ(general.roles[0].last, Date{20120812});
  EXPECT_EQ(general.roles[1].first, Date{20140608});
  EXPECT_EQ(general.roles[1].last, Date::Max());
  EXPECT_FALSE(general.roles[2].dated());
  EXPECT_EQ(loaded.actors.Where(general), "v.actors.txt:6");
}

TEST(ActorDictionaryTest, CodeOnPicksDatedRoleThenDefault) {
  Loaded loaded = Load(kVeridia);
  uint32_t general = IdOf(loaded.actors, "ORLA_MENDEZ_VARGA");
  EXPECT_EQ(loaded.actors.CodeOn(general, Date{20100101}), "VRDMIL");
  EXPECT_EQ(loaded.actors.CodeOn(general, Date{20120812}), "VRDMIL");  // bounds inclusive
  EXPECT_EQ(loaded.actors.CodeOn(general, Date{20130101}), "VRDELI");  // between roles
  EXPECT_EQ(loaded.actors.CodeOn(general, Date{20140608}), "VRDGOV");
  uint32_t ilve = IdOf(loaded.actors, "TOMAS_ILVE");
  EXPECT_EQ(loaded.actors.CodeOn(ilve, Date{20050301}), "VRDOPP");  // first listed wins a tie
  EXPECT_EQ(loaded.actors.CodeOn(ilve, Date{20050302}), "VRDGOV");
  EXPECT_EQ(loaded.actors.CodeOn(ilve, Date{20100101}), "");  // no default role
  EXPECT_EQ(loaded.actors.CodeOn(IdOf(loaded.actors, "VERIDIA_"), Date{19000101}), "VRD");
}

TEST(ActorDictionaryTest, AmpersandIsPartOfAName) {
  Loaded loaded = Load(kVeridia);
  std::vector<std::string_view> tokens = {"shares", "in", "B&Q", "Holdings", "fell"};
  std::vector<PhraseMatch> matches = loaded.actors.FindActors(tokens);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].begin, 2u);
  EXPECT_EQ(matches[0].end, 4u);
  EXPECT_THAT(matches[0].values, ElementsAre(IdOf(loaded.actors, "B&Q_HOLDINGS_")));
}

TEST(ActorDictionaryTest, FindActorsPrefersTheLongestName) {
  Loaded loaded = Load(kVeridia);
  std::vector<std::string_view> tokens = {"orla", "mendez", "varga", "visited", "port", "azur"};
  std::vector<PhraseMatch> matches = loaded.actors.FindActors(tokens);
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].end, 3u);
  EXPECT_EQ(loaded.actors.actors()[matches[1].values[0]].name, "VERIDIA_");
}

TEST(ActorDictionaryTest, ACapitalisedPluralIsItsNationality) {
  Loaded loaded = Load(kVeridia);
  // "Veridians" is VERIDIAN_ (one word, capitalised, "s" dropped).
  std::vector<std::string_view> tokens = {"Thousands", "of", "Veridians", "marched"};
  std::vector<PhraseMatch> matches = loaded.actors.FindActors(tokens);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].begin, 2u);
  EXPECT_EQ(matches[0].end, 3u);
  EXPECT_EQ(loaded.actors.actors()[matches[0].values[0]].name, "VERIDIA_");
  // Not in lower case, and not for words that end in "ss".
  std::vector<std::string_view> lower = {"veridians"};
  EXPECT_THAT(loaded.actors.FindActors(lower), IsEmpty());
  Loaded grass = Load("VERIDIAS_ [VRD]\n");
  std::vector<std::string_view> plural = {"Veridiass"};
  EXPECT_THAT(grass.actors.FindActors(plural), IsEmpty());
}

TEST(ActorDictionaryTest, SixSevenAndEightDigitDates) {
  Loaded loaded = Load(
      "ANA_KEL\n"
      "\t[AAAGOV 020304-19990101]\n"  // ends before it starts: dropped
      "\t[AAAMIL 8807154-901231]\n"
      "\t[AAAELI >20010101]\n");
  EXPECT_THAT(loaded.warnings,
              ElementsAre("v.actors.txt:2: date range \"020304-19990101\" ends before it starts; "
                          "code skipped",
                          "v.actors.txt:3: 7-digit date \"8807154\" read as 1988-07-15 (YYMMDD "
                          "from the first six digits)"));
  const Actor& actor = loaded.actors.actors()[0];
  ASSERT_EQ(actor.roles.size(), 2u);
  EXPECT_EQ(actor.roles[0].first, Date{19880715});
  EXPECT_EQ(actor.roles[0].last, Date{19901231});
  EXPECT_EQ(actor.roles[1].first, Date{20010101});
}

TEST(ActorDictionaryTest, BadLinesWarnWithFileAndLine) {
  Loaded loaded = Load(
      "+STRAY_ALIAS\n"
      "GOOD_NAME [GGG]\n"
      "\t[GGGMIL 991399-]\n"
      "\t[>140101]\n"
      "BROKEN [XYZ\n"
      "+ORPHAN_OF_BROKEN\n"
      "\t[ggg]\n",
      "bad.actors.txt");
  EXPECT_THAT(loaded.warnings,
              ElementsAre("bad.actors.txt:1: alias line \"+STRAY_ALIAS\" comes before any actor; "
                          "skipped",
                          "bad.actors.txt:3: bad date \"991399\"; code skipped",
                          "bad.actors.txt:4: [>140101] has no code; skipped",
                          "bad.actors.txt:5: '[' without ']' in \"BROKEN [XYZ\"; actor skipped"));
  ASSERT_EQ(loaded.actors.actors().size(), 1u);
  EXPECT_EQ(loaded.actors.actors()[0].roles.size(), 1u);
}

TEST(ActorDictionaryTest, CrLfNonUtf8AndCommentStyles) {
  Loaded loaded = Load(
      "<!-- exported\r\n   by hand -->\r\n"
      "JOS\xE9_RAMOS_ [AAA] <!-- inline --> # trailing\r\n"
      "+RAMOS_\r\n");
  EXPECT_THAT(loaded.warnings, ElementsAre("v.actors.txt:3: invalid UTF-8 replaced by U+FFFD"));
  ASSERT_EQ(loaded.actors.actors().size(), 1u);
  EXPECT_EQ(loaded.actors.actors()[0].name, "JOS\xEF\xBF\xBD_RAMOS_");
  EXPECT_EQ(loaded.actors.actors()[0].line, 3u);
  EXPECT_EQ(loaded.actors.actors()[0].roles[0].code, "AAA");
}

TEST(ActorDictionaryTest, DuplicatesFirstWinsIdenticalOnesAreSilent) {
  Loaded loaded = Load(
      "CARA_LOW_ [CCCGOV]\n"
      "CARA_LOW [CCCGOV]\n"  // same person entered twice: silent
      "DUNMORE [DDD]\n"
      "+LOWLANDS\n"
      "+DUNMORE\n"           // repeated inside one record: silent
      "LOWLANDS_ [EEE]\n");  // another actor with other codes: warning
  EXPECT_THAT(loaded.warnings,
              ElementsAre("v.actors.txt:6: phrase \"lowlands\" already names the actor at "
                          "v.actors.txt:3 with other codes; kept the first"));
  EXPECT_EQ(loaded.actors.duplicate_phrases(), 1u);
  EXPECT_THAT(loaded.actors.matcher().Lookup(std::vector<std::string>{"lowlands"}),
              ElementsAre(IdOf(loaded.actors, "DUNMORE")));
}

TEST(ActorDictionaryTest, LowerCaseCodesAndBareDatesAreReadWithWarnings) {
  Loaded loaded = Load("FENN [fen]\n\t[FENGOV 20121204]\n");
  EXPECT_THAT(loaded.warnings,
              ElementsAre("v.actors.txt:1: code \"fen\" upper-cased",
                          "v.actors.txt:2: bare date \"20121204\" read as \">20121204\""));
  EXPECT_EQ(loaded.actors.CodeOn(0, Date{20130101}), "FENGOV");
  EXPECT_EQ(loaded.actors.CodeOn(0, Date{20100101}), "FEN");
}

TEST(ActorDictionaryTest, IdsContinueAcrossFiles) {
  Warnings warnings;
  std::vector<DictionarySource> sources = {{"one.txt", "ALDER [AAA]\n"},
                                           {"two.txt", "BIRCH [BBB]\n+ALDER\n"}};
  ActorDictionary actors = ActorDictionary::Parse(sources, &warnings);
  ASSERT_EQ(actors.actors().size(), 2u);
  EXPECT_EQ(actors.ActorCount(0), 1u);
  EXPECT_EQ(actors.ActorCount(1), 1u);
  EXPECT_EQ(actors.Where(actors.actors()[1]), "two.txt:1");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].ToString(),
            "two.txt:2: phrase \"alder\" already names the actor at one.txt:1 with other codes; "
            "kept the first");
}

}  // namespace
}  // namespace khabar::dict
