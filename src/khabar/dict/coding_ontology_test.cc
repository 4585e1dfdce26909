#include "khabar/dict/coding_ontology.h"

#include <gtest/gtest.h>

namespace khabar::dict {
namespace {

TEST(CodingOntologyTest, ReadsSignedHexSums) {
  Warnings warnings;
  CodingOntology ontology = CodingOntology::Parse(
      "# invented subset\r\n"
      "020:0x2000#Appeal\r\n"
      "0231:0x2045\r\n"
      "121:-0xFFFF+0x0070\r\n"
      "122:-0xFFFF+0x2040+0x300# a mask\r\n"
      "---:0\r\n"
      "020:0x9999\r\n"
      "bad line\r\n",
      "t.pico.txt", &warnings);
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].ToString(),
            "t.pico.txt:7: code \"020\" already defined at line 2; kept the first");
  EXPECT_EQ(warnings[1].ToString(),
            "t.pico.txt:8: expected \"CODE:0xHEX\", got \"bad line\"; skipped");
  EXPECT_EQ(ontology.entries().size(), 5u);
  EXPECT_EQ(ontology.Find("020"), 0x2000);
  EXPECT_EQ(ontology.Find("0231"), 0x2045);
  EXPECT_EQ(ontology.Find("121"), -0xFFFF + 0x0070);
  EXPECT_EQ(ontology.Find("122"), -0xFFFF + 0x2040 + 0x300);
  EXPECT_EQ(ontology.Find("---"), 0);
  EXPECT_FALSE(ontology.Find("999").has_value());
}

}  // namespace
}  // namespace khabar::dict
