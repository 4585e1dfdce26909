// Explanations for `khabar explain`: for one parsed and coded sentence, its dependency tree,
// each event with the reasons behind its codes (the dictionary actor and its dated role, the
// verb pattern and its file:line), and the dictionary verbs that carry no event.
//
//   SentenceExplainer explainer(dictionaries);                    // outlives the explainer
//   SentenceExplanation explanation = explainer.Explain(document, sentence_index);
//   PrintExplanationText(explanation, /*with_tree=*/true);        // explain_output.h
//
// Everything here is read from public data (doc::Event, the dictionaries); the event coder
// itself is not re-run. Two things mirror the coder's documented rules because it exposes
// no API for them (docs/formats/events.md): which word is a dictionary verb ("Verbs"), and
// which dated role of an actor applies ("Date-bounded roles" in dict/actor_dictionary.h).
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
#include "khabar/events/actor_resolver.h"

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
};

// An argument the tree gives a verb, and what the actor dictionaries find in it.
struct VerbArgument {
  std::string role;  // "subject", "object", "oblique", ...
  std::string text;
  std::string code;  // empty: names no actor
};

// A word of the sentence that is in the verb dictionary but is the verb of no event.
struct UncodedVerb {
  uint32_t index = 0;  // 1-based within the sentence
  std::string_view form;
  std::string entry;  // the dictionary line as written, "MEET"
  std::string code;   // its code, "036" or "042:043"
  std::string block;  // "MEET [036]"
  std::string where;  // "CAMEO.2.0.txt:1234"
  std::vector<VerbArgument> arguments;
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
  std::vector<UncodedVerb> uncoded_verbs;
};

class SentenceExplainer {
 public:
  // REQUIRES: `dictionaries` outlives the explainer.
  explicit SentenceExplainer(const dict::Dictionaries& dictionaries);

  // REQUIRES: sentence < document.sentences.size(); the document is parsed and coded.
  SentenceExplanation Explain(const doc::Document& document, uint32_t sentence) const;

 private:
  ExplainedActor ExplainActor(const doc::Document& document, uint32_t sentence,
                              const doc::EventArgument& argument, dict::Date date) const;
  std::string BlockOf(std::string_view pattern_source) const;
  std::vector<UncodedVerb> FindUncodedVerbs(const doc::Document& document, uint32_t sentence,
                                            const std::vector<ExplainedEvent>& events) const;
  std::vector<VerbArgument> ArgumentsOf(const doc::Document& document, uint32_t sentence,
                                        doc::WordIndex verb) const;
  std::string FindDiscard(const doc::Document& document, uint32_t sentence) const;

  const dict::Dictionaries* dictionaries_;
  events::DictionaryActorResolver resolver_;
  std::unordered_map<std::string, std::vector<uint32_t>> actors_by_name_;
  std::unordered_map<uint32_t, uint32_t> block_by_line_;  // verbs-file line -> block id
};

}  // namespace khabar::cli

#endif  // KHABAR_CLI_EXPLAIN_H_
