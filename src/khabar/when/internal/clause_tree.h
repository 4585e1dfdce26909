// ClauseTree: one parsed sentence of a Document as a tree with child lists, indexed
// locally (0 .. size()-1), for attaching temporal expressions to clauses. Modelled on
// events::internal::SentenceTree, kept here so that the when stage depends on doc only.
//
// Thread-compatible: built and used by one thread; borrows the Document.
#ifndef KHABAR_WHEN_INTERNAL_CLAUSE_TREE_H_
#define KHABAR_WHEN_INTERNAL_CLAUSE_TREE_H_

#include <string_view>
#include <vector>

#include "khabar/doc/document.h"

namespace khabar::when::internal {

class ClauseTree {
 public:
  // REQUIRES: sentence < document.words.sentences.size().
  ClauseTree(const doc::Document& document, uint32_t sentence);

  int size() const { return static_cast<int>(head_.size()); }
  doc::WordIndex begin() const { return begin_; }
  int head(int word) const { return head_[word]; }  // -1 for the root (or no parse)
  std::string_view rel(int word) const { return words_->DeprelName(words_->words[begin_ + word]); }
  // The relation without its subtype: "nsubj" for "nsubj:pass".
  std::string_view base(int word) const;
  doc::Upos upos(int word) const { return words_->words[begin_ + word].upos; }
  std::string_view lemma(int word) const { return words_->Lemma(words_->words[begin_ + word]); }
  std::string_view xpos(int word) const { return words_->XposName(words_->words[begin_ + word]); }
  const std::vector<int>& kids(int word) const { return kids_[word]; }

  bool IsPredicate(int word) const {
    return upos(word) == doc::Upos::kVerb || upos(word) == doc::Upos::kAux;
  }
  // A nominal or clausal subject (or an expletive) among the word's children.
  bool HasOwnSubject(int word) const;
  // The lemma of the word's first "mark" child ("when", "after", "to"), or "".
  std::string_view MarkOf(int word) const;
  // Steps from `word` up to the root.
  int Depth(int word) const;

 private:
  const doc::WordLayer* words_;
  doc::WordIndex begin_ = 0;
  std::vector<int> head_;
  std::vector<std::vector<int>> kids_;
};

}  // namespace khabar::when::internal

#endif  // KHABAR_WHEN_INTERNAL_CLAUSE_TREE_H_
