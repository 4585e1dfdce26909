// The second pass over a parsed verb dictionary: resolves synset references (members that
// name other synsets, pattern words "&NAME"), drops what cannot be resolved with a
// warning, and builds the verb-dictionary matchers (synset members, pattern anchors).
// Declared in verb_dictionary.h as a friend of VerbDictionary.
#ifndef KHABAR_DICT_INTERNAL_VERB_COMPILER_H_
#define KHABAR_DICT_INTERNAL_VERB_COMPILER_H_

#include "khabar/dict/verb_dictionary.h"

#endif  // KHABAR_DICT_INTERNAL_VERB_COMPILER_H_
