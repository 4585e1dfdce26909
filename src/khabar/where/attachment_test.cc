#include "khabar/where/attachment.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace khabar::where {
namespace {

using doc::Upos;

// One word of a hand-built parse: head is 1-based, 0 for the root (CoNLL-U style).
struct Row {
  std::string_view form;
  std::string_view lemma;
  Upos upos;
  int head;
  std::string_view rel;
};

// A one-sentence document whose text is the forms joined by spaces.
std::unique_ptr<doc::Document> Parsed(const std::vector<Row>& rows) {
  auto document = std::make_unique<doc::Document>();
  auto rels = std::make_shared<std::vector<std::string>>();
  doc::WordLayer& layer = document->words;
  for (const Row& row : rows) {
    if (!document->text.empty()) document->text += ' ';
    doc::Word word;
    word.span = {static_cast<uint32_t>(document->text.size()),
                 static_cast<uint32_t>(document->text.size() + row.form.size())};
    document->text += row.form;
    word.lemma = {static_cast<uint32_t>(layer.strings.size()),
                  static_cast<uint32_t>(layer.strings.size() + row.lemma.size())};
    layer.strings += row.lemma;
    word.upos = row.upos;
    word.head = row.head == 0 ? doc::kRootHead : static_cast<doc::WordIndex>(row.head - 1);
    auto found = std::find(rels->begin(), rels->end(), row.rel);
    if (found == rels->end()) found = rels->insert(rels->end(), std::string(row.rel));
    word.deprel = static_cast<uint16_t>(found - rels->begin());
    layer.words.push_back(word);
  }
  layer.sentences.push_back({0, static_cast<doc::WordIndex>(rows.size())});
  layer.deprel_names = rels;
  layer.xpos_names = std::make_shared<std::vector<std::string>>();
  return document;
}

// The place name attached to word `verb` (1-based), or "" for none.
std::string Attach(const std::vector<Row>& rows, int verb) {
  std::unique_ptr<doc::Document> document = Parsed(rows);
  SentenceView view(*document, 0);
  AttachedPlace place = AttachPlace(view, static_cast<doc::WordIndex>(verb - 1), nullptr);
  return std::string(place.span.In(document->text));
}

TEST(AttachmentTest, LocativePhraseOfTheVerb) {
  // Militants attacked a checkpoint in Zahra on Monday .
  std::vector<Row> rows = {{"Militants", "militant", Upos::kNoun, 2, "nsubj"},
                           {"attacked", "attack", Upos::kVerb, 0, "root"},
                           {"a", "a", Upos::kDet, 4, "det"},
                           {"checkpoint", "checkpoint", Upos::kNoun, 2, "obj"},
                           {"in", "in", Upos::kAdp, 6, "case"},
                           {"Zahra", "Zahra", Upos::kPropn, 2, "obl"},
                           {"on", "on", Upos::kAdp, 8, "case"},
                           {"Monday", "Monday", Upos::kPropn, 2, "obl"},
                           {".", ".", Upos::kPunct, 2, "punct"}};
  EXPECT_EQ(Attach(rows, 2), "Zahra");
}

TEST(AttachmentTest, NameUnderAPlaceNounIsMultiWord) {
  // Protesters marched in the town of Qaryat Zahrah .
  std::vector<Row> rows = {{"Protesters", "protester", Upos::kNoun, 2, "nsubj"},
                           {"marched", "march", Upos::kVerb, 0, "root"},
                           {"in", "in", Upos::kAdp, 5, "case"},
                           {"the", "the", Upos::kDet, 5, "det"},
                           {"town", "town", Upos::kNoun, 2, "obl"},
                           {"of", "of", Upos::kAdp, 8, "case"},
                           {"Qaryat", "Qaryat", Upos::kPropn, 8, "compound"},
                           {"Zahrah", "Zahrah", Upos::kPropn, 5, "nmod"},
                           {".", ".", Upos::kPunct, 2, "punct"}};
  EXPECT_EQ(Attach(rows, 2), "Qaryat Zahrah");
}

TEST(AttachmentTest, PlaceInsideAnArgument) {
  // Fighters in Zahra shelled the base .
  std::vector<Row> rows = {{"Fighters", "fighter", Upos::kNoun, 4, "nsubj"},
                           {"in", "in", Upos::kAdp, 3, "case"},
                           {"Zahra", "Zahra", Upos::kPropn, 1, "nmod"},
                           {"shelled", "shell", Upos::kVerb, 0, "root"},
                           {"the", "the", Upos::kDet, 6, "det"},
                           {"base", "base", Upos::kNoun, 4, "obj"},
                           {".", ".", Upos::kPunct, 4, "punct"}};
  EXPECT_EQ(Attach(rows, 4), "Zahra");
}

TEST(AttachmentTest, ObjectOfACaptureIsThePlace) {
  // Troops captured Wadi Nur .
  std::vector<Row> rows = {{"Troops", "troop", Upos::kNoun, 2, "nsubj"},
                           {"captured", "capture", Upos::kVerb, 0, "root"},
                           {"Wadi", "Wadi", Upos::kPropn, 4, "compound"},
                           {"Nur", "Nur", Upos::kPropn, 2, "obj"},
                           {".", ".", Upos::kPunct, 2, "punct"}};
  EXPECT_EQ(Attach(rows, 2), "Wadi Nur");
}

TEST(AttachmentTest, OriginOfAnArgumentIsNotThePlace) {
  // Police arrested a driver from Zahra .
  std::vector<Row> rows = {{"Police", "police", Upos::kNoun, 2, "nsubj"},
                           {"arrested", "arrest", Upos::kVerb, 0, "root"},
                           {"a", "a", Upos::kDet, 4, "det"},
                           {"driver", "driver", Upos::kNoun, 2, "obj"},
                           {"from", "from", Upos::kAdp, 6, "case"},
                           {"Zahra", "Zahra", Upos::kPropn, 4, "nmod"},
                           {".", ".", Upos::kPunct, 2, "punct"}};
  EXPECT_EQ(Attach(rows, 2), "");
}

TEST(AttachmentTest, PlaceInARelativeClauseOrAnotherClauseIsNotTaken) {
  // Envoys who live in Zahra said that troops shelled Nur .
  std::vector<Row> rows = {{"Envoys", "envoy", Upos::kNoun, 6, "nsubj"},
                           {"who", "who", Upos::kPron, 3, "nsubj"},
                           {"live", "live", Upos::kVerb, 1, "acl:relcl"},
                           {"in", "in", Upos::kAdp, 5, "case"},
                           {"Zahra", "Zahra", Upos::kPropn, 3, "obl"},
                           {"said", "say", Upos::kVerb, 0, "root"},
                           {"that", "that", Upos::kSconj, 9, "mark"},
                           {"troops", "troop", Upos::kNoun, 9, "nsubj"},
                           {"shelled", "shell", Upos::kVerb, 6, "ccomp"},
                           {"Nur", "Nur", Upos::kPropn, 9, "obj"},
                           {".", ".", Upos::kPunct, 6, "punct"}};
  EXPECT_EQ(Attach(rows, 6), "");
  EXPECT_EQ(Attach(rows, 9), "Nur");
}

TEST(AttachmentTest, CountryAdjectiveIsNoPlace) {
  // He was killed in a Libyan airstrike .
  std::vector<Row> rows = {{"He", "he", Upos::kPron, 3, "nsubj:pass"},
                           {"was", "be", Upos::kAux, 3, "aux:pass"},
                           {"killed", "kill", Upos::kVerb, 0, "root"},
                           {"in", "in", Upos::kAdp, 7, "case"},
                           {"a", "a", Upos::kDet, 7, "det"},
                           {"Libyan", "Libyan", Upos::kAdj, 7, "amod"},
                           {"airstrike", "airstrike", Upos::kNoun, 3, "obl"},
                           {".", ".", Upos::kPunct, 3, "punct"}};
  EXPECT_EQ(Attach(rows, 3), "");
}

TEST(AttachmentTest, PartOfAPlaceIsThePlace) {
  // Rebels captured half of Nur .
  std::vector<Row> rows = {{"Rebels", "rebel", Upos::kNoun, 2, "nsubj"},
                           {"captured", "capture", Upos::kVerb, 0, "root"},
                           {"half", "half", Upos::kNoun, 2, "obj"},
                           {"of", "of", Upos::kAdp, 5, "case"},
                           {"Nur", "Nur", Upos::kPropn, 3, "nmod"},
                           {".", ".", Upos::kPunct, 2, "punct"}};
  EXPECT_EQ(Attach(rows, 2), "Nur");
}

TEST(AttachmentTest, SourcesSomewhereDoNotPlaceTheEvent) {
  // He was shot , according to sources in Zahra .
  std::vector<Row> rows = {{"He", "he", Upos::kPron, 3, "nsubj:pass"},
                           {"was", "be", Upos::kAux, 3, "aux:pass"},
                           {"shot", "shoot", Upos::kVerb, 0, "root"},
                           {",", ",", Upos::kPunct, 7, "punct"},
                           {"according", "accord", Upos::kVerb, 7, "case"},
                           {"to", "to", Upos::kAdp, 5, "fixed"},
                           {"sources", "source", Upos::kNoun, 3, "obl"},
                           {"in", "in", Upos::kAdp, 9, "case"},
                           {"Zahra", "Zahra", Upos::kPropn, 7, "nmod"},
                           {".", ".", Upos::kPunct, 3, "punct"}};
  EXPECT_EQ(Attach(rows, 3), "");
}

TEST(AttachmentTest, NameAfterAPlaceNounBeatsACountryBeforeIt) {
  // Crowds marched in the Wadi capital Nur .  ("Wadi" stands in for a country here: without
  // a gazetteer it is a plain name, and the name after the noun still comes first.)
  std::vector<Row> rows = {{"Crowds", "crowd", Upos::kNoun, 2, "nsubj"},
                           {"marched", "march", Upos::kVerb, 0, "root"},
                           {"in", "in", Upos::kAdp, 6, "case"},
                           {"the", "the", Upos::kDet, 6, "det"},
                           {"Wadi", "Wadi", Upos::kPropn, 6, "compound"},
                           {"capital", "capital", Upos::kNoun, 2, "obl"},
                           {"Nur", "Nur", Upos::kPropn, 6, "obj"},
                           {".", ".", Upos::kPunct, 2, "punct"}};
  EXPECT_EQ(Attach(rows, 2), "Nur");
}

TEST(AttachmentTest, HeadlineCapitalsAreNoPlace) {
  // FIGHTERS SEIZE WADI NUR
  std::vector<Row> rows = {{"FIGHTERS", "fighter", Upos::kNoun, 2, "nsubj"},
                           {"SEIZE", "seize", Upos::kVerb, 0, "root"},
                           {"WADI", "Wadi", Upos::kPropn, 4, "compound"},
                           {"NUR", "Nur", Upos::kPropn, 2, "obj"}};
  EXPECT_EQ(Attach(rows, 2), "");
}

TEST(AttachmentTest, TheTownVisitedIsThePlace) {
  // The minister visited Zahra twice .
  std::vector<Row> rows = {{"The", "the", Upos::kDet, 2, "det"},
                           {"minister", "minister", Upos::kNoun, 3, "nsubj"},
                           {"visited", "visit", Upos::kVerb, 0, "root"},
                           {"Zahra", "Zahra", Upos::kPropn, 3, "obj"},
                           {"twice", "twice", Upos::kAdv, 3, "advmod"},
                           {".", ".", Upos::kPunct, 3, "punct"}};
  EXPECT_EQ(Attach(rows, 3), "Zahra");
}

TEST(AttachmentTest, WhomOneCallsOnIsNoPlace) {
  // The general called on Zahra to send arms .
  std::vector<Row> rows = {{"The", "the", Upos::kDet, 2, "det"},
                           {"general", "general", Upos::kNoun, 3, "nsubj"},
                           {"called", "call", Upos::kVerb, 0, "root"},
                           {"on", "on", Upos::kAdp, 5, "case"},
                           {"Zahra", "Zahra", Upos::kPropn, 3, "obl"},
                           {"to", "to", Upos::kPart, 7, "mark"},
                           {"send", "send", Upos::kVerb, 3, "xcomp"},
                           {"arms", "arm", Upos::kNoun, 7, "obj"},
                           {".", ".", Upos::kPunct, 3, "punct"}};
  EXPECT_EQ(Attach(rows, 3), "");
}

}  // namespace
}  // namespace khabar::where
