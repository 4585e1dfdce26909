// CodeSentence: the event coder for one parsed sentence (see event_stage.h and
// docs/formats/events.md for the rules it implements).
#ifndef KHABAR_EVENTS_INTERNAL_SENTENCE_CODER_H_
#define KHABAR_EVENTS_INTERNAL_SENTENCE_CODER_H_

#include <cstdint>
#include <vector>

#include "khabar/dict/date.h"
#include "khabar/dict/dictionaries.h"
#include "khabar/doc/document.h"
#include "khabar/doc/events.h"
#include "khabar/events/actor_resolver.h"
#include "khabar/events/cameo_codebook.h"
#include "khabar/events/coding_trace.h"
#include "khabar/events/internal/code_algebra.h"

namespace khabar::events::internal {

struct CoderResources {
  const dict::Dictionaries* dictionaries = nullptr;
  const CameoCodebook* codebook = nullptr;
  const CodeAlgebra* algebra = nullptr;
  const ActorResolver* resolver = nullptr;
  dict::Date date = dict::Date::Max();
  bool future_is_intent = true;  // CodingContext::future_is_intent
};

// The trace of discard `discard` of `discards`, found in `sentence`.
DiscardTrace MakeDiscardTrace(const dict::DiscardList& discards, uint32_t discard, uint32_t sentence);

// Appends the events of document.sentences[sentence] to *events and, unless `trace` is
// nullptr, records in *trace what the coder decided for each dictionary verb and noun.
// REQUIRES: the document is parsed; every pointer in `resources` is set;
// trace->sentence == sentence.
void CodeSentence(const doc::Document& document, uint32_t sentence, const CoderResources& resources,
                  std::vector<doc::Event>* events, SentenceTrace* trace = nullptr);

// Records in *trace the dictionary verbs and nouns of a sentence that a story discard
// stopped, each with outcome kDiscardedSentence and `discard` as its reason.
void TraceDiscardedSentence(const doc::Document& document, uint32_t sentence,
                            const CoderResources& resources, const DiscardTrace& discard,
                            SentenceTrace* trace);

}  // namespace khabar::events::internal

#endif  // KHABAR_EVENTS_INTERNAL_SENTENCE_CODER_H_
