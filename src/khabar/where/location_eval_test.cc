#include "khabar/where/location_eval.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace khabar::where {
namespace {

using ::testing::HasSubstr;
using ::testing::SizeIs;

TEST(LocationEvalTest, SpansComeFromTheTokensAndBadLinesAreSkipped) {
  // Invented records: the second gives "start"/"end" as token indices, as some gold lines do.
  std::string bytes =
      R"({"text":"Rebels shelled Zahra.","tokens":[{"text":"Rebels","start":0,"end":6,"id":0},)"
      R"({"text":"shelled","start":7,"end":14,"id":1},{"text":"Zahra","start":15,"end":20,"id":2},)"
      R"({"text":".","start":20,"end":21,"id":3}],"spans":[{"start":7,"end":14,"token_start":1,)"
      R"("token_end":1,"label":"VERB"},{"start":2,"end":2,"token_start":2,"token_end":2,"label":"LOCATION"}]})"
      "\n"
      R"({"text":"They met.","tokens":[{"text":"They","start":0,"end":4,"id":0},)"
      R"({"text":"met","start":5,"end":8,"id":1}],"spans":[{"start":5,"end":8,"token_start":1,)"
      R"("token_end":1,"label":"VERB"}]})"
      "\n"
      "{not json\n"
      R"({"text":"No verb.","tokens":[]})"
      "\n";
  std::vector<std::string> warnings;
  std::vector<LocationRecord> records = ParseLocationRecords(bytes, "gold.jsonl", &warnings);
  ASSERT_THAT(records, SizeIs(2));
  EXPECT_EQ(records[0].verb, (doc::Span{7, 14}));
  ASSERT_THAT(records[0].locations, SizeIs(1));
  EXPECT_EQ(records[0].locations[0], (doc::Span{15, 20}));
  EXPECT_TRUE(records[1].locations.empty());
  EXPECT_EQ(records[1].line, 2u);
  ASSERT_THAT(warnings, SizeIs(2));
  EXPECT_THAT(warnings[0], HasSubstr("gold.jsonl:3: malformed JSON"));
  EXPECT_THAT(warnings[1], HasSubstr("gold.jsonl:4: no \"spans\""));
}

}  // namespace
}  // namespace khabar::where
