// Regular English inflection for dictionary words, as PETRARCH generates it for agents,
// synset members and verbs that give no irregular forms. Words are normalised keys
// (lowercase). The rules improve on PETRARCH's where it produced non-words: a vowel
// before a final "y" keeps the "y" ("envoy" -> "envoys", not "envoies"), and "ch"/"sh"
// take "es" like "s", "x" and "z". Consonants are never doubled ("stop" -> "stoped"):
// such verbs list their forms in "{...}".
//
// Stateless; safe from any thread.
#ifndef KHABAR_DICT_INTERNAL_INFLECT_H_
#define KHABAR_DICT_INTERNAL_INFLECT_H_

#include <array>
#include <string>
#include <string_view>

namespace khabar::dict::internal {

// "minister" -> "ministers", "militia" -> "militias", "deputy" -> "deputies",
// "boss" -> "bosses". REQUIRES: !word.empty().
std::string RegularPlural(std::string_view word);

// The third-person, past and gerund forms: "attack" -> {"attacks", "attacked",
// "attacking"}, "seize" -> {"seizes", "seized", "seizing"}, "rally" -> {"rallies",
// "rallied", "rallying"}. REQUIRES: !word.empty().
std::array<std::string, 3> RegularVerbForms(std::string_view word);

}  // namespace khabar::dict::internal

#endif  // KHABAR_DICT_INTERNAL_INFLECT_H_
