#include "khabar/text/text_stage.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "khabar/base/status_matchers.h"

namespace khabar::text {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;

TEST(TextStageTest, TokensMapBackToRawBytes) {
  doc::Document document;
  document.raw = "\xE2\x80\x9C" "Cafe\xCC\x81 owners\xC2\xA0said\xE2\x80\x9D no.";
  ASSERT_THAT(TextStage::CreateRuleBased()->Process(document), IsOk());
  std::vector<std::string> raw_tokens;
  for (const doc::Token& token : document.tokens) raw_tokens.emplace_back(document.RawText(token.span));
  EXPECT_EQ(raw_tokens, (std::vector<std::string>{"\xE2\x80\x9C", "Cafe\xCC\x81", "owners", "said",
                                                  "\xE2\x80\x9D", "no", "."}));
  ASSERT_EQ(document.sentences.size(), 1u);
}

TEST(TextStageTest, SentencesCoverAllTokens) {
  doc::Document document;
  document.raw = "Gen. Hamid arrived in the U.S. on Monday. He met Dr. Lee.\n\nNew paragraph";
  ASSERT_THAT(TextStage::CreateRuleBased()->Process(document), IsOk());
  ASSERT_EQ(document.sentences.size(), 3u);
  EXPECT_EQ(document.SentenceText(document.sentences[0]), "Gen. Hamid arrived in the U.S. on Monday.");
  EXPECT_EQ(document.sentences[0].token_begin, 0u);
  EXPECT_EQ(document.sentences.back().token_end, document.tokens.size());
  for (size_t s = 1; s < document.sentences.size(); ++s) {
    EXPECT_EQ(document.sentences[s].token_begin, document.sentences[s - 1].token_end);
  }
}

TEST(TextStageTest, FinalAbbreviationStopBecomesItsOwnToken) {
  doc::Document document;
  document.raw = "They sold fruit, bread etc.\n\nNext";
  ASSERT_THAT(TextStage::CreateRuleBased()->Process(document), IsOk());
  ASSERT_EQ(document.sentences.size(), 2u);
  const doc::Sentence& first = document.sentences[0];
  EXPECT_EQ(document.TokenText(first.token_end - 2), "etc");
  EXPECT_EQ(document.TokenText(first.token_end - 1), ".");
  EXPECT_FALSE(document.tokens[first.token_end - 2].space_after);
}

TEST(TextStageTest, RejectsInvalidUtf8) {
  doc::Document document;
  document.raw = "bad \xFF byte";
  EXPECT_THAT(TextStage::CreateRuleBased()->Process(document),
              StatusIs(StatusCode::kInvalidArgument, ::testing::HasSubstr("byte 4")));
}

TEST(TextStageTest, MissingModelIsNotFound) {
  EXPECT_THAT(TextStage::Create("/nonexistent/tokenizer.khm").status(),
              StatusIs(StatusCode::kNotFound, ::testing::_));
}

TEST(TextStageTest, SavedModelLoads) {
  std::string text = "Mr. Ali left. Then rain fell. ";
  std::vector<doc::Token> tokens;
  Tokenizer().Tokenize(text, &tokens);
  LabeledTokens data{text, tokens, {}};
  for (const doc::Token& token : tokens) data.ends_sentence.push_back(token.span.In(text) == ".");
  std::vector<LabeledTokens> set = {data};
  SentenceSplitter splitter = SentenceSplitter::Train(set, set, SplitterTrainingOptions(), nullptr);
  std::string path = (std::filesystem::temp_directory_path() / "khabar_text_stage_test.khm").string();
  ASSERT_THAT(TextStage::SaveModel(splitter, "unit test", path), IsOk());
  StatusOr<std::unique_ptr<TextStage>> stage = TextStage::Create(path);
  ASSERT_THAT(stage.status(), IsOk());
  EXPECT_TRUE((*stage)->uses_model());
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace khabar::text
