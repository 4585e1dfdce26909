// The word layer the tag stage adds to a Document: syntactic words (a surface token such
// as "don't" becomes "do" + "n't"), their UPOS and XPOS tags and lemmas, by byte offsets.
//
// This header is the proposal for doc::Document (the lead moves these types into doc/
// and adds a `WordLayer words;` member); until then TagStage writes into a WordLayer
// the caller supplies. It depends on doc/span.h only.
//
//   for (const tag::Word& word : layer.words)
//     fmt::print("{} {} {}\n", layer.Form(document.text, word), tag::UposName(word.upos),
//                layer.Lemma(word));
//
// Thread-safety: plain data, one writer at a time.
#ifndef KHABAR_TAG_ANNOTATIONS_H_
#define KHABAR_TAG_ANNOTATIONS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/doc/span.h"

namespace khabar::tag {

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

struct Word {
  doc::Span span;      // bytes of Document::text; the whole token when the word's
                       // text cannot be located inside it
  uint32_t token = 0;  // doc::TokenIndex of the surface token the word belongs to
  Upos upos = Upos::kNone;
  uint16_t xpos = 0;  // id in the tagger's XPOS vocabulary (TagStage::XposName)
  doc::Span lemma;    // bytes of WordLayer::strings
  doc::Span form;     // bytes of WordLayer::strings when the word's form differs from
                      // span's text (an expanded contraction); empty otherwise
};

// The words of Document::sentences[i] are [word_begin, word_end) of WordLayer::words.
struct SentenceWords {
  WordIndex word_begin = 0;
  WordIndex word_end = 0;
};

struct WordLayer {
  std::vector<Word> words;
  std::vector<SentenceWords> sentences;  // parallel to Document::sentences
  std::string strings;                   // lemmas and replaced forms, one buffer per document

  void Clear() {
    words.clear();
    sentences.clear();
    strings.clear();
  }
  std::string_view Lemma(const Word& word) const { return word.lemma.In(strings); }
  std::string_view Form(std::string_view text, const Word& word) const {
    return word.form.empty() ? word.span.In(text) : word.form.In(strings);
  }
};

}  // namespace khabar::tag

#endif  // KHABAR_TAG_ANNOTATIONS_H_
