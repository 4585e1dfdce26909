#include "khabar/ingest/near_duplicate.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <set>

namespace khabar::ingest {
namespace {

// Invented wire stories, the length of a short news item.
constexpr std::string_view kFlood =
    "Heavy rain flooded parts of the coastal city of Tamarisk on Tuesday, forcing the closure of "
    "the main road to the airport, the civil protection office said.\n\n"
    "About two hundred families spent the night in schools and a sports hall in the eastern "
    "districts. Water reached the first floor of several houses near the old canal, and "
    "firefighters used boats to reach an elderly couple trapped on a roof.\n\n"
    "The regional governor, Samira Okafor, said the drainage system had been overwhelmed by more "
    "than ninety millimetres of rain in six hours. She promised emergency funds for the worst "
    "hit neighbourhoods and asked residents to stay away from the riverbanks.\n\n"
    "The weather service expects more storms on Thursday and has kept its orange alert for the "
    "whole province. No deaths have been reported, but two fishermen are missing after their "
    "boat failed to return to the harbour.";

// A later story on the same floods: the same city, officials, places and agencies.
constexpr std::string_view kFloodFollowUp =
    "The airport road in Tamarisk reopened on Saturday after the flood water receded, the civil "
    "protection office said.\n\n"
    "Governor Samira Okafor toured the old canal district with engineers and said the drainage "
    "system would be rebuilt before the winter. Shopkeepers in the eastern districts began "
    "clearing mud from their stores, and many said they had received no help from the "
    "province.\n\n"
    "The two fishermen missing since Tuesday were found alive on a small island south of the "
    "harbour, the coast guard said. The weather service lifted its orange alert for the province "
    "but warned that the ground remained saturated. Insurers put the damage at several million.";

std::string Replace(std::string text, std::string_view from, std::string_view to) {
  size_t pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

// The exact Jaccard similarity of the word 3-shingle sets, for checking the estimate.
std::set<std::string> Shingles(std::string_view text) {
  std::vector<std::string> words = ShingleWords(text);
  std::set<std::string> shingles;
  for (size_t begin = 0; begin + 3 <= words.size(); ++begin) {
    shingles.insert(words[begin] + " " + words[begin + 1] + " " + words[begin + 2]);
  }
  return shingles;
}

double ExactJaccard(std::string_view a, std::string_view b) {
  std::set<std::string> first = Shingles(a);
  std::set<std::string> second = Shingles(b);
  size_t common = 0;
  for (const std::string& shingle : first) common += second.count(shingle);
  return static_cast<double>(common) / static_cast<double>(first.size() + second.size() - common);
}

TEST(ContentHashTest, IgnoresCaseAndSpacing) {
  EXPECT_EQ(ContentHash("The  Council\nmet."), ContentHash("the council met."));
  EXPECT_NE(ContentHash("The council met."), ContentHash("The council left."));
  EXPECT_EQ(FoldForHash("  A\t B \n"), "a b");
}

TEST(ShingleWordsTest, LowerCasesAndStripsPunctuation) {
  EXPECT_EQ(ShingleWords("Lt. Col. Al-Rifi's \"3.5 hours,\" he said..."),
            (std::vector<std::string>{"lt", "col", "alrifis", "35", "hours", "he", "said"}));
  // U+00A0 and U+2009 separate words; curly quotes, dashes and the ellipsis are removed.
  EXPECT_EQ(ShingleWords("\xE2\x80\x9CSfax\xC2\xA0port\xE2\x80\x9D \xE2\x80\x94 "
                         "Gab\xC3\xA8s\xE2\x80\x89t\xC3\xBCnnel\xE2\x80\xA6"),
            (std::vector<std::string>{"sfax", "port", "gab\xC3\xA8s", "t\xC3\xBCnnel"}));
  EXPECT_TRUE(ShingleWords(" -- ... ").empty());
}

TEST(MinHashTest, SyndicatedCopyWithOtherHeadlineAndFooterIsFound) {
  std::string original = "Floods close airport road in Tamarisk\n\n" + std::string(kFlood);
  std::string copy = "Tamarisk families shelter in schools as rain floods coast\n\n" +
                     std::string(kFlood) +
                     "\n\nReporting by the Coastal Wire desk; editing by the night editor.";
  double estimate = EstimateJaccard(ComputeMinHash(original), ComputeMinHash(copy));
  std::printf("syndicated copy: exact %.3f, estimate %.3f\n", ExactJaccard(original, copy),
              estimate);
  EXPECT_GE(estimate, NearDuplicateIndex::kNearDuplicateJaccard);
  NearDuplicateIndex index;
  index.Add("wire-1", ComputeMinHash(original));
  EXPECT_EQ(index.FindNear(ComputeMinHash(copy)), "wire-1");
}

TEST(MinHashTest, CopyWithTwoChangedWordsIsFound) {
  std::string edited =
      Replace(std::string(kFlood), "two hundred families", "three hundred families");
  edited = Replace(edited, "ninety millimetres", "eighty millimetres");
  double estimate = EstimateJaccard(ComputeMinHash(kFlood), ComputeMinHash(edited));
  std::printf("two changed words: exact %.3f, estimate %.3f\n", ExactJaccard(kFlood, edited),
              estimate);
  NearDuplicateIndex index;
  index.Add("wire-1", ComputeMinHash(kFlood));
  EXPECT_EQ(index.FindNear(ComputeMinHash(edited)), "wire-1");
}

TEST(MinHashTest, DifferentStoriesAboutTheSamePlacesAreNotFound) {
  double exact = ExactJaccard(kFlood, kFloodFollowUp);
  double estimate = EstimateJaccard(ComputeMinHash(kFlood), ComputeMinHash(kFloodFollowUp));
  std::printf("same topic, other story: exact %.3f, estimate %.3f\n", exact, estimate);
  EXPECT_LT(exact, 0.2);
  NearDuplicateIndex index;
  index.Add("flood-1", ComputeMinHash(kFlood));
  EXPECT_FALSE(index.FindNear(ComputeMinHash(kFloodFollowUp)).has_value());
}

TEST(MinHashTest, EstimateIsWithinATenthOfExactJaccard) {
  std::string flood(kFlood);
  size_t third_paragraph = flood.find("The regional governor");
  size_t last_paragraph = flood.find("The weather service");
  std::string follow_up(kFloodFollowUp);
  std::vector<std::pair<std::string, std::string>> pairs = {
      {flood, Replace(flood, "orange alert", "red alert")},
      {flood, flood.substr(0, last_paragraph) + follow_up.substr(follow_up.find("The two"))},
      {flood, flood.substr(0, third_paragraph) + std::string(kFloodFollowUp)},
      {flood.substr(third_paragraph), std::string(kFloodFollowUp)},
      {flood, std::string(kFloodFollowUp)},
  };
  for (const auto& [first, second] : pairs) {
    double exact = ExactJaccard(first, second);
    double estimate = EstimateJaccard(ComputeMinHash(first), ComputeMinHash(second));
    std::printf("exact %.3f, estimate %.3f\n", exact, estimate);
    EXPECT_NEAR(estimate, exact, 0.1);
  }
}

TEST(MinHashTest, ShortAndEmptyTexts) {
  EXPECT_TRUE(IsEmptySignature(ComputeMinHash("")));
  EXPECT_TRUE(IsEmptySignature(ComputeMinHash(" ... ")));
  EXPECT_EQ(ComputeMinHash("Two words"), ComputeMinHash("two,  WORDS."));
  EXPECT_FALSE(IsEmptySignature(ComputeMinHash("Two words")));
  EXPECT_EQ(EstimateJaccard(ComputeMinHash(""), ComputeMinHash("")), 0.0);
  EXPECT_EQ(EstimateJaccard(ComputeMinHash(kFlood), ComputeMinHash(kFlood)), 1.0);
}

TEST(MinHashTest, SignatureIsStableAcrossBuilds) {
  // Stored signatures are compared with new ones: the hash family must never change.
  MinHashSignature signature = ComputeMinHash("the harbour quay");
  EXPECT_EQ(signature[0], 1523105734u);
  EXPECT_EQ(signature[63], 841891743u);
}

TEST(SignatureBytesTest, RoundTripsLittleEndian) {
  MinHashSignature signature = ComputeMinHash(kFlood);
  signature[0] = 0x04030201u;
  std::string bytes = SerializeSignature(signature);
  ASSERT_EQ(bytes.size(), 258u);
  EXPECT_EQ(bytes.substr(0, 6), std::string("\x01\x40\x01\x02\x03\x04", 6));
  MinHashSignature parsed{};
  ASSERT_TRUE(ParseSignature(bytes, &parsed));
  EXPECT_EQ(parsed, signature);
}

TEST(SignatureBytesTest, RejectsOtherSizesAndVersions) {
  MinHashSignature parsed{};
  MinHashSignature untouched{};
  std::string bytes = SerializeSignature(ComputeMinHash(kFlood));
  EXPECT_FALSE(ParseSignature("", &parsed));
  EXPECT_FALSE(ParseSignature(bytes.substr(0, 257), &parsed));
  EXPECT_FALSE(ParseSignature(bytes + "x", &parsed));
  EXPECT_FALSE(ParseSignature("\x02" + bytes.substr(1), &parsed));
  EXPECT_FALSE(ParseSignature(bytes.substr(0, 1) + "\x20" + bytes.substr(2), &parsed));
  EXPECT_EQ(parsed, untouched);
}

TEST(NearDuplicateIndexTest, ReturnsTheMostSimilarEarlierId) {
  std::string story(kFlood);
  std::string copy = Replace(story, "ninety millimetres", "eighty millimetres");
  std::string distant = Replace(copy, "two hundred families", "many families");
  distant = Replace(distant, "orange alert", "red alert");
  ASSERT_GE(EstimateJaccard(ComputeMinHash(story), ComputeMinHash(distant)),
            NearDuplicateIndex::kNearDuplicateJaccard);
  NearDuplicateIndex index;
  index.Add("distant", ComputeMinHash(distant));
  index.Add("copy", ComputeMinHash(copy));
  index.Add("same", ComputeMinHash(copy));
  EXPECT_EQ(index.FindNear(ComputeMinHash(story)), "copy");  // ties go to the earliest
  EXPECT_EQ(index.size(), 3u);
}

TEST(NearDuplicateIndexTest, SkipsTheExceptedIdAndEmptySignatures) {
  NearDuplicateIndex index;
  index.Add("self", ComputeMinHash(kFlood));
  index.Add("empty", ComputeMinHash(""));
  EXPECT_EQ(index.FindNear(ComputeMinHash(kFlood)), "self");
  EXPECT_FALSE(index.FindNear(ComputeMinHash(kFlood), "self").has_value());
  EXPECT_FALSE(index.FindNear(ComputeMinHash("")).has_value());
  EXPECT_EQ(index.size(), 2u);
}

TEST(NearDuplicateIndexTest, BandsCatchSimilarPairsAndRarelyDissimilarOnes) {
  // Synthetic signatures agreeing in a chosen number of slots, at random positions.
  uint64_t state = 42;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 33);
  };
  auto found_fraction = [&](int agreeing_slots) {
    int found = 0;
    for (int trial = 0; trial < 200; ++trial) {
      MinHashSignature base, other;
      for (int slot = 0; slot < kMinHashSize; ++slot) base[slot] = other[slot] = next();
      std::array<int, kMinHashSize> order;
      for (int slot = 0; slot < kMinHashSize; ++slot) order[slot] = slot;
      for (int slot = kMinHashSize - 1; slot > 0; --slot)
        std::swap(order[slot], order[next() % (slot + 1)]);
      for (int rank = agreeing_slots; rank < kMinHashSize; ++rank) other[order[rank]] ^= 1;
      NearDuplicateIndex index;
      index.Add("base", base);
      found += index.FindNear(other).has_value() ? 1 : 0;
    }
    return found / 200.0;
  };
  EXPECT_GE(found_fraction(48), 0.95);  // estimate 0.75
  EXPECT_EQ(found_fraction(40), 0.0);   // estimate 0.625: a candidate, rejected by the check
}

}  // namespace
}  // namespace khabar::ingest
