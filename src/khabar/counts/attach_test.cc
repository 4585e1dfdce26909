// AttachCounts and CountsStage on invented sentences whose parses are built by hand.
#include "khabar/counts/attach.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "khabar/counts/counts_stage.h"

namespace khabar::counts {
namespace {

using U = doc::Upos;

// One word: form, lemma, UPOS, XPOS, 1-based head (0 = root), relation.
struct Row {
  const char* form;
  const char* lemma;
  U upos;
  const char* xpos;
  int head;
  const char* rel;
};

int Intern(std::vector<std::string>& names, const std::string& name) {
  auto found = std::find(names.begin(), names.end(), name);
  if (found != names.end()) return static_cast<int>(found - names.begin());
  names.push_back(name);
  return static_cast<int>(names.size() - 1);
}

// A one-sentence document: the forms joined by spaces.
doc::Document Parsed(const std::vector<Row>& rows) {
  doc::Document document;
  std::vector<std::string> xpos, rels;
  for (const Row& row : rows) {
    if (!document.text.empty()) document.text += ' ';
    doc::Word word;
    word.span.begin = static_cast<uint32_t>(document.text.size());
    document.text += row.form;
    word.span.end = static_cast<uint32_t>(document.text.size());
    word.upos = row.upos;
    word.xpos = static_cast<uint16_t>(Intern(xpos, row.xpos));
    word.deprel = static_cast<uint16_t>(Intern(rels, row.rel));
    word.head = row.head == 0 ? doc::kRootHead : static_cast<doc::WordIndex>(row.head - 1);
    word.lemma.begin = static_cast<uint32_t>(document.words.strings.size());
    document.words.strings += row.lemma;
    word.lemma.end = static_cast<uint32_t>(document.words.strings.size());
    document.words.words.push_back(word);
  }
  document.words.sentences.push_back({0, static_cast<doc::WordIndex>(rows.size())});
  document.words.xpos_names = std::make_shared<const std::vector<std::string>>(xpos);
  document.words.deprel_names = std::make_shared<const std::vector<std::string>>(rels);
  document.sentences.push_back({0, static_cast<uint32_t>(rows.size()), {0, static_cast<uint32_t>(document.text.size())}});
  return document;
}

Anchor Attack(doc::WordIndex verb) { return Anchor{verb, "19", 4}; }

// "Militants attacked a checkpoint, killing 13 soldiers and two civilians."
std::vector<Row> AttackKilling() {
  return {{"Militants", "militant", U::kNoun, "NNS", 2, "nsubj"},
          {"attacked", "attack", U::kVerb, "VBD", 0, "root"},
          {"a", "a", U::kDet, "DT", 4, "det"},
          {"checkpoint", "checkpoint", U::kNoun, "NN", 2, "obj"},
          {",", ",", U::kPunct, ",", 6, "punct"},
          {"killing", "kill", U::kVerb, "VBG", 2, "advcl"},
          {"13", "13", U::kNum, "CD", 8, "nummod"},
          {"soldiers", "soldier", U::kNoun, "NNS", 6, "obj"},
          {"and", "and", U::kCconj, "CC", 11, "cc"},
          {"two", "two", U::kNum, "CD", 11, "nummod"},
          {"civilians", "civilian", U::kNoun, "NNS", 8, "conj"},
          {".", ".", U::kPunct, ".", 2, "punct"}};
}

TEST(AttachCountsTest, GoverningAttackTakesTheKillingsSummedOverConjuncts) {
  doc::Document document = Parsed(AttackKilling());
  std::vector<Anchor> anchors = {Attack(1)};
  std::vector<doc::EventCounts> counts = AttachCounts(document, 0, anchors);
  EXPECT_EQ(counts[0].killed.value, 15);
  EXPECT_EQ(counts[0].killed.span.In(document.text), "13 soldiers and two civilians");
  EXPECT_FALSE(counts[0].killed.cumulative);
  EXPECT_EQ(counts[0].injured.value, -1);
}

TEST(AttachCountsTest, StatementTakesNoCount) {
  // "The army said 13 militants were killed."
  doc::Document document = Parsed({{"The", "the", U::kDet, "DT", 2, "det"},
                                   {"army", "army", U::kNoun, "NN", 3, "nsubj"},
                                   {"said", "say", U::kVerb, "VBD", 0, "root"},
                                   {"13", "13", U::kNum, "CD", 5, "nummod"},
                                   {"militants", "militant", U::kNoun, "NNS", 7, "nsubj:pass"},
                                   {"were", "be", U::kAux, "VBD", 7, "aux:pass"},
                                   {"killed", "kill", U::kVerb, "VBN", 3, "ccomp"},
                                   {".", ".", U::kPunct, ".", 3, "punct"}});
  std::vector<Anchor> anchors = {Anchor{2, "01", 1}};
  EXPECT_EQ(AttachCounts(document, 0, anchors)[0].killed.value, -1);
  // An event on the predicate itself takes it.
  anchors.push_back(Anchor{6, "18", 4});
  std::vector<doc::EventCounts> counts = AttachCounts(document, 0, anchors);
  EXPECT_EQ(counts[0].killed.value, -1);
  EXPECT_EQ(counts[1].killed.value, 13);
}

// "Over 450 people have been killed and 2,000 injured since the offensive began."
std::vector<Row> TollSinceOffensive() {
  return {{"Over", "over", U::kAdv, "RB", 2, "advmod"},
          {"450", "450", U::kNum, "CD", 3, "nummod"},
          {"people", "people", U::kNoun, "NNS", 6, "nsubj:pass"},
          {"have", "have", U::kAux, "VBP", 6, "aux"},
          {"been", "be", U::kAux, "VBN", 6, "aux:pass"},
          {"killed", "kill", U::kVerb, "VBN", 0, "root"},
          {"and", "and", U::kCconj, "CC", 9, "cc"},
          {"2,000", "2,000", U::kNum, "CD", 9, "nsubj"},
          {"injured", "injure", U::kVerb, "VBN", 6, "conj"},
          {"since", "since", U::kSconj, "IN", 13, "mark"},
          {"the", "the", U::kDet, "DT", 12, "det"},
          {"offensive", "offensive", U::kNoun, "NN", 13, "nsubj"},
          {"began", "begin", U::kVerb, "VBD", 6, "advcl"},
          {".", ".", U::kPunct, ".", 6, "punct"}};
}

TEST(AttachCountsTest, SinceMarksACumulativeToll) {
  doc::Document document = Parsed(TollSinceOffensive());
  std::vector<Anchor> anchors = {Anchor{11, "", 0}};  // an uncoded "offensive"
  std::vector<doc::EventCounts> counts = AttachCounts(document, 0, anchors);
  EXPECT_EQ(counts[0].killed.value, 450);
  EXPECT_EQ(counts[0].killed.span.In(document.text), "Over 450");
  EXPECT_TRUE(counts[0].killed.cumulative);
  EXPECT_EQ(counts[0].injured.value, 2000);
  EXPECT_TRUE(counts[0].injured.cumulative);
}

TEST(AttachCountsTest, TwoFiguresOfOneKindKeepTheLowest) {
  // "Gunmen killed 13 people and 11 died, officials said."
  doc::Document document = Parsed({{"Gunmen", "gunman", U::kNoun, "NNS", 2, "nsubj"},
                                   {"killed", "kill", U::kVerb, "VBD", 0, "root"},
                                   {"13", "13", U::kNum, "CD", 4, "nummod"},
                                   {"people", "people", U::kNoun, "NNS", 2, "obj"},
                                   {"and", "and", U::kCconj, "CC", 7, "cc"},
                                   {"11", "11", U::kNum, "CD", 7, "nsubj"},
                                   {"died", "die", U::kVerb, "VBD", 2, "conj"},
                                   {".", ".", U::kPunct, ".", 2, "punct"}});
  std::vector<Anchor> anchors = {Anchor{1, "18", 4}};
  EXPECT_EQ(AttachCounts(document, 0, anchors)[0].killed.value, 11);
}

TEST(AttachCountsTest, YearsTimesAndAgesAreNoCounts) {
  // "In 2019 a 25-year-old died two weeks ago."
  doc::Document document = Parsed({{"In", "in", U::kAdp, "IN", 2, "case"},
                                   {"2019", "2019", U::kNum, "CD", 5, "obl"},
                                   {"a", "a", U::kDet, "DT", 4, "det"},
                                   {"25-year-old", "25-year-old", U::kNoun, "NN", 5, "nsubj"},
                                   {"died", "die", U::kVerb, "VBD", 0, "root"},
                                   {"two", "two", U::kNum, "CD", 7, "nummod"},
                                   {"weeks", "week", U::kNoun, "NNS", 8, "obl:npmod"},
                                   {"ago", "ago", U::kAdv, "RB", 5, "advmod"}});
  std::vector<Anchor> anchors = {Anchor{4, "", 0}};
  EXPECT_EQ(AttachCounts(document, 0, anchors)[0].killed.value, 1);  // "a 25-year-old"
}

TEST(AttachCountsTest, ATollRisingToAFigure) {
  // "The death toll from the strike rose to 200."
  doc::Document document = Parsed({{"The", "the", U::kDet, "DT", 3, "det"},
                                   {"death", "death", U::kNoun, "NN", 3, "compound"},
                                   {"toll", "toll", U::kNoun, "NN", 7, "nsubj"},
                                   {"from", "from", U::kAdp, "IN", 6, "case"},
                                   {"the", "the", U::kDet, "DT", 6, "det"},
                                   {"strike", "strike", U::kNoun, "NN", 3, "nmod"},
                                   {"rose", "rise", U::kVerb, "VBD", 0, "root"},
                                   {"to", "to", U::kAdp, "IN", 9, "case"},
                                   {"200", "200", U::kNum, "CD", 7, "obl"},
                                   {".", ".", U::kPunct, ".", 7, "punct"}});
  std::vector<Anchor> anchors = {Attack(5)};
  doc::EventCounts counts = AttachCounts(document, 0, anchors)[0];
  EXPECT_EQ(counts.killed.value, 200);
  EXPECT_TRUE(counts.killed.cumulative);
}

TEST(AttachCountsTest, ARelativeClauseKeepsItsCountFromTheClauseAbove) {
  // "The rebels, who killed 30 villagers, signed the deal."
  doc::Document document = Parsed({{"The", "the", U::kDet, "DT", 2, "det"},
                                   {"rebels", "rebel", U::kNoun, "NNS", 9, "nsubj"},
                                   {",", ",", U::kPunct, ",", 5, "punct"},
                                   {"who", "who", U::kPron, "WP", 5, "nsubj"},
                                   {"killed", "kill", U::kVerb, "VBD", 2, "acl:relcl"},
                                   {"30", "30", U::kNum, "CD", 7, "nummod"},
                                   {"villagers", "villager", U::kNoun, "NNS", 5, "obj"},
                                   {",", ",", U::kPunct, ",", 5, "punct"},
                                   {"signed", "sign", U::kVerb, "VBD", 0, "root"},
                                   {"the", "the", U::kDet, "DT", 11, "det"},
                                   {"deal", "deal", U::kNoun, "NN", 9, "obj"},
                                   {".", ".", U::kPunct, ".", 9, "punct"}});
  std::vector<Anchor> anchors = {Anchor{8, "", 0}};
  EXPECT_EQ(AttachCounts(document, 0, anchors)[0].killed.value, -1);
  anchors.push_back(Anchor{4, "18", 4});  // the killing's own event takes it
  EXPECT_EQ(AttachCounts(document, 0, anchors)[1].killed.value, 30);
}

TEST(AttachCountsTest, AnArrestInAConjunctIsAnActOfItsOwn) {
  // "Troops killed 8 militants and arrested 11."
  doc::Document document = Parsed({{"Troops", "troop", U::kNoun, "NNS", 2, "nsubj"},
                                   {"killed", "kill", U::kVerb, "VBD", 0, "root"},
                                   {"8", "8", U::kNum, "CD", 4, "nummod"},
                                   {"militants", "militant", U::kNoun, "NNS", 2, "obj"},
                                   {"and", "and", U::kCconj, "CC", 6, "cc"},
                                   {"arrested", "arrest", U::kVerb, "VBD", 2, "conj"},
                                   {"11", "11", U::kNum, "CD", 6, "obj"},
                                   {".", ".", U::kPunct, ".", 2, "punct"}});
  std::vector<Anchor> anchors = {Anchor{1, "18", 4}};
  doc::EventCounts counts = AttachCounts(document, 0, anchors)[0];
  EXPECT_EQ(counts.killed.value, 8);
  EXPECT_EQ(counts.arrested.value, -1);
}

TEST(AttachCountsTest, AnEventNounBelowThePredicateSharesItsCount) {
  doc::Document document = Parsed(TollSinceOffensive());
  std::vector<Anchor> anchors = {Anchor{5, "18", 4}, Anchor{11, "19", 4}};  // "killed", "offensive"
  std::vector<doc::EventCounts> counts = AttachCounts(document, 0, anchors);
  EXPECT_EQ(counts[0].killed.value, 450);
  EXPECT_EQ(counts[1].killed.value, 450);
}

TEST(AttachCountsTest, AConjunctionMadeAHeadIsCrossed) {
  // "Over 450 people have been killed and 2,000 injured in the assault." as the parser
  // sometimes has it: "and" a conjunct of "killed", heading "2,000", which heads "injured".
  doc::Document document = Parsed({{"Over", "over", U::kAdv, "RB", 2, "advmod"},
                                   {"450", "450", U::kNum, "CD", 3, "nummod"},
                                   {"people", "people", U::kNoun, "NNS", 6, "nsubj:pass"},
                                   {"have", "have", U::kAux, "VBP", 6, "aux"},
                                   {"been", "be", U::kAux, "VBN", 6, "aux:pass"},
                                   {"killed", "kill", U::kVerb, "VBN", 0, "root"},
                                   {"and", "and", U::kCconj, "CC", 6, "conj"},
                                   {"2,000", "2,000", U::kNum, "CD", 7, "nsubj:pass"},
                                   {"injured", "injure", U::kVerb, "VBN", 8, "acl"},
                                   {"in", "in", U::kAdp, "IN", 12, "case"},
                                   {"the", "the", U::kDet, "DT", 12, "det"},
                                   {"assault", "assault", U::kNoun, "NN", 9, "obl"},
                                   {".", ".", U::kPunct, ".", 6, "punct"}});
  std::vector<Anchor> anchors = {Anchor{5, "18", 4}};  // "killed" alone
  doc::EventCounts alone = AttachCounts(document, 0, anchors)[0];
  EXPECT_EQ(alone.killed.value, 450);
  EXPECT_EQ(alone.injured.value, 2000);  // reached through "and"
  anchors.push_back(Anchor{11, "19", 4});  // and the assault
  std::vector<doc::EventCounts> counts = AttachCounts(document, 0, anchors);
  EXPECT_EQ(counts[1].killed.value, 450);
  EXPECT_EQ(counts[1].injured.value, 2000);
}

TEST(AttachCountsTest, WordOrderSkipsAuxiliaries) {
  // "Several others were injured." with "others" left out of the clause by the parser.
  doc::Document document = Parsed({{"Several", "several", U::kAdj, "JJ", 2, "amod"},
                                   {"others", "other", U::kNoun, "NNS", 0, "root"},
                                   {"were", "be", U::kAux, "VBD", 4, "aux:pass"},
                                   {"injured", "injure", U::kVerb, "VBN", 2, "acl"},
                                   {".", ".", U::kPunct, ".", 2, "punct"}});
  std::vector<Anchor> anchors = {Anchor{3, "18", 4}};
  EXPECT_EQ(AttachCounts(document, 0, anchors)[0].injured.value, 3);
}

TEST(CountsStageTest, FillsEveryEventOfTheSentence) {
  doc::Document document = Parsed(AttackKilling());
  doc::Event attack;
  attack.verb = 1;
  attack.root = "19";
  attack.quad_class = 4;
  document.events.events = {attack, attack};  // two actors, one verb
  CountsStage stage;
  ASSERT_TRUE(stage.Process(document).ok());
  EXPECT_EQ(document.events.events[0].counts.killed.value, 15);
  EXPECT_EQ(document.events.events[1].counts.killed.value, 15);
}

TEST(CountsStageTest, EventOutsideTheDocumentIsAnError) {
  doc::Document document = Parsed(AttackKilling());
  doc::Event stray;
  stray.sentence = 3;
  document.events.events = {stray};
  EXPECT_FALSE(CountsStage().Process(document).ok());
}

}  // namespace
}  // namespace khabar::counts
