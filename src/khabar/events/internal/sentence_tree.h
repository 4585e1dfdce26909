// SentenceTree: one parsed sentence of a Document with child lists and normalised word
// keys, indexed locally (0 .. size()-1), for the event coder.
//
// Thread-compatible: built and used by one thread.
#ifndef KHABAR_EVENTS_INTERNAL_SENTENCE_TREE_H_
#define KHABAR_EVENTS_INTERNAL_SENTENCE_TREE_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/doc/document.h"

namespace khabar::events::internal {

class SentenceTree {
 public:
  SentenceTree(const doc::Document& document, uint32_t sentence);

  int size() const { return static_cast<int>(head_.size()); }
  uint32_t sentence() const { return sentence_; }
  doc::WordIndex Global(int word) const { return begin_ + static_cast<doc::WordIndex>(word); }
  const doc::Word& word(int word) const { return document_->words.words[Global(word)]; }

  int head(int word) const { return head_[word]; }  // -1 for the root
  std::string_view rel(int word) const { return rel_[word]; }
  // The relation without its subtype: "nsubj" for "nsubj:pass".
  std::string_view base(int word) const { return rel_[word].substr(0, rel_[word].find(':')); }
  const std::string& lemma(int word) const { return lemma_[word]; }
  const std::string& form(int word) const { return form_[word]; }
  std::string_view raw_form(int word) const { return raw_form_[word]; }
  doc::Upos upos(int word) const { return word_upos(word); }
  const std::vector<int>& kids(int word) const { return kids_[word]; }

  // The first child with relation `rel` (exact), or -1.
  int Kid(int word, std::string_view rel) const;
  // The lemma of the word's first "case" or "mark" child, or "".
  std::string_view CaseOf(int word) const;
  bool IsAncestor(int ancestor, int word) const;
  int Depth(int word) const;
  // `word` and its descendants, in text order, not descending into children for which
  // skip(child) is true.
  template <typename Skip>
  std::vector<int> Subtree(int word, Skip skip) const {
    std::vector<int> out;
    std::vector<int> stack = {word};
    while (!stack.empty()) {
      int at = stack.back();
      stack.pop_back();
      out.push_back(at);
      for (int kid : kids_[at]) {
        if (!skip(kid)) stack.push_back(kid);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  doc::Upos word_upos(int word) const { return document_->words.words[Global(word)].upos; }

  const doc::Document* document_;
  uint32_t sentence_;
  doc::WordIndex begin_ = 0;
  std::vector<int> head_;
  std::vector<std::string_view> rel_;
  std::vector<std::string> lemma_;
  std::vector<std::string> form_;
  std::vector<std::string_view> raw_form_;
  std::vector<std::vector<int>> kids_;
};

}  // namespace khabar::events::internal

#endif  // KHABAR_EVENTS_INTERNAL_SENTENCE_TREE_H_
