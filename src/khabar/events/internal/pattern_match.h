// PatternMatcher: matches a verb block's PETRARCH-2 patterns against a verb's dependents
// and picks the most specific one (most matched elements; file order breaks ties).
//
// Pattern semantics on the tree (docs/formats/events.md): words after '*' match words of
// the verb's subtree that follow the verb, words before it words of the verb's clause that
// precede it (and the verb's governor, for "INDICATED *"). A noun matches a word by form
// or lemma (a synset by any member phrase ending at the word); the other words of a braced
// noun phrase match words before the head inside its subtree. "(PREP noun)" matches a
// "case"/"mark" word (or the verb's particle) whose governor matches the noun. '$' and '+'
// name the source and target; '%' asks for coordinated subjects, coded both ways.
//
// Thread-compatible: one per sentence.
#ifndef KHABAR_EVENTS_INTERNAL_PATTERN_MATCH_H_
#define KHABAR_EVENTS_INTERNAL_PATTERN_MATCH_H_

#include <cstdint>
#include <vector>

#include "khabar/dict/verb_dictionary.h"
#include "khabar/events/internal/sentence_tree.h"

namespace khabar::events::internal {

struct PatternChoice {
  const dict::Pattern* pattern = nullptr;  // nullptr: no pattern matched
  int score = 0;
  int source = -1;        // a word the pattern marks with '$', or -1
  int target = -1;        // a word the pattern marks with '+', or -1
  bool compound = false;  // '%': the subject's conjuncts act on each other
};

class PatternMatcher {
 public:
  // REQUIRES: both outlive the matcher.
  PatternMatcher(const SentenceTree& tree, const dict::VerbDictionary& verbs);

  PatternChoice Choose(int verb, uint32_t block, int subject) const;

 private:
  struct Region {
    std::vector<bool> in;
  };
  bool WordMatches(const dict::PatternWord& pattern_word, int word) const;
  bool IsOwnClause(int word) const;
  bool NearVerb(int phrase_head, int verb) const;
  // Matches a noun (head last) in `region`; returns the head word or -1.
  int MatchNoun(const dict::PatternNoun& noun, const Region& region, int* score) const;
  bool MatchConstituent(const dict::PatternConstituent& constituent, const Region& region, int verb,
                        int subject, bool before, PatternChoice* choice) const;
  bool Match(const dict::Pattern& pattern, int verb, int subject, const Region& before,
             const Region& after, PatternChoice* choice) const;

  const SentenceTree& tree_;
  const dict::VerbDictionary& verbs_;
  std::vector<std::vector<uint32_t>> synsets_;  // per word: synsets with a member ending there
};

}  // namespace khabar::events::internal

#endif  // KHABAR_EVENTS_INTERNAL_PATTERN_MATCH_H_
