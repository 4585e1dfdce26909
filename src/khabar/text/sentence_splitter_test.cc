#include "khabar/text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "khabar/base/status_matchers.h"
#include "khabar/text/tokenizer.h"

namespace khabar::text {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;

// Sentences joined by " || ", tokens by spaces.
std::string SplitWith(const SentenceSplitter& splitter, std::string_view text) {
  std::vector<doc::Token> tokens;
  Tokenizer().Tokenize(text, &tokens);
  std::vector<doc::Sentence> sentences;
  splitter.Split(text, tokens, &sentences);
  std::string out;
  for (const doc::Sentence& sentence : sentences) {
    if (!out.empty()) out += " || ";
    out += sentence.span.In(text);
  }
  return out;
}

struct SplitCase {
  const char* name;
  const char* text;
  const char* sentences;
};

class RuleSplitterCaseTest : public ::testing::TestWithParam<SplitCase> {};

TEST_P(RuleSplitterCaseTest, Splits) {
  EXPECT_EQ(SplitWith(SentenceSplitter::RuleBased(), GetParam().text), GetParam().sentences);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, RuleSplitterCaseTest,
    ::testing::Values(
        SplitCase{"Simple", "The talks ended. Both sides left.", "The talks ended. || Both sides left."},
        SplitCase{"Title", "Brig. Gen. Saad spoke. He left.", "Brig. Gen. Saad spoke. || He left."},
        SplitCase{"Initials", "It was signed by K. L. Adams on Monday.", "It was signed by K. L. Adams on Monday."},
        SplitCase{"QuoteAfterStop", "\"We will stay.\" The envoy left.", "\"We will stay.\" || The envoy left."},
        SplitCase{"Question", "Why now? Nobody knows!", "Why now? || Nobody knows!"},
        SplitCase{"EllipsisMidSentence", "He paused... and then went on.", "He paused... and then went on."},
        SplitCase{"Paragraph", "A heading\n\nThe story starts here", "A heading || The story starts here"},
        SplitCase{"LowerCaseAfterStop", "about 5 p.m. on Friday", "about 5 p.m. on Friday"}),
    [](const ::testing::TestParamInfo<SplitCase>& info) { return info.param.name; });

// A tiny training set: boundaries after stops, none after titles.
std::vector<LabeledTokens> MakeTrainingData(const std::string& text, std::vector<doc::Token>& tokens) {
  Tokenizer().Tokenize(text, &tokens);
  LabeledTokens data;
  data.text = text;
  data.tokens = tokens;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string_view word = tokens[i].span.In(text);
    data.ends_sentence.push_back(word == "." || i + 1 == tokens.size());
  }
  return {data};
}

TEST(SentenceSplitterTest, LearnsAndRoundTrips) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "Dr. Nasser met Col. Faraj. They spoke at length. ";
  std::vector<doc::Token> tokens;
  std::vector<LabeledTokens> data = MakeTrainingData(text, tokens);
  SplitterTrainingReport report;
  SentenceSplitter splitter = SentenceSplitter::Train(data, data, SplitterTrainingOptions(), &report);
  ASSERT_TRUE(splitter.is_learned());
  EXPECT_GT(report.best_dev_f1, 99.0);
  StatusOr<SentenceSplitter> loaded = SentenceSplitter::FromBytes(splitter.Serialize());
  ASSERT_THAT(loaded.status(), IsOk());
  EXPECT_EQ(SplitWith(*loaded, "Dr. Nasser met Col. Faraj. They spoke at length."),
            "Dr. Nasser met Col. Faraj. || They spoke at length.");
}

TEST(SentenceSplitterTest, TrainingIsDeterministic) {
  std::string text = "One ends here. Another starts. Mr. Lee waits. ";
  std::vector<doc::Token> tokens;
  std::vector<LabeledTokens> data = MakeTrainingData(text, tokens);
  SentenceSplitter a = SentenceSplitter::Train(data, data, SplitterTrainingOptions(), nullptr);
  SentenceSplitter b = SentenceSplitter::Train(data, data, SplitterTrainingOptions(), nullptr);
  EXPECT_EQ(a.Serialize(), b.Serialize());
}

TEST(SentenceSplitterTest, RejectsMalformedWeights) {
  EXPECT_THAT(SentenceSplitter::FromBytes("").status(), StatusIs(StatusCode::kDataLoss, ::testing::_));
  EXPECT_THAT(SentenceSplitter::FromBytes("\x14\x05\x01").status(), StatusIs(StatusCode::kDataLoss, ::testing::_));
  EXPECT_THAT(SentenceSplitter::FromBytes("\x07\x00").status(), StatusIs(StatusCode::kDataLoss, ::testing::_));
}

TEST(SentenceSplitterTest, LongRunIsCapped) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "word ";
  std::vector<doc::Token> tokens;
  Tokenizer().Tokenize(text, &tokens);
  std::vector<doc::Sentence> sentences;
  SentenceSplitter::RuleBased().Split(text, tokens, &sentences);
  ASSERT_GE(sentences.size(), 3u);
  for (const doc::Sentence& sentence : sentences) {
    EXPECT_LE(sentence.token_count(), SentenceSplitter::kMaxSentenceTokens);
  }
}

}  // namespace
}  // namespace khabar::text
