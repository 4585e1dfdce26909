// CoNLL 2018 shared-task evaluation of a system CoNLL-U file against gold (Zeman et al.
// 2018, "CoNLL 2018 Shared Task: Multilingual Parsing from Raw Text to Universal
// Dependencies", section 2.2), reproducing the official conll18_ud_eval.py, version 1.2:
//
//   - The text is the concatenation of the surface tokens' FORMs with every space
//     separator (Unicode Zs) removed; both files must have the same text. Tokens and
//     sentences are spans over it and score by exact span match.
//   - Words outside multiword tokens align when their spans are identical. Inside a
//     "multiword span" (the smallest stretch holding whole multiword tokens of either
//     file) words align by the longest common subsequence of their lowercased FORMs.
//   - UPOS, XPOS, lemma, UAS and LAS count aligned words whose values agree: a gold lemma
//     "_" matches anything, UAS needs the two heads aligned to each other (or both
//     root), LAS also the DEPREL before any ':' subtype. F1 = 2 * correct / (gold + system).
//   - Empty nodes ("8.1") and comments are skipped.
//
//   KH_ASSIGN_OR_RETURN(eval::UdScores scores, eval::ScoreUd(gold_text, system_text));
//   fmt::print("UPOS {:.2f}  LAS {:.2f}\n", scores.upos.f1(), scores.las.f1());
//
// Thread-safety: plain values and a pure function; safe from any thread.
#ifndef KHABAR_EVAL_UD_EVAL_H_
#define KHABAR_EVAL_UD_EVAL_H_

#include <cstdint>
#include <string_view>

#include "khabar/base/status.h"

namespace khabar::eval {

// Counts for one metric. For tokens and sentences `aligned` is 0; for words it equals
// `correct`; for the tag and tree metrics it is the number of aligned words.
struct UdMetric {
  uint64_t gold = 0;
  uint64_t system = 0;
  uint64_t correct = 0;
  uint64_t aligned = 0;

  // Percentages (0-100); 0 when the denominator is 0.
  double precision() const { return Percent(correct, system); }
  double recall() const { return Percent(correct, gold); }
  double f1() const { return Percent(2 * correct, gold + system); }
  // correct / aligned words: the script's "AligndAcc" column.
  double aligned_accuracy() const { return Percent(correct, aligned); }

 private:
  static double Percent(uint64_t part, uint64_t whole) {
    return whole == 0 ? 0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
  }
};

struct UdScores {
  UdMetric tokens, sentences, words, upos, xpos, lemma, uas, las;
};

// Scores `system_conllu` against `gold_conllu` (each a complete file's contents) exactly
// as conll18_ud_eval.py does. InvalidArgument for:
//   - input the script rejects (a line without 10 tab-separated columns, an unparsable or
//     out-of-sequence ID, a bad HEAD, a cycle, not exactly one root, an empty FORM, no
//     blank line at the end) or invalid UTF-8, as "gold:LINE: ..." or "system:LINE: ...";
//   - texts that differ, naming the first differing character's offset (in code points of
//     the space-free text) and up to 20 characters of each text from there.
StatusOr<UdScores> ScoreUd(std::string_view gold_conllu, std::string_view system_conllu);

}  // namespace khabar::eval

#endif  // KHABAR_EVAL_UD_EVAL_H_
