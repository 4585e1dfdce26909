// LinkAntecedents: the antecedent rules of the mentions stage (docs/formats/mentions.md),
// applied to the mentions FindMentions found, in document order.
//
//   std::vector<Mention> mentions = internal::FindMentions(document, resolver, date);
//   internal::LinkAntecedents(document, mentions);
//   mentions[3].antecedent == 0;  // "Hifter" -> "Khalifa Hafter"
//
// Names link to an earlier name they repeat or end with (transliteration keys, articles
// dropped); "the general" and "the Egyptian president" to the one earlier person whose
// title, role code or country agrees best; pronouns to the one subject in reach.
//
// Stateless; safe from any thread.
#ifndef KHABAR_MENTIONS_INTERNAL_ANTECEDENTS_H_
#define KHABAR_MENTIONS_INTERNAL_ANTECEDENTS_H_

#include <span>
#include <vector>

#include "khabar/doc/document.h"
#include "khabar/mentions/mention_chains.h"

namespace khabar::mentions::internal {

// Sets antecedent and chain of every mention (and the type of those it links to a person).
// REQUIRES: `mentions` are in document order and come from FindMentions(document, ...).
void LinkAntecedents(const doc::Document& document, std::vector<Mention>& mentions);

// MentionChains::ChainActor over a plain list of linked mentions.
const events::ResolvedActor* ChainActorIn(std::span<const Mention> mentions, MentionIndex mention);

// Whether the pronoun "it" at `word` is pleonastic: "it is likely", "it seems", "it was
// reported that", "it is expected to".
bool IsPleonasticIt(const doc::Document& document, doc::WordIndex word);

}  // namespace khabar::mentions::internal

#endif  // KHABAR_MENTIONS_INTERNAL_ANTECEDENTS_H_
