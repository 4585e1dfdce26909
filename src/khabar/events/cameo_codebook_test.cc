#include "khabar/events/cameo_codebook.h"

#include <gtest/gtest.h>

namespace khabar::events {
namespace {

TEST(CameoCodebookTest, GoldsteinFromTheCommittedTable) {
  CameoCodebook codebook;
  EXPECT_GT(codebook.goldstein_size(), 300u);
  EXPECT_FLOAT_EQ(codebook.Goldstein("190"), -10.0f);
  EXPECT_FLOAT_EQ(codebook.Goldstein("057"), 8.0f);
  EXPECT_FLOAT_EQ(codebook.Goldstein("0579"), 8.0f);  // longest listed prefix
}

TEST(CameoCodebookTest, QuadClassesFollowTheRoots) {
  EXPECT_EQ(CameoCodebook::QuadClass("050"), 1);
  EXPECT_EQ(CameoCodebook::QuadClass("0871"), 2);
  EXPECT_EQ(CameoCodebook::QuadClass("111"), 3);
  EXPECT_EQ(CameoCodebook::QuadClass("190"), 4);
  EXPECT_EQ(CameoCodebook::QuadClass("212"), 0);
  EXPECT_EQ(CameoCodebook::Root("0332"), "03");
  EXPECT_FALSE(CameoCodebook::IsEventCode("---"));
  EXPECT_FALSE(CameoCodebook::IsEventCode("102b"));
}

TEST(CameoCodebookTest, PloverMappingLines) {
  CameoCodebook codebook = CameoCodebook::FromPloverText(
      "# comment\n03: AGREE\n0311: AGREE,  ,   economic # note\n19: ASSAULT\nbad line\n");
  EXPECT_EQ(codebook.Plover("0311"), "AGREE");
  EXPECT_EQ(codebook.Plover("033"), "AGREE");
  EXPECT_EQ(codebook.Plover("190"), "ASSAULT");
  EXPECT_EQ(codebook.Plover("120"), "");
}

}  // namespace
}  // namespace khabar::events
