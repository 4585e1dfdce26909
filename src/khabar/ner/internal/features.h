// Feature extraction for the NER labeller. Each word position gives up to kMaxFeatures
// 64-bit hashes of (template id, values); training and labelling share this code.
//
// Templates follow the classic feature-based NER systems (Ratinov & Roth 2009, "Design
// challenges and misconceptions in named entity recognition"; Zhang & Johnson 2003):
// lowercased words in a +-2 window, word bigrams, affixes up to 4 bytes, word shapes and
// their n-grams, capitalisation flags (including at the sentence start), predicted UPOS and
// XPOS in a window, and word-type features learned from the training text: the word's
// entity-label distribution, how often it is capitalised mid-sentence, and its word
// cluster (exchange clustering, clusters.h). Schema 2 adds the sentence's casing style with
// the word's own casing, quote- and period-normalised forms, and a wider context (+-3 words,
// neighbour affixes, word pairs, +-2 entity classes and gazetteer bits). Label features
// (the previous label, alone and with the word, its shape and its UPOS) are separate, so
// that a Viterbi decoder can score them for every previous label.
//
// Thread-safety: SentenceInfo is per-thread scratch; the functions are stateless.
#ifndef KHABAR_NER_INTERNAL_FEATURES_H_
#define KHABAR_NER_INTERNAL_FEATURES_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/doc/words.h"
#include "khabar/ner/internal/gazetteer.h"
#include "khabar/ner/internal/hash_table.h"

namespace khabar::ner::internal {

// Room for every group's features twice over (SentenceInfo::domain copies).
inline constexpr size_t kMaxFeatures = 288;
inline constexpr size_t kMaxAffix = 4;
// The label of positions before the sentence start, in label features.
inline constexpr uint32_t kStartLabel = 0xFF;
inline constexpr uint32_t kNoLabel = 0xFE;  // "not used" for the second previous label

// Feature groups a model was trained with (a bit set, stored in the model's settings).
enum FeatureGroup : uint32_t {
  kPosGroup = 1,             // predicted UPOS and XPOS
  kLexiconGroup = 2,         // entity-label distribution of the word in the training data
  kCaseGroup = 4,            // how often the word is capitalised mid-sentence
  kClusterGroup = 8,         // word clusters
  kWideGroup = 16,           // +-2 window shapes and POS pairs
  kGazetteerGroup = 32,      // gazetteer matches
  kRunGroup = 64,            // the run of capitalised words a word belongs to
  kSentenceCaseGroup = 128,  // the sentence's casing style with the word's casing (schema 2)
  kNormGroup = 256,          // forms with curly quotes straightened and periods dropped (2)
  kContextGroup = 512,       // wider context: +-3 words, neighbour affixes and pairs (2)
};
inline constexpr uint32_t kAllGroups = 1023;

// One word as the labeller sees it.
struct WordInput {
  std::string_view form;
  doc::Upos upos = doc::Upos::kNone;
  std::string_view xpos;  // "" when untagged
};

// Word-type tables learned from the training text.
struct Lexicon {
  HashTable index;              // WordKey(lowercased form) -> row
  std::vector<uint8_t> entity;  // per row: EntityClass, 0 when too rare
  std::vector<uint8_t> casing;  // per row: CaseClass, 0 when too rare
  HashTable clusters;           // ClusterKey(form as written) -> cluster id + 1
  Gazetteer gazetteer;
};

inline uint64_t WordKey(std::string_view lower) { return HashBytes(1, lower); }
inline uint64_t ClusterKey(std::string_view form) { return HashBytes(3, form); }

// The entity class of a word from its counts as O, PER, ORG and LOC: each type's share
// bucketed (0, <=10%, <=50%, <=90%, more), combined into 1..125; 0 if `total` is 0.
uint8_t EntityClass(const uint32_t counts[4]);
// How often a word is capitalised when not sentence-initial, bucketed into 1..6; 0 if never
// seen there.
uint8_t CaseClass(uint32_t capitalised, uint32_t total);

// Precomputed values of one word.
struct WordInfo {
  uint64_t lower = 0;
  uint64_t exact = 0;
  uint64_t shape = 0;
  uint64_t prefix[kMaxAffix] = {};
  uint64_t suffix[kMaxAffix] = {};
  uint64_t upos = 0;
  uint64_t xpos = 0;
  uint64_t norm = 0;     // NormKey of the normalised form (kNormGroup)
  uint32_t cluster = 0;  // cluster id + 1; 0 unknown
  uint8_t entity = 0;
  uint8_t casing = 0;
  uint8_t flags = 0;
  uint16_t gaz_begin = 0;   // GazetteerBits of the names starting at this word
  uint16_t gaz_inside = 0;  // ... of the names covering it without starting at it
  // The run of capitalised words (joined by "of", "&", "and", "'s", ...) the word is in:
  // [run_begin, run_end) as sentence positions; run_begin == run_end outside a run.
  uint32_t run_begin = 0, run_end = 0;
  uint32_t lower_begin = 0, lower_end = 0;  // in SentenceInfo::lower_text
};

// Reusable per-thread scratch: grows to the longest sentence, then never allocates.
struct SentenceInfo {
  std::vector<WordInfo> words;
  // The casing style of the whole sentence (kSentenceCaseGroup): 0 ordinary, 1 no capital
  // letter anywhere (but "I"), 2 mostly capitalised words (titles), 3 mostly all caps, 4 no
  // capital letter after a capitalised first word (docs/formats/ner.md has the thresholds).
  uint8_t casing_style = 0;
  // Training only: the corpus the sentence comes from, 0 the main one. Sentences of another
  // corpus also give each feature a copy keyed by the corpus (Daume 2007, "Frustratingly
  // easy domain adaptation"), which absorbs that corpus's own conventions; labelling always
  // uses corpus 0, so those copies are never stored in a model.
  uint8_t domain = 0;
  std::string lower_text;
  std::string name;  // gazetteer lookups

  std::string_view Lower(const WordInfo& word) const {
    return std::string_view(lower_text).substr(word.lower_begin, word.lower_end - word.lower_begin);
  }
};

// ASCII lowercase of `text` appended to `out`.
void AppendLower(std::string_view text, std::string& out);

// Fills `sentence` for `words`, looking words up in `lexicon` and names in its gazetteer.
// `groups` are the model's feature groups: with kNormGroup a word missing from the lexicon
// is looked up again in its normalised form.
void PrepareSentence(std::span<const WordInput> words, const Lexicon& lexicon,
                     SentenceInfo& sentence, uint32_t groups = 0);

// The ASCII lowercase of `form` with curly single and double quotes made straight and a
// final period dropped ("Mr." -> "mr", "’s" -> "'s"), appended to `out`.
void AppendNormalised(std::string_view form, std::string& out);
inline uint64_t NormKey(std::string_view normalised) { return HashBytes(10, normalised); }

// Sets gaz_begin and gaz_inside of every word of a prepared sentence (PrepareSentence calls
// it).
void MatchGazetteer(const Gazetteer& gazetteer, SentenceInfo& sentence);

// Writes the label-independent features of word `position`; returns how many.
size_t StaticFeatures(const SentenceInfo& sentence, size_t position, uint32_t groups,
                      uint64_t* out);
// Writes the features that depend on the previous label(s) (kStartLabel before the first
// word; `previous2` kNoLabel to leave out the second-order feature); returns how many, at
// most kMaxLabelFeatures.
inline constexpr size_t kMaxLabelFeatures = 12;
size_t LabelFeatures(const SentenceInfo& sentence, size_t position, uint32_t groups,
                     uint32_t previous, uint32_t previous2, uint64_t* out);

}  // namespace khabar::ner::internal

#endif  // KHABAR_NER_INTERNAL_FEATURES_H_
