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

struct HeadlineCase {
  const char* text;
  const char* headline;  // "" when the first line is not taken
};

class FindTextHeadlineTest : public ::testing::TestWithParam<HeadlineCase> {};

TEST_P(FindTextHeadlineTest, TakesOnlyAShortUnpunctuatedFirstLine) {
  EXPECT_EQ(FindTextHeadline(GetParam().text), GetParam().headline) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, FindTextHeadlineTest,
    ::testing::Values(
        HeadlineCase{"Ferry service resumes to the outer islands\n\nThe first boat left.",
                     "Ferry service resumes to the outer islands"},
        // Leading blank lines and spacing; the next line is its own paragraph (not wrapped).
        HeadlineCase{"\n  Ferry  service resumes\nThe first boat left at dawn.",
                     "Ferry service resumes"},
        HeadlineCase{"Minister calls the offer \"an insult\"\n\nTalks broke down.",
                     "Minister calls the offer \"an insult\""},
        // A normal first sentence ends with sentence-final punctuation, maybe inside quotes.
        HeadlineCase{"The first ferry left the harbour at dawn.\n\nIt was full.", ""},
        HeadlineCase{"Is the ferry safe?\n\nInspectors say yes.", ""},
        HeadlineCase{"\"We will sail again,\" the captain said.\n\nHe smiled.", ""},
        HeadlineCase{"\"We will sail again!\"\n\nThe captain smiled.", ""},
        HeadlineCase{"\xE2\x80\x9CWe will sail again.\xE2\x80\x9D\n\nThe captain smiled.", ""},
        HeadlineCase{"And then the ferry\xE2\x80\xA6\n\nIt sank.", ""},
        // Too long: 21 words.
        HeadlineCase{"one two three four five six seven eight nine ten eleven twelve thirteen "
                     "fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone\n\n"
                     "Body.",
                     ""},
        // A hard-wrapped first paragraph spans two lines.
        HeadlineCase{"The harbour authority said on Monday that the new ferry quay would\n"
                     "open next spring\n\nBody.",
                     ""},
        HeadlineCase{"Ferry service resumes to the outer islands", ""},        // nothing follows
        HeadlineCase{"2 min read\n\nThe first boat left.", ""},                // boilerplate
        HeadlineCase{"March 3, 2021 at 9:05 am\n\nThe first boat left.", ""},  // dateline
        // A site slogan above the headline, a dateline and a caption below it.
        HeadlineCase{"Island news since 1990\n\nFerry service resumes\n\nMarch 3, 2021 at 9:05 am"
                     "\n\nThe ferry at the quay [Staff]\n\nThe first boat left at dawn.",
                     "Ferry service resumes"},
        HeadlineCase{"", ""}));

}  // namespace
}  // namespace khabar::ingest
