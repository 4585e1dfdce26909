// Parsing one "[CODE date-restriction]" group of an actor dictionary:
//   "VRDGOV"  "VRDGOV >140608"  "VRDGOV > 140608"  "VRDMIL <140608"
//   "VRDMIL 770101-120812"  "VRDGOV 19950601 - 19990815"  "VRDGOV 20121204" (read as ">")
// Codes are upper-cased (with a warning if they were not); bad dates, inverted ranges and
// groups without a code are warned about and dropped.
//
// Stateless; safe from any thread.
#ifndef KHABAR_DICT_INTERNAL_ROLES_H_
#define KHABAR_DICT_INTERNAL_ROLES_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "khabar/dict/actor_dictionary.h"
#include "khabar/dict/warning.h"

namespace khabar::dict::internal {

// `group` is the text inside the brackets.
std::optional<ActorRole> ParseActorRole(std::string_view group, uint32_t line,
                                        WarningSink& warnings);

// True for the characters CAMEO codes use: letters, digits and "-+/~!_:".
bool IsCodeText(std::string_view code);

}  // namespace khabar::dict::internal

#endif  // KHABAR_DICT_INTERNAL_ROLES_H_
