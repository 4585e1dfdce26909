#include "khabar/ingest/boilerplate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace khabar::ingest {
namespace {

using ::testing::ElementsAre;

struct RuleCase {
  const char* paragraph;
  BoilerplateRule rule;
};

class ClassifyBoilerplateTest : public ::testing::TestWithParam<RuleCase> {};

TEST_P(ClassifyBoilerplateTest, MatchesExpectedRule) {
  EXPECT_EQ(ClassifyBoilerplate(GetParam().paragraph), GetParam().rule) << GetParam().paragraph;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ClassifyBoilerplateTest,
    ::testing::Values(
        RuleCase{"Follow us on Twitter: @desert_gazette", BoilerplateRule::kSocialPrompt},
        RuleCase{"Like us on Facebook", BoilerplateRule::kSocialPrompt},
        RuleCase{"Follow @oasis_wire for updates", BoilerplateRule::kSocialPrompt},
        RuleCase{"Sign up for our daily newsletter", BoilerplateRule::kSocialPrompt},
        RuleCase{"Read: Port city council approves new harbour budget",
                 BoilerplateRule::kCrossLink},
        RuleCase{"READ: Two ministers meet in the capital", BoilerplateRule::kCrossLink},
        RuleCase{"Read more: Drought hits the southern valleys", BoilerplateRule::kCrossLink},
        RuleCase{"Also read: Talks resume on fishing rights", BoilerplateRule::kCrossLink},
        RuleCase{"See also: Timeline of the border dispute", BoilerplateRule::kCrossLink},
        RuleCase{"2 min read", BoilerplateRule::kReadingTime},
        RuleCase{"12 minutes read", BoilerplateRule::kReadingTime},
        RuleCase{"Comments are closed.", BoilerplateRule::kCommentsClosed},
        RuleCase{"The mayor waves to a crowd in the old market [Reuters]",
                 BoilerplateRule::kPhotoCaption},
        RuleCase{"[Photo credit]", BoilerplateRule::kPhotoCaption},
        RuleCase{"Photo: Harbour Press Agency", BoilerplateRule::kPhotoCaption},
        RuleCase{"This article was republished with kind permission of the author.",
                 BoilerplateRule::kRepublished},
        RuleCase{"This story originally appeared in the Valley Courier.",
                 BoilerplateRule::kRepublished},
        RuleCase{"Share this article", BoilerplateRule::kShareWidget},
        RuleCase{"Share on Facebook", BoilerplateRule::kShareWidget},
        // Real sentences are never dropped.
        RuleCase{"Follow the money, the auditor told the committee on Monday.",
                 BoilerplateRule::kNone},
        RuleCase{"Readers wrote in to complain about the new bridge.", BoilerplateRule::kNone},
        RuleCase{"He said he had read the report [the draft] twice.", BoilerplateRule::kNone},
        RuleCase{"The council met twice. The mayor spoke of \"reform\" [sic]",
                 BoilerplateRule::kNone},
        RuleCase{"It was a 2 min read for most delegates, the clerk joked.",
                 BoilerplateRule::kNone},
        RuleCase{"Comments are closed on weekends, the ministry said.", BoilerplateRule::kNone},
        RuleCase{"This article of the constitution was amended in 2010.", BoilerplateRule::kNone},
        RuleCase{"Share prices fell sharply after the announcement.", BoilerplateRule::kNone}));

TEST(SplitParagraphsTest, EachLineIsAParagraphUnlessHardWrapped) {
  EXPECT_THAT(SplitParagraphs("First line.\nSecond line.\n\n\nThird  line.\r\n"),
              ElementsAre("First line.", "Second line.", "Third line."));
  std::string wrapped =
      "The harbour authority said on Monday that the new quay would open\n"
      "next spring, two years later than first planned by the council.\n"
      "Short last line.\n";
  EXPECT_THAT(
      SplitParagraphs(wrapped),
      ElementsAre("The harbour authority said on Monday that the new quay would open next "
                  "spring, two years later than first planned by the council. Short last line."));
}

TEST(SplitParagraphsTest, CollapsesNoBreakSpaces) {
  EXPECT_THAT(SplitParagraphs("a\xC2\xA0\xC2\xA0 b"), ElementsAre("a b"));
}

TEST(RemoveBoilerplateTest, RepeatedHeadlineBecomesTitleAndIsRemoved) {
  CleanupResult result = RemoveBoilerplate(
      {"Fishermen return to the northern port", "Fishermen return to the northern port",
       "Boats came back on Sunday.", "2 min read", "Crowds cheered."},
      "", "");
  EXPECT_EQ(result.title, "Fishermen return to the northern port");
  EXPECT_THAT(result.paragraphs, ElementsAre("Boats came back on Sunday.", "Crowds cheered."));
}

TEST(RemoveBoilerplateTest, KnownTitleWithOutletSuffixAndMastheadAreRemoved) {
  CleanupResult result = RemoveBoilerplate(
      {"Independent voices since 1999", "Council approves the harbour budget - Valley Courier",
       "The council voted on Tuesday."},
      "Council approves the harbour budget", "Valley Courier");
  EXPECT_THAT(result.paragraphs, ElementsAre("The council voted on Tuesday."));
}

TEST(RemoveBoilerplateTest, MastheadIsKeptWhenNoHeadlineFollows) {
  CleanupResult result =
      RemoveBoilerplate({"Breaking news", "The council voted on Tuesday."}, "Another title", "");
  EXPECT_THAT(result.paragraphs, ElementsAre("Breaking news", "The council voted on Tuesday."));
}

TEST(RemoveBoilerplateTest, DatelineIsTakenAndRemoved) {
  CleanupResult result =
      RemoveBoilerplate({"Council approves the harbour budget", "March 3, 2021 at 9:05 am",
                         "The council voted on Tuesday."},
                        "Council approves the harbour budget", "");
  ASSERT_TRUE(result.dateline.has_value());
  EXPECT_EQ(result.dateline->ymd, "2021-03-03");
  EXPECT_THAT(result.paragraphs, ElementsAre("The council voted on Tuesday."));
}

TEST(RemoveBoilerplateTest, DateInsideASentenceIsNotADateline) {
  CleanupResult result = RemoveBoilerplate({"On 3 March 2021 the council voted."}, "", "");
  EXPECT_FALSE(result.dateline.has_value());
  EXPECT_THAT(result.paragraphs, ElementsAre("On 3 March 2021 the council voted."));
}

}  // namespace
}  // namespace khabar::ingest
