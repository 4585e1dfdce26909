// SentenceView: one parsed sentence of a Document as the counts stage reads it: local word
// indices (0 .. size()-1), heads, base relations, lower-cased forms and lemmas, child lists.
//
//   internal::SentenceView view(document, sentence);
//   for (int word = 0; word < view.size(); ++word) Use(view.form(word), view.rel(word));
//
// Thread-compatible: built and used by one thread; borrows the Document, which must outlive it.
#ifndef KHABAR_COUNTS_INTERNAL_SENTENCE_VIEW_H_
#define KHABAR_COUNTS_INTERNAL_SENTENCE_VIEW_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/doc/document.h"

namespace khabar::counts::internal {

class SentenceView {
 public:
  SentenceView(const doc::Document& document, uint32_t sentence);

  int size() const { return static_cast<int>(heads_.size()); }
  doc::WordIndex Global(int word) const { return begin_ + static_cast<doc::WordIndex>(word); }
  // The local index of a global word index, or -1 when it is outside the sentence.
  int Local(doc::WordIndex word) const;
  const doc::Word& word(int word) const { return document_->words.words[Global(word)]; }

  int head(int word) const { return heads_[word]; }  // -1 for the root
  // The relation without its subtype: "nsubj" for "nsubj:pass".
  std::string_view rel(int word) const;
  std::string_view full_rel(int word) const { return document_->words.DeprelName(this->word(word)); }
  std::string_view xpos(int word) const { return document_->words.XposName(this->word(word)); }
  doc::Upos upos(int word) const { return this->word(word).upos; }
  std::string_view form(int word) const { return forms_[word]; }  // lower case
  std::string_view lemma(int word) const { return lemmas_[word]; }  // lower case
  std::span<const int> kids(int word) const;
  std::span<const std::string_view> forms() const { return forms_; }

  // The first child of `word` with base relation `rel`, or -1.
  int Kid(int word, std::string_view rel) const;
  bool HasKidLemma(int word, std::string_view lemma) const;
  bool IsAncestor(int ancestor, int word) const;
  // Edges between two words through their lowest common ancestor; -1 when unconnected.
  int Distance(int from, int to) const;
  // Bytes of Document::text from the first word's begin to the last word's end.
  doc::Span SpanOf(int first, int last) const;

 private:
  const doc::Document* document_;
  doc::WordIndex begin_ = 0;
  std::vector<int> heads_;
  std::string lowered_;  // forms then lemmas, lower-cased, one buffer per sentence
  std::vector<std::string_view> forms_;
  std::vector<std::string_view> lemmas_;
  std::vector<int> kid_begin_;  // kids of word w: kid_list_[kid_begin_[w] .. kid_begin_[w+1])
  std::vector<int> kid_list_;
};

}  // namespace khabar::counts::internal

#endif  // KHABAR_COUNTS_INTERNAL_SENTENCE_VIEW_H_
