// The line syntaxes of the verb dictionary that need a real parser: event codes
// ("[042:043]"), verb spellings ("WIRE_+TAP"), patterns ("- $ * (TO {&MILITARY AID}) [071]")
// and transformations ("~ a (b . THREATEN) OFFER = a b 138"). Each returns false with a
// one-line reason on a malformed line; nothing here allocates without bound or recurses
// deeper than a fixed limit, whatever the input.
//
// Stateless; safe from any thread.
#ifndef KHABAR_DICT_INTERNAL_VERB_SYNTAX_H_
#define KHABAR_DICT_INTERNAL_VERB_SYNTAX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/dict/verb_dictionary.h"

namespace khabar::dict::internal {

// Parses the inside of "[...]". Returns false when it is not "A", "A:B", ":B" or "A:";
// *unusual is set (and true returned) for parts other than 2-4 digits or "---", which
// PETRARCH reads by their first two digits ("080!", "075A").
bool ParseEventCode(std::string_view text, EventCode* code, std::string* error,
                    std::string* unusual);

// "WORD", "+WORD" or a compound "A_+B_C" (exactly one '+', on the verb word).
bool ParseVerbSpelling(std::string_view text, std::vector<std::string>* words, uint32_t* head,
                       std::string* error);

// A pattern line, starting with '-'. Synset references are left unresolved (kNoId).
bool ParsePattern(std::string_view line, Pattern* pattern, std::string* error,
                  std::string* unusual_code);

// A transformation line, starting with '~'.
bool ParseTransformation(std::string_view line, Transformation* transformation, std::string* error);

// "&AUXVERB1_" -> "AUXVERB1": no '&', no trailing '_', ASCII upper case.
std::string CanonicalSynsetName(std::string_view name);

}  // namespace khabar::dict::internal

#endif  // KHABAR_DICT_INTERNAL_VERB_SYNTAX_H_
