#include "khabar/events/internal/code_algebra.h"

#include <gtest/gtest.h>

namespace khabar::events::internal {
namespace {

constexpr char kOntology[] =
    "010:0x1000\n011:0x1000-0xFFFF\n030:0x3000\n033:0x3040\n050:0x0080\n070:0x0040\n"
    "110:0x1007f\n120:-0xFFFF\n121:-0xFFFF+0x0070\n";

class CodeAlgebraTest : public ::testing::Test {
 protected:
  dict::Warnings warnings_;
  dict::CodingOntology ontology_ = dict::CodingOntology::Parse(kOntology, "t", &warnings_);
  CodeAlgebra algebra_{ontology_};
};

TEST_F(CodeAlgebraTest, CategoryOnlyUpperAbsorbsLower) {
  EXPECT_EQ(algebra_.Combine("030", "070"), "033");  // "A will [help B]"
  EXPECT_EQ(algebra_.Combine("010", "050"), "010");  // 0x1080 falls back to 0x1000
  EXPECT_EQ(algebra_.Combine("033", "050"), "033");  // a detailed upper code stands
  EXPECT_EQ(algebra_.Combine("010", "030"), "010");  // two categories: the upper stands
}

TEST_F(CodeAlgebraTest, NegationFollowsTheOntology) {
  EXPECT_EQ(algebra_.Negate("110"), "050");
  EXPECT_EQ(algebra_.Negate("010"), "011");
  EXPECT_EQ(algebra_.Negate("050"), "120");  // -0xFFFF + 0x80 falls back to "reject"
  EXPECT_EQ(algebra_.Negate("999"), "");
}

}  // namespace
}  // namespace khabar::events::internal
