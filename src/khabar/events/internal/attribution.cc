#include "khabar/events/internal/attribution.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace khabar::events::internal {
namespace {

// Relations through which a clause hangs below the clause that frames it.
bool IsClauseLink(std::string_view base) {
  return base == "ccomp" || base == "xcomp" || base == "advcl" || base == "conj" || base == "parataxis";
}

bool IsOneOf(std::string_view lemma, std::initializer_list<std::string_view> lemmas) {
  return std::find(lemmas.begin(), lemmas.end(), lemma) != lemmas.end();
}

}  // namespace

Qualification Attribution::Qualify(const EventFacts& facts) const {
  Qualification out;
  if (facts.verb < 0 || facts.verb >= tree_.size()) return out;
  FindSayer(facts.verb, &out);
  if (facts.negated) {
    bool denied = UnderLemma(facts.verb, {"deny", "refute", "dismiss", "reject"});
    out.certainty = denied ? doc::Certainty::kDenied : doc::Certainty::kNegated;
  } else if (IsHypothetical(facts)) {
    out.certainty = doc::Certainty::kHypothetical;
  } else if (IsAlleged(facts.verb)) {
    out.certainty = doc::Certainty::kAlleged;
  } else if (!out.attributed_to.empty() || UnderAdverb(facts.verb, {"reportedly"})) {
    out.certainty = doc::Certainty::kReported;
  }
  return out;
}

void Attribution::FindSayer(int verb, Qualification* out) const {
  for (int at = verb, steps = 0; at >= 0 && steps < tree_.size(); ++steps) {
    if (FindSayerAmongKids(at, verb, out)) return;
    int up = tree_.head(at);
    if (up < 0) break;
    std::string_view base = tree_.base(at);
    if ((base == "ccomp" || base == "parataxis") && is_statement_(up) && SaysThrough(up, out)) return;
    if (!IsClauseLink(base)) break;
    at = up;
  }
  if (FindSentenceAccordingTo(out)) return;
  FindTrailingSayer(verb, out);
}

// "X handed over Y after meeting Z, his office said in a statement": a trailing ", <subject>
// <statement verb>" with no clause of its own says the whole sentence, wherever the parser
// hung it.
void Attribution::FindTrailingSayer(int verb, Qualification* out) const {
  for (int statement = verb + 1; statement < tree_.size(); ++statement) {
    if (!is_statement_(statement)) continue;
    int subject = -1;
    bool has_clause = false;
    for (int kid : tree_.kids(statement)) {
      if (tree_.rel(kid) == "nsubj") subject = kid;
      has_clause = has_clause || tree_.base(kid) == "ccomp" || tree_.base(kid) == "xcomp";
    }
    if (subject < 0 || has_clause || subject > statement) continue;
    std::vector<int> words = tree_.Subtree(subject, [](int) { return false; });
    int first = words.front();
    if (first <= verb || first == 0 || tree_.form(first - 1) != ",") continue;
    out->attributed_to = PhraseSpan(subject);
    out->statement = statement;
    return;
  }
}

// "Over 450 were killed and 2,000 injured in the assault, according to the WHO": a
// sentence-final "according to" that the parser hung on another clause still names the
// source of the sentence, unless it sits inside a relative clause.
bool Attribution::FindSentenceAccordingTo(Qualification* out) const {
  for (int word = 0; word < tree_.size(); ++word) {
    std::string_view marker = tree_.CaseOf(word);
    if (tree_.base(word) != "obl" || (marker != "according" && marker != "accord")) continue;
    bool relative = false;
    for (int at = word; at >= 0; at = tree_.head(at)) relative = relative || tree_.rel(at) == "acl:relcl";
    if (relative) continue;
    out->attributed_to = PhraseSpan(word);
    return true;
  }
  return false;
}

// "..., police said" (a parataxis below the clause) or "according to the BBC".
bool Attribution::FindSayerAmongKids(int at, int verb, Qualification* out) const {
  for (int kid : tree_.kids(at)) {
    if (kid == verb) continue;
    if (tree_.base(kid) == "parataxis" && is_statement_(kid) && SaysThrough(kid, out)) return true;
    std::string_view marker = tree_.CaseOf(kid);
    bool according = tree_.base(kid) == "obl" && (marker == "according" || marker == "accord");
    if (!according && (tree_.lemma(kid) == "according" || tree_.lemma(kid) == "accord")) {
      for (int object : tree_.kids(kid)) {
        if (tree_.base(object) == "obl" && tree_.CaseOf(object) == "to") {
          out->attributed_to = PhraseSpan(object);
          return true;
        }
      }
    }
    if (according) {
      out->attributed_to = PhraseSpan(kid);
      return true;
    }
  }
  return false;
}

bool Attribution::SaysThrough(int statement, Qualification* out) const {
  for (int kid : tree_.kids(statement)) {
    if (tree_.rel(kid) != "nsubj") continue;
    out->attributed_to = PhraseSpan(kid);
    out->statement = statement;
    return true;
  }
  return false;
}

bool Attribution::UnderLemma(int verb, std::initializer_list<std::string_view> lemmas) const {
  for (int at = verb, steps = 0; at >= 0 && steps < tree_.size(); ++steps) {
    if (!IsClauseLink(tree_.base(at))) return false;
    at = tree_.head(at);
    if (at >= 0 && IsOneOf(tree_.lemma(at), lemmas)) return true;
  }
  return false;
}

bool Attribution::UnderAdverb(int verb, std::initializer_list<std::string_view> lemmas) const {
  for (int kid : tree_.kids(verb)) {
    if (tree_.base(kid) == "advmod" && IsOneOf(tree_.lemma(kid), lemmas)) return true;
  }
  return false;
}

// Intents and threats (the coder's modality), modal auxiliaries, and conditions on the
// clause or any clause above it: "would", "could", "if", "unless".
bool Attribution::IsHypothetical(const EventFacts& facts) const {
  if (facts.intent || facts.root == 13) return true;
  for (int kid : tree_.kids(facts.verb)) {
    if (tree_.base(kid) == "aux" && IsOneOf(tree_.lemma(kid), {"could", "might", "may", "would", "should"})) {
      return true;
    }
  }
  for (int at = facts.verb, steps = 0; at >= 0 && steps < tree_.size(); at = tree_.head(at), ++steps) {
    for (int kid : tree_.kids(at)) {
      if (tree_.rel(kid) == "mark" && IsOneOf(tree_.lemma(kid), {"if", "unless"})) return true;
    }
    if (!IsClauseLink(tree_.base(at))) return false;
  }
  return false;
}

bool Attribution::IsAlleged(int verb) const {
  return UnderAdverb(verb, {"allegedly", "purportedly", "supposedly"}) ||
         UnderLemma(verb, {"claim", "allege", "accuse"});
}

// The words of a phrase without its clauses and its own preposition: "the BBC" of
// "according to the BBC", "a spokesman for the paper".
doc::Span Attribution::PhraseSpan(int head) const {
  std::vector<int> words = tree_.Subtree(head, [&](int kid) {
    std::string_view base = tree_.base(kid);
    return base == "acl" || base == "parataxis" || base == "punct" || base == "appos" ||
           (tree_.head(kid) == head && (base == "case" || base == "mark"));
  });
  return doc::Span{tree_.word(words.front()).span.begin, tree_.word(words.back()).span.end};
}

}  // namespace khabar::events::internal
