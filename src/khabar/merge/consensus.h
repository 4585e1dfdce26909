// What an event with several reports says as one (docs/formats/merge.md, "Consensus").
//
//   merge::Consensus consensus = merge::ConsensusOf(reports);
//   // consensus.corroboration: distinct outlets; consensus.figures[merge::kKilled]: the median
//
// Corroboration counts distinct outlets (Report::outlet), not articles: two articles of one
// outlet count once, and a syndicated copy carries the outlet of the article it copies (the
// store sets that when it builds the report). A figure's consensus takes one figure per
// outlet, the largest it reported (an outlet's later update supersedes its first count), then
// the median of those, the lower of the two middle ones when their number is even: as
// conservative as ACLED's "lowest credible figure" when only two outlets disagree, and not
// moved by one outlier when three or more report. Each report keeps its own figure.
//
// Thread-safety: pure functions.
#ifndef KHABAR_MERGE_CONSENSUS_H_
#define KHABAR_MERGE_CONSENSUS_H_

#include <array>
#include <cstdint>
#include <span>

#include "khabar/merge/report.h"

namespace khabar::merge {

struct Consensus {
  int64_t reports = 0;
  int64_t corroboration = 0;                                         // distinct outlets
  std::array<int64_t, kFigureCount> figures = {-1, -1, -1, -1, -1};  // -1: no report gives one
  std::array<int64_t, kFigureCount> lowest = {-1, -1, -1, -1, -1};
  std::array<int64_t, kFigureCount> highest = {-1, -1, -1, -1, -1};
};

Consensus ConsensusOf(std::span<const Report> reports);

}  // namespace khabar::merge

#endif  // KHABAR_MERGE_CONSENSUS_H_
