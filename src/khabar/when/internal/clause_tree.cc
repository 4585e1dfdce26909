#include "khabar/when/internal/clause_tree.h"

namespace khabar::when::internal {

ClauseTree::ClauseTree(const doc::Document& document, uint32_t sentence) : words_(&document.words) {
  const doc::SentenceWords& range = document.words.sentences[sentence];
  begin_ = range.word_begin;
  const int count = static_cast<int>(range.word_count());
  head_.assign(count, -1);
  kids_.assign(count, {});
  for (int word = 0; word < count; ++word) {
    doc::WordIndex head = document.words.words[begin_ + word].head;
    if (head == doc::kNoHead || head == doc::kRootHead || head < begin_ || head >= range.word_end)
      continue;
    head_[word] = static_cast<int>(head - begin_);
    kids_[head_[word]].push_back(word);
  }
}

std::string_view ClauseTree::base(int word) const {
  std::string_view rel = words_->DeprelName(words_->words[begin_ + word]);
  return rel.substr(0, rel.find(':'));
}

bool ClauseTree::HasOwnSubject(int word) const {
  for (int kid : kids_[word]) {
    std::string_view rel = base(kid);
    if (rel == "nsubj" || rel == "csubj" || rel == "expl") return true;
  }
  return false;
}

std::string_view ClauseTree::MarkOf(int word) const {
  for (int kid : kids_[word]) {
    if (base(kid) == "mark") return lemma(kid);
  }
  return "";
}

int ClauseTree::Depth(int word) const {
  int depth = 0;
  // Bounded by size() so that a malformed (cyclic) parse cannot loop.
  for (int at = word; head_[at] >= 0 && depth <= size(); at = head_[at]) ++depth;
  return depth;
}

}  // namespace khabar::when::internal
