// The actor keys of an event: the transliteration keys (dict::TransliterationKey) of the words
// of its actors' names and texts, stored in event_actor_keys (schema version 4) so a query for
// "Hafter" finds the events of "Khalifa Haftar". The store writes them and the query layer
// looks them up, so both must call this one function.
//
//   ActorKeys("Libyan General Khalifa Hafter") == {"generel", "kalifa", "hefter", "libyen"}
//   ActorKeys("el-Sisi") == {"sesi"}   (the Arabic article is dropped)
//
// Thread-safety: pure function.
#ifndef KHABAR_STORE_ACTOR_KEYS_H_
#define KHABAR_STORE_ACTOR_KEYS_H_

#include <string>
#include <string_view>
#include <vector>

namespace khabar::store {

// Splits `text` into words at whitespace and ASCII punctuation other than '-' and '\'', and
// returns the distinct transliteration keys of the words, article dropped, sorted. Empty for
// text without letters or digits.
std::vector<std::string> ActorKeys(std::string_view text);

}  // namespace khabar::store

#endif  // KHABAR_STORE_ACTOR_KEYS_H_
