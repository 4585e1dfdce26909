#include "khabar/merge/consensus.h"

#include <gtest/gtest.h>

#include <vector>

namespace khabar::merge {
namespace {

Report Killed(std::string outlet, int64_t killed) {
  Report report;
  report.outlet = std::move(outlet);
  report.figures[kKilled] = killed;
  return report;
}

TEST(ConsensusTest, OutletsNotArticles) {
  const std::vector<Report> reports = {Killed("a", 443), Killed("a", 450), Killed("b", 450)};
  const Consensus consensus = ConsensusOf(reports);
  EXPECT_EQ(consensus.reports, 3);
  EXPECT_EQ(consensus.corroboration, 2);
  EXPECT_EQ(consensus.figures[kKilled], 450);  // a's latest 450 and b's 450
  EXPECT_EQ(consensus.lowest[kKilled], 443);
  EXPECT_EQ(consensus.highest[kKilled], 450);
  EXPECT_EQ(consensus.figures[kInjured], -1);
}

TEST(ConsensusTest, LowerMedianOfTwoAndMedianOfThree) {
  const std::vector<Report> two = {Killed("a", 443), Killed("b", 450)};
  EXPECT_EQ(ConsensusOf(two).figures[kKilled], 443);
  const std::vector<Report> three = {Killed("a", 12), Killed("b", 15), Killed("c", 200)};
  EXPECT_EQ(ConsensusOf(three).figures[kKilled], 15);
}

TEST(ConsensusTest, ReportsWithoutFigures) {
  const std::vector<Report> reports = {Killed("a", -1), Killed("b", 7)};
  EXPECT_EQ(ConsensusOf(reports).figures[kKilled], 7);
}

}  // namespace
}  // namespace khabar::merge
