#include "khabar/tag/multiword.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "khabar/base/status_matchers.h"

namespace khabar::tag {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;

struct Piece {
  uint32_t begin, end;
  std::string form;
  friend bool operator==(const Piece&, const Piece&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Piece& p) {
    return os << "[" << p.begin << "," << p.end << ")" << p.form;
  }
};

std::vector<Piece> SplitToVector(const MultiwordSplitter& splitter, std::string_view token) {
  WordPiece pieces[kMaxWordsPerToken];
  size_t count = splitter.Split(token, pieces);
  std::vector<Piece> out;
  for (size_t idx = 0; idx < count; ++idx) {
    out.push_back({pieces[idx].span.begin, pieces[idx].span.end, std::string(pieces[idx].form)});
  }
  return out;
}

MultiwordSplitter Learned() {
  MultiwordSplitter::Builder builder;
  for (int repeat = 0; repeat < 6; ++repeat) {
    builder.AddMultiword("don't", {"do", "n't"});
    builder.AddMultiword("didn't", {"did", "n't"});
    builder.AddMultiword("gonna", {"gon", "na"});
    builder.AddMultiword("Rami's", {"Rami", "'s"});
    builder.AddMultiword("its", {"it", "s"});
    builder.AddSingleWord("its");
    builder.AddSingleWord("its");
    builder.AddSingleWord("boats");
  }
  builder.AddMultiword("du", {"de", "le"});  // forms that do not spell the token
  return builder.Build({});
}

TEST(MultiwordSplitterTest, SplitsTableEntriesKeepingCaseAndSpans) {
  MultiwordSplitter splitter = Learned();
  EXPECT_THAT(SplitToVector(splitter, "Don't"),
              ::testing::ElementsAre(Piece{0, 2, "Do"}, Piece{2, 5, "n't"}));
  EXPECT_THAT(SplitToVector(splitter, "gonna"),
              ::testing::ElementsAre(Piece{0, 3, "gon"}, Piece{3, 5, "na"}));
}

TEST(MultiwordSplitterTest, AppliesLearnedCliticSuffixes) {
  MultiwordSplitter splitter = Learned();
  EXPECT_THAT(SplitToVector(splitter, "hasn't"),
              ::testing::ElementsAre(Piece{0, 3, "has"}, Piece{3, 6, "n't"}));
  EXPECT_THAT(SplitToVector(splitter, "Omar's"),
              ::testing::ElementsAre(Piece{0, 4, "Omar"}, Piece{4, 6, "'s"}));
  // "s" is split off "its" only a third of the time, and never off "boats".
  EXPECT_THAT(SplitToVector(splitter, "boats"), ::testing::ElementsAre(Piece{0, 5, "boats"}));
  EXPECT_THAT(SplitToVector(splitter, "its"), ::testing::ElementsAre(Piece{0, 3, "its"}));
  EXPECT_THAT(SplitToVector(splitter, "'s"), ::testing::ElementsAre(Piece{0, 2, "'s"}));
}

TEST(MultiwordSplitterTest, WordsThatDoNotSpellTheTokenSpanItAll) {
  MultiwordSplitter splitter = Learned();
  WordPiece pieces[kMaxWordsPerToken];
  ASSERT_EQ(splitter.Split("du", pieces), 2u);
  EXPECT_EQ(pieces[0].form, "de");
  EXPECT_FALSE(pieces[0].form_in_token);
  EXPECT_EQ(pieces[1].span, (doc::Span{0, 2}));
}

TEST(MultiwordSplitterTest, EncodeDecodeRoundTrip) {
  MultiwordSplitter splitter = Learned();
  model::Encoder out;
  splitter.Encode(out);
  model::Decoder in(out.data());
  StatusOr<MultiwordSplitter> decoded = MultiwordSplitter::Decode(in);
  ASSERT_THAT(decoded, IsOk());
  EXPECT_TRUE(in.done());
  EXPECT_EQ(decoded->entry_count(), splitter.entry_count());
  EXPECT_EQ(decoded->rule_count(), splitter.rule_count());
  EXPECT_THAT(SplitToVector(*decoded, "didn't"),
              ::testing::ElementsAre(Piece{0, 3, "did"}, Piece{3, 6, "n't"}));
}

TEST(MultiwordSplitterTest, DecodeRejectsTruncation) {
  MultiwordSplitter splitter = Learned();
  model::Encoder out;
  splitter.Encode(out);
  for (size_t length = 0; length < out.size(); ++length) {
    model::Decoder in(std::string_view(out.data()).substr(0, length));
    EXPECT_THAT(MultiwordSplitter::Decode(in), StatusIs(StatusCode::kDataLoss, ::testing::_))
        << length;
  }
}

}  // namespace
}  // namespace khabar::tag
