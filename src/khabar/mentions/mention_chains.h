// Mentions and in-document coreference (pipeline stage 5): finds the mentions of people
// and groups in a parsed Document and links each to an earlier mention of the same actor,
// in the clear cases only (docs/formats/mentions.md).
//
//   events::DictionaryActorResolver dictionary(dictionaries.actors, dictionaries.agents);
//   mentions::MentionChains chains = mentions::LinkMentions(document, dictionary, date);
//   for (const mentions::Mention& mention : chains.mentions) {
//     if (const events::ResolvedActor* actor = chains.ChainActor(chains.IndexOf(mention)))
//       Use(mention.span.In(document.text), actor->code);  // "the general" -> "LBYMIL"
//   }
//
// Three kinds of mention are found: names (maximal runs of proper nouns, a title such as
// "General" or "Field Marshal" in front kept apart), definite nominals headed by a title or
// group noun ("the general", "the Egyptian president", "the group") and third-person
// pronouns. A mention's antecedent is always earlier in the document; a mention with no
// antecedent starts a chain. Precision is preferred to recall: when two earlier actors fit
// equally well the mention is left unlinked.
//
// Thread-safety: MentionChains is plain data; LinkMentions only reads its arguments.
#ifndef KHABAR_MENTIONS_MENTION_CHAINS_H_
#define KHABAR_MENTIONS_MENTION_CHAINS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/dict/date.h"
#include "khabar/doc/document.h"
#include "khabar/events/actor_resolver.h"

namespace khabar::mentions {

// Index into MentionChains::mentions.
using MentionIndex = uint32_t;
inline constexpr MentionIndex kNoMention = 0xFFFFFFFFu;

enum class MentionKind : uint8_t {
  kName,     // "Khalifa Hafter", "Hifter", "the Benghazi Defence Brigades"
  kNominal,  // "the general", "the Egyptian president", "the group"
  kPronoun,  // he, she, him, her, his, it, its, they, them, their
};

// What a mention refers to, from the NER layer when present, else from words and codes.
enum class MentionType : uint8_t {
  kUnknown,
  kPerson,
  kGroup,  // an organisation, armed group or government body
  kPlace,  // a country or city (a country may still act: "Egypt said it ...")
};

struct Mention {
  MentionKind kind = MentionKind::kName;
  MentionType type = MentionType::kUnknown;
  uint32_t sentence = 0;
  // The mention's words [word_begin, word_end) of WordLayer::words: a name without its title,
  // a nominal from its determiner to its head noun, a pronoun alone.
  doc::WordIndex word_begin = 0;
  doc::WordIndex word_end = 0;
  doc::WordIndex head = doc::kNoHead;         // the word whose head lies outside the mention
  doc::WordIndex title = doc::kNoHead;        // "General" before a name; a nominal's head noun
  doc::WordIndex nationality = doc::kNoHead;  // "Libyan", "Egyptian", "Egypt" (in "Egypt's")
  doc::Span span;                             // bytes of Document::text of the words
  char agent[4] = {};    // the title's agent code ("MIL" for general), NUL-terminated; may be empty
  bool subject = false;  // the head is a subject (nsubj, nsubj:pass, or a conjunct of one)
  bool plural = false;
  // What the dictionary resolver says of the mention: of a known name's own words (with the
  // title and nationality before it), else of its phrase as the event coder would gather it
  // (the head's subtree without clauses, conjuncts, place and time modifiers); a bare
  // country is composed with the title's agent. Empty when it names nobody. The chain's
  // actor comes from here.
  std::optional<events::ResolvedActor> actor;
  // A name's own base code ("LBYMIL" for "Hifter"), empty when the dictionaries do not know
  // the name: two names with different codes are never linked.
  std::string name_code;
  MentionIndex antecedent = kNoMention;  // an earlier mention of the same actor
  MentionIndex chain = kNoMention;       // the first mention of the chain (itself if none)

  std::string_view agent_code() const { return std::string_view(agent); }
};

struct MentionChains {
  std::vector<Mention> mentions;  // in document order
  // For each word of WordLayer::words, the mention whose words, title or nationality hold
  // it; kNoMention elsewhere.
  std::vector<MentionIndex> by_word;

  MentionIndex IndexOf(const Mention& mention) const {
    return static_cast<MentionIndex>(&mention - mentions.data());
  }
  // The mention holding `word`, or kNoMention.
  MentionIndex MentionAt(doc::WordIndex word) const {
    return word < by_word.size() ? by_word[word] : kNoMention;
  }
  // The actor of `mention`'s chain: its own when it has an actor code, else that of the
  // nearest antecedent that has one; nullptr when none does.
  // REQUIRES: mention < mentions.size().
  const events::ResolvedActor* ChainActor(MentionIndex mention) const;
};

// Finds the mentions of a tagged and parsed document and links them. `base` resolves a
// mention's own words to actor codes on `date` (a DictionaryActorResolver). A document
// without a dependency parse gives no mentions.
MentionChains LinkMentions(const doc::Document& document, const events::ActorResolver& base,
                           dict::Date date);

}  // namespace khabar::mentions

#endif  // KHABAR_MENTIONS_MENTION_CHAINS_H_
