// The two forms of `khabar explain` output for one sentence: aligned text for an analyst,
// and one JSON object (docs/formats/events.md, "khabar explain").
//
//   SentenceExplanation explanation = explainer.Explain(document, sentence);
//   std::string text = ExplanationText(explanation, /*with_tree=*/true);
//   std::string line = ExplanationJson(explanation, /*with_tree=*/true);  // no newline
//
// Thread-safety: pure functions.
#ifndef KHABAR_CLI_EXPLAIN_OUTPUT_H_
#define KHABAR_CLI_EXPLAIN_OUTPUT_H_

#include <string>

#include "khabar/cli/explain.h"

namespace khabar::cli {

// Header, sentence, the dependency tree (unless !with_tree), the events with their reasons,
// then ("no event" when there is none) the dictionary verbs and nouns that carry no event,
// each with the coder's reason. Ends with a blank line.
std::string ExplanationText(const SentenceExplanation& explanation, bool with_tree);
// The same content as one line of JSON ("verbs" lists every dictionary verb and noun, with
// or without events); "words" is omitted unless with_tree.
std::string ExplanationJson(const SentenceExplanation& explanation, bool with_tree);

}  // namespace khabar::cli

#endif  // KHABAR_CLI_EXPLAIN_OUTPUT_H_
