#include "khabar/events/validation_records.h"

#include <gtest/gtest.h>

namespace khabar::events {
namespace {

constexpr char kRecords[] = R"(<Validation>
<!-- header <!-- nested --> still a comment with <Sentence in it? no -->
<Sentences>
<Sentence category="DEMO" date="19950101" id="A-1" evaluate="true">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<EventCoding eventcode="050" sourcecode="GON" targetcode="ARN" />
<Text>
Arnor &amp; Gondor
 restored ties.
</Text>
<Parse>1	x</Parse></Sentence>
<Sentence category="VERB" date="19950101" id="A-2" evaluate="true">
<EventCoding noevents="True"> </EventCoding>
<Text>Nothing.</Text>
</Sentence>
<Sentence category="ERROR" date="19950101" id="A-3" evaluate="true">
<EventCoding error="bad_input_parse" />
<Text>Bad.</Text>
</Sentence>
<Sentence category="ACTOR" date="19950101" id="A-4" evaluate="false">
<EventCoding eventcode="040" sourcecode="X" targetcode="Y" />
<Text>Skipped.</Text>
</Sentence>
</Sentences></Validation>
)";

TEST(ValidationRecordsTest, ParsesRecordsAndExpectations) {
  StatusOr<std::vector<ValidationRecord>> records = ParseValidationRecords(kRecords);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 4u);
  const ValidationRecord& first = (*records)[0];
  EXPECT_EQ(first.id, "A-1");
  EXPECT_EQ(first.date, "19950101");
  EXPECT_EQ(first.text, "Arnor & Gondor restored ties.");
  ASSERT_EQ(first.gold.size(), 2u);
  EXPECT_EQ(first.gold[1], (Triple{"GON", "ARN", "050"}));
  EXPECT_EQ((*records)[1].expectation, RecordExpectation::kNoEvents);
  EXPECT_EQ((*records)[2].expectation, RecordExpectation::kBadParse);
  EXPECT_FALSE((*records)[2].evaluated());
  EXPECT_FALSE((*records)[3].evaluate);
}

TEST(ValidationRecordsTest, ScoresTriplesAndNoEventRecords) {
  std::vector<ValidationRecord> records = *ParseValidationRecords(kRecords);
  CameoScore score;
  EXPECT_FALSE(score.Add(records[0], {{"ARN", "GON", "050"}, {"ARN", "GON", "050"}, {"ARN", "ELF", "050"}}));
  EXPECT_TRUE(score.Add(records[1], {}));
  EXPECT_EQ(score.records, 2u);
  EXPECT_EQ(score.gold, 3u);
  EXPECT_EQ(score.found, 2u);
  EXPECT_EQ(score.extra, 1u);
  EXPECT_DOUBLE_EQ(score.records_correct_pct(), 50.0);
}

TEST(ValidationRecordsTest, NoRecordsIsAnError) { EXPECT_FALSE(ParseValidationRecords("<x/>").ok()); }

}  // namespace
}  // namespace khabar::events
