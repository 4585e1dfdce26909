#include "khabar/ingest/sidecar.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "khabar/base/status_matchers.h"

namespace khabar::ingest {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::HasSubstr;

TEST(SidecarTest, ParsesEntriesAndFindsThemByBaseName) {
  StatusOr<Sidecar> sidecar = Sidecar::Parse(
      "{\"file\":\"a.txt\",\"outlet\":\"Valley "
      "Courier\",\"title\":\"T\",\"published\":\"2020-02-03\","
      "\"published_precision\":\"approximate\",\"url\":\"https://example.org/a\"}\n"
      "\n"
      "{\"file\":\"dir/b.txt\",\"published\":\"2020-02-03T10:00:00Z\"}\n",
      "meta.jsonl");
  ASSERT_THAT(sidecar, IsOk());
  EXPECT_EQ(sidecar->size(), 2u);
  const SidecarEntry* a = sidecar->Find("/some/where/a.txt");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->outlet, "Valley Courier");
  EXPECT_EQ(a->published_precision, "approximate");
  EXPECT_EQ(a->url, "https://example.org/a");
  const SidecarEntry* b = sidecar->Find("b.txt");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->published, "2020-02-03");
  EXPECT_EQ(b->published_precision, "day");
  EXPECT_EQ(sidecar->Find("c.txt"), nullptr);
}

struct BadSidecarCase {
  const char* bytes;
  const char* message;
};

class BadSidecarTest : public ::testing::TestWithParam<BadSidecarCase> {};

TEST_P(BadSidecarTest, ErrorNamesFileAndLine) {
  EXPECT_THAT(Sidecar::Parse(GetParam().bytes, "m.jsonl"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr(GetParam().message)));
}

INSTANTIATE_TEST_SUITE_P(
    Errors, BadSidecarTest,
    ::testing::Values(BadSidecarCase{"{\"file\":\"a\"}\n{\"file\":", "m.jsonl:2: malformed JSON"},
                      BadSidecarCase{"[1,2]", "m.jsonl:1: expected a JSON object"},
                      BadSidecarCase{"{\"outlet\":\"x\"}", "m.jsonl:1: missing \"file\""},
                      BadSidecarCase{"{\"file\":\"a\",\"title\":[1]}",
                                     "m.jsonl:1: field \"title\" is not a string"},
                      BadSidecarCase{"{\"file\":\"a\",\"published\":\"last week\"}",
                                     "m.jsonl:1: bad \"published\" date"},
                      BadSidecarCase{"{\"file\":\"a\"}\n{\"file\":\"x/a\"}",
                                     "m.jsonl:2: \"a\" is listed twice"},
                      BadSidecarCase{"{\"file\":\"\xff\"}", "m.jsonl:1: invalid UTF-8"}));

}  // namespace
}  // namespace khabar::ingest
