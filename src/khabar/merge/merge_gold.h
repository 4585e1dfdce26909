// The merge gold (docs/eval/merge-gold.md): pairs of sentences from two invented articles,
// labelled same event or different event, and the pairwise score of `khabar eval merge`.
//
//   MergeGold gold = ParseMergeGold(bytes, "eval/merge.dev.jsonl");
//   MergeScore score;
//   score.Add(pair, /*predicted_same=*/true, /*both_coded=*/true);
//   fmt::print("{:.2f}\n", score.precision());
//
// Thread-safety: plain data and pure functions.
#ifndef KHABAR_MERGE_MERGE_GOLD_H_
#define KHABAR_MERGE_MERGE_GOLD_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"

namespace khabar::merge {

struct GoldArticle {
  std::string outlet, url, published, text;
};

struct MergePair {
  std::string id;
  bool same = false;
  GoldArticle a, b;
  std::string kind, note;
  uint64_t line = 0;  // 1-based line in the file
};

struct MergeGold {
  std::vector<MergePair> pairs;
  std::vector<std::string> errors;  // "file:line: what is wrong", one per bad line
};

// Every line of `bytes`; blank lines are skipped, bad lines are reported in `errors` (named
// `name`:line) and the rest are kept.
MergeGold ParseMergeGold(std::string_view bytes, std::string_view name);
// ParseMergeGold of a file. NotFound or DataLoss when it cannot be read.
StatusOr<MergeGold> ReadMergeGold(const std::string& path);

// Pairwise precision and recall of "same event". A pair whose side codes no event is
// predicted different, and counted apart in `uncoded` too.
struct MergeScore {
  int64_t true_positives = 0, false_positives = 0, false_negatives = 0, true_negatives = 0;
  int64_t uncoded = 0;  // pairs with a side that coded no event
  struct KindCount {
    int64_t pairs = 0, correct = 0;
  };
  std::map<std::string, KindCount> by_kind;

  void Add(const MergePair& pair, bool predicted_same, bool both_coded);
  int64_t pairs() const {
    return true_positives + false_positives + false_negatives + true_negatives;
  }
  double precision() const;  // percent; 0 with no positive prediction
  double recall() const;
  double f1() const;
  double accuracy() const;
};

}  // namespace khabar::merge

#endif  // KHABAR_MERGE_MERGE_GOLD_H_
