// CorefActorResolver: an events::ActorResolver that falls back on in-document coreference
// (mention_chains.h) where the dictionaries alone give no actor.
//
//   events::DictionaryActorResolver dictionary(dictionaries.actors, dictionaries.agents);
//   mentions::MentionChains chains = mentions::LinkMentions(document, dictionary, date);
//   mentions::CorefActorResolver resolver(dictionary, chains);
//   events::CodingContext context;
//   context.date = date;
//   context.resolver = &resolver;  // "He" -> "LBYMIL", "his troops" -> "LBYMIL"
//   KH_RETURN_IF_ERROR(event_stage.Annotate(document, context, document.events));
//
// or, in one call, mentions::AnnotateWithCoreference(event_stage, document, context, layer).
//
// Resolve asks the base resolver first. When the base finds an actor (a code with a base
// code) it is kept, and a bare country code gains the agent of a title next to the
// argument's head ("Libyan General Tarek Zaidan": LBY + MIL = LBYMIL). When the base finds
// nothing, or only agent codes ("MIL" for "the general's troops", "GOV" for "the
// president"), and the argument's head (or its nmod:poss possessor: "his troops") is a
// linked mention, the chain's actor is returned: unchanged for the head itself, with the
// argument's agents added after it for a possessor (CAMEO's actor + agent composition). The
// returned span is then the antecedent's, which may lie in an earlier sentence.
//
// Thread-safety: immutable; Resolve may run from many threads. The chains belong to one
// document: use a new resolver per document.
#ifndef KHABAR_MENTIONS_COREF_ACTOR_RESOLVER_H_
#define KHABAR_MENTIONS_COREF_ACTOR_RESOLVER_H_

#include <optional>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/dict/date.h"
#include "khabar/doc/document.h"
#include "khabar/doc/events.h"
#include "khabar/events/actor_resolver.h"
#include "khabar/events/event_stage.h"
#include "khabar/mentions/mention_chains.h"

namespace khabar::mentions {

class CorefActorResolver final : public events::ActorResolver {
 public:
  // REQUIRES: `base` and `chains` outlive the resolver; `chains` were linked on the document
  // later passed to Resolve.
  CorefActorResolver(const events::ActorResolver& base, const MentionChains& chains)
      : base_(&base), chains_(&chains) {}

  std::vector<events::ResolvedActor> Resolve(const doc::Document& document,
                                             const events::ArgumentWords& argument,
                                             dict::Date date) const override;

 private:
  // The chain's actor for an argument the base could not name; nullopt when none.
  std::optional<events::ResolvedActor> FromChain(
      const doc::Document& document, const events::ArgumentWords& argument,
      const std::vector<events::ResolvedActor>& agents_only) const;
  // Adds the title agent of the argument's head mention to a bare country code.
  void AddTitleAgent(const events::ArgumentWords& argument, const doc::Document& document,
                     events::ResolvedActor& actor) const;

  const events::ActorResolver* base_;
  const MentionChains* chains_;
};

// Links the mentions of `document` and codes its events with a CorefActorResolver over
// context.resolver (or, when that is null, the stage's dictionary resolver). Appends to
// `layer` like EventStage::Annotate and fails when it fails.
Status AnnotateWithCoreference(const events::EventStage& stage, const doc::Document& document,
                               events::CodingContext context, doc::EventLayer& layer);

// Coreference for every document an EventStage or CodingStage codes:
//   options.resolver_factory = &mentions::CoreferenceResolution();  // CodingStageOptions
// Each document gets its own chains (LinkMentions) and a CorefActorResolver over them.
const events::DocumentResolverFactory& CoreferenceResolution();

}  // namespace khabar::mentions

#endif  // KHABAR_MENTIONS_COREF_ACTOR_RESOLVER_H_
