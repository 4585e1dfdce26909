// Tokenisation scoring by the CoNLL 2018 shared-task method (Zeman et al. 2018, "CoNLL 2018
// Shared Task: Multilingual Parsing from Raw Text to Universal Dependencies", section 4):
// spans are compared as character offsets over the text with all whitespace removed, and
// a system span counts as correct when both its start and its end equal a gold span's.
//
//   eval::NonSpaceIndex index(raw_text);
//   eval::F1Score tokens = eval::ScoreSpans(index.MapAll(gold), index.MapAll(system));
//   fmt::print("{:.2f}\n", tokens.F1());
//
// Thread-safety: plain values and pure functions.
#ifndef KHABAR_EVAL_SCORER_H_
#define KHABAR_EVAL_SCORER_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "khabar/doc/span.h"

namespace khabar::eval {

struct F1Score {
  uint64_t gold = 0;
  uint64_t system = 0;
  uint64_t correct = 0;

  // In percent; 0 when undefined.
  double Precision() const { return system == 0 ? 0 : 100.0 * correct / system; }
  double Recall() const { return gold == 0 ? 0 : 100.0 * correct / gold; }
  double F1() const {
    return gold + system == 0 ? 0 : 200.0 * correct / static_cast<double>(gold + system);
  }
};

// Maps byte offsets of a text to offsets over its non-whitespace code points.
class NonSpaceIndex {
 public:
  explicit NonSpaceIndex(std::string_view text);
  // REQUIRES: offset <= text.size().
  uint32_t Map(uint32_t byte_offset) const { return prefix_[byte_offset]; }
  doc::Span Map(doc::Span span) const { return {Map(span.begin), Map(span.end)}; }
  std::vector<doc::Span> MapAll(std::span<const doc::Span> spans) const;

 private:
  std::vector<uint32_t> prefix_;  // non-space code points before each byte offset
};

// Counts spans present in both lists (as multisets). Inputs need not be sorted.
F1Score ScoreSpans(std::span<const doc::Span> gold, std::span<const doc::Span> system);

}  // namespace khabar::eval

#endif  // KHABAR_EVAL_SCORER_H_
