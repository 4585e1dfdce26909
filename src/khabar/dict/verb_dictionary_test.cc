#include "khabar/dict/verb_dictionary.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace khabar::dict {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

// An invented verb dictionary about serving drinks. Line numbers matter below.
constexpr char kVerbs[] =
    "####### SYNONYM SETS #######\n"                     // 1
    "&BEVERAGE\n"                                        // 2
    "+TEA\n"                                             // 3
    "+HOT_CHOCOLATE\n"                                   // 4
    "+MILK_\n"                                           // 5
    "\n"                                                 // 6
    "&HELPERVERB_\n"                                     // 7
    "+DID\n"                                             // 8
    "\n"                                                 // 9
    "&HOTDRINK\n"                                        // 10
    "+&BEVERAGE\n"                                       // 11
    "+COCOA\n"                                           // 12
    "####### VERB PATTERNS #######\n"                    // 13
    "---  OFFER  [050]  ---\n"                           // 14
    "OFFER\n"                                            // 15
    "SERVE {SERVES SERVED SERVING} [051]\n"              // 16
    "+POUR_OUT {+POURS_OUT +POURED_OUT +POURING_OUT}\n"  // 17
    "RE_+BREW [052:053]\n"                               // 18
    "- * &BEVERAGE [057]  # OFFER\n"                     // 19
    "- $ * (TO +) [058:059]\n"                           // 20
    "- * {WARM &BEVERAGE} (WITH ^) [:060]\n"             // 21
    "- % * [061]\n"                                      // 22
    "- * CUP (OF {STRONG TEA}) (FOR $) [062]\n"          // 23
    "\n"                                                 // 24
    "--- THREATEN [130] ---\n"                           // 25
    "THREATEN\n"                                         // 26
    "SERVE\n"                                            // 27
    "- * (WITH &COLDDRINK) [131]\n"                      // 28
    "- * (WITH [131]\n"                                  // 29
    "* (WITH TEA) [131]\n"                               // 30
    "- * KETTLE (ON STOVE [132]\n"                       // 31
    "\n"                                                 // 32
    "~ a (b . THREATEN) OFFER = a b 138\n"               // 33
    "~ a (a b Q) OFFER = a b Q\n"                        // 34
    "~ a (a b SPILL) OFFER = a b 139\n"                  // 35
    "~ a (a b OFFER = a b 139\n";                        // 36

class VerbDictionaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Warnings warnings;
    verbs_ = VerbDictionary::Parse(kVerbs, "t.verbs.txt", &warnings);
    for (const Warning& warning : warnings) warnings_.push_back(warning.ToString());
  }

  std::vector<std::string> VerbTexts(std::vector<std::string_view> tokens) const {
    std::vector<std::string> out;
    for (const PhraseMatch& match : verbs_.FindVerbs(tokens)) {
      out.push_back(verbs_.verbs()[verbs_.forms()[match.values[0]].verb].text);
    }
    return out;
  }

  std::vector<std::string> SynsetNames(std::vector<std::string_view> tokens) const {
    std::vector<std::string> out;
    for (const PhraseMatch& match : verbs_.FindSynsetMembers(tokens)) {
      for (uint32_t id : match.values) out.push_back(verbs_.synsets()[id].name);
    }
    return out;
  }

  VerbDictionary verbs_;
  std::vector<std::string> warnings_;
};

TEST_F(VerbDictionaryTest, WarnsAboutEachBadLine) {
  EXPECT_THAT(
      warnings_,
      ElementsAre(
          "t.verbs.txt:27: verb \"SERVE\" is already in block \"OFFER\" (line 16); kept the first",
          "t.verbs.txt:29: bad pattern \"- * (WITH [131]\": '(' without ')'; skipped",
          "t.verbs.txt:30: \"* (WITH TEA) [131]\" is not a verb, pattern, synset or block "
          "header; skipped",
          "t.verbs.txt:31: bad pattern \"- * KETTLE (ON STOVE [132]\": '(' without ')'; skipped",
          "t.verbs.txt:36: bad transformation \"~ a (a b OFFER = a b 139\": '(' without ')'; "
          "skipped",
          "t.verbs.txt:28: pattern \"- * (WITH &COLDDRINK) [131]\" uses undefined synset "
          "&COLDDRINK; skipped",
          "t.verbs.txt:35: transformation uses unknown verb \"spill\"; skipped"));
}

TEST_F(VerbDictionaryTest, SynsetsWithPluralsAndNesting) {
  ASSERT_EQ(verbs_.synsets().size(), 3u);
  EXPECT_EQ(verbs_.synsets()[0].name, "BEVERAGE");
  EXPECT_EQ(verbs_.FindSynset("&HELPERVERB_"), 1u);
  EXPECT_EQ(verbs_.FindSynset("helperverb"), 1u);
  EXPECT_THAT(SynsetNames({"hot", "chocolates"}), UnorderedElementsAre("BEVERAGE", "HOTDRINK"));
  EXPECT_THAT(SynsetNames({"teas"}), UnorderedElementsAre("BEVERAGE", "HOTDRINK"));
  EXPECT_THAT(SynsetNames({"milk"}), UnorderedElementsAre("BEVERAGE", "HOTDRINK"));
  EXPECT_THAT(SynsetNames({"milks"}), IsEmpty());  // member ends in '_'
  EXPECT_THAT(SynsetNames({"did"}), ElementsAre("HELPERVERB"));
  EXPECT_THAT(SynsetNames({"dids"}), IsEmpty());  // label ends in '_'
  EXPECT_THAT(SynsetNames({"cocoas"}), ElementsAre("HOTDRINK"));
}

TEST_F(VerbDictionaryTest, BlocksVerbsAndCodes) {
  ASSERT_EQ(verbs_.blocks().size(), 2u);
  const VerbBlock& offer = verbs_.blocks()[0];
  EXPECT_EQ(offer.name, "OFFER");
  EXPECT_EQ(offer.code.ToString(), "050");
  ASSERT_EQ(offer.verbs.size(), 4u);
  EXPECT_EQ(verbs_.verbs()[offer.verbs[0]].code.ToString(), "050");
  EXPECT_EQ(verbs_.verbs()[offer.verbs[1]].code.ToString(), "051");
  EXPECT_EQ(verbs_.verbs()[offer.verbs[3]].code, (EventCode{"052", "053"}));
}

TEST_F(VerbDictionaryTest, VerbFormsRegularIrregularAndCompound) {
  EXPECT_THAT(VerbTexts({"she", "offered", "and", "served"}),
              ElementsAre("OFFER", "SERVE {SERVES SERVED SERVING} [051]"));
  EXPECT_THAT(VerbTexts({"they", "poured", "out", "tea"}),
              ElementsAre("+POUR_OUT {+POURS_OUT +POURED_OUT +POURING_OUT}"));
  EXPECT_THAT(VerbTexts({"re", "brewing"}), ElementsAre("RE_+BREW [052:053]"));
  const VerbForm& form =
      verbs_.forms()[verbs_.FindVerbs(std::vector<std::string_view>{"re", "brews"})[0].values[0]];
  EXPECT_THAT(form.words, ElementsAre("re", "brews"));
  EXPECT_EQ(form.head, 1u);
  EXPECT_THAT(VerbTexts({"servinged"}), IsEmpty());
}

TEST_F(VerbDictionaryTest, PatternsKeepStructureCodesAndText) {
  const VerbBlock& offer = verbs_.blocks()[0];
  ASSERT_EQ(offer.patterns.size(), 5u);
  const Pattern& to_target = verbs_.patterns()[offer.patterns[1]];
  EXPECT_EQ(to_target.text, "- $ * (TO +) [058:059]");
  EXPECT_EQ(verbs_.Where(to_target), "t.verbs.txt:20");
  EXPECT_EQ(to_target.code, (EventCode{"058", "059"}));
  ASSERT_EQ(to_target.before_verb.size(), 1u);
  EXPECT_EQ(to_target.before_verb[0].nouns[0].head().kind, PatternWordKind::kSource);
  ASSERT_EQ(to_target.after_verb.size(), 1u);
  EXPECT_EQ(to_target.after_verb[0].kind, PatternConstituent::Kind::kPreposition);
  EXPECT_EQ(to_target.after_verb[0].preposition.text, "to");
  EXPECT_EQ(to_target.after_verb[0].nouns[0].head().kind, PatternWordKind::kTarget);

  const Pattern& warm = verbs_.patterns()[offer.patterns[2]];
  EXPECT_EQ(warm.code, (EventCode{"", "060"}));
  ASSERT_EQ(warm.after_verb.size(), 2u);
  const PatternNoun& noun = warm.after_verb[0].nouns[0];
  ASSERT_EQ(noun.words.size(), 2u);
  EXPECT_EQ(noun.words[0].text, "warm");
  EXPECT_EQ(noun.head().kind, PatternWordKind::kSynset);
  EXPECT_EQ(noun.head().synset, verbs_.FindSynset("BEVERAGE"));
  EXPECT_EQ(warm.after_verb[1].nouns[0].head().kind, PatternWordKind::kSkip);

  const Pattern& cup = verbs_.patterns()[offer.patterns[4]];
  ASSERT_EQ(cup.after_verb.size(), 3u);
  EXPECT_EQ(cup.after_verb[0].nouns[0].head().text, "cup");
  EXPECT_EQ(cup.after_verb[1].preposition.text, "of");
  EXPECT_EQ(cup.after_verb[1].nouns[0].words.size(), 2u);
  EXPECT_EQ(cup.after_verb[1].nouns[0].head().text, "tea");
  EXPECT_EQ(cup.after_verb[2].nouns[0].head().kind, PatternWordKind::kSource);
  EXPECT_EQ(verbs_.patterns()[offer.patterns[3]].before_verb[0].nouns[0].head().kind,
            PatternWordKind::kCompound);
}

TEST_F(VerbDictionaryTest, PatternAnchorsPrefilterCandidates) {
  const VerbBlock& offer = verbs_.blocks()[0];
  std::vector<uint32_t> found;
  std::vector<std::string_view> tokens = {"a", "cup", "of", "hot", "chocolate", "to", "him"};
  for (const PhraseMatch& match : verbs_.FindPatternAnchors(tokens)) {
    found.insert(found.end(), match.values.begin(), match.values.end());
  }
  // "&BEVERAGE" and "{WARM &BEVERAGE}" through "hot chocolate", "CUP", and "(TO +)".
  EXPECT_THAT(found, UnorderedElementsAre(offer.patterns[4], offer.patterns[0], offer.patterns[2],
                                          offer.patterns[1]));
  EXPECT_THAT(verbs_.unanchored_patterns(), ElementsAre(offer.patterns[3]));
}

TEST_F(VerbDictionaryTest, Transformations) {
  ASSERT_EQ(verbs_.transformations().size(), 2u);
  const Transformation& threat = verbs_.transformations()[0];
  EXPECT_EQ(threat.line, 33u);
  ASSERT_EQ(threat.levels.size(), 2u);
  EXPECT_EQ(threat.levels[0].source, "a");
  EXPECT_THAT(threat.levels[0].verbs, ElementsAre("offer"));
  EXPECT_EQ(threat.levels[1].source, "b");
  EXPECT_THAT(threat.levels[1].verbs, ElementsAre("threaten"));
  EXPECT_EQ(threat.target, ".");
  EXPECT_EQ(threat.result_source, "a");
  EXPECT_EQ(threat.result_target, "b");
  EXPECT_EQ(threat.result_code, "138");
  EXPECT_THAT(verbs_.transformations()[1].levels[1].verbs, ElementsAre("q"));
  EXPECT_EQ(verbs_.transformations()[1].result_code, "Q");
}

TEST(VerbDictionaryRobustnessTest, CrLfCommentsAndDuplicateSynsets) {
  Warnings warnings;
  VerbDictionary verbs = VerbDictionary::Parse(
      "<!-- header\r\n -->\r\n&PET\r\n+CAT\r\n&PET\r\n+DOG\r\n--- FEED [070] ---\r\n"
      "FEED {FEEDS FED FEEDING}\r\n- * &PET [071] # FEED\r\n",
      "crlf.verbs.txt", &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].ToString(),
            "crlf.verbs.txt:5: synset &PET is defined again (first at line 3); members merged");
  ASSERT_EQ(verbs.synsets().size(), 1u);
  EXPECT_EQ(verbs.synsets()[0].members.size(), 2u);
  ASSERT_EQ(verbs.patterns().size(), 1u);
  EXPECT_EQ(verbs.patterns()[0].text, "- * &PET [071]");
  EXPECT_EQ(verbs.patterns()[0].line, 9u);
}

TEST(VerbDictionaryOverlayTest, OverlayReopensABlockAndNamesItsOwnFile) {
  const std::string base = "&PET\n+CAT\n--- FEED [070] ---\nFEED\n- * &PET [071]\n";
  const std::string overlay =
      "# overlay\n--- FEED [999] ---\n- * &PET (WITH MILK) [072]\n- * &BIRD [073]\n"
      "--- GROOM [080] ---\nGROOM\n- * &PET [081]\n";
  std::vector<DictionarySource> sources = {{"base.txt", base}, {"mine.verbs.txt", overlay}};
  Warnings warnings;
  VerbDictionary verbs = VerbDictionary::Parse(sources, &warnings);

  ASSERT_EQ(verbs.blocks().size(), 2u);  // FEED reopened, GROOM new
  EXPECT_EQ(verbs.blocks()[0].code.active, "070");
  ASSERT_EQ(verbs.patterns().size(), 3u);  // the &BIRD pattern is dropped
  EXPECT_EQ(verbs.Where(verbs.patterns()[0]), "base.txt:5");
  EXPECT_EQ(verbs.Where(verbs.patterns()[1]), "mine.verbs.txt:3");
  EXPECT_EQ(verbs.patterns()[1].block, 0u);
  EXPECT_EQ(verbs.patterns()[2].block, 1u);
  const Verb& groom = verbs.verbs().back();
  EXPECT_EQ(verbs.Where(groom), "mine.verbs.txt:6");
  EXPECT_EQ(verbs.file(), "base.txt");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].ToString(),
            "mine.verbs.txt:4: pattern \"- * &BIRD [073]\" uses undefined synset &BIRD; skipped");
}

}  // namespace
}  // namespace khabar::dict
