// The word layer of a Document: syntactic words (a surface token such as "don't" becomes
// "do" + "n't"), their UPOS and XPOS tags and lemmas (tag stage), and their dependency
// heads and relations (parse stage), all by byte offsets into Document::text.
//
//   for (doc::WordIndex index = sentence_words.word_begin; index < sentence_words.word_end; ++index) {
//     const doc::Word& word = document.words.words[index];
//     fmt::print("{} {} {} {}\n", document.words.Form(document.text, word),
//                doc::UposName(word.upos), document.words.XposName(word),
//                document.words.Lemma(word));
//   }
//
// Tag and relation names live in tables shared with the model that produced them, so a
// document outlives the stage that annotated it.
//
// Thread-safety: plain data, one writer at a time.
#ifndef KHABAR_DOC_WORDS_H_
#define KHABAR_DOC_WORDS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/doc/span.h"

namespace khabar::doc {

// Universal POS tags (https://universaldependencies.org/u/pos/). Values may be stored by
// later stages: never renumber or reuse one.
enum class Upos : uint8_t {
  kNone = 0,  // not tagged
  kAdj = 1,
  kAdp = 2,
  kAdv = 3,
  kAux = 4,
  kCconj = 5,
  kDet = 6,
  kIntj = 7,
  kNoun = 8,
  kNum = 9,
  kPart = 10,
  kPron = 11,
  kPropn = 12,
  kPunct = 13,
  kSconj = 14,
  kSym = 15,
  kVerb = 16,
  kX = 17,
};
inline constexpr int kUposCount = 18;  // including kNone

// "NOUN", ...; "_" for kNone.
std::string_view UposName(Upos upos);
// kNone for anything that is not a UD UPOS tag.
Upos ParseUpos(std::string_view name);

// Index of a word within WordLayer::words.
using WordIndex = uint32_t;
// Word::head of a word without a head: the parse stage has not run.
inline constexpr WordIndex kNoHead = 0xFFFFFFFFu;
// Word::head of the sentence's root word.
inline constexpr WordIndex kRootHead = 0xFFFFFFFEu;

struct Word {
  Span span;           // bytes of Document::text; the whole token when the word's
                       // text cannot be located inside it
  uint32_t token = 0;  // TokenIndex of the surface token the word belongs to
  Upos upos = Upos::kNone;
  uint16_t xpos = 0;   // index into WordLayer::xpos_names
  Span lemma;          // bytes of WordLayer::strings
  Span form;           // bytes of WordLayer::strings when the word's form differs from
                       // span's text (an expanded contraction); empty otherwise
  WordIndex head = kNoHead;  // index into WordLayer::words (same sentence), or kRootHead
  uint16_t deprel = 0;       // index into WordLayer::deprel_names
};

// The words of Document::sentences[i] are [word_begin, word_end) of WordLayer::words.
struct SentenceWords {
  WordIndex word_begin = 0;
  WordIndex word_end = 0;

  uint32_t word_count() const { return word_end - word_begin; }
};

// A model's names for its tag or relation ids.
using NameTable = std::shared_ptr<const std::vector<std::string>>;

struct WordLayer {
  std::vector<Word> words;
  std::vector<SentenceWords> sentences;  // parallel to Document::sentences
  std::string strings;                   // lemmas and replaced forms, one buffer per document
  NameTable xpos_names;                  // set by the tag stage
  NameTable deprel_names;                // set by the parse stage

  void Clear() {
    words.clear();
    sentences.clear();
    strings.clear();
    xpos_names.reset();
    deprel_names.reset();
  }
  bool parsed() const { return deprel_names != nullptr; }
  std::string_view Lemma(const Word& word) const { return word.lemma.In(strings); }
  std::string_view Form(std::string_view text, const Word& word) const {
    return word.form.empty() ? word.span.In(text) : word.form.In(strings);
  }
  std::string_view XposName(const Word& word) const { return Name(xpos_names, word.xpos); }
  std::string_view DeprelName(const Word& word) const { return Name(deprel_names, word.deprel); }

 private:
  static std::string_view Name(const NameTable& table, uint16_t id) {
    return table != nullptr && id < table->size() ? std::string_view((*table)[id]) : "_";
  }
};

}  // namespace khabar::doc

#endif  // KHABAR_DOC_WORDS_H_
