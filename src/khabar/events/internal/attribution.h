// Who says so and how sure: the attribution and certainty of an event, read from the
// clauses around its verb (DESIGN.md stage 11; docs/formats/attribution.md).
//
//   Attribution attribution(tree, [&](int word) { return IsStatementVerb(word); });
//   Qualification q = attribution.Qualify({verb, negated, intent, root});
//   event.certainty = q.certainty;
//   event.attributed_to = q.attributed_to;
//
// Thread-compatible: reads the tree it is given.
#ifndef KHABAR_EVENTS_INTERNAL_ATTRIBUTION_H_
#define KHABAR_EVENTS_INTERNAL_ATTRIBUTION_H_

#include <functional>
#include <initializer_list>
#include <string_view>
#include <utility>

#include "khabar/doc/events.h"
#include "khabar/events/internal/sentence_tree.h"

namespace khabar::events::internal {

// What the coder knows of an event's verb.
struct EventFacts {
  int verb = -1;        // local word index
  bool negated = false;
  bool intent = false;  // recoded as an intent or threat by modality
  int root = -1;        // the CAMEO root of the event's code, or -1
};

struct Qualification {
  doc::Certainty certainty = doc::Certainty::kAsserted;
  doc::Span attributed_to;  // empty: nobody is said to say so
  int statement = -1;       // the statement verb whose subject says so, or -1
};

class Attribution {
 public:
  // `is_statement(word)`: whether a verb reports speech (say, tell, announce, ...).
  Attribution(const SentenceTree& tree, std::function<bool(int)> is_statement)
      : tree_(tree), is_statement_(std::move(is_statement)) {}

  // Precedence: denied and negated, then hypothetical, alleged, reported, asserted.
  Qualification Qualify(const EventFacts& facts) const;

 private:
  // The sayer of the verb's clause: the subject of a statement verb above it ("X said
  // that ...") or beside it ("..., police said"), or the object of "according to".
  void FindSayer(int verb, Qualification* out) const;
  bool FindSayerAmongKids(int at, int verb, Qualification* out) const;
  bool SaysThrough(int statement, Qualification* out) const;
  bool FindSentenceAccordingTo(Qualification* out) const;
  void FindTrailingSayer(int verb, Qualification* out) const;
  // A verb above the clause (through complements, conjuncts and adverbial clauses).
  bool UnderLemma(int verb, std::initializer_list<std::string_view> lemmas) const;
  // An adverb of the verb itself ("allegedly").
  bool UnderAdverb(int verb, std::initializer_list<std::string_view> lemmas) const;
  bool IsHypothetical(const EventFacts& facts) const;
  bool IsAlleged(int verb) const;
  doc::Span PhraseSpan(int head) const;

  const SentenceTree& tree_;
  std::function<bool(int)> is_statement_;
};

}  // namespace khabar::events::internal

#endif  // KHABAR_EVENTS_INTERNAL_ATTRIBUTION_H_
