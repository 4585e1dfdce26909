#include "khabar/dict/issue_list.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace khabar::dict {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

constexpr char kIssues[] =
    "<ISSUE CATEGORY=\"WATER\" TYPE=\"ALL\">\n"
    "n:well [WELLS]\n"
    "v:irrigate [IRRIGATION]\n"
    "rain+n:water [RAINWATER]\n"
    "~wishing well\n"
    "~~holy well\n"
    "</ISSUE>\n"
    "n:dam [DAMS]\n"
    "dam [FLOODS]\n"
    "reservoir\n";

class IssueListTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Warnings warnings;
    issues_ = IssueList::Parse(kIssues, "t.issues.txt", &warnings);
    for (const Warning& warning : warnings) warnings_.push_back(warning.ToString());
  }

  // Codes (or kinds for exclusions) of the phrases found in the tokens.
  std::vector<std::string> Found(std::vector<std::string_view> tokens) const {
    std::vector<std::string> out;
    for (const PhraseMatch& match : issues_.FindIssues(tokens)) {
      const Issue& issue = issues_.issues()[match.values[0]];
      out.push_back(issue.kind == IssueKind::kCode             ? issue.code
                    : issue.kind == IssueKind::kIgnoreSentence ? "~"
                                                               : "~~");
    }
    return out;
  }

  IssueList issues_;
  std::vector<std::string> warnings_;
};

TEST_F(IssueListTest, WarnsAboutConflictsAndMissingCodes) {
  EXPECT_THAT(
      warnings_,
      ElementsAre("t.issues.txt:9: issue phrase \"dam\" already belongs to line 8; kept the first",
                  "t.issues.txt:10: issue line \"reservoir\" needs \"phrase [CODE]\"; skipped"));
}

TEST_F(IssueListTest, CategoriesAndKinds) {
  ASSERT_EQ(issues_.issues().size(), 7u);
  EXPECT_EQ(issues_.issues()[0].category, "WATER");
  EXPECT_EQ(issues_.issues()[0].phrase, "n:well");
  EXPECT_EQ(issues_.issues()[3].kind, IssueKind::kIgnoreSentence);
  EXPECT_EQ(issues_.issues()[4].kind, IssueKind::kIgnoreStory);
  EXPECT_EQ(issues_.issues()[5].category, "");
}

TEST_F(IssueListTest, ExpansionOperators) {
  EXPECT_THAT(Found({"wells"}), ElementsAre("WELLS"));
  EXPECT_THAT(Found({"irrigated", "irrigating", "irrigates"}),
              ElementsAre("IRRIGATION", "IRRIGATION", "IRRIGATION"));
  EXPECT_THAT(Found({"rain", "waters"}), ElementsAre("RAINWATER"));
  EXPECT_THAT(Found({"rain-water"}), ElementsAre("RAINWATER"));
  EXPECT_THAT(Found({"Holy", "well"}), UnorderedElementsAre("~~", "WELLS"));
  EXPECT_THAT(Found({"dams"}), ElementsAre("DAMS"));
}

// Regression (dict_fuzzer timeout): each '+' doubled the forms without bound.
TEST(IssueListRegressionTest, ManyPlusOperatorsStayBounded) {
  Warnings warnings;
  std::string line =
      "~~" + std::string(80, '+') + "moon\nmany+n:a+n:b+n:c+n:d+n:e+n:f+n:g+n:h [X]\n";
  IssueList issues = IssueList::Parse(line, "t.issues.txt", &warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].ToString(), "t.issues.txt:2: more than 256 forms; the rest are ignored");
  EXPECT_EQ(issues.issues().size(), 2u);
  EXPECT_LE(issues.matcher().phrase_count(), 2u * 256u);
}

}  // namespace
}  // namespace khabar::dict
