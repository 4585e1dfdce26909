#include "khabar/events/internal/sentence_tree.h"

#include "khabar/dict/normalize.h"

namespace khabar::events::internal {

SentenceTree::SentenceTree(const doc::Document& document, uint32_t sentence)
    : document_(&document), sentence_(sentence) {
  const doc::WordLayer& layer = document.words;
  if (sentence >= layer.sentences.size()) return;
  const doc::SentenceWords& range = layer.sentences[sentence];
  begin_ = range.word_begin;
  int count = static_cast<int>(range.word_count());
  head_.assign(count, -1);
  kids_.assign(count, {});
  for (int local = 0; local < count; ++local) {
    const doc::Word& word = layer.words[begin_ + local];
    rel_.push_back(layer.DeprelName(word));
    lemma_.push_back(dict::NormalizeKey(layer.Lemma(word)));
    raw_form_.push_back(layer.Form(document.text, word));
    form_.push_back(dict::NormalizeKey(raw_form_.back()));
    if (word.head != doc::kRootHead && word.head != doc::kNoHead && word.head >= begin_ &&
        word.head < range.word_end && word.head != begin_ + local) {
      head_[local] = static_cast<int>(word.head - begin_);
    }
  }
  for (int local = 0; local < count; ++local) {
    if (head_[local] >= 0) kids_[head_[local]].push_back(local);
  }
}

int SentenceTree::Kid(int word, std::string_view rel) const {
  for (int kid : kids_[word]) {
    if (rel_[kid] == rel) return kid;
  }
  return -1;
}

std::string_view SentenceTree::CaseOf(int word) const {
  for (int kid : kids_[word]) {
    if (base(kid) == "case" || base(kid) == "mark") return lemma_[kid];
  }
  return "";
}

bool SentenceTree::IsAncestor(int ancestor, int word) const {
  for (int steps = 0; word >= 0 && steps <= size(); ++steps) {
    if (word == ancestor) return true;
    word = head_[word];
  }
  return false;
}

int SentenceTree::Depth(int word) const {
  int depth = 0;
  for (; head_[word] >= 0 && depth <= size(); ++depth) word = head_[word];
  return depth;
}

}  // namespace khabar::events::internal
