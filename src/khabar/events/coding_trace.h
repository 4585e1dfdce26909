// CodingTrace: what the event coder decided for each sentence, for tools that explain its
// output (`khabar explain`) without re-deriving its rules.
//
//   std::vector<events::SentenceTrace> trace;
//   KH_RETURN_IF_ERROR(stage.Annotate(document, context, layer, &trace));
//   for (const events::SentenceTrace& sentence : trace) {
//     for (const events::VerbTrace& verb : sentence.verbs) {
//       if (verb.outcome == events::Outcome::kNoTarget) ...;  // no target names an actor
//     }
//   }
//
// A trace holds one SentenceTrace per sentence of the document, in order, and in each the
// dictionary verbs (and event nouns) the coder found, in text order for verbs, nouns after.
// Word indices are WordLayer indices, like doc::Event's. Plain data; tracing costs nothing
// when no trace is asked for.
#ifndef KHABAR_EVENTS_CODING_TRACE_H_
#define KHABAR_EVENTS_CODING_TRACE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "khabar/doc/span.h"
#include "khabar/doc/words.h"

namespace khabar::events {

// What became of one dictionary verb or event noun.
enum class Outcome {
  kEvent,              // it carries at least one event of the sentence
  kAbsorbed,           // folded into the event of the verb that governs it (absorbed_by)
  kNullCode,           // its code, after patterns and combination, is the null code
  kNoSource,           // no source names an actor (for a noun: no possessor or "by" phrase)
  kNoTarget,           // no target names an actor (for a noun: no on/against/with/to phrase)
  kSameActor,          // source and target are the same actor
  kDuplicate,          // its events repeat events another word of the sentence already gave
  kDiscardedClause,    // its clause is dated by a discard phrase (history is not coded)
  kDiscardedSentence,  // a discard phrase stopped the whole sentence or story
  kAttribution,        // a statement ("X said") that names who says so of other events
};

// "event", "absorbed", "null code", ... for reports.
const char* OutcomeName(Outcome outcome);

// A discard phrase the coder acted on.
struct DiscardTrace {
  std::string phrase;  // as the discard list writes it: "YEARS AGO", "1988"
  std::string where;   // "Phoenix.discards.txt:108"
  bool story = false;  // a story discard: it stops every sentence of the article
  uint32_t sentence = 0;                  // the sentence that holds the phrase (0-based)
  doc::WordIndex clause = doc::kNoHead;   // a dating phrase: the head of the clause it dates

  bool empty() const { return phrase.empty(); }
};

// One argument of a verb as the coder took it.
struct ArgumentTrace {
  doc::WordIndex head = doc::kNoHead;  // kNoHead: the coder found no such argument
  doc::Span span;                      // the words the coder took for it (with conjuncts)
  std::vector<std::string> codes;      // the actor codes it resolved to; empty: none
};

struct VerbTrace {
  doc::WordIndex word = doc::kNoHead;
  bool nominal = false;       // an event noun (Dictionaries::nouns), not a verb
  std::string entry;          // the dictionary line: "MEET {MEETS MET MEETING}"
  std::string entry_source;   // its file:line
  std::string code;           // the final code after patterns, modality and combination
  std::string pattern;        // what gave the code, as doc::Event::pattern
  std::string pattern_source;
  bool negated = false;       // coded as the negation of `code`
  ArgumentTrace source, target;  // empty for kDiscardedSentence
  Outcome outcome = Outcome::kEvent;
  doc::WordIndex absorbed_by = doc::kNoHead;  // kAbsorbed: the governing verb
  DiscardTrace discard;                       // kDiscardedClause, kDiscardedSentence
};

struct SentenceTrace {
  uint32_t sentence = 0;  // 0-based
  DiscardTrace discard;   // set when the whole sentence (or story) was discarded
  std::vector<DiscardTrace> dated_clauses;  // dating discards and the clauses they drop
  std::vector<VerbTrace> verbs;
};

}  // namespace khabar::events

#endif  // KHABAR_EVENTS_CODING_TRACE_H_
