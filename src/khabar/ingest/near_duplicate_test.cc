#include "khabar/ingest/near_duplicate.h"

#include <gtest/gtest.h>

#include <cstdio>

namespace khabar::ingest {
namespace {

// An invented wire story, long enough for SimHash to be stable.
std::string Story() {
  return "The harbour authority of the northern port said on Monday that the new container quay "
         "would open next spring, two years later than first planned. Engineers found that the "
         "seabed was softer than the surveys had shown, and the piles had to be driven deeper. "
         "The delay will cost the city an extra forty million, the authority's director told "
         "reporters at a press conference in the old customs house. Fishermen, who had opposed the "
         "project from the start, said the works had already driven the sardine shoals away from "
         "the bay. A spokesman for the fishing cooperative said its members would ask the regional "
         "court to halt the dredging until an independent study was done. The ministry of "
         "transport "
         "said it still backed the quay, which it called vital for exports of phosphate and dates. "
         "Shipping companies have been told to keep using the southern terminal until the end of "
         "next year. The opposition party accused the mayor of hiding the survey results before "
         "the "
         "local elections, a charge his office denied in a statement on Monday evening. The mayor "
         "said he had learned of the problem only last month and had asked for a full audit of the "
         "contract. Work on the breakwater, which is a separate project, is on schedule, officials "
         "said. The regional governor is expected to visit the site on Thursday with a delegation "
         "of foreign investors. Dock workers' unions welcomed the audit but said they feared for "
         "jobs at the southern terminal once the new quay opens. The port handled a record number "
         "of ships last year despite a strike that lasted nine days in the summer.\n\n"
         "Residents of the fishing quarter, where most families have worked on the water for "
         "generations, said they had not been consulted when the plans were drawn up. An elderly "
         "net maker said the noise of the pile drivers began before dawn and went on until late at "
         "night, and that cracks had appeared in the walls of several houses near the shore. The "
         "authority promised to send inspectors to every house that reported damage and to pay for "
         "repairs where the works were to blame. Environmental groups said the dredged sand had "
         "been "
         "dumped too close to a reef where turtles nest each summer, and asked the ministry of the "
         "environment to open an inquiry. A marine biologist at the regional university said the "
         "turbidity of the water had doubled since the autumn and that young fish were leaving the "
         "bay. The harbour director replied that all dumping sites had been approved in advance "
         "and "
         "that monitoring buoys showed no lasting harm. Meanwhile, traders in the covered market "
         "said "
         "that prices of fresh fish had risen by a third since the works began, and that many "
         "customers now bought frozen fish brought by lorry from the capital. The chamber of "
         "commerce called for a quick end to the dispute, warning that tourists would stay away if "
         "the seafront remained a building site for another summer. The city council will debate "
         "the "
         "audit at its next session, which is set for the first week of the coming month.";
}

TEST(ContentHashTest, IgnoresCaseAndSpacing) {
  EXPECT_EQ(ContentHash("The  Council\nmet."), ContentHash("the council met."));
  EXPECT_NE(ContentHash("The council met."), ContentHash("The council left."));
  EXPECT_EQ(FoldForHash("  A\t B \n"), "a b");
}

TEST(SimHashTest, SyndicatedCopyWithNewHeaderAndFooterIsNear) {
  std::string original =
      "By the Valley Courier staff\n\n" + Story() + "\n\nFollow the Courier on the radio.";
  std::string copy = "Northern Wire Service (syndicated)\n\n" + Story() +
                     "\n\nAll rights reserved, Northern Wire.";
  int distance = HammingDistance(SimHash(original), SimHash(copy));
  EXPECT_LE(distance, 3);
  std::printf("syndicated copy: %d bits apart\n", distance);
  NearDuplicateIndex index;
  index.Add("courier-1", SimHash(original));
  EXPECT_EQ(index.FindNear(SimHash(copy)), "courier-1");
}

TEST(SimHashTest, SmallEditInTheMiddleIsNear) {
  std::string original = "Header.\n\n" + Story() + "\n\nFooter.";
  std::string edited = original;
  edited.replace(edited.find("forty million"), 13, "fifty million");
  int distance = HammingDistance(SimHash(original), SimHash(edited));
  EXPECT_LE(distance, 3);
  std::printf("one changed word: %d bits apart\n", distance);
}

TEST(SimHashTest, DifferentStoriesAreFar) {
  std::string other =
      "Heavy rain flooded the lower town overnight and cut the road to the airport, the civil "
      "protection agency said on Friday. Two bridges were closed and some three hundred families "
      "spent the night in school buildings. The weather service expects more storms this weekend. "
      "Farmers in the valley said the water had destroyed most of the spring harvest of onions and "
      "that they would seek compensation from the regional government, which has promised a fund.";
  int distance = HammingDistance(SimHash(Story()), SimHash(other));
  EXPECT_GT(distance, 10);
  std::printf("different stories: %d bits apart\n", distance);
  NearDuplicateIndex index;
  index.Add("flood", SimHash(other));
  EXPECT_FALSE(index.FindNear(SimHash(Story())).has_value());
}

TEST(SimHashTest, ShortAndEmptyTexts) {
  EXPECT_EQ(SimHash(""), 0u);
  EXPECT_EQ(SimHash("Two words"), SimHash("two  WORDS"));
}

TEST(NearDuplicateIndexTest, EveryPairWithinThreeBitsSharesABand) {
  NearDuplicateIndex index;
  const uint64_t base = 0x0123456789ABCDEFull;
  index.Add("base", base);
  // Flip one bit in three different bands: the fourth band is untouched.
  uint64_t moved = base ^ (1ull << 3) ^ (1ull << 20) ^ (1ull << 40);
  EXPECT_EQ(index.FindNear(moved), "base");
  uint64_t too_far = moved ^ (1ull << 60);
  EXPECT_FALSE(index.FindNear(too_far).has_value());
  EXPECT_EQ(index.FindNear(too_far, 4).value_or(""), "");  // no shared band: documented limit
}

TEST(NearDuplicateIndexTest, ReturnsTheFirstAdded) {
  NearDuplicateIndex index;
  index.Add("first", 0xFFFF0000FFFF0000ull);
  index.Add("second", 0xFFFF0000FFFF0001ull);
  EXPECT_EQ(index.FindNear(0xFFFF0000FFFF0001ull), "first");
  EXPECT_EQ(index.size(), 2u);
}

}  // namespace
}  // namespace khabar::ingest
