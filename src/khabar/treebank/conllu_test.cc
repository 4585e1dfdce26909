#include "khabar/treebank/conllu.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "khabar/base/status_matchers.h"

namespace khabar::treebank {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::HasSubstr;

// Our own sentences.
constexpr char kSample[] =
    "# newdoc id = t1\n"
    "# sent_id = t1-1\n"
    "# text = We can't stay.\n"
    "1\tWe\twe\tPRON\tPRP\tCase=Nom\t3\tnsubj\t3:nsubj\t_\n"
    "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tca\tcan\tAUX\tMD\tVerbForm=Fin\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "4\tstay\tstay\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n"
    "# sent_id = t1-2\n"
    "1\tBirds\tbird\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t2:nsubj|3:nsubj\t_\n"
    "2\tsang\tsing\tVERB\tVBD\t_\t0\troot\t0:root\t_\n"
    "2.1\tsang\tsing\tVERB\tVBD\t_\t_\t_\t0:root\t_\n"
    "3\tloudly\tloudly\tADV\tRB\t_\t2\tadvmod\t2:advmod\t_\n"
    "\n";

TEST(TreebankTest, RoundTripIsByteIdentical) {
  StatusOr<Treebank> parsed = Treebank::Parse(kSample, "sample");
  ASSERT_THAT(parsed, IsOk());
  EXPECT_EQ(WriteTreebank(*parsed), kSample);
}

TEST(TreebankTest, ReadsEveryColumnAndRanges) {
  StatusOr<Treebank> parsed = Treebank::Parse(kSample, "sample");
  ASSERT_THAT(parsed, IsOk());
  ASSERT_EQ(parsed->sentences().size(), 2u);
  const Sentence& first = parsed->sentences()[0];
  ASSERT_EQ(first.word_count(), 5u);
  const Word& ca = parsed->Words(first)[1];
  EXPECT_EQ(ca.form, "ca");
  EXPECT_EQ(ca.lemma, "can");
  EXPECT_EQ(ca.upos, "AUX");
  EXPECT_EQ(ca.xpos, "MD");
  EXPECT_EQ(ca.feats, "VerbForm=Fin");
  EXPECT_EQ(ca.head, 4);
  EXPECT_EQ(ca.deprel, "aux");
  ASSERT_EQ(parsed->Multiwords(first).size(), 1u);
  EXPECT_EQ(parsed->Multiwords(first)[0].form, "can't");
  EXPECT_EQ(parsed->Multiwords(first)[0].first, 2u);
  EXPECT_EQ(parsed->Multiwords(first)[0].last, 3u);
  EXPECT_EQ(parsed->Comments(first).size(), 3u);
  EXPECT_FALSE(SpaceAfter(parsed->Words(first)[3].misc));
  EXPECT_TRUE(SpaceAfter(parsed->Words(first)[4].misc));
  EXPECT_EQ(parsed->EmptyNodes(parsed->sentences()[1]).size(), 1u);
}

TEST(TreebankTest, WritesReplacedColumns) {
  StatusOr<Treebank> parsed = Treebank::Parse(kSample, "sample");
  ASSERT_THAT(parsed, IsOk());
  std::string tag = "X";
  parsed->mutable_words()[0].upos = tag;
  EXPECT_THAT(WriteTreebank(*parsed), HasSubstr("1\tWe\twe\tX\tPRP"));
}

TEST(TreebankTest, SurvivesMove) {
  StatusOr<Treebank> parsed = Treebank::Parse("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n\n", "tiny");
  ASSERT_THAT(parsed, IsOk());
  Treebank moved = std::move(parsed).value();
  EXPECT_EQ(moved.words()[0].form, "a");
}

// Regression (treebank_conllu_fuzzer): a line ending in several CRs parses to text that
// writes and reads back unchanged.
TEST(TreebankTest, TrailingCarriageReturnsRoundTrip) {
  StatusOr<Treebank> parsed = Treebank::Parse("# note\r\r\n", "sample");
  ASSERT_THAT(parsed, IsOk());
  std::string written = WriteTreebank(*parsed);
  StatusOr<Treebank> reparsed = Treebank::Parse(written, "sample");
  ASSERT_THAT(reparsed, IsOk());
  EXPECT_EQ(WriteTreebank(*reparsed), written);
}

TEST(TreebankTest, RejectsMalformedLines) {
  struct Case {
    const char* text;
    const char* message;
  } cases[] = {
      {"1\ta\ta\tX\n", "sample:1: expected 10"},
      {"2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n", "out of sequence"},
      {"1\ta\ta\tX\tX\t_\tz\troot\t_\t_\n", "bad HEAD"},
      {"1-x\tab\t_\t_\t_\t_\t_\t_\t_\t_\n", "bad multiword ID"},
      {"1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n\n", "range beyond"},
      {"1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n# late\n", "comment inside"},
      // Regression (treebank_conllu_fuzzer): a second range starting inside a pending one.
      {"1-3\tabc\t_\t_\t_\t_\t_\t_\t_\t_\n1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n",
       "sample:2: overlapping multiword ranges"},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(Treebank::Parse(c.text, "sample"),
                StatusIs(StatusCode::kInvalidArgument, HasSubstr(c.message)))
        << c.text;
  }
}

}  // namespace
}  // namespace khabar::treebank
