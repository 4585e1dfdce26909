#include "khabar/ner/ner_stage.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "khabar/base/status_matchers.h"
#include "khabar/ner/train.h"

namespace khabar::ner {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::ElementsAre;

const std::string kTiny = std::string(KH_SOURCE_DIR) + "/src/khabar/ner/testdata/tiny.iob2";

std::unique_ptr<NerStage> TinyStage() {
  NerTrainOptions options;
  options.train_paths = {kTiny};
  options.dev_path = kTiny;
  options.epochs = 10;
  options.min_weight = 0.0f;
  StatusOr<NerTrainReport> report = TrainNer(options);
  EXPECT_THAT(report, IsOk());
  if (!report.ok()) return nullptr;
  return std::make_unique<NerStage>(std::move(report->recognizer));
}

// A tagged document built by hand: one word per whitespace-separated token.
doc::Document MakeDocument(const std::vector<std::string>& sentences) {
  doc::Document document;
  document.words.xpos_names =
      std::make_shared<const std::vector<std::string>>(std::vector<std::string>{"NNP", "VBD", "."});
  for (const std::string& sentence : sentences) {
    if (!document.text.empty()) document.text += ' ';
    doc::Sentence text_sentence;
    text_sentence.token_begin = static_cast<doc::TokenIndex>(document.tokens.size());
    doc::SentenceWords words;
    words.word_begin = static_cast<doc::WordIndex>(document.words.words.size());
    size_t start = 0;
    while (start < sentence.size()) {
      size_t end = sentence.find(' ', start);
      if (end == std::string::npos) end = sentence.size();
      const uint32_t begin = static_cast<uint32_t>(document.text.size());
      document.text += sentence.substr(start, end - start);
      if (end < sentence.size()) document.text += ' ';
      doc::Word word;
      word.span = {begin, begin + static_cast<uint32_t>(end - start)};
      word.token = static_cast<uint32_t>(document.tokens.size());
      word.upos = doc::Upos::kPropn;
      document.tokens.push_back({word.span});
      document.words.words.push_back(word);
      start = end + 1;
    }
    text_sentence.token_end = static_cast<doc::TokenIndex>(document.tokens.size());
    document.sentences.push_back(text_sentence);
    words.word_end = static_cast<doc::WordIndex>(document.words.words.size());
    document.words.sentences.push_back(words);
  }
  return document;
}

TEST(NerStageTest, FindsMentionsByWordIndex) {
  std::unique_ptr<NerStage> stage = TinyStage();
  ASSERT_NE(stage, nullptr);
  EXPECT_EQ(stage->name(), "ner");
  const doc::Document document =
      MakeDocument({"the rain stopped .", "Karim Belhaj flew to Tobruk ."});
  doc::EntityLayer entities;
  entities.mentions.push_back({});  // replaced, not appended to
  ASSERT_THAT(stage->Annotate(document, entities), IsOk());
  ASSERT_EQ(entities.mentions.size(), 2u);
  EXPECT_EQ(entities.mentions[0].word_begin, 4u);
  EXPECT_EQ(entities.mentions[0].word_end, 6u);
  EXPECT_EQ(entities.mentions[0].type, doc::EntityType::kPer);
  EXPECT_EQ(entities.mentions[1].word_begin, 8u);
  EXPECT_EQ(entities.mentions[1].word_end, 9u);
  EXPECT_EQ(entities.mentions[1].type, doc::EntityType::kLoc);
  for (const doc::EntityMention& mention : entities.mentions) {
    EXPECT_GT(mention.confidence, 0.0f);
    EXPECT_LE(mention.confidence, 1.0f);
  }
  doc::Document copy = MakeDocument({"the rain stopped .", "Karim Belhaj flew to Tobruk ."});
  EXPECT_THAT(stage->Process(copy), IsOk());
}

TEST(NerStageTest, UsesReplacedFormsOfContractions) {
  std::unique_ptr<NerStage> stage = TinyStage();
  ASSERT_NE(stage, nullptr);
  doc::Document document = MakeDocument({"Nour Radio hired Salma Idris ."});
  // The first word's form comes from the word layer's strings, not from the text.
  document.words.strings = "Zanfar";
  document.words.words[0].form = {0, 6};
  doc::EntityLayer entities;
  ASSERT_THAT(stage->Annotate(document, entities), IsOk());
  ASSERT_FALSE(entities.mentions.empty());
  EXPECT_EQ(entities.mentions[0].type, doc::EntityType::kOrg);
}

TEST(NerStageTest, EmptyDocumentHasNoMentions) {
  std::unique_ptr<NerStage> stage = TinyStage();
  ASSERT_NE(stage, nullptr);
  doc::Document document;
  doc::EntityLayer entities;
  EXPECT_THAT(stage->Annotate(document, entities), IsOk());
  EXPECT_TRUE(entities.mentions.empty());
}

TEST(NerStageTest, RejectsUntaggedAndInconsistentDocuments) {
  std::unique_ptr<NerStage> stage = TinyStage();
  ASSERT_NE(stage, nullptr);
  doc::EntityLayer entities;
  doc::Document untagged = MakeDocument({"Karim left ."});
  untagged.words.xpos_names.reset();
  EXPECT_THAT(stage->Annotate(untagged, entities),
              StatusIs(StatusCode::kFailedPrecondition, ::testing::_));

  doc::Document bad_range = MakeDocument({"Karim left ."});
  bad_range.words.sentences[0].word_end = 7;
  EXPECT_THAT(stage->Annotate(bad_range, entities),
              StatusIs(StatusCode::kInvalidArgument, ::testing::_));

  doc::Document bad_span = MakeDocument({"Karim left ."});
  bad_span.words.words[1].span = {3, 99};
  EXPECT_THAT(stage->Annotate(bad_span, entities),
              StatusIs(StatusCode::kInvalidArgument, ::testing::_));

  doc::Document mismatch = MakeDocument({"Karim left .", "He came ."});
  mismatch.words.sentences.pop_back();
  EXPECT_THAT(stage->Annotate(mismatch, entities),
              StatusIs(StatusCode::kInvalidArgument, ::testing::_));
}

TEST(NerStageTest, CreateFailsForAMissingModel) {
  EXPECT_THAT(NerStage::Create("/nonexistent/ner-en.khm"),
              StatusIs(StatusCode::kNotFound, ::testing::_));
}

}  // namespace
}  // namespace khabar::ner
