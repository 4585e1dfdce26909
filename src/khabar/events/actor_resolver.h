// ActorResolver: turns an event argument (a dependency subtree) into CAMEO actor codes.
//
//   events::DictionaryActorResolver resolver(dictionaries.actors, dictionaries.agents);
//   events::ArgumentWords argument{sentence, head, words};  // words of the subtree, sorted
//   for (const events::ResolvedActor& actor : resolver.Resolve(document, argument, date))
//     Use(actor.code);  // "EGYMIL"
//
// The interface is the seam for the mentions/coreference stage: a later resolver can map a
// pronoun head to the actor it refers to without touching the event coder.
//
// DictionaryActorResolver finds actor-dictionary phrases (longest first) and agent phrases
// inside the argument's words. The actor nearest the head in the tree is the argument's
// actor; actors coordinated with it ("the ambassadors of Arnor, Osgiliath and Gondor") are
// returned too, one each. Agent codes are added after the actor's dated code (EGY + MIL =
// EGYMIL; "[NGO~]" agents go before it), in text order; with no actor the agents alone
// make the code ("militants" -> "REB").
//
// Thread-safety: implementations are immutable; Resolve may run from many threads.
#ifndef KHABAR_EVENTS_ACTOR_RESOLVER_H_
#define KHABAR_EVENTS_ACTOR_RESOLVER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "khabar/dict/actor_dictionary.h"
#include "khabar/dict/agent_dictionary.h"
#include "khabar/dict/date.h"
#include "khabar/doc/document.h"

namespace khabar::events {

struct ArgumentWords {
  uint32_t sentence = 0;
  doc::WordIndex head = doc::kNoHead;     // WordLayer index of the argument's head word
  std::span<const doc::WordIndex> words;  // the argument's words in text order, head included
};

struct ResolvedActor {
  std::string code;       // composed code, e.g. "EGYMIL"; agent-only ("MIL") without an actor
  std::string base_code;  // the actor's own dated code ("EGY"), empty for agent-only codes
  std::string agents;     // the agent codes added after it ("MIL")
  std::string actor;      // the actor's primary phrase as written, or empty
  doc::Span span;         // bytes of Document::text of the matched phrase(s)
};

class ActorResolver {
 public:
  virtual ~ActorResolver() = default;
  // The actors of one argument; empty when it names none.
  virtual std::vector<ResolvedActor> Resolve(const doc::Document& document,
                                             const ArgumentWords& argument,
                                             dict::Date date) const = 0;
};

// Makes the resolver for one document: the seam through which the mentions stage
// (src/khabar/mentions/) adds in-document coreference without the coder depending on it.
// EventStage asks it once per document when CodingContext::resolver is not set.
class DocumentResolverFactory {
 public:
  virtual ~DocumentResolverFactory() = default;
  // `base` (the dictionary resolver) outlives the returned resolver.
  virtual std::unique_ptr<ActorResolver> ForDocument(const doc::Document& document,
                                                     const ActorResolver& base,
                                                     dict::Date date) const = 0;
};

class DictionaryActorResolver final : public ActorResolver {
 public:
  // REQUIRES: both dictionaries outlive the resolver.
  DictionaryActorResolver(const dict::ActorDictionary& actors, const dict::AgentDictionary& agents)
      : actors_(&actors), agents_(&agents) {}

  std::vector<ResolvedActor> Resolve(const doc::Document& document, const ArgumentWords& argument,
                                     dict::Date date) const override;

 private:
  const dict::ActorDictionary* actors_;
  const dict::AgentDictionary* agents_;
};

}  // namespace khabar::events

#endif  // KHABAR_EVENTS_ACTOR_RESOLVER_H_
