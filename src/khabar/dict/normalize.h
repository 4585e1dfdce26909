// The normalisation key: how a dictionary word and a sentence token become the same lookup
// key, kept in one place so that later matching rules (al-/el- prefixes, transliteration
// variants; see docs/formats/dictionaries.md) change only this file.
//
//   NormalizeKey("Sisi") == "sisi";  NormalizeKey("ÉLYSÉE") == "élysée"
//   SplitPhrase("ORLA_MENDEZ_AL-VARGA") == {"orla", "mendez", "al-varga"}
//
// Today the key is the Unicode simple lowercase of the word; nothing else is folded
// (punctuation such as "." in "U.S." and "-" in "AL-QAEDA" is kept). Underscores are not
// part of any key: PETRARCH writes multiword names with '_', so SplitPhrase treats '_'
// like a space.
//
// Stateless; safe from any thread.
#ifndef KHABAR_DICT_NORMALIZE_H_
#define KHABAR_DICT_NORMALIZE_H_

#include <string>
#include <string_view>
#include <vector>

namespace khabar::dict {

// The lookup key of one word or token. Ill-formed UTF-8 is copied through unchanged.
std::string NormalizeKey(std::string_view word);

// Appends NormalizeKey(word) to *out.
void AppendNormalizedKey(std::string_view word, std::string* out);

// True when NormalizeKey(word) == word; cheap for ASCII.
bool IsNormalizedKey(std::string_view word);

// Splits a dictionary phrase on '_' and ASCII whitespace and normalises each piece. Empty
// pieces (from "VARGA_" or "A__B") are dropped, so the result may be empty.
std::vector<std::string> SplitPhrase(std::string_view phrase);

}  // namespace khabar::dict

#endif  // KHABAR_DICT_NORMALIZE_H_
