#include "khabar/eval/conllu.h"

#include <gtest/gtest.h>

#include "khabar/base/status_matchers.h"

namespace khabar::eval {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;

constexpr char kGold[] =
    "# newdoc id = d1\n"
    "# newpar id = p1\n"
    "# sent_id = s1\n"
    "1-2\tWon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tWo\twill\tAUX\t_\t_\t0\troot\t_\t_\n"
    "2\tn't\tnot\tPART\t_\t_\t1\tadvmod\t_\t_\n"
    "3\tstop\tstop\tVERB\t_\t_\t1\txcomp\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n"
    "\n"
    "# sent_id = s2\n"
    "1\tOkay\tokay\tINTJ\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t!\t!\tPUNCT\t_\t_\t1\tpunct\t_\t_\n"
    "\n"
    "# newpar_block = ignored\n"
    "# newpar\n"
    "# sent_id = s3\n"
    "1\tNext\tnext\tADJ\t_\t_\t0\troot\t_\t_\n"
    "1.1\tghost\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "\n";

TEST(ConlluTest, ParsesSurfaceTokensAndBreaks) {
  StatusOr<ConlluFile> file = ParseConllu(kGold, "gold");
  ASSERT_THAT(file.status(), IsOk());
  ASSERT_EQ(file->sentences.size(), 3u);
  ASSERT_EQ(file->tokens.size(), 6u);
  EXPECT_EQ(file->tokens[0].form, "Won't");
  EXPECT_FALSE(file->tokens[1].space_after);
  EXPECT_TRUE(file->sentences[0].new_document);
  EXPECT_FALSE(file->sentences[1].new_paragraph);
  EXPECT_TRUE(file->sentences[2].new_paragraph);
  EXPECT_EQ(file->sentences[1].sent_id, "s2");
}

TEST(ConlluTest, RebuildsTextLikeConlluToText) {
  StatusOr<ConlluFile> file = ParseConllu(kGold, "gold");
  ASSERT_THAT(file.status(), IsOk());
  RebuiltText rebuilt = RebuildText(*file);
  EXPECT_EQ(rebuilt.text, "Won't stop. Okay!\n\nNext");
  ASSERT_EQ(rebuilt.sentences.size(), 3u);
  EXPECT_EQ(rebuilt.sentences[1].In(rebuilt.text), "Okay!");
  ASSERT_EQ(rebuilt.tokens.size(), 6u);
  EXPECT_EQ(rebuilt.tokens[0].In(rebuilt.text), "Won't");
}

TEST(ConlluTest, ReportsLineOfBadToken) {
  EXPECT_THAT(ParseConllu("# c\n1\tonly\tthree\n", "bad.conllu").status(),
              StatusIs(StatusCode::kInvalidArgument, ::testing::HasSubstr("bad.conllu:2")));
  EXPECT_THAT(ParseConllu("x\ta\t_\t_\t_\t_\t_\t_\t_\t_\n", "bad.conllu").status(),
              StatusIs(StatusCode::kInvalidArgument, ::testing::HasSubstr("bad ID")));
}

}  // namespace
}  // namespace khabar::eval
