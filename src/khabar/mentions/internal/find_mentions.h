// FindMentions: the names, definite nominals and third-person pronouns of a parsed
// document, each with what the dictionary resolver says of its own words; no links yet
// (internal/antecedents.h adds them).
//
//   std::vector<Mention> found = internal::FindMentions(document, dictionary_resolver, date);
//
// Also the small tree helpers both halves of the stage share.
//
// Stateless; safe from any thread.
#ifndef KHABAR_MENTIONS_INTERNAL_FIND_MENTIONS_H_
#define KHABAR_MENTIONS_INTERNAL_FIND_MENTIONS_H_

#include <optional>
#include <string_view>
#include <vector>

#include "khabar/dict/date.h"
#include "khabar/doc/document.h"
#include "khabar/events/actor_resolver.h"
#include "khabar/mentions/mention_chains.h"

namespace khabar::mentions::internal {

// REQUIRES: document.words.parsed().
std::vector<Mention> FindMentions(const doc::Document& document, const events::ActorResolver& base,
                                  dict::Date date);

std::string_view FormOf(const doc::Document& document, doc::WordIndex word);
std::string_view LemmaOf(const doc::Document& document, doc::WordIndex word);
std::string_view DeprelOf(const doc::Document& document, doc::WordIndex word);

// nsubj or nsubj:pass, or a conjunct of one.
bool IsSubject(const doc::Document& document, doc::WordIndex word);

// The first child of `head` (in sentence `sentence`) whose relation is `deprel`, or kNoHead.
doc::WordIndex ChildWith(const doc::Document& document, uint32_t sentence, doc::WordIndex head,
                         std::string_view deprel);

// The country of a code: its first three letters when they are the whole base code of a
// country-like actor, else empty.
std::string_view CountryOf(const events::ResolvedActor& actor);

// Adds `agent` after a bare country code ("LBY" + "MIL" = "LBYMIL"), as the dictionary
// resolver composes agents, and widens the span over `title_span`. Leaves other codes
// ("LBYMIL", agent-only "GOV") alone. Returns whether it changed the actor.
bool ComposeTitle(std::string_view agent, doc::Span title_span, events::ResolvedActor& actor);

}  // namespace khabar::mentions::internal

#endif  // KHABAR_MENTIONS_INTERNAL_FIND_MENTIONS_H_
