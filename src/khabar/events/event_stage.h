// EventStage: codes who did what to whom in CAMEO from a parsed Document (pipeline stage 7).
//
//   KH_ASSIGN_OR_RETURN(dict::Dictionaries dictionaries, dict::LoadDictionaries(dir, files));
//   events::CameoCodebook codebook = ...;                 // Goldstein, quad class, PLOVER
//   events::EventStage stage(dictionaries, codebook);
//   events::CodingContext context;
//   context.date = events::ArticleDate(document);          // date-bounded actor roles
//   doc::EventLayer layer;
//   KH_RETURN_IF_ERROR(stage.Annotate(document, context, layer));
//
// Coding works on the dependency tree (docs/formats/events.md): verbs whose form (or form
// plus particle, "hand over") is in the verb dictionary are matched against their block's
// patterns; the pattern with the most matched elements gives the code, else the verb's
// default code. The subject is the source and the object or oblique the target (passives:
// the by-agent is the source, the passive subject the target); coordinated actors give one
// event each; complement and control clauses combine the upper verb's code with the lower
// one's through the coding ontology and the verb dictionary's transformations; negated
// verbs are coded with the ontology's negation of their code and flagged `negated`, and
// clauses under a denial ("denied attacking") are flagged as well.
//
// Thread-safety: immutable after construction; Annotate may run on many documents at once.
#ifndef KHABAR_EVENTS_EVENT_STAGE_H_
#define KHABAR_EVENTS_EVENT_STAGE_H_

#include <memory>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/dict/date.h"
#include "khabar/dict/dictionaries.h"
#include "khabar/doc/document.h"
#include "khabar/doc/events.h"
#include "khabar/events/actor_resolver.h"
#include "khabar/events/cameo_codebook.h"
#include "khabar/events/coding_trace.h"

namespace khabar::events {

namespace internal {
class CodeAlgebra;
}  // namespace internal

struct CodingContext {
  // The article's date, for date-bounded actor roles; Date::Max() when unknown (the
  // latest role applies).
  dict::Date date = dict::Date::Max();
  // Resolves arguments to actors; nullptr uses the stage's dictionary resolver.
  const ActorResolver* resolver = nullptr;
  // A main-clause future ("Arnor will contribute aid") is an intent (03x) or a threat
  // (13x), as the CAMEO manual says; false follows PETRARCH-2, which codes the act itself
  // unless the future is reported ("said it would contribute").
  bool future_is_intent = true;
};

// The publication date of `document` ("YYYY-MM-DD" or "YYYYMMDD"), else Date::Max().
dict::Date ArticleDate(const doc::Document& document);

class EventStage {
 public:
  // REQUIRES: `dictionaries` and `codebook` outlive the stage.
  EventStage(const dict::Dictionaries& dictionaries, const CameoCodebook& codebook);
  ~EventStage();
  EventStage(EventStage&&) noexcept;
  EventStage& operator=(EventStage&&) noexcept;

  // Appends the events of every parsed sentence of `document` to `layer`. Fails with
  // FailedPrecondition when the document has no dependency parse.
  Status Annotate(const doc::Document& document, const CodingContext& context,
                  doc::EventLayer& layer) const;
  // The same, and unless `trace` is nullptr replaces *trace with one SentenceTrace per
  // sentence: what the coder decided for each dictionary verb and noun (coding_trace.h).
  Status Annotate(const doc::Document& document, const CodingContext& context,
                  doc::EventLayer& layer, std::vector<SentenceTrace>* trace) const;

  const DictionaryActorResolver& dictionary_resolver() const { return resolver_; }
  // Per-document resolvers (coreference) used when CodingContext::resolver is null;
  // nullptr: the dictionary resolver. REQUIRES: `factory` outlives the stage.
  void set_resolver_factory(const DocumentResolverFactory* factory) { factory_ = factory; }

 private:
  const dict::Dictionaries* dictionaries_;
  const CameoCodebook* codebook_;
  DictionaryActorResolver resolver_;
  const DocumentResolverFactory* factory_ = nullptr;
  std::unique_ptr<internal::CodeAlgebra> algebra_;
};

}  // namespace khabar::events

#endif  // KHABAR_EVENTS_EVENT_STAGE_H_
