// Mentions and coreference on sentences written for these tests, run through the trained
// tokenizer, tagger and parser and the Phoenix dictionaries with Khabar's overlays
// (about half a second per test, most of it loading). Skipped when the models or the data
// are missing.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/data_dir.h"
#include "khabar/dict/dictionaries.h"
#include "khabar/events/actor_resolver.h"
#include "khabar/events/cameo_codebook.h"
#include "khabar/events/event_stage.h"
#include "khabar/mentions/coref_actor_resolver.h"
#include "khabar/mentions/mention_chains.h"
#include "khabar/ner/ner_stage.h"
#include "khabar/ner/recognizer.h"
#include "khabar/pipeline/analysis.h"

namespace khabar::mentions {
namespace {

constexpr dict::Date kArticleDate{20190410};

struct Loaded {
  std::unique_ptr<pipeline::Analysis> analysis;
  std::unique_ptr<dict::Dictionaries> dictionaries;
  std::unique_ptr<events::CameoCodebook> codebook;
  std::unique_ptr<ner::NerStage> ner;  // null when the NER model is missing
  std::string skip;
};

Loaded& Shared() {
  static Loaded* loaded = [] {
    auto* out = new Loaded;
    StatusOr<std::string> data = base::FindDataDir();
    std::string models = base::ModelsDir();
    if (!data.ok() || !std::filesystem::exists(*data + "/cameo") ||
        !std::filesystem::exists(models + "/tagger-en.khm") ||
        !std::filesystem::exists(models + "/parser-en.khm")) {
      out->skip = "data directory or models missing";
      return out;
    }
    StatusOr<pipeline::Analysis> analysis = pipeline::Analysis::Load(pipeline::AnalysisModels{});
    StatusOr<dict::Dictionaries> dictionaries =
        dict::LoadDictionaries(*data + "/cameo", dict::DictionaryFiles::PhoenixWithOverlays());
    StatusOr<events::CameoCodebook> codebook =
        events::CameoCodebook::Load(*data + "/plover/CAMEO2PLOVER-2021.txt");
    if (!analysis.ok() || !dictionaries.ok() || !codebook.ok()) {
      out->skip = "cannot load: " + analysis.status().ToString() + " " +
                  dictionaries.status().ToString() + " " + codebook.status().ToString();
      return out;
    }
    out->analysis = std::make_unique<pipeline::Analysis>(std::move(*analysis));
    out->dictionaries = std::make_unique<dict::Dictionaries>(std::move(*dictionaries));
    out->codebook = std::make_unique<events::CameoCodebook>(std::move(*codebook));
    if (std::filesystem::exists(ner::DefaultNerModelPath())) {
      StatusOr<std::unique_ptr<ner::NerStage>> stage =
          ner::NerStage::Create(ner::DefaultNerModelPath());
      if (stage.ok()) out->ner = std::move(*stage);
    }
    return out;
  }();
  return *loaded;
}

class MentionsPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!Shared().skip.empty()) GTEST_SKIP() << Shared().skip;
    resolver_ = std::make_unique<events::DictionaryActorResolver>(Shared().dictionaries->actors,
                                                                  Shared().dictionaries->agents);
  }

  // Analyses `text` and links its mentions; with_ner adds the NER layer first.
  void Analyze(std::string_view text, bool with_ner = false) {
    document_ = doc::Document();
    document_.id = "test";
    document_.raw = std::string(text);
    Status status = Shared().analysis->Analyze(document_);
    ASSERT_TRUE(status.ok()) << status.ToString();
    if (with_ner) {
      ASSERT_NE(Shared().ner, nullptr) << "NER model missing";
      ASSERT_TRUE(Shared().ner->Annotate(document_, document_.entities).ok());
    }
    chains_ = LinkMentions(document_, *resolver_, kArticleDate);
  }

  std::string Text(const Mention& mention) const {
    return std::string(mention.span.In(document_.text));
  }

  // The `occurrence`-th mention (0-based) whose words read `text`.
  const Mention* Find(std::string_view text, int occurrence = 0) const {
    for (const Mention& mention : chains_.mentions) {
      if (mention.span.In(document_.text) == text && occurrence-- == 0) return &mention;
    }
    return nullptr;
  }

  // The text of the antecedent of that mention; "" when unlinked, "?" when not a mention.
  std::string AntecedentOf(std::string_view text, int occurrence = 0) const {
    const Mention* mention = Find(text, occurrence);
    if (mention == nullptr) return "?";
    if (mention->antecedent == kNoMention) return "";
    return Text(chains_.mentions[mention->antecedent]);
  }

  // The code CorefActorResolver gives an argument headed by the mention's head word.
  std::string CorefCode(std::string_view text, int occurrence = 0) const {
    const Mention* mention = Find(text, occurrence);
    if (mention == nullptr) return "?";
    return CodeOfSubtree(mention->head);
  }

  std::string CodeOfSubtree(doc::WordIndex head) const {
    std::vector<doc::WordIndex> words;
    uint32_t sentence = 0;
    while (document_.words.sentences[sentence].word_end <= head) ++sentence;
    const doc::SentenceWords& range = document_.words.sentences[sentence];
    for (doc::WordIndex word = range.word_begin; word < range.word_end; ++word) {
      if (Dominates(head, word)) words.push_back(word);
    }
    CorefActorResolver coref(*resolver_, chains_);
    std::vector<events::ResolvedActor> resolved =
        coref.Resolve(document_, {sentence, head, words}, kArticleDate);
    return resolved.empty() ? "" : resolved.front().code;
  }

  // The code the dictionary resolver alone gives the subtree of the word reading `form`.
  std::string BaseCodeOfWord(std::string_view form) const {
    for (doc::WordIndex word = 0; word < document_.words.words.size(); ++word) {
      if (document_.words.Form(document_.text, document_.words.words[word]) != form) continue;
      uint32_t sentence = 0;
      while (document_.words.sentences[sentence].word_end <= word) ++sentence;
      std::vector<doc::WordIndex> words;
      const doc::SentenceWords& range = document_.words.sentences[sentence];
      for (doc::WordIndex other = range.word_begin; other < range.word_end; ++other) {
        if (Dominates(word, other)) words.push_back(other);
      }
      std::vector<events::ResolvedActor> resolved =
          resolver_->Resolve(document_, {sentence, word, words}, kArticleDate);
      return resolved.empty() ? "" : resolved.front().code;
    }
    return "?";
  }

  std::string CorefCodeOfWord(std::string_view form) const {
    for (doc::WordIndex word = 0; word < document_.words.words.size(); ++word) {
      if (document_.words.Form(document_.text, document_.words.words[word]) == form)
        return CodeOfSubtree(word);
    }
    return "?";
  }

  bool Dominates(doc::WordIndex head, doc::WordIndex word) const {
    constexpr int kMaxDepth = 64;
    for (int depth = 0; depth < kMaxDepth && word != doc::kRootHead && word != doc::kNoHead;
         ++depth) {
      if (word == head) return true;
      word = document_.words.words[word].head;
    }
    return false;
  }

  // Every mention, its kind, type and antecedent: printed when a test fails.
  std::string Dump() const {
    std::string out;
    for (const Mention& mention : chains_.mentions) {
      out += "[" + Text(mention) + "] kind=" + std::to_string(static_cast<int>(mention.kind)) +
             " type=" + std::to_string(static_cast<int>(mention.type)) +
             " subj=" + std::to_string(mention.subject) +
             " agent=" + std::string(mention.agent_code()) +
             " code=" + (mention.actor ? mention.actor->code : "") + " -> " +
             (mention.antecedent == kNoMention ? "" : Text(chains_.mentions[mention.antecedent])) +
             "\n";
    }
    return out;
  }

  std::unique_ptr<events::DictionaryActorResolver> resolver_;
  doc::Document document_;
  MentionChains chains_;
};

TEST_F(MentionsPipelineTest, SurnameLinksBackToTheFullNameAcrossTransliterations) {
  Analyze(
      "Tarek Zaidan, a lawyer from Misrata, met the mayor of Zliten on Sunday. "
      "Zeidan said the two towns would reopen the coastal road. "
      "Field Marshal Khalifa Hafter was not invited. Hifter later called the meeting illegal.");
  EXPECT_EQ(AntecedentOf("Zeidan"), "Tarek Zaidan") << Dump();
  EXPECT_EQ(AntecedentOf("Hifter"), "Khalifa Hafter") << Dump();
  EXPECT_EQ(AntecedentOf("Tarek Zaidan"), "") << Dump();
}

TEST_F(MentionsPipelineTest, SurnameLinksOverTheArticle) {
  Analyze(
      "President Abdel Fattah al-Sisi opened a new bridge over the Suez Canal. "
      "El-Sisi told engineers the project had been finished early.");
  EXPECT_EQ(AntecedentOf("El-Sisi"), "Abdel Fattah al-Sisi") << Dump();
}

TEST_F(MentionsPipelineTest, TheGeneralLinksToTheTitledPerson) {
  Analyze(
      "General Khalifa Hafter toured the front line south of Tripoli on Monday. "
      "The general accused the government of breaking the truce.");
  EXPECT_EQ(AntecedentOf("The general"), "Khalifa Hafter") << Dump();
  EXPECT_EQ(CorefCode("The general"), "LBYMIL") << Dump();
}

TEST_F(MentionsPipelineTest, TheEgyptianPresidentLinksByCountryAndRole) {
  Analyze(
      "Abdel Fattah al-Sisi received Khalifa Hafter in Cairo on Sunday. "
      "The Egyptian president promised to keep the border closed.");
  EXPECT_EQ(AntecedentOf("The Egyptian president"), "Abdel Fattah al-Sisi") << Dump();
  EXPECT_EQ(CorefCode("The Egyptian president"), "EGYGOV") << Dump();
}

TEST_F(MentionsPipelineTest, HeAndHisLinkToTheOnePersonSubject) {
  Analyze(
      "Khalifa Hafter flew to Paris on Tuesday. He met French officials at the foreign ministry. "
      "Hafter said his troops would stay in Sirte.");
  EXPECT_EQ(AntecedentOf("He"), "Khalifa Hafter") << Dump();
  EXPECT_EQ(AntecedentOf("his"), "Hafter") << Dump();
  EXPECT_EQ(CorefCode("He"), "LBYMIL") << Dump();
  EXPECT_EQ(CorefCodeOfWord("troops"), "LBYMIL") << Dump();
}

TEST_F(MentionsPipelineTest, HeLinksWithTheNerLayerToo) {
  if (Shared().ner == nullptr) GTEST_SKIP() << "NER model missing";
  Analyze(
      "Khalifa Hafter flew to Paris on Tuesday. He met French officials at the foreign ministry.",
      /*with_ner=*/true);
  EXPECT_EQ(AntecedentOf("He"), "Khalifa Hafter") << Dump();
}

TEST_F(MentionsPipelineTest, TheyLinksToTheOneGroupSubject) {
  Analyze(
      "The Benghazi Defence Brigades attacked the oil port of Ras Lanuf on Friday. "
      "They said the port would be handed to the oil company.");
  EXPECT_EQ(AntecedentOf("They"), "Benghazi Defence Brigades") << Dump();
  EXPECT_EQ(CorefCode("They"), "LBYREB") << Dump();
}

TEST_F(MentionsPipelineTest, ReferentialItLinksButPleonasticItDoesNot) {
  Analyze(
      "The Libyan National Army seized the airport of Jufra on Monday. "
      "It said the airport would reopen within a week. "
      "It was reported that several aircraft had been damaged.");
  EXPECT_EQ(AntecedentOf("It", 0), "Libyan National Army") << Dump();
  EXPECT_EQ(AntecedentOf("It", 1), "") << Dump();
  EXPECT_EQ(CorefCode("It", 1), "") << Dump();
}

TEST_F(MentionsPipelineTest, TwoEquallyGoodCandidatesStayUnresolved) {
  Analyze(
      "General Tarek Zaidan met General Salem Bouzid in Tunis on Monday. "
      "The general said the ceasefire would hold. "
      "Tarek Zaidan and Salem Bouzid left the city together. He said nothing more.");
  EXPECT_EQ(AntecedentOf("The general"), "") << Dump();
  EXPECT_EQ(AntecedentOf("He"), "") << Dump();
}

TEST_F(MentionsPipelineTest, NationalityAdjectiveAndTitleGiveACountryAndAgent) {
  Analyze(
      "Libyan General Tarek Zaidan inspected the port of Tobruk on Monday. "
      "Zaidan said the port was safe. The Egyptian general who joined him agreed.");
  EXPECT_EQ(CorefCode("Tarek Zaidan"), "LBYMIL") << Dump();
  EXPECT_EQ(CorefCode("Zaidan"), "LBYMIL") << Dump();
  EXPECT_EQ(CorefCodeOfWord("general"), "EGYMIL") << Dump();
}

TEST_F(MentionsPipelineTest, PossessiveCountryAndTitleAreComposedByTheDictionaryResolver) {
  Analyze(
      "Egypt's intelligence services chief visited Benghazi on Tuesday. "
      "Egypt's army chief stayed in Cairo. Egypt's president spoke by telephone.");
  EXPECT_EQ(BaseCodeOfWord("chief"), "EGYSPY");
  EXPECT_EQ(CorefCodeOfWord("chief"), "EGYSPY") << Dump();
  EXPECT_EQ(CorefCodeOfWord("president"), "EGYGOV") << Dump();
}

TEST_F(MentionsPipelineTest, TheGroupLinksToTheOneNamedOrganisation) {
  Analyze(
      "Ansar Beit al-Maqdis claimed the bombing of a gas pipeline in northern Sinai. "
      "The group warned that more attacks would follow.");
  EXPECT_EQ(AntecedentOf("The group"), "Ansar Beit al-Maqdis") << Dump();
  EXPECT_EQ(CorefCode("The group"), "EGYREB") << Dump();
}

TEST_F(MentionsPipelineTest, ThePresidentWithoutCountryTakesTheOnePresident) {
  Analyze(
      "President Abdel Fattah al-Sisi and Khalifa Hafter discussed the border on Sunday. "
      "The president later thanked the army.");
  EXPECT_EQ(AntecedentOf("The president"), "Abdel Fattah al-Sisi") << Dump();
  EXPECT_EQ(CorefCode("The president"), "EGYGOV") << Dump();
}

TEST_F(MentionsPipelineTest, EventCoderTakesTheAntecedentsCode) {
  Analyze(
      "Khalifa Hafter flew to Cairo on Tuesday. He criticised the Government of National Accord.");
  events::EventStage stage(*Shared().dictionaries, *Shared().codebook);
  events::CodingContext context;
  context.date = kArticleDate;
  doc::EventLayer plain;
  ASSERT_TRUE(stage.Annotate(document_, context, plain).ok());
  doc::EventLayer coref;
  ASSERT_TRUE(AnnotateWithCoreference(stage, document_, context, coref).ok());
  auto count = [](const doc::EventLayer& layer, std::string* listing) {
    int matching = 0;
    for (const doc::Event& event : layer.events) {
      *listing += event.source.code + " " + event.cameo + " " + event.target.code + "\n";
      if (event.source.code == "LBYMIL" && event.target.code == "LBYGOV") ++matching;
    }
    return matching;
  };
  std::string listing;
  EXPECT_EQ(count(plain, &listing), 0) << listing;
  EXPECT_EQ(count(coref, &listing), 1) << listing << Dump();
}

}  // namespace
}  // namespace khabar::mentions
