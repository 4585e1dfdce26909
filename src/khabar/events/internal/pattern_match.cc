#include "khabar/events/internal/pattern_match.h"

#include <algorithm>
#include <string_view>

namespace khabar::events::internal {
namespace {

using Kind = dict::PatternWordKind;

bool IsMarker(const dict::PatternWord& word) {
  return word.kind == Kind::kSource || word.kind == Kind::kTarget || word.kind == Kind::kSkip ||
         word.kind == Kind::kCompound;
}

void AddSynsetHits(const dict::VerbDictionary& verbs, const std::vector<std::string_view>& tokens,
                   std::vector<std::vector<uint32_t>>* hits) {
  for (const dict::PhraseMatch& match : verbs.FindSynsetMembers(tokens)) {
    std::vector<uint32_t>& at = (*hits)[match.end - 1];
    for (uint32_t synset : match.values) {
      if (std::find(at.begin(), at.end(), synset) == at.end()) at.push_back(synset);
    }
  }
}

}  // namespace

PatternMatcher::PatternMatcher(const SentenceTree& tree, const dict::VerbDictionary& verbs)
    : tree_(tree), verbs_(verbs), synsets_(tree.size()) {
  std::vector<std::string_view> forms, lemmas;
  for (int word = 0; word < tree.size(); ++word) {
    forms.push_back(tree.form(word));
    lemmas.push_back(tree.lemma(word));
  }
  AddSynsetHits(verbs, forms, &synsets_);
  AddSynsetHits(verbs, lemmas, &synsets_);
}

bool PatternMatcher::WordMatches(const dict::PatternWord& pattern_word, int word) const {
  if (pattern_word.kind == Kind::kWord) {
    return tree_.form(word) == pattern_word.text || tree_.lemma(word) == pattern_word.text;
  }
  if (pattern_word.kind == Kind::kSynset) {
    const std::vector<uint32_t>& hits = synsets_[word];
    return std::find(hits.begin(), hits.end(), pattern_word.synset) != hits.end();
  }
  return false;
}

int PatternMatcher::MatchNoun(const dict::PatternNoun& noun, const Region& region, int* score) const {
  for (int head = 0; head < tree_.size(); ++head) {
    if (!region.in[head] || !WordMatches(noun.head(), head)) continue;
    int matched = 1;
    bool all = true;
    for (size_t index = 0; index + 1 < noun.words.size() && all; ++index) {
      const dict::PatternWord& modifier = noun.words[index];
      if (IsMarker(modifier)) continue;
      bool found = false;
      constexpr int kMaxGap = 4;
      for (int word = std::max(0, head - kMaxGap - static_cast<int>(noun.words.size())); word < head; ++word) {
        if (tree_.IsAncestor(head, word) && WordMatches(modifier, word)) {
          found = true;
          break;
        }
      }
      if (found) ++matched;
      all = found;
    }
    if (!all) continue;
    *score += matched;
    return head;
  }
  return -1;
}

// A prepositional phrase of the verb's own clause: the path from its head up to the verb
// passes no other verb ("asked him to provide tanks to train forces for a battle against
// the GNA": "against" belongs to "train", not to "asked").
bool PatternMatcher::NearVerb(int phrase_head, int verb) const {
  for (int at = tree_.head(phrase_head), steps = 0; at >= 0 && steps < tree_.size(); at = tree_.head(at), ++steps) {
    if (at == verb) return true;
    if (tree_.upos(at) == doc::Upos::kVerb) return false;
  }
  return false;
}

bool PatternMatcher::MatchConstituent(const dict::PatternConstituent& constituent, const Region& region,
                                      int verb, int subject, bool before, PatternChoice* choice) const {
  if (constituent.kind == dict::PatternConstituent::Kind::kNoun) {
    const dict::PatternNoun& noun = constituent.nouns.front();
    const dict::PatternWord& head = noun.head();
    if (head.kind == Kind::kSkip) return true;
    if (head.kind == Kind::kCompound) {
      if (subject < 0) return false;
      for (int kid : tree_.kids(subject)) {
        if (tree_.rel(kid) == "conj") {
          choice->compound = true;
          choice->score += 1;
          return true;
        }
      }
      return false;
    }
    if (head.kind == Kind::kSource || head.kind == Kind::kTarget) {
      int word = before ? subject : tree_.Kid(verb, "obj");
      if (word < 0) return !before;  // "+" after the verb: leave it to the default target
      (head.kind == Kind::kSource ? choice->source : choice->target) = word;
      return true;
    }
    return MatchNoun(noun, region, &choice->score) >= 0;
  }
  // (PREP noun ...): a case/mark word or the verb's particle.
  for (int word = 0; word < tree_.size(); ++word) {
    bool particle = tree_.head(word) == verb && (tree_.rel(word) == "compound:prt" || tree_.base(word) == "advmod");
    if (!region.in[word] && !particle) continue;
    if (!WordMatches(constituent.preposition, word)) continue;
    std::string_view base = tree_.base(word);
    bool marks = base == "case" || base == "mark";
    if (!marks && !particle) continue;
    int object = marks ? tree_.head(word) : -1;
    if (object >= 0 && !NearVerb(object, verb)) continue;
    if (constituent.nouns.empty()) {
      choice->score += 1;
      return true;
    }
    const dict::PatternWord& head = constituent.nouns.front().head();
    if (object < 0) continue;
    if (head.kind == Kind::kSkip) {
      choice->score += 1;
      return true;
    }
    if (head.kind == Kind::kSource || head.kind == Kind::kTarget) {
      (head.kind == Kind::kSource ? choice->source : choice->target) = object;
      choice->score += 2;
      return true;
    }
    Region inside{std::vector<bool>(tree_.size(), false)};
    for (int at = 0; at < tree_.size(); ++at) inside.in[at] = tree_.IsAncestor(object, at) && region.in[at];
    inside.in[object] = true;
    int score = 0;
    bool all = true;
    for (const dict::PatternNoun& noun : constituent.nouns) {
      if (IsMarker(noun.head())) continue;
      if (MatchNoun(noun, inside, &score) < 0) all = false;
    }
    if (!all) continue;
    choice->score += 1 + score;
    return true;
  }
  return false;
}

bool PatternMatcher::Match(const dict::Pattern& pattern, int verb, int subject, const Region& before,
                           const Region& after, PatternChoice* choice) const {
  for (const dict::PatternConstituent& constituent : pattern.before_verb) {
    if (!MatchConstituent(constituent, before, verb, subject, true, choice)) return false;
  }
  for (const dict::PatternConstituent& constituent : pattern.after_verb) {
    if (!MatchConstituent(constituent, after, verb, subject, false, choice)) return false;
  }
  return true;
}

// A finite clause below the verb with a subject of its own ("an admission that the forces
// murdered officers", "said the army had attacked"): its words are its own verb's, and the
// upper verb's patterns do not reach into it.
bool PatternMatcher::IsOwnClause(int word) const {
  std::string_view base = tree_.base(word);
  if (base != "acl" && base != "ccomp" && base != "advcl" && base != "parataxis" && base != "csubj") {
    return false;
  }
  for (int kid : tree_.kids(word)) {
    if (tree_.base(kid) == "nsubj" || tree_.base(kid) == "csubj") return true;
  }
  return false;
}

PatternChoice PatternMatcher::Choose(int verb, uint32_t block, int subject) const {
  Region before{std::vector<bool>(tree_.size(), false)};
  Region after{std::vector<bool>(tree_.size(), false)};
  std::vector<int> reach = tree_.Subtree(verb, [&](int kid) { return IsOwnClause(kid); });
  for (int word : reach) {
    if (word == verb) continue;
    (word < verb ? before : after).in[word] = true;
  }
  if (subject >= 0) {
    for (int word = 0; word < tree_.size(); ++word) {
      if (tree_.IsAncestor(subject, word) && word < verb) before.in[word] = true;
    }
  }
  int governor = tree_.head(verb);
  if (governor >= 0 && governor < verb) before.in[governor] = true;

  PatternChoice best;
  for (uint32_t id : verbs_.blocks()[block].patterns) {
    const dict::Pattern& pattern = verbs_.patterns()[id];
    PatternChoice choice;
    choice.pattern = &pattern;
    if (!Match(pattern, verb, subject, before, after, &choice)) continue;
    if (choice.score == 0 && !choice.compound) continue;
    if (best.pattern == nullptr || choice.score > best.score) best = choice;
  }
  return best;
}

}  // namespace khabar::events::internal
