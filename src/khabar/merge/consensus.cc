#include "khabar/merge/consensus.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace khabar::merge {
namespace {

// The lower median of the largest figure of each outlet; -1 when no report gives one.
int64_t MedianOfOutlets(std::span<const Report> reports, int figure) {
  std::map<std::string, int64_t> by_outlet;
  for (const Report& report : reports) {
    const int64_t value = report.figures[figure];
    if (value < 0) continue;
    auto [it, inserted] = by_outlet.emplace(report.outlet, value);
    if (!inserted) it->second = std::max(it->second, value);
  }
  if (by_outlet.empty()) return -1;
  std::vector<int64_t> values;
  for (const auto& [outlet, value] : by_outlet) values.push_back(value);
  std::sort(values.begin(), values.end());
  return values[(values.size() - 1) / 2];
}

}  // namespace

Consensus ConsensusOf(std::span<const Report> reports) {
  Consensus consensus;
  consensus.reports = static_cast<int64_t>(reports.size());
  std::set<std::string> outlets;
  for (const Report& report : reports) outlets.insert(report.outlet);
  consensus.corroboration = static_cast<int64_t>(outlets.size());
  for (int figure = 0; figure < kFigureCount; ++figure) {
    consensus.figures[figure] = MedianOfOutlets(reports, figure);
    for (const Report& report : reports) {
      const int64_t value = report.figures[figure];
      if (value < 0) continue;
      int64_t& low = consensus.lowest[figure];
      int64_t& high = consensus.highest[figure];
      low = low < 0 ? value : std::min(low, value);
      high = std::max(high, value);
    }
  }
  return consensus;
}

}  // namespace khabar::merge
