// EventStage on invented sentences whose word layers are built by hand (no models).
#include "khabar/events/event_stage.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "khabar/dict/dictionaries.h"

namespace khabar::events {
namespace {

// One word: form, lemma, UPOS, 1-based head (0 = root), relation.
struct Row {
  const char* form;
  const char* lemma;
  doc::Upos upos;
  int head;
  const char* rel;
};

using U = doc::Upos;

constexpr char kVerbs[] = R"(&WEAPON
+WEAPON
+MISSILE
--- ATTACK [190] ---
ATTACK
ENGAGE {ENGAGES ENGAGED ENGAGING}
--- EXTRADITE [063] ---
+HAND_OVER {+HANDS_OVER +HANDED_OVER +HANDING_OVER}
- * (TO +) [063]
--- CALL [010] ---
CALL
- * (ON +) [020]
- * (ON +) (AGAINST) [111]
--- SUPPLY [070] ---
SUPPLY {SUPPLIES SUPPLIED SUPPLYING}
- * &WEAPON [072]
--- DENY [---] ---
DENY {DENIES DENIED DENYING}
- * INVOLVEMENT [016]
--- REFUSE [---] ---
REFUSE {REFUSES REFUSED REFUSING}
--- AGREE [050] ---
AGREE {AGREES AGREED AGREEING}
--- SAY [010] ---
SAY {SAYS SAID SAYING}
--- DEMAND [100] ---
DEMAND {DEMANDS DEMANDED DEMANDING}
--- THREATEN [130] ---
THREATEN {THREATENS THREATENED THREATENING}
--- WITHDRAW [087] ---
WITHDRAW {WITHDRAWS WITHDREW WITHDRAWN WITHDRAWING}
--- MEET [040] ---
MEET {MEETS MET MEETING}
--- SIGN [---] ---
SIGN {SIGNS SIGNED SIGNING}
- * TREATY [057:057]
--- ADMIT [---] ---
ADMIT {ADMITS ADMITTED ADMITTING}
- * &WEAPON [016]
--- DROP [---] ---
DROP {DROPS DROPPED DROPPING}
--- DEMONSTRATE [141] ---
DEMONSTRATE {DEMONSTRATES DEMONSTRATED DEMONSTRATING}
~ a (b . ATTACK) SAY = a b 112
)";

constexpr char kNouns[] = R"(--- ATTACK_NOUN [190] ---
ATTACK {ATTACKS}
--- TALKS_NOUN [040] ---
TALKS {TALKS}
)";

constexpr char kDiscards[] = R"(1988
1970
WORLD WAR TWO
YEARS_AGO
+FOOTBALL
)";

constexpr char kActors[] = R"(EGYPT [EGY]
+EGYPTIAN
LIBYA [LBY]
ABDEL_FATTAH_AL-SISI
+SISI
    [EGYMIL 100101-140607]
    [EGYGOV >140608]
)";

constexpr char kAgents[] = R"(MILITANT [~REB]
SOLDIER [~MIL]
GOVERNMENT [~GOV]
)";

constexpr char kOntology[] = R"(010:0x1000
016:0x10a0-0xFFFF
020:0x2000
030:0x3000
033:0x3040
040:0x0010
036:0x3010
057:0x0070
0332:0x3046
050:0x0080
100:0x4000
130:0x6000
138:0x6A00
0232:0x2046
063:0x0078
070:0x0040
072:0x0046
120:-0xFFFF
190:0x0A00
112:0x5000
141:0x7000
)";

class EventStageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dict::Warnings warnings;
    dictionaries_.verbs = dict::VerbDictionary::Parse(kVerbs, "test.verbs", &warnings);
    std::vector<dict::DictionarySource> actor_files = {{"test.actors", kActors}};
    dictionaries_.actors = dict::ActorDictionary::Parse(actor_files, &warnings);
    dictionaries_.agents = dict::AgentDictionary::Parse(kAgents, "test.agents", &warnings);
    dictionaries_.ontology = dict::CodingOntology::Parse(kOntology, "test.ontology", &warnings);
    dictionaries_.discards = dict::DiscardList::Parse(kDiscards, "test.discards", &warnings);
    dictionaries_.nouns = dict::VerbDictionary::Parse(kNouns, "test.nouns", &warnings);
    ASSERT_TRUE(warnings.empty()) << warnings.front().ToString();
    codebook_ = CameoCodebook::FromPloverText("190: ASSAULT, , \n063: COOPERATE, , \n");
    stage_ = std::make_unique<EventStage>(dictionaries_, codebook_);
  }

  // Codes one sentence; `date` is YYYYMMDD. Unless `trace` is nullptr, *trace is the
  // coder's trace of the sentence.
  std::vector<doc::Event> Code(const std::vector<Row>& rows, int32_t date = 20200101,
                               SentenceTrace* trace = nullptr) {
    doc::Document document;
    document.id = "test";
    auto relations = std::make_shared<std::vector<std::string>>();
    document.words.sentences.push_back({0, static_cast<doc::WordIndex>(rows.size())});
    for (const Row& row : rows) {
      doc::Word word;
      if (!document.text.empty()) document.text += ' ';
      word.span = {static_cast<uint32_t>(document.text.size()), 0};
      document.text += row.form;
      word.span.end = static_cast<uint32_t>(document.text.size());
      word.lemma = {static_cast<uint32_t>(document.words.strings.size()), 0};
      document.words.strings += row.lemma;
      word.lemma.end = static_cast<uint32_t>(document.words.strings.size());
      word.upos = row.upos;
      word.head = row.head == 0 ? doc::kRootHead : static_cast<doc::WordIndex>(row.head - 1);
      word.deprel = static_cast<uint16_t>(relations->size());
      relations->push_back(row.rel);
      document.words.words.push_back(word);
    }
    document.words.deprel_names = relations;
    CodingContext context;
    context.date = dict::Date{date};
    context.future_is_intent = future_is_intent_;
    doc::EventLayer layer;
    if (trace == nullptr) {
      EXPECT_TRUE(stage_->Annotate(document, context, layer).ok());
      return layer.events;
    }
    std::vector<SentenceTrace> traces;
    EXPECT_TRUE(stage_->Annotate(document, context, layer, &traces).ok());
    EXPECT_EQ(traces.size(), 1u);
    if (!traces.empty()) *trace = traces.front();
    // Tracing codes the same events.
    doc::EventLayer untraced;
    EXPECT_TRUE(stage_->Annotate(document, context, untraced).ok());
    EXPECT_EQ(untraced.events.size(), layer.events.size());
    return layer.events;
  }

  // The trace of one sentence.
  SentenceTrace Trace(const std::vector<Row>& rows, int32_t date = 20200101) {
    SentenceTrace trace;
    Code(rows, date, &trace);
    return trace;
  }

  bool future_is_intent_ = true;
  dict::Dictionaries dictionaries_;
  CameoCodebook codebook_;
  std::unique_ptr<EventStage> stage_;
};

std::vector<std::string> Triples(const std::vector<doc::Event>& events) {
  std::vector<std::string> out;
  for (const doc::Event& event : events) {
    out.push_back(event.source.code + " " + event.cameo + " " + event.target.code + (event.negated ? " neg" : ""));
  }
  return out;
}

using Triples_ = std::vector<std::string>;

// The text Code() builds for `rows` (forms joined by spaces), cut to `span`.
std::string TextOf(const std::vector<Row>& rows, doc::Span span) {
  std::string text;
  for (const Row& row : rows) text += (text.empty() ? "" : " ") + std::string(row.form);
  return text.substr(span.begin, span.end - span.begin);
}

TEST_F(EventStageTest, SubjectVerbObject) {
  std::vector<doc::Event> events = Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                                         {"attacked", "attack", U::kVerb, 0, "root"},
                                         {"Libya", "Libya", U::kPropn, 2, "obj"}});
  ASSERT_EQ(Triples(events), Triples_({"EGY 190 LBY"}));
  const doc::Event& event = events[0];
  EXPECT_EQ(event.root, "19");
  EXPECT_EQ(event.quad_class, 4);
  EXPECT_FLOAT_EQ(event.goldstein, -10.0f);
  EXPECT_EQ(event.plover, "ASSAULT");
  EXPECT_EQ(event.source.actor, "EGYPT");
  EXPECT_EQ(event.verb, 1u);
  EXPECT_EQ(event.pattern_source, "test.verbs:5");
}

TEST_F(EventStageTest, PassiveByAgentIsTheSource) {
  EXPECT_EQ(Triples(Code({{"Libya", "Libya", U::kPropn, 3, "nsubj:pass"},
                          {"was", "be", U::kAux, 3, "aux:pass"},
                          {"attacked", "attack", U::kVerb, 0, "root"},
                          {"by", "by", U::kAdp, 5, "case"},
                          {"Egypt", "Egypt", U::kPropn, 3, "obl:agent"}})),
            Triples_({"EGY 190 LBY"}));
}

TEST_F(EventStageTest, CoordinatedSourcesGiveOneEventEach) {
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 4, "nsubj"},
                          {"and", "and", U::kCconj, 3, "cc"},
                          {"Libya", "Libya", U::kPropn, 1, "conj"},
                          {"attacked", "attack", U::kVerb, 0, "root"},
                          {"militants", "militant", U::kNoun, 4, "obj"}})),
            Triples_({"EGY 190 REB", "LBY 190 REB"}));
}

TEST_F(EventStageTest, ControlClauseCombinesIntoAnAppealForMilitaryAid) {
  std::vector<doc::Event> events = Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                                         {"called", "call", U::kVerb, 0, "root"},
                                         {"on", "on", U::kAdp, 4, "case"},
                                         {"Libya", "Libya", U::kPropn, 2, "obl"},
                                         {"to", "to", U::kPart, 6, "mark"},
                                         {"supply", "supply", U::kVerb, 2, "xcomp"},
                                         {"missiles", "missile", U::kNoun, 6, "obj"}});
  ASSERT_EQ(Triples(events), Triples_({"EGY 0232 LBY"}));
  EXPECT_EQ(events[0].quad_class, 1);
}

TEST_F(EventStageTest, APrepositionInsideAnotherVerbsClauseIsNotTheUpperVerbs) {
  // "Egypt called on Libya to supply missiles against Sisi": "against" hangs on "supply",
  // so CALL's "(ON +) (AGAINST)" pattern does not match and the appeal for aid stands.
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                          {"called", "call", U::kVerb, 0, "root"},
                          {"on", "on", U::kAdp, 4, "case"},
                          {"Libya", "Libya", U::kPropn, 2, "obl"},
                          {"to", "to", U::kPart, 6, "mark"},
                          {"supply", "supply", U::kVerb, 2, "xcomp"},
                          {"missiles", "missile", U::kNoun, 6, "obj"},
                          {"against", "against", U::kAdp, 9, "case"},
                          {"Sisi", "Sisi", U::kPropn, 6, "obl"}})),
            Triples_({"EGY 0232 LBY"}));
}

TEST_F(EventStageTest, NegatedVerbIsFlaggedAndCodedAsItsNegation) {
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 4, "nsubj"},
                          {"did", "do", U::kAux, 4, "aux"},
                          {"not", "not", U::kPart, 4, "advmod"},
                          {"attack", "attack", U::kVerb, 0, "root"},
                          {"Libya", "Libya", U::kPropn, 4, "obj"}})),
            Triples_({"EGY 120 LBY neg"}));
}

TEST_F(EventStageTest, DenialGetsTheDenyCodeAndNoAttack) {
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                          {"denied", "deny", U::kVerb, 0, "root"},
                          {"any", "any", U::kDet, 4, "det"},
                          {"involvement", "involvement", U::kNoun, 2, "obj"},
                          {"in", "in", U::kAdp, 7, "case"},
                          {"the", "the", U::kDet, 7, "det"},
                          {"attack", "attack", U::kNoun, 4, "nmod"},
                          {"on", "on", U::kAdp, 9, "case"},
                          {"Libya", "Libya", U::kPropn, 7, "nmod"}})),
            Triples_({"EGY 016 LBY"}));
}

TEST_F(EventStageTest, DeniedClauseIsNegated) {
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                          {"denied", "deny", U::kVerb, 0, "root"},
                          {"attacking", "attack", U::kVerb, 2, "xcomp"},
                          {"Libya", "Libya", U::kPropn, 3, "obj"}})),
            Triples_({"EGY 120 LBY neg"}));
}

TEST_F(EventStageTest, ADeniedGerundParsedAsAnAdverbialClauseIsNegated) {
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                          {"denied", "deny", U::kVerb, 0, "root"},
                          {"attacking", "attack", U::kVerb, 2, "advcl"},
                          {"Libya", "Libya", U::kPropn, 3, "obj"}})),
            Triples_({"EGY 120 LBY neg"}));
}

TEST_F(EventStageTest, MultiWordVerbWithParticle) {
  std::vector<doc::Event> events = Code({{"Libya", "Libya", U::kPropn, 2, "nsubj"},
                                         {"handed", "hand", U::kVerb, 0, "root"},
                                         {"over", "over", U::kAdp, 2, "compound:prt"},
                                         {"militants", "militant", U::kNoun, 2, "obj"},
                                         {"to", "to", U::kAdp, 6, "case"},
                                         {"Egypt", "Egypt", U::kPropn, 2, "obl"}});
  ASSERT_EQ(Triples(events), Triples_({"LBY 063 EGY"}));
  EXPECT_EQ(events[0].pattern, "- * (TO +) [063]");
}

TEST_F(EventStageTest, DateBoundedActorRole) {
  std::vector<Row> rows = {{"Sisi", "Sisi", U::kPropn, 2, "nsubj"},
                           {"attacked", "attack", U::kVerb, 0, "root"},
                           {"Libya", "Libya", U::kPropn, 2, "obj"}};
  EXPECT_EQ(Triples(Code(rows, 20130101)), Triples_({"EGYMIL 190 LBY"}));
  EXPECT_EQ(Triples(Code(rows, 20150101)), Triples_({"EGYGOV 190 LBY"}));
}

TEST_F(EventStageTest, CountryPlusAgentComposesACode) {
  std::vector<doc::Event> events = Code({{"Egyptian", "Egyptian", U::kAdj, 2, "amod"},
                                         {"soldiers", "soldier", U::kNoun, 3, "nsubj"},
                                         {"attacked", "attack", U::kVerb, 0, "root"},
                                         {"Libya", "Libya", U::kPropn, 3, "obj"}});
  ASSERT_EQ(Triples(events), Triples_({"EGYMIL 190 LBY"}));
  EXPECT_EQ(events[0].source.span.begin, 0u);
  EXPECT_EQ(events[0].source.span.end, 17u);  // "Egyptian soldiers"
}

TEST_F(EventStageTest, NoTargetNoEvent) {
  EXPECT_TRUE(Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"}, {"attacked", "attack", U::kVerb, 0, "root"}})
                  .empty());
}

TEST_F(EventStageTest, AgreeToIsAnIntentToCooperate) {
  // "agree" + to-infinitive: 030 combined with the complement (072 -> 0x3046 = 0332).
  EXPECT_EQ(Triples(Code({{"Libya", "Libya", U::kPropn, 2, "nsubj"},
                          {"agreed", "agree", U::kVerb, 0, "root"},
                          {"to", "to", U::kPart, 4, "mark"},
                          {"supply", "supply", U::kVerb, 2, "xcomp"},
                          {"missiles", "missile", U::kNoun, 4, "obj"},
                          {"to", "to", U::kAdp, 7, "case"},
                          {"Egypt", "Egypt", U::kPropn, 4, "obl"}})),
            Triples_({"LBY 0332 EGY"}));
  // "agree" with no complement keeps the verb's own code.
  EXPECT_EQ(Triples(Code({{"Libya", "Libya", U::kPropn, 2, "nsubj"},
                          {"agreed", "agree", U::kVerb, 0, "root"},
                          {"with", "with", U::kAdp, 4, "case"},
                          {"Egypt", "Egypt", U::kPropn, 2, "obl"}})),
            Triples_({"LBY 050 EGY"}));
}

TEST_F(EventStageTest, ReadinessMakesCooperationAnIntent) {
  // "Libya is willing to supply missiles to Egypt": 072 under "willing to" -> 0332.
  EXPECT_EQ(Triples(Code({{"Libya", "Libya", U::kPropn, 3, "nsubj"},
                          {"is", "be", U::kAux, 3, "cop"},
                          {"willing", "willing", U::kAdj, 0, "root"},
                          {"to", "to", U::kPart, 5, "mark"},
                          {"supply", "supply", U::kVerb, 3, "xcomp"},
                          {"missiles", "missile", U::kNoun, 5, "obj"},
                          {"to", "to", U::kAdp, 8, "case"},
                          {"Egypt", "Egypt", U::kPropn, 5, "obl"}})),
            Triples_({"LBY 0332 EGY"}));
}

TEST_F(EventStageTest, ReportedFutureAttackIsAThreat) {
  // "Egypt said it would attack Libya": the statement gives way to the threat (190 -> 138).
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                          {"said", "say", U::kVerb, 0, "root"},
                          {"it", "it", U::kPron, 5, "nsubj"},
                          {"would", "would", U::kAux, 5, "aux"},
                          {"attack", "attack", U::kVerb, 2, "ccomp"},
                          {"Libya", "Libya", U::kPropn, 5, "obj"}})),
            Triples_({"EGY 138 LBY"}));
}

TEST_F(EventStageTest, MainClauseFutureIsAnIntentUnlessPetrarchRules) {
  const std::vector<Row> will_attack = {{"Egypt", "Egypt", U::kPropn, 3, "nsubj"},
                                        {"will", "will", U::kAux, 3, "aux"},
                                        {"attack", "attack", U::kVerb, 0, "root"},
                                        {"Libya", "Libya", U::kPropn, 3, "obj"}};
  // The CAMEO manual: an act announced with "will" is coded in the 03s (or 13s).
  EXPECT_EQ(Triples(Code(will_attack)), Triples_({"EGY 138 LBY"}));
  // PETRARCH-2 codes the act itself (eval cameo --petrarch-future).
  future_is_intent_ = false;
  EXPECT_EQ(Triples(Code(will_attack)), Triples_({"EGY 190 LBY"}));
}

TEST_F(EventStageTest, AStatementThatSomeoneMustActIsADemandOnThem) {
  // "Egypt said Libya must withdraw": "withdraw" is not in this dictionary, and the "must"
  // makes the statement a demand on the clause's subject.
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                          {"said", "say", U::kVerb, 0, "root"},
                          {"Libya", "Libya", U::kPropn, 5, "nsubj"},
                          {"must", "must", U::kAux, 5, "aux"},
                          {"withdraw", "withdraw", U::kVerb, 2, "ccomp"}})),
            Triples_({"EGY 100 LBY"}));
  // Without "must" it stays a statement (010) about the clause.
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                          {"said", "say", U::kVerb, 0, "root"},
                          {"Libya", "Libya", U::kPropn, 4, "nsubj"},
                          {"withdrew", "withdraw", U::kVerb, 2, "ccomp"}})),
            std::vector<std::string>{"EGY 010 LBY"});
}

TEST_F(EventStageTest, AConditionalPromiseToYieldIsAThreat) {
  // "Egypt will withdraw from Libya unless Libya agrees": 087 under "will" with an
  // "unless" clause threatens (130) rather than promising to yield (035).
  std::vector<std::string> triples = Triples(Code({{"Egypt", "Egypt", U::kPropn, 3, "nsubj"},
                                                   {"will", "will", U::kAux, 3, "aux"},
                                                   {"withdraw", "withdraw", U::kVerb, 0, "root"},
                                                   {"from", "from", U::kAdp, 5, "case"},
                                                   {"Libya", "Libya", U::kPropn, 3, "obl"},
                                                   {"unless", "unless", U::kSconj, 8, "mark"},
                                                   {"Libya", "Libya", U::kPropn, 8, "nsubj"},
                                                   {"agrees", "agree", U::kVerb, 3, "advcl"}}));
  EXPECT_NE(std::find(triples.begin(), triples.end(), "EGY 130 LBY"), triples.end())
      << ::testing::PrintToString(triples);
}

TEST_F(EventStageTest, AnActiveSubjectBeatsAStrayPassiveOne) {
  // A parser that reads "Field Marshal Sisi attacked Libya" with "Field" as nsubj:pass and
  // "Sisi" as nsubj: no aux:pass, so the clause is active and Sisi is the source.
  EXPECT_EQ(Triples(Code({{"Field", "field", U::kNoun, 4, "nsubj:pass"},
                          {"Marshal", "Marshal", U::kPropn, 3, "compound"},
                          {"Sisi", "Sisi", U::kPropn, 4, "nsubj"},
                          {"attacked", "attack", U::kVerb, 0, "root"},
                          {"Libya", "Libya", U::kPropn, 4, "obj"}})),
            Triples_({"EGYGOV 190 LBY"}));
}

TEST_F(EventStageTest, FutureVisitKeepsTheActiveSideAsAnIntent) {
  // "Egypt will meet Libya": 040 -> 036, one event, not the host's passive side.
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 3, "nsubj"},
                          {"will", "will", U::kAux, 3, "aux"},
                          {"meet", "meet", U::kVerb, 0, "root"},
                          {"Libya", "Libya", U::kPropn, 3, "obj"}})),
            Triples_({"EGY 036 LBY"}));
}

TEST_F(EventStageTest, CoordinatedSubjectsOfAReciprocalVerbActOnEachOther) {
  // "Egypt and Libya signed a treaty": [057:057] with no target, one event each way.
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 4, "nsubj"},
                          {"and", "and", U::kCconj, 3, "cc"},
                          {"Libya", "Libya", U::kPropn, 1, "conj"},
                          {"signed", "sign", U::kVerb, 0, "root"},
                          {"a", "a", U::kDet, 6, "det"},
                          {"treaty", "treaty", U::kNoun, 4, "obj"}})),
            Triples_({"EGY 057 LBY", "LBY 057 EGY"}));
}

TEST_F(EventStageTest, CoordinatedSubjectsWhoMetSomewhereMetEachOther) {
  // "Egypt and Libya met in Sisi": the oblique names an actor, but a meeting of coordinated
  // subjects with no object is a meeting of the two.
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 4, "nsubj"},
                          {"and", "and", U::kCconj, 3, "cc"},
                          {"Libya", "Libya", U::kPropn, 1, "conj"},
                          {"met", "meet", U::kVerb, 0, "root"},
                          {"in", "in", U::kAdp, 6, "case"},
                          {"Sisi", "Sisi", U::kPropn, 4, "obl"}})),
            Triples_({"EGY 040 LBY", "LBY 040 EGY"}));
}

TEST_F(EventStageTest, EventNounsCodeTheirPossessorAgainstTheirTarget) {
  // "Egypt's attack on Libya failed": the nominal event EGY 190 LBY.
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 3, "nmod:poss"},
                          {"'s", "'s", U::kPart, 1, "case"},
                          {"attack", "attack", U::kNoun, 6, "nsubj"},
                          {"on", "on", U::kAdp, 5, "case"},
                          {"Libya", "Libya", U::kPropn, 3, "nmod"},
                          {"failed", "fail", U::kVerb, 0, "root"}})),
            Triples_({"EGY 190 LBY"}));
  // "talks with Libya by Egypt": a "by" phrase is the source too; without a source, nothing.
  EXPECT_EQ(Triples(Code({{"talks", "talks", U::kNoun, 0, "root"},
                          {"with", "with", U::kAdp, 3, "case"},
                          {"Libya", "Libya", U::kPropn, 1, "nmod"},
                          {"by", "by", U::kAdp, 5, "case"},
                          {"Egypt", "Egypt", U::kPropn, 1, "nmod"}})),
            Triples_({"EGY 040 LBY"}));
  EXPECT_TRUE(Code({{"the", "the", U::kDet, 2, "det"},
                    {"attack", "attack", U::kNoun, 0, "root"},
                    {"on", "on", U::kAdp, 4, "case"},
                    {"Libya", "Libya", U::kPropn, 2, "nmod"}})
                  .empty());
}

TEST_F(EventStageTest, ASourceIsNotWhatItsNounIsAimedAt) {
  // "The attack on Libya supplied missiles": Libya is the attack's target, not the source
  // of "supplied", so the verb has no source and codes nothing.
  EXPECT_TRUE(Code({{"The", "the", U::kDet, 2, "det"},
                    {"attack", "attack", U::kNoun, 5, "nsubj"},
                    {"on", "on", U::kAdp, 4, "case"},
                    {"Libya", "Libya", U::kPropn, 2, "nmod"},
                    {"supplied", "supply", U::kVerb, 0, "root"},
                    {"Egypt", "Egypt", U::kPropn, 5, "obj"}})
                  .empty());
}

TEST_F(EventStageTest, PatternsDoNotReachIntoAClauseWithItsOwnSubject) {
  // "Egypt demanded an admission that Libya supplied missiles": &WEAPON belongs to
  // "supplied", so "demanded" keeps its own code and does not become ADMIT's 016.
  std::vector<std::string> triples = Triples(Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                                                   {"admitted", "admit", U::kVerb, 0, "root"},
                                                   {"that", "that", U::kSconj, 5, "mark"},
                                                   {"Libya", "Libya", U::kPropn, 5, "nsubj"},
                                                   {"supplied", "supply", U::kVerb, 2, "ccomp"},
                                                   {"missiles", "missile", U::kNoun, 5, "obj"}}));
  EXPECT_EQ(std::count(triples.begin(), triples.end(), "EGY 016 LBY"), 0) << ::testing::PrintToString(triples);
}

TEST_F(EventStageTest, ADatingDiscardDropsOnlyItsClause) {
  // "Egypt attacked Libya, which supplied missiles in 1988": the year dates the relative
  // clause only; the attack is still coded.
  const std::vector<Row> rows = {{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                                 {"attacked", "attack", U::kVerb, 0, "root"},
                                 {"Libya", "Libya", U::kPropn, 2, "obj"},
                                 {"which", "which", U::kPron, 5, "nsubj"},
                                 {"supplied", "supply", U::kVerb, 3, "acl:relcl"},
                                 {"missiles", "missile", U::kNoun, 5, "obj"},
                                 {"in", "in", U::kAdp, 8, "case"},
                                 {"1988", "1988", U::kNum, 5, "obl"}};
  EXPECT_EQ(Triples(Code(rows)), Triples_({"EGY 190 LBY"}));
  // A year in the main clause still discards the sentence, unless it is the article's own.
  const std::vector<Row> main_clause = {{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                                        {"attacked", "attack", U::kVerb, 0, "root"},
                                        {"Libya", "Libya", U::kPropn, 2, "obj"},
                                        {"in", "in", U::kAdp, 5, "case"},
                                        {"1988", "1988", U::kNum, 2, "obl"}};
  EXPECT_TRUE(Code(main_clause).empty());
  EXPECT_EQ(Triples(Code(main_clause, 19880704)), Triples_({"EGY 190 LBY"}));
  // Any other discard phrase still drops the whole sentence.
  EXPECT_TRUE(Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                    {"attacked", "attack", U::kVerb, 0, "root"},
                    {"Libya", "Libya", U::kPropn, 2, "obj"},
                    {"at", "at", U::kAdp, 5, "case"},
                    {"football", "football", U::kNoun, 2, "obl"}})
                  .empty());
}

TEST_F(EventStageTest, DecadesAndTheWorldWarsDateOnlyTheirClause) {
  // "Egypt demanded that Libya admit it supplied missiles in the 1970s / during World War
  // Two": the history is the inner clause's; the demand stands.
  for (std::vector<Row> when : std::vector<std::vector<Row>>{
           {{"in", "in", U::kAdp, 10, "case"}, {"the", "the", U::kDet, 10, "det"}, {"1970s", "1970s", U::kNum, 7, "obl"}},
           {{"during", "during", U::kAdp, 11, "case"},
            {"World", "World", U::kPropn, 11, "compound"},
            {"War", "War", U::kPropn, 11, "compound"},
            {"Two", "Two", U::kNum, 7, "obl"}}}) {
    std::vector<Row> rows = {{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                             {"demanded", "demand", U::kVerb, 0, "root"},
                             {"that", "that", U::kSconj, 5, "mark"},
                             {"Libya", "Libya", U::kPropn, 5, "nsubj"},
                             {"admit", "admit", U::kVerb, 2, "ccomp"},
                             {"it", "it", U::kPron, 7, "nsubj"},
                             {"supplied", "supply", U::kVerb, 5, "ccomp"},
                             {"missiles", "missile", U::kNoun, 7, "obj"}};
    rows.insert(rows.end(), when.begin(), when.end());
    EXPECT_EQ(Triples(Code(rows)), Triples_({"EGY 100 LBY"})) << when.back().form;
  }
}

TEST_F(EventStageTest, AgentlessViolenceHasAnUnknownSource) {
  // "Egyptian soldiers were attacked": an event with no source.
  const std::vector<Row> attacked = {{"Egyptian", "Egyptian", U::kAdj, 2, "amod"},
                                     {"soldiers", "soldier", U::kNoun, 4, "nsubj:pass"},
                                     {"were", "be", U::kAux, 4, "aux:pass"},
                                     {"attacked", "attack", U::kVerb, 0, "root"}};
  std::vector<doc::Event> events = Code(attacked);
  ASSERT_EQ(Triples(events), Triples_({" 190 EGYMIL"}));
  EXPECT_TRUE(events[0].source.empty());
  // Not in a condition: "Egypt met Libya if Egyptian soldiers were attacked".
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                          {"met", "meet", U::kVerb, 0, "root"},
                          {"Libya", "Libya", U::kPropn, 2, "obj"},
                          {"if", "if", U::kSconj, 8, "mark"},
                          {"Egyptian", "Egyptian", U::kAdj, 6, "amod"},
                          {"soldiers", "soldier", U::kNoun, 8, "nsubj:pass"},
                          {"were", "be", U::kAux, 8, "aux:pass"},
                          {"attacked", "attack", U::kVerb, 2, "advcl"}})),
            Triples_({"EGY 040 LBY"}));
  // Nor an accusation when reported: "Egypt said Egyptian soldiers were attacked" is the
  // attack, attributed to Egypt.
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                          {"said", "say", U::kVerb, 0, "root"},
                          {"Egyptian", "Egyptian", U::kAdj, 4, "amod"},
                          {"soldiers", "soldier", U::kNoun, 6, "nsubj:pass"},
                          {"were", "be", U::kAux, 6, "aux:pass"},
                          {"attacked", "attack", U::kVerb, 2, "ccomp"}})),
            Triples_({" 190 EGYMIL"}));
}

TEST_F(EventStageTest, AnAttackStandsWhenItsReportCodesNothing) {
  // "Militants attacked Libya, sources said": SAY ~ ATTACK would make the reporter accuse
  // the militants (112), but "sources" names no actor; the attack is still coded.
  EXPECT_EQ(Triples(Code({{"Militants", "militant", U::kNoun, 2, "nsubj"},
                          {"attacked", "attack", U::kVerb, 6, "ccomp"},
                          {"Libya", "Libya", U::kPropn, 2, "obj"},
                          {",", ",", U::kPunct, 6, "punct"},
                          {"sources", "source", U::kNoun, 6, "nsubj"},
                          {"said", "say", U::kVerb, 0, "root"}})),
            Triples_({"REB 190 LBY"}));
  // With a reporter it is the accusation: "Egypt said militants attacked Libya".
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                          {"said", "say", U::kVerb, 0, "root"},
                          {"militants", "militant", U::kNoun, 4, "nsubj"},
                          {"attacked", "attack", U::kVerb, 2, "ccomp"},
                          {"Libya", "Libya", U::kPropn, 4, "obj"}})),
            Triples_({"EGY 112 REB"}));
}

TEST_F(EventStageTest, AProtestWithNoTargetIsAimedAtTheAuthoritiesOfItsPlace) {
  // "Egyptian militants demonstrated in Libya": the place names the target.
  EXPECT_EQ(Triples(Code({{"Egyptian", "Egyptian", U::kAdj, 2, "amod"},
                          {"militants", "militant", U::kNoun, 3, "nsubj"},
                          {"demonstrated", "demonstrate", U::kVerb, 0, "root"},
                          {"in", "in", U::kAdp, 5, "case"},
                          {"Libya", "Libya", U::kPropn, 3, "obl"}})),
            Triples_({"EGYREB 141 LBY"}));
  // "Egyptian militants demonstrated": their own government, which has no words.
  std::vector<doc::Event> home = Code({{"Egyptian", "Egyptian", U::kAdj, 2, "amod"},
                                       {"militants", "militant", U::kNoun, 3, "nsubj"},
                                       {"demonstrated", "demonstrate", U::kVerb, 0, "root"}});
  ASSERT_EQ(Triples(home), Triples_({"EGYREB 141 EGYGOV"}));
  EXPECT_TRUE(home[0].target.span.empty());
}

TEST_F(EventStageTest, AStatementThatSomeoneMustDoWhatCodesNothingIsADemand) {
  // "Egypt said Libya must drop barriers": DROP has no code of its own here.
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                          {"said", "say", U::kVerb, 0, "root"},
                          {"Libya", "Libya", U::kPropn, 5, "nsubj"},
                          {"must", "must", U::kAux, 5, "aux"},
                          {"drop", "drop", U::kVerb, 2, "ccomp"},
                          {"barriers", "barrier", U::kNoun, 5, "obj"}})),
            Triples_({"EGY 100 LBY"}));
}

TEST_F(EventStageTest, AVerbParsedAsAnAppositionHasItsNounAsSubject) {
  // "Sisi today attacked Libya" with "attacked" parsed as an apposition of "Sisi".
  EXPECT_EQ(Triples(Code({{"Sisi", "Sisi", U::kPropn, 0, "root"},
                          {"today", "today", U::kNoun, 3, "obl:unmarked"},
                          {"attacked", "attack", U::kVerb, 1, "appos"},
                          {"Libya", "Libya", U::kPropn, 3, "obj"}})),
            Triples_({"EGYGOV 190 LBY"}));
}

TEST_F(EventStageTest, EngagedInIsActive) {
  // "Egyptian soldiers were engaged in Libya": the soldiers act; not an agentless passive.
  EXPECT_EQ(Triples(Code({{"Egyptian", "Egyptian", U::kAdj, 2, "amod"},
                          {"soldiers", "soldier", U::kNoun, 4, "nsubj:pass"},
                          {"were", "be", U::kAux, 4, "aux:pass"},
                          {"engaged", "engage", U::kVerb, 0, "root"},
                          {"in", "in", U::kAdp, 6, "case"},
                          {"Libya", "Libya", U::kPropn, 4, "obl"}})),
            Triples_({"EGYMIL 190 LBY"}));
}

TEST_F(EventStageTest, ASayerIsWhoSaysSoAndItsStatementIsNoEvent) {
  // "Egypt said militants met Libya": the meeting, attributed to Egypt; no 010 event.
  const std::vector<Row> said = {{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                                 {"said", "say", U::kVerb, 0, "root"},
                                 {"militants", "militant", U::kNoun, 4, "nsubj"},
                                 {"met", "meet", U::kVerb, 2, "ccomp"},
                                 {"Libya", "Libya", U::kPropn, 4, "obj"}};
  std::vector<doc::Event> events = Code(said);
  ASSERT_EQ(Triples(events), Triples_({"REB 040 LBY"}));
  EXPECT_EQ(events[0].certainty, doc::Certainty::kReported);
  EXPECT_EQ(TextOf(said, events[0].attributed_to), "Egypt");
  // "Militants met Libya, the state radio said": a sayer beside the clause.
  const std::vector<Row> beside = {{"Militants", "militant", U::kNoun, 2, "nsubj"},
                                   {"met", "meet", U::kVerb, 0, "root"},
                                   {"Libya", "Libya", U::kPropn, 2, "obj"},
                                   {",", ",", U::kPunct, 8, "punct"},
                                   {"the", "the", U::kDet, 7, "det"},
                                   {"state", "state", U::kNoun, 7, "compound"},
                                   {"radio", "radio", U::kNoun, 8, "nsubj"},
                                   {"said", "say", U::kVerb, 2, "parataxis"}};
  events = Code(beside);
  ASSERT_EQ(Triples(events), Triples_({"REB 040 LBY"}));
  EXPECT_EQ(TextOf(beside, events[0].attributed_to), "the state radio");
  // "Militants met Libya, according to Egypt".
  const std::vector<Row> according = {{"Militants", "militant", U::kNoun, 2, "nsubj"},
                                      {"met", "meet", U::kVerb, 0, "root"},
                                      {"Libya", "Libya", U::kPropn, 2, "obj"},
                                      {"according", "according", U::kVerb, 6, "case"},
                                      {"to", "to", U::kAdp, 4, "fixed"},
                                      {"Egypt", "Egypt", U::kPropn, 2, "obl"}};
  events = Code(according);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(TextOf(according, events[0].attributed_to), "Egypt");
  EXPECT_EQ(events[0].certainty, doc::Certainty::kReported);
  // "Militants met Libya and talked, according to Egypt", the parser hanging "according to"
  // on the other clause: it still names the sentence's source.
  const std::vector<Row> elsewhere = {{"Militants", "militant", U::kNoun, 2, "nsubj"},
                                      {"met", "meet", U::kVerb, 0, "root"},
                                      {"Libya", "Libya", U::kPropn, 2, "obj"},
                                      {"and", "and", U::kCconj, 5, "cc"},
                                      {"talked", "talk", U::kVerb, 2, "conj"},
                                      {"according", "accord", U::kVerb, 8, "case"},
                                      {"to", "to", U::kAdp, 6, "fixed"},
                                      {"Egypt", "Egypt", U::kPropn, 5, "obl"}};
  events = Code(elsewhere);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(TextOf(elsewhere, events[0].attributed_to), "Egypt");
  // "Militants met Libya after talks, the radio said", "said" misparsed as a relative clause
  // of "talks": a trailing ", <subject> said" says the sentence.
  const std::vector<Row> trailing = {{"Militants", "militant", U::kNoun, 2, "nsubj"},
                                     {"met", "meet", U::kVerb, 0, "root"},
                                     {"Libya", "Libya", U::kPropn, 2, "obj"},
                                     {"after", "after", U::kAdp, 5, "case"},
                                     {"talks", "talk", U::kNoun, 2, "obl"},
                                     {",", ",", U::kPunct, 9, "punct"},
                                     {"the", "the", U::kDet, 8, "det"},
                                     {"radio", "radio", U::kNoun, 9, "nsubj"},
                                     {"said", "say", U::kVerb, 5, "acl:relcl"}};
  events = Code(trailing);
  ASSERT_EQ(Triples(events), Triples_({"REB 040 LBY"}));
  EXPECT_EQ(TextOf(trailing, events[0].attributed_to), "the radio");
}

TEST_F(EventStageTest, CertaintyIsAllegedHypotheticalDeniedOrNegated) {
  auto certainty = [&](const std::vector<Row>& rows) {
    std::vector<doc::Event> events = Code(rows);
    return events.empty() ? std::string("no event") : std::string(doc::CertaintyName(events[0].certainty));
  };
  EXPECT_EQ(certainty({{"Militants", "militant", U::kNoun, 3, "nsubj"},
                       {"allegedly", "allegedly", U::kAdv, 3, "advmod"},
                       {"met", "meet", U::kVerb, 0, "root"},
                       {"Libya", "Libya", U::kPropn, 3, "obj"}}),
            "alleged");
  EXPECT_EQ(certainty({{"Militants", "militant", U::kNoun, 3, "nsubj"},
                       {"could", "could", U::kAux, 3, "aux"},
                       {"meet", "meet", U::kVerb, 0, "root"},
                       {"Libya", "Libya", U::kPropn, 3, "obj"}}),
            "hypothetical");
  EXPECT_EQ(certainty({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                       {"denied", "deny", U::kVerb, 0, "root"},
                       {"attacking", "attack", U::kVerb, 2, "xcomp"},
                       {"Libya", "Libya", U::kPropn, 3, "obj"}}),
            "denied");
  EXPECT_EQ(certainty({{"Egypt", "Egypt", U::kPropn, 4, "nsubj"},
                       {"did", "do", U::kAux, 4, "aux"},
                       {"not", "not", U::kPart, 4, "advmod"},
                       {"attack", "attack", U::kVerb, 0, "root"},
                       {"Libya", "Libya", U::kPropn, 4, "obj"}}),
            "negated");
  EXPECT_EQ(certainty({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                       {"attacked", "attack", U::kVerb, 0, "root"},
                       {"Libya", "Libya", U::kPropn, 2, "obj"}}),
            "asserted");
}

TEST_F(EventStageTest, AVerbTaggedInsideANameStaysInTheArgument) {
  // "Egypt attacked the United Libya": a tagger calling "United" a VERB (amod) must not cut
  // the name out of the target.
  dict::Warnings warnings;
  std::vector<dict::DictionarySource> actor_files = {{"test.actors", "UNITED_LIBYA [LBY]\n"}};
  dictionaries_.actors = dict::ActorDictionary::Parse(actor_files, &warnings);
  stage_ = std::make_unique<EventStage>(dictionaries_, codebook_);
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                          {"attacked", "attack", U::kVerb, 0, "root"},
                          {"the", "the", U::kDet, 5, "det"},
                          {"United", "unite", U::kVerb, 5, "amod"},
                          {"Libya", "Libya", U::kPropn, 2, "obj"}})),
            std::vector<std::string>{});  // EGYPT is gone from this dictionary
  actor_files = {{"test.actors", "EGYPT [EGY]\nUNITED_LIBYA [LBY]\n"}};
  dictionaries_.actors = dict::ActorDictionary::Parse(actor_files, &warnings);
  stage_ = std::make_unique<EventStage>(dictionaries_, codebook_);
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                          {"attacked", "attack", U::kVerb, 0, "root"},
                          {"the", "the", U::kDet, 5, "det"},
                          {"United", "unite", U::kVerb, 5, "amod"},
                          {"Libya", "Libya", U::kPropn, 2, "obj"}})),
            Triples_({"EGY 190 LBY"}));
}

TEST_F(EventStageTest, ThreatDoesNotBecomeARejectionOfANegatedComplement) {
  // 130 + a negated lower value (120, -0xFFFF) keeps the threat.
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                          {"threatened", "threaten", U::kVerb, 0, "root"},
                          {"not", "not", U::kPart, 5, "advmod"},
                          {"to", "to", U::kPart, 5, "mark"},
                          {"attack", "attack", U::kVerb, 2, "xcomp"},
                          {"Libya", "Libya", U::kPropn, 5, "obj"}})),
            Triples_({"EGY 130 LBY"}));
}

TEST_F(EventStageTest, RefusalRejectsItsComplement) {
  // "Libya refused to supply missiles to Egypt": 072 refused -> 12x, flagged negated.
  EXPECT_EQ(Triples(Code({{"Libya", "Libya", U::kPropn, 2, "nsubj"},
                          {"refused", "refuse", U::kVerb, 0, "root"},
                          {"to", "to", U::kPart, 4, "mark"},
                          {"supply", "supply", U::kVerb, 2, "xcomp"},
                          {"missiles", "missile", U::kNoun, 4, "obj"},
                          {"to", "to", U::kAdp, 7, "case"},
                          {"Egypt", "Egypt", U::kPropn, 4, "obl"}})),
            Triples_({"LBY 120 EGY neg"}));
}

TEST_F(EventStageTest, DemandDominatesItsComplementClause) {
  // "Egypt demanded that Libya attack militants": one demand on Libya, no attack.
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                          {"demanded", "demand", U::kVerb, 0, "root"},
                          {"that", "that", U::kSconj, 5, "mark"},
                          {"Libya", "Libya", U::kPropn, 5, "nsubj"},
                          {"attack", "attack", U::kVerb, 2, "ccomp"},
                          {"militants", "militant", U::kNoun, 5, "obj"}})),
            Triples_({"EGY 100 LBY"}));
}

TEST_F(EventStageTest, SaidSomeoneMustIsADemand) {
  // "Egypt said Libya must hand over militants": Egypt demands of Libya.
  EXPECT_EQ(Triples(Code({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                          {"said", "say", U::kVerb, 0, "root"},
                          {"Libya", "Libya", U::kPropn, 5, "nsubj"},
                          {"must", "must", U::kAux, 5, "aux"},
                          {"hand", "hand", U::kVerb, 2, "ccomp"},
                          {"over", "over", U::kAdp, 5, "compound:prt"},
                          {"militants", "militant", U::kNoun, 5, "obj"}})),
            Triples_({"EGY 100 LBY"}));
}

// "word outcome" for each traced verb or noun, words 0-based.
std::vector<std::string> Outcomes(const SentenceTrace& trace) {
  std::vector<std::string> out;
  for (const VerbTrace& verb : trace.verbs) {
    out.push_back(std::to_string(verb.word) + " " + OutcomeName(verb.outcome));
  }
  return out;
}

TEST_F(EventStageTest, TraceOfAnEventNamesItsCodePatternAndActors) {
  SentenceTrace trace = Trace({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                               {"attacked", "attack", U::kVerb, 0, "root"},
                               {"Libya", "Libya", U::kPropn, 2, "obj"}});
  EXPECT_EQ(trace.sentence, 0u);
  EXPECT_TRUE(trace.discard.empty());
  ASSERT_EQ(Outcomes(trace), Triples_({"1 event"}));
  const VerbTrace& verb = trace.verbs[0];
  EXPECT_FALSE(verb.nominal);
  EXPECT_EQ(verb.entry, "ATTACK");
  EXPECT_EQ(verb.entry_source, "test.verbs:5");
  EXPECT_EQ(verb.code, "190");
  EXPECT_EQ(verb.pattern_source, "test.verbs:5");
  EXPECT_EQ(verb.source.head, 0u);
  EXPECT_EQ(verb.source.codes, Triples_({"EGY"}));
  EXPECT_EQ(verb.source.span.begin, 0u);
  EXPECT_EQ(verb.source.span.end, 5u);  // "Egypt"
  EXPECT_EQ(verb.target.head, 2u);
  EXPECT_EQ(verb.target.codes, Triples_({"LBY"}));
}

TEST_F(EventStageTest, TraceOfAComplementFoldedIntoTheStatement) {
  // "Egypt said it would attack Libya": the threat is the statement's event; "attack" is
  // absorbed by "said".
  SentenceTrace trace = Trace({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                               {"said", "say", U::kVerb, 0, "root"},
                               {"it", "it", U::kPron, 5, "nsubj"},
                               {"would", "would", U::kAux, 5, "aux"},
                               {"attack", "attack", U::kVerb, 2, "ccomp"},
                               {"Libya", "Libya", U::kPropn, 5, "obj"}});
  ASSERT_EQ(Outcomes(trace), Triples_({"1 event", "4 absorbed"}));
  EXPECT_EQ(trace.verbs[0].code, "138");
  EXPECT_EQ(trace.verbs[0].target.codes, Triples_({"LBY"}));
  EXPECT_EQ(trace.verbs[1].absorbed_by, 1u);
}

TEST_F(EventStageTest, TraceOfANullCodeAndAMissingTarget) {
  // "Egypt signed documents": SIGN is [---] unless a treaty is signed.
  SentenceTrace null_code = Trace({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                                   {"signed", "sign", U::kVerb, 0, "root"},
                                   {"documents", "document", U::kNoun, 2, "obj"}});
  ASSERT_EQ(Outcomes(null_code), Triples_({"1 null code"}));
  EXPECT_EQ(null_code.verbs[0].code, "---");
  // "Egypt attacked": a source and no target.
  SentenceTrace no_target = Trace({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                                   {"attacked", "attack", U::kVerb, 0, "root"}});
  ASSERT_EQ(Outcomes(no_target), Triples_({"1 no target"}));
  EXPECT_EQ(no_target.verbs[0].source.codes, Triples_({"EGY"}));
  EXPECT_EQ(no_target.verbs[0].target.head, doc::kNoHead);
  // "the attack on Libya": an event noun without a possessor or "by" phrase.
  SentenceTrace noun = Trace({{"the", "the", U::kDet, 2, "det"},
                              {"attack", "attack", U::kNoun, 0, "root"},
                              {"on", "on", U::kAdp, 4, "case"},
                              {"Libya", "Libya", U::kPropn, 2, "nmod"}});
  ASSERT_EQ(Outcomes(noun), Triples_({"1 no source"}));
  EXPECT_TRUE(noun.verbs[0].nominal);
  EXPECT_EQ(noun.verbs[0].source.head, doc::kNoHead);
  EXPECT_EQ(noun.verbs[0].target.codes, Triples_({"LBY"}));
}

TEST_F(EventStageTest, TraceOfDiscards) {
  // "Egypt attacked Libya, which supplied missiles in 1988": the year drops its clause.
  SentenceTrace dated = Trace({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                               {"attacked", "attack", U::kVerb, 0, "root"},
                               {"Libya", "Libya", U::kPropn, 2, "obj"},
                               {"which", "which", U::kPron, 5, "nsubj"},
                               {"supplied", "supply", U::kVerb, 3, "acl:relcl"},
                               {"missiles", "missile", U::kNoun, 5, "obj"},
                               {"in", "in", U::kAdp, 8, "case"},
                               {"1988", "1988", U::kNum, 5, "obl"}});
  ASSERT_EQ(Outcomes(dated), Triples_({"1 event", "4 discarded clause"}));
  ASSERT_EQ(dated.dated_clauses.size(), 1u);
  EXPECT_EQ(dated.dated_clauses[0].clause, 4u);
  EXPECT_EQ(dated.verbs[1].discard.phrase, "1988");
  EXPECT_EQ(dated.verbs[1].discard.where, "test.discards:1");
  EXPECT_TRUE(dated.discard.empty());
  // "Egypt attacked Libya at football": the whole sentence, its verb not analysed.
  SentenceTrace sentence = Trace({{"Egypt", "Egypt", U::kPropn, 2, "nsubj"},
                                  {"attacked", "attack", U::kVerb, 0, "root"},
                                  {"Libya", "Libya", U::kPropn, 2, "obj"},
                                  {"at", "at", U::kAdp, 5, "case"},
                                  {"football", "football", U::kNoun, 2, "obl"}});
  EXPECT_EQ(sentence.discard.phrase, "FOOTBALL");
  EXPECT_TRUE(sentence.discard.story);
  ASSERT_EQ(Outcomes(sentence), Triples_({"1 discarded sentence"}));
  EXPECT_EQ(sentence.verbs[0].discard.phrase, "FOOTBALL");
}

TEST_F(EventStageTest, UnparsedDocumentIsAnError) {
  doc::Document document;
  doc::EventLayer layer;
  EXPECT_FALSE(stage_->Annotate(document, CodingContext(), layer).ok());
}

}  // namespace
}  // namespace khabar::events
