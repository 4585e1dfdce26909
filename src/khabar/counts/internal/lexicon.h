// The words the counts stage reads (docs/formats/counts.md): casualty predicates by lemma,
// with the role their victim takes, units that make a number no count, toll words and the
// markers of a cumulative figure.
//
// Thread-safety: constant tables and pure functions.
#ifndef KHABAR_COUNTS_INTERNAL_LEXICON_H_
#define KHABAR_COUNTS_INTERNAL_LEXICON_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace khabar::counts::internal {

enum class CountKind : uint8_t { kKilled = 0, kInjured, kDisplaced, kArrested, kKidnapped };
inline constexpr int kCountKinds = 5;

// How the victim relates to the predicate.
enum class Valency : uint8_t {
  kTransitive,    // "kill": the object, the passive subject, the noun a participle modifies
  kIntransitive,  // "die", "flee": the subject
  kState,         // "dead", "injured", "homeless": the subject of the copula, the modified noun
  kNoun,          // "deaths", "arrests", "hostages": the noun the number modifies, "of" + noun
};

struct Casualty {
  CountKind kind;
  Valency valency;
};

// The casualty predicate a lemma or form (lower case) names, or nullopt. `passive_only` is
// set for lemmas that are casualty words only in the passive ("held").
std::optional<Casualty> CasualtyOf(std::string_view lemma, bool* passive_only = nullptr);

// Nouns after which a number is a time, a sum, a distance or a share, never a count
// ("two weeks", "$5 million", "45 percent", "19 October").
bool IsUnitWord(std::string_view lemma);

// Words naming a figure ("toll", "tally").
bool IsTollWord(std::string_view lemma);

// Verbs that move a toll: the figure they reach is cumulative ("rose to 200").
bool IsTollChangeVerb(std::string_view lemma);

// Single words that make a figure cumulative ("total", "overall", "since").
bool IsCumulativeWord(std::string_view form);

// Two-word markers ("so far", "to date", "in all", "in total").
bool IsCumulativePair(std::string_view first, std::string_view second);

// Verbs of speech: a statement's own event never takes a count.
bool IsSpeechLemma(std::string_view lemma);

}  // namespace khabar::counts::internal

#endif  // KHABAR_COUNTS_INTERNAL_LEXICON_H_
