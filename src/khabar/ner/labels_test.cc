#include "khabar/ner/labels.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "khabar/ner/scorer.h"

namespace khabar::ner {
namespace {

using ::testing::ElementsAre;

// "B-PER I-PER O" -> labels.
std::vector<BioLabel> Labels(std::string_view text) {
  std::vector<BioLabel> labels;
  while (!text.empty()) {
    const size_t space = text.find(' ');
    labels.push_back(ParseTag(text.substr(0, space))->label);
    text = space == std::string_view::npos ? "" : text.substr(space + 1);
  }
  return labels;
}

TEST(LabelsTest, NamesAndGroups) {
  for (uint32_t label = 0; label < kLabelCount; ++label) {
    const BioLabel bio = static_cast<BioLabel>(label);
    std::optional<ParsedTag> parsed = ParseTag(LabelName(bio));
    ASSERT_TRUE(parsed.has_value()) << label;
    EXPECT_EQ(parsed->label, bio);
  }
  EXPECT_EQ(LabelType(BioLabel::kIOrg), EntityType::kOrg);
  EXPECT_EQ(LabelType(BioLabel::kBOth), EntityType::kNone);
  EXPECT_EQ(MakeLabel(EntityType::kLoc, true), BioLabel::kBLoc);
  EXPECT_EQ(MakeLabel(EntityType::kPer, false), BioLabel::kIPer);
  EXPECT_TRUE(AllowedAfter(BioLabel::kBPer, BioLabel::kIPer));
  EXPECT_FALSE(AllowedAfter(BioLabel::kBPer, BioLabel::kILoc));
  EXPECT_FALSE(AllowedAfter(std::nullopt, BioLabel::kIPer));
  EXPECT_FALSE(AllowedAfter(BioLabel::kO, BioLabel::kIOth));
  EXPECT_TRUE(AllowedAfter(BioLabel::kO, BioLabel::kBOrg));
}

TEST(LabelsTest, DecodesSpans) {
  std::vector<LabelSpan> spans;
  DecodeSpans(Labels("B-PER I-PER O B-LOC B-LOC I-LOC"), spans);
  EXPECT_THAT(spans,
              ElementsAre(LabelSpan{0, 2, EntityType::kPer}, LabelSpan{3, 4, EntityType::kLoc},
                          LabelSpan{4, 6, EntityType::kLoc}));
}

TEST(LabelsTest, AnInsideLabelWithoutItsBeginStartsAMention) {
  std::vector<LabelSpan> spans;
  DecodeSpans(Labels("I-ORG I-ORG O I-PER B-LOC I-PER"), spans);
  EXPECT_THAT(spans,
              ElementsAre(LabelSpan{0, 2, EntityType::kOrg}, LabelSpan{3, 4, EntityType::kPer},
                          LabelSpan{4, 5, EntityType::kLoc}, LabelSpan{5, 6, EntityType::kPer}));
}

TEST(LabelsTest, OtherNamesAreNotMentions) {
  std::vector<LabelSpan> spans;
  DecodeSpans(Labels("B-OTH I-OTH I-PER O B-OTH B-ORG"), spans);
  EXPECT_THAT(spans,
              ElementsAre(LabelSpan{2, 3, EntityType::kPer}, LabelSpan{5, 6, EntityType::kOrg}));
}

TEST(ScorerTest, CountsExactSpansOnly) {
  NerScores scores;
  // Gold: PER [0,2), LOC [3,4), ORG [5,7). System: PER [0,2) right, LOC [3,4) typed ORG,
  // ORG [5,6) too short, and a spurious PER [8,9).
  scores.Add(Labels("B-PER I-PER O B-LOC O B-ORG I-ORG O O"),
             Labels("B-PER I-PER O B-ORG O B-ORG O O B-PER"));
  EXPECT_EQ(scores.all.gold, 3u);
  EXPECT_EQ(scores.all.system, 4u);
  EXPECT_EQ(scores.all.correct, 1u);
  EXPECT_DOUBLE_EQ(scores.all.Precision(), 25.0);
  EXPECT_NEAR(scores.all.Recall(), 100.0 / 3, 1e-9);
  EXPECT_NEAR(scores.all.F1(), 200.0 / 7, 1e-9);
  EXPECT_EQ(scores.type(EntityType::kPer).correct, 1u);
  EXPECT_EQ(scores.type(EntityType::kPer).system, 2u);
  EXPECT_EQ(scores.type(EntityType::kOrg).system, 2u);
  EXPECT_EQ(scores.type(EntityType::kLoc).gold, 1u);
  EXPECT_EQ(scores.type(EntityType::kLoc).system, 0u);
  EXPECT_EQ(scores.words, 9u);
}

TEST(ScorerTest, RepairsBothSidesAndIgnoresOther) {
  NerScores scores;
  scores.Add(Labels("I-LOC I-LOC B-OTH"), Labels("B-LOC I-LOC O"));
  scores.Add(Labels("O O"), Labels("O B-OTH"));
  EXPECT_EQ(scores.all.gold, 1u);
  EXPECT_EQ(scores.all.system, 1u);
  EXPECT_EQ(scores.all.correct, 1u);
  EXPECT_DOUBLE_EQ(scores.all.F1(), 100.0);
  EXPECT_EQ(scores.sentences, 2u);
}

TEST(ScorerTest, EmptyScoresAreZero) {
  NerScores scores;
  EXPECT_EQ(scores.all.Precision(), 0.0);
  EXPECT_EQ(scores.all.Recall(), 0.0);
  EXPECT_EQ(scores.all.F1(), 0.0);
}

}  // namespace
}  // namespace khabar::ner
