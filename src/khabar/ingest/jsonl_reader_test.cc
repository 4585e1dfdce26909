#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "khabar/ingest/internal/collect_for_test.h"

namespace khabar::ingest {
namespace {

using internal::CollectBytes;
using internal::Collected;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(JsonlReaderTest, ReadsFieldsOfEachLine) {
  Collected got = CollectBytes(
      "{\"id\":\"n1\",\"title\":\"Quay "
      "delayed\",\"date\":\"2021-04-05\",\"url\":\"https://example.org/1\","
      "\"source\":\"Valley Courier\",\"text\":\"The quay opens late.\\n\\nFishermen object.\"}\n"
      "{\"id\":7,\"date\":\"2021-04-06T22:15:00-05:00\",\"text\":\"Rain floods the town.\"}\n",
      "news.jsonl");
  EXPECT_THAT(got.ErrorStrings(), ::testing::IsEmpty());
  ASSERT_EQ(got.documents.size(), 2u);
  const doc::Document& first = got.documents[0];
  EXPECT_EQ(first.id, "n1");
  EXPECT_EQ(first.title, "Quay delayed");
  EXPECT_EQ(first.outlet, "Valley Courier");
  EXPECT_EQ(first.url, "https://example.org/1");
  EXPECT_EQ(first.published, "2021-04-05");
  EXPECT_EQ(first.published_precision, "day");
  EXPECT_EQ(first.published_from, doc::DateSource::kInput);
  EXPECT_EQ(first.source_line, 1u);
  EXPECT_EQ(first.source_path, "news.jsonl");
  EXPECT_EQ(first.raw, "The quay opens late.\n\nFishermen object.");
  EXPECT_NE(first.content_hash, 0u);
  EXPECT_EQ(got.documents[1].id, "7");
  EXPECT_EQ(got.documents[1].published, "2021-04-06");
  EXPECT_EQ(got.documents[1].source_line, 2u);
}

TEST(JsonlReaderTest, IdFallsBackToFileNameAndLine) {
  Collected got = CollectBytes("\n{\"text\":\"Something happened.\"}\n", "dir/feed.jsonl");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].id, "feed:2");
}

TEST(JsonlReaderTest, MalformedLineIsReportedAndOthersAreRead) {
  Collected got = CollectBytes(
      "{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\n{\"id\":\"c\",\"text\":\"Three."
      "\"}\n",
      "x.jsonl");
  ASSERT_EQ(got.documents.size(), 2u);
  EXPECT_EQ(got.documents[1].id, "c");
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_THAT(got.errors[0].ToString(), HasSubstr("x.jsonl:2: malformed JSON: "));
}

struct BadLineCase {
  const char* line;
  const char* message;
};

class JsonlBadLineTest : public ::testing::TestWithParam<BadLineCase> {};

TEST_P(JsonlBadLineTest, ReportsLineAndReason) {
  Collected got = CollectBytes(GetParam().line, "y.jsonl");
  EXPECT_TRUE(got.documents.empty());
  EXPECT_THAT(got.ErrorStrings(), ElementsAre(std::string("y.jsonl:1: ") + GetParam().message));
}

INSTANTIATE_TEST_SUITE_P(
    Errors, JsonlBadLineTest,
    ::testing::Values(BadLineCase{"{\"id\":\"a\"}", "no \"text\""},
                      BadLineCase{"{\"id\":\"a\",\"text\":\"   \"}", "no \"text\""},
                      BadLineCase{"{\"id\":\"a\",\"text\":5.5}", "field \"text\" is not a string"},
                      BadLineCase{"{\"text\":\"x\",\"date\":\"someday\"}",
                                  "bad \"date\" \"someday\""},
                      BadLineCase{"{\"text\":\"Read more: elsewhere\"}", "no article text"},
                      BadLineCase{"\"just a string\"", "expected a JSON object"}));

TEST(JsonlReaderTest, InvalidUtf8IsRepairedWithAWarningAtItsFileOffset) {
  std::string bytes = "{\"text\":\"ok\"}\n{\"id\":\"u\",\"text\":\"caf\xE9 opens\"}\n";
  Collected got = CollectBytes(bytes, "z.jsonl");
  ASSERT_EQ(got.documents.size(), 2u);
  EXPECT_EQ(got.documents[1].raw, "caf\xEF\xBF\xBD opens");
  ASSERT_EQ(got.warnings.size(), 1u);
  EXPECT_EQ(got.warnings[0].line, 2u);
  EXPECT_EQ(got.warnings[0].byte_offset, bytes.find('\xE9'));
  EXPECT_THAT(got.warnings[0].ToString(), HasSubstr("z.jsonl:2: invalid UTF-8 at byte 35"));
  ASSERT_EQ(got.documents[1].diagnostics.size(), 1u);
  EXPECT_EQ(got.documents[1].diagnostics[0].byte_offset, 35u);
  EXPECT_TRUE(got.documents[0].diagnostics.empty());
}

}  // namespace
}  // namespace khabar::ingest
