// Place-name keys: how a gazetteer name and the words of a sentence become the same lookup
// key (docs/formats/where.md, "Keys").
//
//   PlaceNameWords("Umm al-Fahm") == {"Umm", "al", "Fahm"}
//   FoldKey({"Mişrātah"}) == "misratah"
//   TransliteratedKey({"Darnah"}) == TransliteratedKey({"Derna"}) == "derna"
//   TransliteratedKey({"Marsa", "Matrouh"}) == TransliteratedKey({"Marsa", "Matruh"})
//
// Two keys per name, both over its words joined by one space:
//  * the fold key: each word lowercased with its marks stripped (é -> e, ş -> s);
//  * the transliteration key: each word through dict::TransliterationKey (vowel classes,
//    doubled letters, final -ah, ou/u, q/k; docs/formats/dictionaries.md) with the Arabic
//    article "al"/"el" dropped unless it is the only word.
// Words are split at spaces, hyphens and the apostrophe-like marks GeoNames writes at the
// end of a word (Al Bayda'); a trailing "'s" is not part of a name.
//
// Stateless; safe from any thread.
#ifndef KHABAR_WHERE_PLACE_KEY_H_
#define KHABAR_WHERE_PLACE_KEY_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace khabar::where {

// The words of a name, split at ASCII spaces, hyphens, en dashes and commas; the pieces
// point into `name`.
std::vector<std::string_view> PlaceNameWords(std::string_view name);

// Fold key of a word sequence; empty when every word is empty.
std::string FoldKey(std::span<const std::string_view> words);

// Transliteration key of a word sequence (the article dropped); empty when no word is left.
std::string TransliteratedKey(std::span<const std::string_view> words);

// 64-bit hash of a key, the gazetteer's index entry.
uint64_t KeyHash(std::string_view key);

}  // namespace khabar::where

#endif  // KHABAR_WHERE_PLACE_KEY_H_
