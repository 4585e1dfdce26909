#include "khabar/ner/iob2.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "khabar/base/status_matchers.h"

namespace khabar::ner {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string kTiny = std::string(KH_SOURCE_DIR) + "/src/khabar/ner/testdata/tiny.iob2";

TEST(Iob2Test, ReadsSentencesWordsAndLabels) {
  StatusOr<Iob2Corpus> corpus = ParseIob2(
      "# sent_id = 1\n"
      "1\tKarim\tB-PER\t-\tx\n"
      "2\tBelhaj\tI-PER\t-\tx\n"
      "3\tleft\tO\n"
      "\n"
      "1\tDerna\tB-LOC\t-\tx\n"
      "2\t.\tO\n"
      "\n",
      "a.iob2");
  ASSERT_THAT(corpus, IsOk());
  ASSERT_EQ(corpus->sentences.size(), 2u);
  EXPECT_THAT(corpus->Forms(corpus->sentences[0]), ElementsAre("Karim", "Belhaj", "left"));
  EXPECT_THAT(corpus->Labels(corpus->sentences[0]),
              ElementsAre(BioLabel::kBPer, BioLabel::kIPer, BioLabel::kO));
  EXPECT_THAT(corpus->Labels(corpus->sentences[1]), ElementsAre(BioLabel::kBLoc, BioLabel::kO));
  EXPECT_EQ(corpus->sentences[0].line, 2u);
  EXPECT_EQ(corpus->sentences[1].line, 6u);
  EXPECT_EQ(corpus->other_type_words, 0u);
}

TEST(Iob2Test, OtherTypesAreKeptAsOthAndCounted) {
  StatusOr<Iob2Corpus> corpus =
      ParseIob2("1\tLibyan\tB-OTH\n2\tarmy\tO\n3\t.\tB-O\n4\tX\tB-MISC\n", "b.iob2");
  ASSERT_THAT(corpus, IsOk());
  EXPECT_THAT(corpus->labels,
              ElementsAre(BioLabel::kBOth, BioLabel::kO, BioLabel::kO, BioLabel::kO));
  EXPECT_EQ(corpus->other_type_words, 3u);
}

TEST(Iob2Test, AcceptsCrlfAndAMissingFinalBlankLine) {
  StatusOr<Iob2Corpus> corpus = ParseIob2("1\tTobruk\tB-LOC\r\n2\t.\tO\r\n\r\n1\tok\tO", "c.iob2");
  ASSERT_THAT(corpus, IsOk());
  ASSERT_EQ(corpus->sentences.size(), 2u);
  EXPECT_THAT(corpus->Forms(corpus->sentences[1]), ElementsAre("ok"));
}

TEST(Iob2Test, ReadsTheTestFile) {
  StatusOr<Iob2Corpus> corpus = ReadIob2(kTiny);
  ASSERT_THAT(corpus, IsOk());
  EXPECT_EQ(corpus->sentences.size(), 7u);
  EXPECT_EQ(corpus->other_type_words, 1u);
}

TEST(Iob2Test, MissingFileIsNotFound) {
  EXPECT_THAT(ReadIob2("/nonexistent/x.iob2"),
              StatusIs(StatusCode::kNotFound, HasSubstr("x.iob2")));
}

struct BadInput {
  const char* text;
  const char* error;
};

class Iob2ErrorTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(Iob2ErrorTest, NamesFileAndLine) {
  EXPECT_THAT(ParseIob2(GetParam().text, "bad.iob2"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr(GetParam().error)));
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, Iob2ErrorTest,
    ::testing::Values(BadInput{"1\tword\n", "bad.iob2:1: expected"},
                      BadInput{"1\tok\tO\nx\tword\tO\n", "bad.iob2:2: bad word index 'x'"},
                      BadInput{"1\tok\tO\n3\tword\tO\n", "bad.iob2:2: word index 3, expected 2"},
                      BadInput{"\n\n2\tword\tO\n", "bad.iob2:3: word index 2, expected 1"},
                      BadInput{"0\tword\tO\n", "bad.iob2:1: bad word index"},
                      BadInput{"1\tword\tB-\n", "bad.iob2:1: bad tag 'B-'"},
                      BadInput{"1\tword\tPER\n", "bad.iob2:1: bad tag 'PER'"},
                      BadInput{"1\tword\tb-per\n", "bad.iob2:1: bad tag"},
                      BadInput{"1\t\tO\n", "bad.iob2:1: empty word"},
                      BadInput{"1\tok\tO\n# late\n", "bad.iob2:2: comment inside a sentence"}));

}  // namespace
}  // namespace khabar::ner
