// The normalisation keys: how a dictionary word and a sentence token become the same lookup
// key, kept in one place (see docs/formats/dictionaries.md, "Normalisation key").
//
//   NormalizeKey("Sisi") == "sisi";  NormalizeKey("ÉLYSÉE") == "élysée"
//   SplitPhrase("ORLA_MENDEZ_AL-VARGA") == {"orla", "mendez", "al-varga"}
//   TransliterationKey("Hifter") == TransliterationKey("Haftar") == "hefter"
//   TransliterateTokens({"el", "-", "Sisi"}, ArticleMode::kKeep) keys == {"al", "sesi"}
//
// The exact key (NormalizeKey) is the Unicode simple lowercase of the word; nothing else is
// folded (punctuation such as "." in "U.S." and "-" in "AL-QAEDA" is kept). Underscores
// are not part of any key: PETRARCH writes multiword names with '_', so SplitPhrase treats
// '_' like a space. Every dictionary matches on the exact key.
//
// The transliteration key (TransliterationKey, TransliterateTokens) is a second, looser key
// for names romanised from Arabic: marks stripped, vowels folded into classes, doubled
// letters collapsed and the article "al-"/"el-" made a separate, optional word. It makes
// ordinary English words collide (bat/bet/bit), so only the actor dictionary uses it, and
// only as a fallback for capitalised names (ActorDictionary::FindActors).
//
// Stateless; safe from any thread.
#ifndef KHABAR_DICT_NORMALIZE_H_
#define KHABAR_DICT_NORMALIZE_H_

#include <cstdint>
#include <span>
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

// The transliteration key of one word, in this order (docs/formats/dictionaries.md):
//   1. lowercase, compatibility-decompose and drop combining marks (é -> e, ş -> s);
//      apostrophes and the ayn/hamza letters ' ’ ʿ ʾ ` between letters are dropped
//      (Qa'ida -> qaida).
//   Then, on each run of ASCII letters:
//   2. a final "h" after a vowel is dropped in runs of 4+ letters (Darnah -> darna);
//   3. left to right: "ou", "oo" -> u; "ee" -> i; "dj" -> j; "ai", "ay", "ei" before a
//      consonant or the end -> "ey" (Bayt, Beit -> beyt); a final "y" after a consonant
//      -> i (Ashmawy -> ashmawi); q -> k; o -> u (Omar, Umar);
//   4. doubled letters -> one (Sissi -> sisi, Sarraj -> saraj);
//   5. a, e, i between two consonants -> e (Haftar, Hafter, Hifter -> hefter). y is a
//      consonant here.
// Other characters (digits, punctuation, non-Latin letters) are copied and end a run.
// Ill-formed UTF-8 falls back to NormalizeKey. The result is empty only for an empty word.
std::string TransliterationKey(std::string_view word);

// True for the Arabic article written as its own word: "al" or "el", any case.
bool IsArticle(std::string_view word);

// Whether TransliterateTokens keeps the article as a key ("al") or drops it.
enum class ArticleMode { kKeep, kDrop };

// Transliteration keys of a token sequence: a sentence's tokens, or a dictionary phrase's
// words. origins[i] is the index in `tokens` that keys[i] came from.
struct TransliteratedTokens {
  std::vector<std::string> keys;
  std::vector<uint32_t> origins;
};

// Maps each token to TransliterationKey(token), except that the article becomes one
// optional word however it is written: "al" and "el" become the key "al"; a token "al-X"
// or "el-X" becomes "al" and the key of X; a hyphen or dash token ("-", "‐", "–") right
// after an article is skipped (the tokenizer splits "el-Sisi" into "el", "-", "Sisi"). With
// kDrop the "al" keys are left out too, unless the article is the last token. Tokens whose
// key is empty are skipped. Clears *out first.
void TransliterateTokens(std::span<const std::string_view> tokens, ArticleMode mode,
                         TransliteratedTokens* out);

}  // namespace khabar::dict

#endif  // KHABAR_DICT_NORMALIZE_H_
