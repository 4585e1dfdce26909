// LinkMentions and CorefActorResolver on invented sentences whose word layers are built by
// hand, with tiny dictionaries (no models): the rules, independent of the parser.
#include "khabar/mentions/mention_chains.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "khabar/dict/actor_dictionary.h"
#include "khabar/dict/agent_dictionary.h"
#include "khabar/mentions/coref_actor_resolver.h"

namespace khabar::mentions {
namespace {

// One word: form, lemma, UPOS, XPOS, 1-based head in its sentence (0 = root), relation.
struct Row {
  const char* form;
  const char* lemma;
  doc::Upos upos;
  const char* xpos;
  int head;
  const char* rel;
};
using U = doc::Upos;
using Sentence = std::vector<Row>;

constexpr char kActors[] = R"(EGYPT [EGY]
+EGYPTIAN
LIBYA [LBY]
+LIBYAN
KHALIFA_HAFTAR
+HAFTER
+GENERAL_KHALIFA_HAFTAR
    [LBYMIL]
ABDEL_FATTAH_AL-SISI
+SISI
    [EGYMIL 100101-140607]
    [EGYGOV >140608]
BENGHAZI_DEFENCE_BRIGADES [LBYREB]
)";

constexpr char kAgents[] = R"(PRESIDENT [~GOV]
TROOP [~MIL]
MILITANT [~REB]
)";

constexpr dict::Date kDate{20190410};

class MentionChainsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dict::Warnings warnings;
    std::vector<dict::DictionarySource> actor_files = {{"test.actors", kActors}};
    actors_ = dict::ActorDictionary::Parse(actor_files, &warnings);
    agents_ = dict::AgentDictionary::Parse(kAgents, "test.agents", &warnings);
    ASSERT_TRUE(warnings.empty()) << warnings.front().ToString();
    resolver_ = std::make_unique<events::DictionaryActorResolver>(actors_, agents_);
  }

  // Builds the document's text and word layer from the rows and links its mentions.
  void Link(const std::vector<Sentence>& sentences) {
    document_ = doc::Document();
    auto tags = std::make_shared<std::vector<std::string>>();
    auto relations = std::make_shared<std::vector<std::string>>();
    for (const Sentence& rows : sentences) {
      doc::WordIndex first = static_cast<doc::WordIndex>(document_.words.words.size());
      uint32_t sentence_begin =
          static_cast<uint32_t>(document_.text.size() + (document_.text.empty() ? 0 : 1));
      for (const Row& row : rows) AddWord(row, first, *tags, *relations);
      document_.words.sentences.push_back(
          {first, static_cast<doc::WordIndex>(document_.words.words.size())});
      doc::Sentence sentence;
      sentence.span = {sentence_begin, static_cast<uint32_t>(document_.text.size())};
      document_.sentences.push_back(sentence);
    }
    document_.words.xpos_names = tags;
    document_.words.deprel_names = relations;
    chains_ = LinkMentions(document_, *resolver_, kDate);
  }

  void AddWord(const Row& row, doc::WordIndex first, std::vector<std::string>& tags,
               std::vector<std::string>& relations) {
    doc::Word word;
    if (!document_.text.empty()) document_.text += ' ';
    word.span = {static_cast<uint32_t>(document_.text.size()), 0};
    document_.text += row.form;
    word.span.end = static_cast<uint32_t>(document_.text.size());
    word.lemma = {static_cast<uint32_t>(document_.words.strings.size()), 0};
    document_.words.strings += row.lemma;
    word.lemma.end = static_cast<uint32_t>(document_.words.strings.size());
    word.upos = row.upos;
    word.xpos = static_cast<uint16_t>(tags.size());
    tags.push_back(row.xpos);
    word.head = row.head == 0 ? doc::kRootHead : first + static_cast<doc::WordIndex>(row.head - 1);
    word.deprel = static_cast<uint16_t>(relations.size());
    relations.push_back(row.rel);
    document_.words.words.push_back(word);
  }

  const Mention* Find(std::string_view text, int occurrence = 0) const {
    for (const Mention& mention : chains_.mentions) {
      if (mention.span.In(document_.text) == text && occurrence-- == 0) return &mention;
    }
    return nullptr;
  }

  // The antecedent's text; "" when unlinked, "?" when `text` is not a mention.
  std::string AntecedentOf(std::string_view text, int occurrence = 0) const {
    const Mention* mention = Find(text, occurrence);
    if (mention == nullptr) return "?";
    if (mention->antecedent == kNoMention) return "";
    return std::string(chains_.mentions[mention->antecedent].span.In(document_.text));
  }

  // CorefActorResolver's code for the words [begin, end) (0-based in the document) headed by
  // `head`.
  std::string Code(uint32_t sentence, doc::WordIndex head, doc::WordIndex begin,
                   doc::WordIndex end) const {
    std::vector<doc::WordIndex> words;
    for (doc::WordIndex word = begin; word < end; ++word) words.push_back(word);
    CorefActorResolver coref(*resolver_, chains_);
    std::vector<events::ResolvedActor> resolved =
        coref.Resolve(document_, {sentence, head, words}, kDate);
    return resolved.empty() ? "" : resolved.front().code;
  }

  dict::ActorDictionary actors_;
  dict::AgentDictionary agents_;
  std::unique_ptr<events::DictionaryActorResolver> resolver_;
  doc::Document document_;
  MentionChains chains_;
};

TEST_F(MentionChainsTest, SurnameLinksAcrossArticleAndSpelling) {
  Link({{{"Karim", "Karim", U::kPropn, "NNP", 5, "nsubj"},
         {"el", "el", U::kPropn, "NNP", 1, "flat"},
         {"-", "-", U::kPunct, "HYPH", 1, "punct"},
         {"Zawawi", "Zawawi", U::kPropn, "NNP", 1, "flat"},
         {"spoke", "speak", U::kVerb, "VBD", 0, "root"}},
        {{"Zawawy", "Zawawy", U::kPropn, "NNP", 2, "nsubj"},
         {"left", "leave", U::kVerb, "VBD", 0, "root"}}});
  EXPECT_EQ(AntecedentOf("Zawawy"), "Karim el - Zawawi");
  EXPECT_EQ(Find("Zawawy")->type, MentionType::kPerson);
}

TEST_F(MentionChainsTest, SurnameSharedByTwoPeopleStaysUnlinked) {
  Link({{{"Ali", "Ali", U::kPropn, "NNP", 3, "nsubj"},
         {"Zaidan", "Zaidan", U::kPropn, "NNP", 1, "flat"},
         {"met", "meet", U::kVerb, "VBD", 0, "root"},
         {"Omar", "Omar", U::kPropn, "NNP", 3, "obj"},
         {"Zaidan", "Zaidan", U::kPropn, "NNP", 4, "flat"}},
        {{"Zaidan", "Zaidan", U::kPropn, "NNP", 2, "nsubj"},
         {"left", "leave", U::kVerb, "VBD", 0, "root"}}});
  EXPECT_EQ(AntecedentOf("Zaidan"), "");
  EXPECT_EQ(AntecedentOf("Omar Zaidan"), "");
}

TEST_F(MentionChainsTest, TheGeneralNeedsAnAgreeingCountry) {
  Link({{{"General", "General", U::kPropn, "NNP", 3, "compound"},
         {"Khalifa", "Khalifa", U::kPropn, "NNP", 4, "nsubj"},
         {"Hafter", "Hafter", U::kPropn, "NNP", 2, "flat"},
         {"spoke", "speak", U::kVerb, "VBD", 0, "root"}},
        {{"The", "the", U::kDet, "DT", 3, "det"},
         {"Egyptian", "Egyptian", U::kAdj, "JJ", 3, "amod"},
         {"general", "general", U::kNoun, "NN", 4, "nsubj"},
         {"left", "leave", U::kVerb, "VBD", 0, "root"}},
        {{"The", "the", U::kDet, "DT", 2, "det"},
         {"general", "general", U::kNoun, "NN", 3, "nsubj"},
         {"returned", "return", U::kVerb, "VBD", 0, "root"}}});
  EXPECT_EQ(AntecedentOf("The Egyptian general"), "");
  EXPECT_EQ(AntecedentOf("The general"), "Khalifa Hafter");
  EXPECT_EQ(Find("Khalifa Hafter")->agent_code(), "MIL");
  EXPECT_EQ(Code(2, 9, 8, 10), "LBYMIL");
  EXPECT_EQ(Code(1, 6, 4, 7), "EGYMIL");  // "The Egyptian general": EGY + the title's MIL
}

TEST_F(MentionChainsTest, ObjectPronounSkipsItsOwnClausesSubject) {
  Link({{{"Hafter", "Hafter", U::kPropn, "NNP", 2, "nsubj"},
         {"met", "meet", U::kVerb, "VBD", 0, "root"},
         {"Ahmed", "Ahmed", U::kPropn, "NNP", 2, "obj"}},
        {{"Sisi", "Sisi", U::kPropn, "NNP", 2, "nsubj"},
         {"praised", "praise", U::kVerb, "VBD", 0, "root"},
         {"him", "he", U::kPron, "PRP", 2, "obj"}}});
  EXPECT_EQ(AntecedentOf("him"), "Hafter");
  EXPECT_EQ(Code(1, 5, 5, 6), "LBYMIL");
}

TEST_F(MentionChainsTest, PronounInsideAQuotationIsLeftAlone) {
  Link({{{"Sisi", "Sisi", U::kPropn, "NNP", 2, "nsubj"},
         {"spoke", "speak", U::kVerb, "VBD", 0, "root"}},
        {{"\"", "\"", U::kPunct, "``", 3, "punct"},
         {"We", "we", U::kPron, "PRP", 3, "nsubj"},
         {"want", "want", U::kVerb, "VBP", 0, "root"},
         {"him", "he", U::kPron, "PRP", 3, "obj"},
         {"\"", "\"", U::kPunct, "''", 3, "punct"},
         {"he", "he", U::kPron, "PRP", 7, "nsubj"},
         {"said", "say", U::kVerb, "VBD", 3, "parataxis"}}});
  EXPECT_EQ(AntecedentOf("him"), "");
  EXPECT_EQ(AntecedentOf("he"), "Sisi");
}

TEST_F(MentionChainsTest, PossessivePronounComposesWithTheAgent) {
  Link({{{"Egypt", "Egypt", U::kPropn, "NNP", 2, "nsubj"},
         {"said", "say", U::kVerb, "VBD", 0, "root"},
         {"its", "its", U::kPron, "PRP$", 4, "nmod:poss"},
         {"troops", "troop", U::kNoun, "NNS", 6, "nsubj"},
         {"would", "would", U::kAux, "MD", 6, "aux"},
         {"leave", "leave", U::kVerb, "VB", 2, "ccomp"}}});
  EXPECT_EQ(AntecedentOf("its"), "Egypt");
  EXPECT_EQ(Code(0, 3, 2, 4), "EGYMIL");  // EGY + MIL from "troops"
}

TEST_F(MentionChainsTest, PleonasticItIsLeftAlone) {
  Link({{{"Egypt", "Egypt", U::kPropn, "NNP", 2, "nsubj"},
         {"closed", "close", U::kVerb, "VBD", 0, "root"},
         {"the", "the", U::kDet, "DT", 4, "det"},
         {"border", "border", U::kNoun, "NN", 2, "obj"}},
        {{"It", "it", U::kPron, "PRP", 2, "nsubj"},
         {"seems", "seem", U::kVerb, "VBZ", 0, "root"},
         {"that", "that", U::kSconj, "IN", 5, "mark"},
         {"talks", "talk", U::kNoun, "NNS", 5, "nsubj"},
         {"failed", "fail", U::kVerb, "VBD", 2, "ccomp"}},
        {{"It", "it", U::kPron, "PRP", 3, "nsubj"},
         {"is", "be", U::kAux, "VBZ", 3, "cop"},
         {"likely", "likely", U::kAdj, "JJ", 0, "root"}}});
  EXPECT_EQ(AntecedentOf("It", 0), "");
  EXPECT_EQ(AntecedentOf("It", 1), "");
}

TEST_F(MentionChainsTest, TheyTakesTheOneGroupSubject) {
  Link({{{"Benghazi", "Benghazi", U::kPropn, "NNP", 2, "compound"},
         {"Defence", "Defence", U::kPropn, "NNP", 3, "compound"},
         {"Brigades", "Brigades", U::kPropn, "NNPS", 4, "nsubj"},
         {"attacked", "attack", U::kVerb, "VBD", 0, "root"}},
        {{"They", "they", U::kPron, "PRP", 2, "nsubj"},
         {"withdrew", "withdraw", U::kVerb, "VBD", 0, "root"}}});
  EXPECT_EQ(AntecedentOf("They"), "Benghazi Defence Brigades");
  EXPECT_EQ(Find("Benghazi Defence Brigades")->type, MentionType::kGroup);
  EXPECT_EQ(Code(1, 4, 4, 5), "LBYREB");
}

TEST_F(MentionChainsTest, BaseActorWinsOverTheChain) {
  Link({{{"Hafter", "Hafter", U::kPropn, "NNP", 2, "nsubj"},
         {"spoke", "speak", U::kVerb, "VBD", 0, "root"}},
        {{"Sisi", "Sisi", U::kPropn, "NNP", 2, "nsubj"},
         {"replied", "reply", U::kVerb, "VBD", 0, "root"}}});
  EXPECT_EQ(Code(1, 2, 2, 3), "EGYGOV");
  EXPECT_EQ(Code(1, 3, 3, 4), "");  // a verb is no mention
}

TEST_F(MentionChainsTest, UnparsedDocumentHasNoMentions) {
  doc::Document document;
  document.text = "He left.";
  MentionChains chains = LinkMentions(document, *resolver_, kDate);
  EXPECT_TRUE(chains.mentions.empty());
  EXPECT_EQ(chains.MentionAt(0), kNoMention);
}

}  // namespace
}  // namespace khabar::mentions
