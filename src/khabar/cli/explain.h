// Explanations for `khabar explain`: for one parsed and coded sentence, its dependency tree,
// each event with the reasons behind its codes (the dictionary actor and its dated role, the
// verb pattern and its file:line), and every dictionary verb and event noun with what the
// coder made of it.
//
//   std::vector<events::SentenceTrace> trace;
//   KH_RETURN_IF_ERROR(coding_stage.ProcessWithTrace(document, &trace));
//   SentenceExplainer explainer(dictionaries);                    // outlives the explainer
//   SentenceExplanation explanation = explainer.Explain(document, trace[sentence_index]);
//   std::string text = ExplanationText(explanation, /*with_tree=*/true);  // explain_output.h
//
// Everything here is read from what the coder wrote: its events and its trace
// (events/coding_trace.h), which says which words are dictionary verbs and nouns, which
// arguments it took and why a word coded nothing. Only the dated role of an actor is read
// from the actor dictionary ("Date-bounded roles" in dict/actor_dictionary.h).
//
// Thread-safety: SentenceExplainer is immutable after construction. An explanation views
// the Document it was made from and must not outlive it.
#ifndef KHABAR_CLI_EXPLAIN_H_
#define KHABAR_CLI_EXPLAIN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "khabar/dict/date.h"
#include "khabar/dict/dictionaries.h"
#include "khabar/doc/document.h"
#include "khabar/events/coding_trace.h"

namespace khabar::cli {

// One word of the tree, in tree order (pre-order, dependents in text order).
struct ExplainedWord {
  uint32_t index = 0;  // 1-based within the sentence, as in CoNLL-U
  uint32_t head = 0;   // 1-based; 0 for a root
  int depth = 0;       // 0 for a root
  std::string_view form, upos, lemma, relation;
  std::vector<int> events;  // numbers (1-based) of the sentence's events this word is the verb of
};

// Why an argument got its actor code.
struct ExplainedActor {
  std::string text;        // the argument's words as written in the article
  std::string code;        // the composed code: "EGYGOV", "LBYMIL", "REB"
  std::string actor;       // the dictionary's primary phrase, or empty (agents only)
  std::string matched;     // the article's words that matched it ("Sisi"), or empty
  std::string role_code;   // the actor's own code on the article date ("LBY")
  std::string role_dates;  // "from 2014-06-08", "until 2014-06-07", "A to B", or empty (undated)
  std::string where;       // "khabar.actors.txt:142"
  std::string agents;      // what agents added to role_code: "+MIL", "NGO+", or empty
  std::string why;         // the above as one line
};

struct ExplainedEvent {
  int number = 0;  // 1-based within the sentence
  const doc::Event* event = nullptr;
  uint32_t verb_index = 0;  // 1-based within the sentence; 0 when unknown
  std::string_view verb_form;
  std::string block;  // the verb block of the pattern, "MEET [036]", or empty
  ExplainedActor source, target;
  std::string attributed_to;  // who says so, as written; empty when nobody
  std::string date_expression;  // the words that date the event as written, or empty
};

// A source or target as the coder took it (events::ArgumentTrace).
struct TracedArgument {
  uint32_t head = 0;   // 1-based within the sentence; 0 when the coder found none
  std::string text;    // its words as written; empty when none
  std::string codes;   // "EGY" or "EGY, LBY"; empty when it names no actor
};

// A dictionary verb or event noun of the sentence and what the coder made of it
// (events::VerbTrace).
struct TracedVerb {
  uint32_t index = 0;  // 1-based within the sentence
  std::string_view form;
  bool nominal = false;  // an event noun
  std::string entry;     // the dictionary line as written, "MEET"
  std::string where;     // its file:line, "CAMEO.2.0.txt:1234"
  std::string block;     // "MEET [036]", or empty (nouns)
  std::string code;      // the final code, "036", "042:043" or "---"
  std::string pattern;   // what gave the code; empty when the dictionary line itself did
  std::string pattern_where;
  bool negated = false;
  bool analysed = true;  // false: a discard stopped the sentence before the verb was read
  TracedArgument source, target;
  events::Outcome outcome = events::Outcome::kEvent;
  std::vector<int> events;  // numbers of the sentence's events this word is the verb of
  std::string why;          // the outcome in plain words
};

struct SentenceExplanation {
  std::string_view doc_id;
  std::string_view published;  // empty when unknown
  uint32_t number = 0;         // 1-based
  uint32_t count = 0;          // sentences in the document
  doc::Span raw_span;          // bytes of the article as ingested
  std::string_view text;       // the sentence as ingested
  std::string discard;         // "phrase (file:line)" when a discard phrase stopped coding
  std::vector<ExplainedWord> words;
  std::vector<ExplainedEvent> events;
  std::vector<TracedVerb> verbs;  // every dictionary verb and event noun, in trace order
};

class SentenceExplainer {
 public:
  // REQUIRES: `dictionaries` outlives the explainer.
  explicit SentenceExplainer(const dict::Dictionaries& dictionaries);

  // REQUIRES: trace.sentence < document.sentences.size(); the document is parsed and coded,
  // and `trace` is the coder's trace of that sentence.
  SentenceExplanation Explain(const doc::Document& document,
                              const events::SentenceTrace& trace) const;

 private:
  ExplainedActor ExplainActor(const doc::Document& document, uint32_t sentence,
                              const doc::EventArgument& argument, dict::Date date) const;
  std::string BlockOf(std::string_view pattern_source) const;
  TracedVerb ExplainVerb(const doc::Document& document, const events::VerbTrace& verb,
                         const SentenceExplanation& explanation) const;

  const dict::Dictionaries* dictionaries_;
  std::unordered_map<std::string, std::vector<uint32_t>> actors_by_name_;
  std::unordered_map<uint32_t, uint32_t> block_by_line_;  // verbs-file line -> block id
};

}  // namespace khabar::cli

#endif  // KHABAR_CLI_EXPLAIN_H_
