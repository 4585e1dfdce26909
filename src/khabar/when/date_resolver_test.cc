// Which expression dates which event, on dependency trees written by hand (CoNLL-U style,
// heads 1-based, 0 the root), and the stage that applies it to Document::events.
#include "khabar/when/date_resolver.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "khabar/when/when_stage.h"

namespace khabar::when {
namespace {

struct Row {
  const char* form;
  doc::Upos upos;
  int head;  // 1-based within the sentence; 0 for the root
  const char* deprel;
  const char* lemma;           // nullptr: the form
  const char* xpos = nullptr;  // nullptr: "_"
};

using doc::Upos;

// Appends one parsed sentence to `document` (text joined by spaces).
void AddSentence(doc::Document& document, std::initializer_list<Row> rows) {
  doc::WordLayer& words = document.words;
  auto names = std::make_shared<std::vector<std::string>>(
      words.deprel_names ? *words.deprel_names : std::vector<std::string>{});
  auto tags = std::make_shared<std::vector<std::string>>(
      words.xpos_names ? *words.xpos_names : std::vector<std::string>{"_"});
  const doc::WordIndex begin = static_cast<doc::WordIndex>(words.words.size());
  for (const Row& row : rows) {
    if (!document.text.empty()) document.text += ' ';
    doc::Word word;
    word.span.begin = static_cast<uint32_t>(document.text.size());
    document.text += row.form;
    word.span.end = static_cast<uint32_t>(document.text.size());
    word.upos = row.upos;
    word.head = row.head == 0 ? doc::kRootHead : begin + static_cast<doc::WordIndex>(row.head - 1);
    std::string rel = row.deprel;
    auto found = std::find(names->begin(), names->end(), rel);
    word.deprel = static_cast<uint16_t>(found - names->begin());
    if (found == names->end()) names->push_back(rel);
    std::string tag = row.xpos != nullptr ? row.xpos : "_";
    auto tag_found = std::find(tags->begin(), tags->end(), tag);
    word.xpos = static_cast<uint16_t>(tag_found - tags->begin());
    if (tag_found == tags->end()) tags->push_back(tag);
    word.lemma.begin = static_cast<uint32_t>(words.strings.size());
    words.strings += row.lemma != nullptr ? row.lemma : row.form;
    word.lemma.end = static_cast<uint32_t>(words.strings.size());
    words.words.push_back(word);
  }
  words.deprel_names = names;
  words.xpos_names = tags;
  words.sentences.push_back({begin, static_cast<doc::WordIndex>(words.words.size())});
}

doc::Document Published(const char* date) {
  doc::Document document;
  document.published = date;
  return document;
}

// The date DateOf gives word `word` (1-based) of sentence `sentence`, with its source.
std::string DateOfWord(const doc::Document& document, uint32_t sentence, int word) {
  DocumentDates dates(document);
  doc::EventDate date =
      dates.DateOf(sentence, document.words.sentences[sentence].word_begin + word - 1);
  return doc::FormatEventDate(date) + (date.from_text ? " text" : " publication");
}

// "Militants attacked the base on Tuesday ."
void AddAttackOnTuesday(doc::Document& document) {
  AddSentence(document, {{"Militants", Upos::kNoun, 2, "nsubj", "militant"},
                         {"attacked", Upos::kVerb, 0, "root", "attack"},
                         {"the", Upos::kDet, 4, "det", nullptr},
                         {"base", Upos::kNoun, 2, "obj", nullptr},
                         {"on", Upos::kAdp, 6, "case", nullptr},
                         {"Tuesday", Upos::kPropn, 2, "obl:tmod", nullptr},
                         {".", Upos::kPunct, 2, "punct", nullptr}});
}

TEST(DocumentDatesTest, ExpressionOfTheVerbsClauseDatesIt) {
  doc::Document document = Published("2019-05-29");
  AddAttackOnTuesday(document);
  EXPECT_EQ(DateOfWord(document, 0, 2), "2019-05-28 text");
  DocumentDates dates(document);
  doc::EventDate date = dates.DateOf(0, 1);
  EXPECT_EQ(date.span.In(document.text), "on Tuesday");
}

TEST(DocumentDatesTest, NoExpressionGivesThePublicationDate) {
  doc::Document document = Published("2019-05-29");
  AddSentence(document, {{"Egypt", Upos::kPropn, 2, "nsubj", nullptr},
                         {"protested", Upos::kVerb, 0, "root", "protest"},
                         {".", Upos::kPunct, 2, "punct", nullptr}});
  EXPECT_EQ(DateOfWord(document, 0, 2), "2019-05-29 publication");
}

TEST(DocumentDatesTest, NoPublicationDateLeavesTheDateUnresolved) {
  doc::Document document = Published("");
  AddSentence(document, {{"Egypt", Upos::kPropn, 2, "nsubj", nullptr},
                         {"protested", Upos::kVerb, 0, "root", "protest"}});
  EXPECT_EQ(DocumentDates(document).DateOf(0, 1).precision, doc::DatePrecision::kNone);
}

// "The ministry said on Monday that militants attacked the base ."
void AddSaidOnMondayThatAttacked(doc::Document& document) {
  AddSentence(document, {{"The", Upos::kDet, 2, "det", nullptr},
                         {"ministry", Upos::kNoun, 3, "nsubj", nullptr},
                         {"said", Upos::kVerb, 0, "root", "say"},
                         {"on", Upos::kAdp, 5, "case", nullptr},
                         {"Monday", Upos::kPropn, 3, "obl", nullptr},
                         {"that", Upos::kSconj, 8, "mark", nullptr},
                         {"militants", Upos::kNoun, 8, "nsubj", "militant"},
                         {"attacked", Upos::kVerb, 3, "ccomp", "attack"},
                         {"the", Upos::kDet, 10, "det", nullptr},
                         {"base", Upos::kNoun, 8, "obj", nullptr},
                         {".", Upos::kPunct, 3, "punct", nullptr}});
}

TEST(DocumentDatesTest, ReportedEventDoesNotTakeTheDateOfTheSaying) {
  doc::Document document = Published("2019-05-29");
  AddSaidOnMondayThatAttacked(document);
  EXPECT_EQ(DateOfWord(document, 0, 8), "2019-05-29 publication");
  EXPECT_EQ(DateOfWord(document, 0, 3), "2019-05-27 text");
}

TEST(DocumentDatesTest, RelativeClauseKeepsItsOwnDate) {
  // "The army , which took the town in April , shelled it on Tuesday ."
  doc::Document document = Published("2019-05-29");
  AddSentence(document, {{"The", Upos::kDet, 2, "det", nullptr},
                         {"army", Upos::kNoun, 12, "nsubj", nullptr},
                         {",", Upos::kPunct, 5, "punct", nullptr},
                         {"which", Upos::kPron, 5, "nsubj", nullptr},
                         {"took", Upos::kVerb, 2, "acl:relcl", "take"},
                         {"the", Upos::kDet, 7, "det", nullptr},
                         {"town", Upos::kNoun, 5, "obj", nullptr},
                         {"in", Upos::kAdp, 9, "case", nullptr},
                         {"April", Upos::kPropn, 5, "obl", nullptr},
                         {",", Upos::kPunct, 5, "punct", nullptr},
                         {"then", Upos::kAdv, 12, "advmod", nullptr},
                         {"shelled", Upos::kVerb, 0, "root", "shell"},
                         {"it", Upos::kPron, 12, "obj", nullptr},
                         {"on", Upos::kAdp, 15, "case", nullptr},
                         {"Tuesday", Upos::kPropn, 12, "obl", nullptr}});
  EXPECT_EQ(DateOfWord(document, 0, 12), "2019-05-28 text");
  EXPECT_EQ(DateOfWord(document, 0, 5), "2019-04 text");
}

TEST(DocumentDatesTest, OpenComplementTakesTheDateOfItsGovernor) {
  // "Egypt agreed on Sunday to tighten security ."
  doc::Document document = Published("2019-05-29");
  AddSentence(document, {{"Egypt", Upos::kPropn, 2, "nsubj", nullptr},
                         {"agreed", Upos::kVerb, 0, "root", "agree"},
                         {"on", Upos::kAdp, 4, "case", nullptr},
                         {"Sunday", Upos::kPropn, 2, "obl", nullptr},
                         {"to", Upos::kPart, 6, "mark", nullptr},
                         {"tighten", Upos::kVerb, 2, "xcomp", nullptr},
                         {"security", Upos::kNoun, 6, "obj", nullptr}});
  EXPECT_EQ(DateOfWord(document, 0, 6), "2019-05-26 text");
}

TEST(DocumentDatesTest, AgreeingIsNotDatedByWhatWasAgreedFor) {
  // "Egypt agreed to meet Sudan on Thursday ."
  doc::Document document = Published("2019-05-29");
  AddSentence(document, {{"Egypt", Upos::kPropn, 2, "nsubj", nullptr},
                         {"agreed", Upos::kVerb, 0, "root", "agree"},
                         {"to", Upos::kPart, 4, "mark", nullptr},
                         {"meet", Upos::kVerb, 2, "xcomp", nullptr},
                         {"Sudan", Upos::kPropn, 4, "obj", nullptr},
                         {"on", Upos::kAdp, 7, "case", nullptr},
                         {"Thursday", Upos::kPropn, 4, "obl", nullptr}});
  EXPECT_EQ(DateOfWord(document, 0, 2), "2019-05-29 publication");
  EXPECT_EQ(DateOfWord(document, 0, 4), "2019-05-30 text");
}

TEST(DocumentDatesTest, ExpressionBeforeTheComplementIsTheGovernors) {
  // "Syria called Thursday on Arabs to unite ." with "Thursday" under "unite".
  doc::Document document = Published("2019-05-29");
  AddSentence(document, {{"Syria", Upos::kPropn, 2, "nsubj", nullptr},
                         {"called", Upos::kVerb, 0, "root", "call"},
                         {"Thursday", Upos::kPropn, 7, "obl:tmod", nullptr},
                         {"on", Upos::kAdp, 5, "case", nullptr},
                         {"Arabs", Upos::kPropn, 2, "obl", nullptr},
                         {"to", Upos::kPart, 7, "mark", nullptr},
                         {"unite", Upos::kVerb, 2, "xcomp", nullptr}});
  EXPECT_EQ(DateOfWord(document, 0, 2), "2019-05-23 text");
}

TEST(DocumentDatesTest, PossessiveDateOfADeepNounDatesNothing) {
  // "Police imposed a curfew after protests over Sunday 's vote ."
  doc::Document document = Published("2019-05-29");
  AddSentence(document, {{"Police", Upos::kNoun, 2, "nsubj", nullptr},
                         {"imposed", Upos::kVerb, 0, "root", "impose"},
                         {"a", Upos::kDet, 4, "det", nullptr},
                         {"curfew", Upos::kNoun, 2, "obj", nullptr},
                         {"after", Upos::kAdp, 6, "case", nullptr},
                         {"protests", Upos::kNoun, 2, "obl", "protest"},
                         {"over", Upos::kAdp, 10, "case", nullptr},
                         {"Sunday", Upos::kPropn, 10, "nmod:poss", nullptr},
                         {"'s", Upos::kPart, 8, "case", nullptr},
                         {"vote", Upos::kNoun, 6, "nmod", nullptr}});
  EXPECT_EQ(DateOfWord(document, 0, 2), "2019-05-29 publication");
}

TEST(DocumentDatesTest, PossessiveDateOfTheSubjectDatesTheEvent) {
  // "Saturday 's raid killed four ."
  doc::Document document = Published("2019-05-29");
  AddSentence(document, {{"Saturday", Upos::kPropn, 3, "nmod:poss", nullptr},
                         {"'s", Upos::kPart, 1, "case", nullptr},
                         {"raid", Upos::kNoun, 4, "nsubj", nullptr},
                         {"killed", Upos::kVerb, 0, "root", "kill"},
                         {"four", Upos::kNum, 4, "obj", nullptr}});
  EXPECT_EQ(DateOfWord(document, 0, 4), "2019-05-25 text");
}

TEST(DocumentDatesTest, FutureAuxiliaryLooksForward) {
  // "The minister will travel on Thursday ."
  doc::Document document = Published("2019-05-29");
  AddSentence(document, {{"The", Upos::kDet, 2, "det", nullptr},
                         {"minister", Upos::kNoun, 4, "nsubj", nullptr},
                         {"will", Upos::kAux, 4, "aux", nullptr},
                         {"travel", Upos::kVerb, 0, "root", nullptr},
                         {"on", Upos::kAdp, 6, "case", nullptr},
                         {"Thursday", Upos::kPropn, 4, "obl", nullptr}});
  EXPECT_EQ(DateOfWord(document, 0, 4), "2019-05-30 text");
}

TEST(DocumentDatesTest, ExpectedToIsFuture) {
  // "Parliament is expected to vote on Sunday ."
  doc::Document document = Published("2018-11-02");
  AddSentence(document, {{"Parliament", Upos::kPropn, 3, "nsubj:pass", nullptr},
                         {"is", Upos::kAux, 3, "aux:pass", "be"},
                         {"expected", Upos::kVerb, 0, "root", "expect"},
                         {"to", Upos::kPart, 5, "mark", nullptr},
                         {"vote", Upos::kVerb, 3, "xcomp", nullptr},
                         {"on", Upos::kAdp, 7, "case", nullptr},
                         {"Sunday", Upos::kPropn, 5, "obl", nullptr}});
  EXPECT_EQ(DateOfWord(document, 0, 5), "2018-11-04 text");
}

TEST(DocumentDatesTest, BoundaryIsNotTheEventsDate) {
  // "The army has besieged the city since 2014 ."
  doc::Document document = Published("2019-05-29");
  AddSentence(document, {{"The", Upos::kDet, 2, "det", nullptr},
                         {"army", Upos::kNoun, 4, "nsubj", nullptr},
                         {"has", Upos::kAux, 4, "aux", "have"},
                         {"besieged", Upos::kVerb, 0, "root", "besiege"},
                         {"the", Upos::kDet, 6, "det", nullptr},
                         {"city", Upos::kNoun, 4, "obj", nullptr},
                         {"since", Upos::kAdp, 8, "case", nullptr},
                         {"2014", Upos::kNum, 4, "obl", nullptr}});
  EXPECT_EQ(DateOfWord(document, 0, 4), "2019-05-29 publication");
}

TEST(DocumentDatesTest, TheNextDayCountsFromThePreviousSentence) {
  doc::Document document = Published("2019-05-29");
  AddAttackOnTuesday(document);
  // "The army retaliated the next day ."
  AddSentence(document, {{"The", Upos::kDet, 2, "det", nullptr},
                         {"army", Upos::kNoun, 3, "nsubj", nullptr},
                         {"retaliated", Upos::kVerb, 0, "root", "retaliate"},
                         {"the", Upos::kDet, 6, "det", nullptr},
                         {"next", Upos::kAdj, 6, "amod", nullptr},
                         {"day", Upos::kNoun, 3, "obl:tmod", nullptr},
                         {".", Upos::kPunct, 3, "punct", nullptr}});
  EXPECT_EQ(DateOfWord(document, 1, 3), "2019-05-29 text");
}

TEST(DocumentDatesTest, ExpressionParsedAsASecondSubjectDatesNothing) {
  // "Militants who fled last year were handed over ." with "year" a second subject.
  doc::Document document = Published("2019-05-29");
  AddSentence(document, {{"Militants", Upos::kNoun, 7, "nsubj:pass", "militant"},
                         {"who", Upos::kPron, 3, "nsubj", nullptr},
                         {"fled", Upos::kVerb, 1, "acl:relcl", "flee"},
                         {"last", Upos::kAdj, 5, "amod", nullptr},
                         {"year", Upos::kNoun, 7, "nsubj:pass", nullptr},
                         {"were", Upos::kAux, 7, "aux:pass", "be"},
                         {"handed", Upos::kVerb, 0, "root", "hand"},
                         {"over", Upos::kAdp, 7, "compound:prt", nullptr},
                         {".", Upos::kPunct, 7, "punct", nullptr}});
  EXPECT_EQ(DateOfWord(document, 0, 7), "2019-05-29 publication");
}

TEST(DocumentDatesTest, FrontedExpressionParsedAsASubjectStays) {
  // "Last August , fighters clashed ." with "August" a second subject.
  doc::Document document = Published("2014-10-02");
  AddSentence(document, {{"Last", Upos::kAdj, 2, "amod", "last"},
                         {"August", Upos::kPropn, 5, "nsubj", nullptr},
                         {",", Upos::kPunct, 2, "punct", nullptr},
                         {"fighters", Upos::kNoun, 5, "nsubj", "fighter"},
                         {"clashed", Upos::kVerb, 0, "root", "clash"}});
  EXPECT_EQ(DateOfWord(document, 0, 5), "2014-08 text");
}

TEST(DocumentDatesTest, ExpressionCarryingAndBelongsToTheNextClause) {
  // "Rebels held the port , and on Monday they blocked it ." with "Monday" under "held".
  doc::Document document = Published("2019-05-29");
  AddSentence(document, {{"Rebels", Upos::kNoun, 2, "nsubj", "rebel"},
                         {"held", Upos::kVerb, 0, "root", "hold"},
                         {"the", Upos::kDet, 4, "det", nullptr},
                         {"port", Upos::kNoun, 2, "obj", nullptr},
                         {",", Upos::kPunct, 8, "punct", nullptr},
                         {"and", Upos::kCconj, 8, "cc", nullptr},
                         {"on", Upos::kAdp, 8, "case", nullptr},
                         {"Monday", Upos::kPropn, 2, "obl", nullptr},
                         {"they", Upos::kPron, 10, "nsubj", nullptr},
                         {"blocked", Upos::kVerb, 2, "parataxis", "block"},
                         {"it", Upos::kPron, 10, "obj", nullptr}});
  EXPECT_EQ(DateOfWord(document, 0, 10), "2019-05-27 text");
  EXPECT_EQ(DateOfWord(document, 0, 2), "2019-05-29 publication");
}

TEST(DocumentDatesTest, BareParticipleSharesTheTimeOfItsClause) {
  // "The president , speaking on Sunday , accused the group ." with "speaking" under the subject.
  doc::Document document = Published("2015-08-31");
  AddSentence(document, {{"The", Upos::kDet, 2, "det", nullptr},
                         {"president", Upos::kNoun, 8, "nsubj", nullptr},
                         {",", Upos::kPunct, 4, "punct", nullptr},
                         {"speaking", Upos::kVerb, 2, "acl", "speak", "VBG"},
                         {"on", Upos::kAdp, 6, "case", nullptr},
                         {"Sunday", Upos::kPropn, 4, "obl", nullptr},
                         {",", Upos::kPunct, 4, "punct", nullptr},
                         {"accused", Upos::kVerb, 0, "root", "accuse", "VBD"},
                         {"the", Upos::kDet, 10, "det", nullptr},
                         {"group", Upos::kNoun, 8, "obj", nullptr}});
  EXPECT_EQ(DateOfWord(document, 0, 8), "2015-08-30 text");
}

TEST(DocumentDatesTest, ParticipleAfterASubordinatorKeepsItsOwnTime) {
  // "After taking the town in April , rebels marched ."
  doc::Document document = Published("2019-05-29");
  AddSentence(document, {{"After", Upos::kSconj, 2, "mark", "after"},
                         {"taking", Upos::kVerb, 8, "advcl", "take", "VBG"},
                         {"the", Upos::kDet, 4, "det", nullptr},
                         {"town", Upos::kNoun, 2, "obj", nullptr},
                         {"in", Upos::kAdp, 6, "case", nullptr},
                         {"April", Upos::kPropn, 2, "obl", nullptr},
                         {",", Upos::kPunct, 2, "punct", nullptr},
                         {"marched", Upos::kVerb, 0, "root", "march", "VBD"},
                         {"rebels", Upos::kNoun, 8, "nsubj", "rebel"}});
  EXPECT_EQ(DateOfWord(document, 0, 8), "2019-05-29 publication");
}

TEST(DocumentDatesTest, WhenClauseDatesTheClauseItModifies) {
  // "Tents burned when fire broke out on Saturday ."
  doc::Document document = Published("2023-06-18");
  AddSentence(document, {{"Tents", Upos::kNoun, 2, "nsubj", "tent"},
                         {"burned", Upos::kVerb, 0, "root", "burn"},
                         {"when", Upos::kAdv, 5, "advmod", nullptr},
                         {"fire", Upos::kNoun, 5, "nsubj", nullptr},
                         {"broke", Upos::kVerb, 2, "advcl", "break"},
                         {"out", Upos::kAdp, 5, "compound:prt", nullptr},
                         {"on", Upos::kAdp, 8, "case", nullptr},
                         {"Saturday", Upos::kPropn, 5, "obl", nullptr}});
  EXPECT_EQ(DateOfWord(document, 0, 2), "2023-06-17 text");
}

TEST(DocumentDatesTest, TheMorePreciseExpressionOfAClauseWins) {
  // "The bank raised rates this year in May ."
  doc::Document document = Published("2023-06-18");
  AddSentence(document, {{"The", Upos::kDet, 2, "det", nullptr},
                         {"bank", Upos::kNoun, 3, "nsubj", nullptr},
                         {"raised", Upos::kVerb, 0, "root", "raise"},
                         {"rates", Upos::kNoun, 3, "obj", "rate"},
                         {"this", Upos::kDet, 6, "det", nullptr},
                         {"year", Upos::kNoun, 3, "obl:tmod", nullptr},
                         {"in", Upos::kAdp, 8, "case", nullptr},
                         {"May", Upos::kPropn, 4, "nmod", nullptr}});
  EXPECT_EQ(DateOfWord(document, 0, 3), "2023-05 text");
}

TEST(DocumentDatesTest, PresentSchedulingIsFuture) {
  // "Elections are scheduled for 12 March ."
  doc::Document document = Published("2019-12-26");
  AddSentence(document, {{"Elections", Upos::kNoun, 3, "nsubj:pass", "election"},
                         {"are", Upos::kAux, 3, "aux:pass", "be", "VBP"},
                         {"scheduled", Upos::kVerb, 0, "root", "schedule", "VBN"},
                         {"for", Upos::kAdp, 5, "case", nullptr},
                         {"12", Upos::kNum, 6, "nummod", nullptr},
                         {"March", Upos::kPropn, 3, "obl", nullptr}});
  EXPECT_EQ(DateOfWord(document, 0, 3), "2020-03-12 text");
}

TEST(WhenStageTest, DatesEveryEvent) {
  doc::Document document = Published("2019-05-29");
  AddSaidOnMondayThatAttacked(document);
  doc::Event said, attacked;
  said.verb = 2;
  attacked.verb = 7;
  document.events.events = {said, attacked};
  ASSERT_TRUE(WhenStage().Process(document).ok());
  EXPECT_EQ(doc::FormatEventDate(document.events.events[0].date), "2019-05-27");
  EXPECT_TRUE(document.events.events[0].date.from_text);
  EXPECT_EQ(doc::FormatEventDate(document.events.events[1].date), "2019-05-29");
  EXPECT_FALSE(document.events.events[1].date.from_text);
  EXPECT_EQ(WhenStage().name(), "when");
}

}  // namespace
}  // namespace khabar::when
