// The closed word lists of the mentions stage: titles and the agent code each implies,
// group nouns, organisation words inside names, and third-person pronouns.
//
//   internal::TitleAgent("General") == "MIL";  internal::TitleAgent("president") == "GOV"
//   internal::PronounOf("their") == internal::Pronoun{kGroupOrPlural, /*possessive=*/true}
//
// Lists are matched case-insensitively on ASCII. Stateless; safe from any thread.
#ifndef KHABAR_MENTIONS_INTERNAL_LEXICON_H_
#define KHABAR_MENTIONS_INTERNAL_LEXICON_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace khabar::mentions::internal {

// Whether a word is a title that can stand before a name or head a nominal mention, and
// the CAMEO agent it implies ("" for a title without one, such as "Mr").
struct Title {
  std::string_view agent;
  bool before_name = true;    // may precede a name ("General Hafter")
  bool heads_nominal = true;  // "the general" may refer back to a person
  bool prefix = false;        // only the first word of a two-word title ("Field", "Prime")
};
std::optional<Title> TitleOf(std::string_view word);
// The agent of a title word; empty for other words and titles without an agent.
std::string_view TitleAgent(std::string_view word);

// Nouns heading a nominal that refers back to an organisation ("the group").
bool IsGroupNoun(std::string_view word);

// Words that make a proper-name run an organisation ("Brigades", "Council", "Army").
bool IsOrganisationWord(std::string_view word);

enum class PronounClass : uint8_t {
  kPerson,         // he, him, his, she, her, hers
  kThing,          // it, its
  kGroupOrPlural,  // they, them, their, theirs
};
struct Pronoun {
  PronounClass kind = PronounClass::kPerson;
  bool possessive = false;  // his, its, their (and "her" as nmod:poss, decided by the caller)
  friend bool operator==(const Pronoun&, const Pronoun&) = default;
};
// Third-person pronouns only; nullopt for I, you, we, this, who, ...
std::optional<Pronoun> PronounOf(std::string_view word);

// Verbs after which "it" is usually pleonastic ("it seems", "it is reported").
bool IsPleonasticVerb(std::string_view lemma);

// Words that may join the parts of an Arabic name inside a run: al, el, bin, ibn, bint,
// abu, "-".
bool IsNameConnector(std::string_view word);

// ASCII lower-case comparison.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace khabar::mentions::internal

#endif  // KHABAR_MENTIONS_INTERNAL_LEXICON_H_
