// Feature extraction for the tagger: each word position becomes up to kMaxFeatures
// 64-bit hashes of (template id, values). Training and tagging share this code, so a
// model sees the same features at both times.
//
// Templates follow Ratnaparkhi (1996) and Collins (2002) as in Honnibal's averaged
// perceptron tagger, plus ambiguity classes (the set of labels seen with a word in
// training) for the word and the two words to its right, and WordNet part-of-speech bits
// for the word and the next. Words rarer than the cut-off are represented by their shape
// in context features.
//
// Thread-safety: SentenceFeatures is per-thread scratch; the functions are stateless.
#ifndef KHABAR_TAG_INTERNAL_FEATURES_H_
#define KHABAR_TAG_INTERNAL_FEATURES_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/tag/internal/hash_index.h"

namespace khabar::tag::internal {

inline constexpr size_t kMaxFeatures = 48;
// The label of positions before the sentence start.
inline constexpr uint32_t kStartLabel = 0xFFFF;

// Known words: lowercased word hash -> frequency and ambiguity class.
struct Lexicon {
  HashIndex index;             // word hash -> row
  std::vector<uint32_t> freq;  // training frequency of the lowercased word
  std::vector<uint32_t> amb;   // ambiguity class id (a hash of the label set); 0 none
  // WordNet: WordNetKey(lemma) -> WordNetBits of the lemma (and of irregular forms from
  // the exception lists, as kWordNetInflected bits). Empty without WordNet.
  HashIndex wordnet;
};

// Parts of speech of a word in WordNet: bit p (kWordNetNoun..kWordNetAdverb) if the word is
// a lemma of that part of speech; bit p + 4 if it is an inflected form of one (WordNet's
// morphy rules or exception lists); kWordNetProper / kWordNetCommon if it is a noun lemma
// written capitalised / lowercase in WordNet.
enum WordNetBits : uint32_t {
  kWordNetNoun = 1,
  kWordNetVerb = 2,
  kWordNetAdjective = 4,
  kWordNetAdverb = 8,
  kWordNetInflected = 4,  // shift
  kWordNetProper = 256,
  kWordNetCommon = 512,
};
inline uint64_t WordNetKey(std::string_view lower) { return HashBytes(31, lower); }
// The WordNet bits of a lowercased word, applying morphy's suffix rules.
uint32_t LookUpWordNet(const HashIndex& wordnet, std::string_view lower);

// Precomputed per-word values for one sentence.
struct WordContext {
  uint64_t lower = 0;    // hash of the lowercased form
  uint64_t exact = 0;    // hash of the form as written
  uint64_t context = 0;  // `lower` for frequent words, else the shape hash
  uint64_t shape = 0;
  uint64_t suffix3 = 0;
  uint32_t amb = 0;
  uint32_t freq = 0;
  uint32_t wordnet = 0;
  uint32_t lower_begin = 0, lower_end = 0;  // in SentenceFeatures::lower_text
  uint8_t flags = 0;
};

// Reusable per-thread scratch: grows to the longest sentence, then never allocates.
struct SentenceFeatures {
  std::vector<WordContext> words;
  std::string lower_text;

  std::string_view Lower(const WordContext& word) const {
    return std::string_view(lower_text).substr(word.lower_begin, word.lower_end - word.lower_begin);
  }
};

// ASCII lowercase of `text` appended to `out`.
void AppendLower(std::string_view text, std::string& out);

// Hash of a lowercased word, the key of Lexicon::index.
inline uint64_t WordKey(std::string_view lower) { return HashBytes(1, lower); }

// Fills `features` for `forms` (one sentence of words).
void PrepareSentence(std::span<const std::string_view> forms, const Lexicon& lexicon,
                     uint32_t rare_cutoff, SentenceFeatures& features);

// Replaces what the lexicon said about one word (training uses leave-one-out counts, so
// that a word's own occurrence does not vouch for its label).
void OverrideLexicon(WordContext& word, uint32_t freq, uint32_t amb, uint32_t rare_cutoff);

// Writes the features of word `position` given the labels predicted for words before it
// (`labels[0..position)`); returns how many (at most kMaxFeatures). With `first_pass`
// (the labels a first tagging pass gave the whole sentence) the features of the second
// pass are added: the first-pass labels of the word and the two words to its right.
size_t ExtractFeatures(const SentenceFeatures& sentence, size_t position, const uint16_t* labels,
                       const uint16_t* first_pass, uint64_t* out);

}  // namespace khabar::tag::internal

#endif  // KHABAR_TAG_INTERNAL_FEATURES_H_
