#include "khabar/counts/internal/sentence_view.h"

#include <algorithm>

namespace khabar::counts::internal {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

SentenceView::SentenceView(const doc::Document& document, uint32_t sentence) : document_(&document) {
  const doc::WordLayer& layer = document.words;
  if (sentence >= layer.sentences.size()) return;
  const doc::SentenceWords& range = layer.sentences[sentence];
  begin_ = range.word_begin;
  const int count = static_cast<int>(range.word_count());
  heads_.assign(count, -1);
  std::vector<std::pair<size_t, size_t>> form_at(count), lemma_at(count);
  for (int local = 0; local < count; ++local) {
    const doc::Word& word = layer.words[begin_ + local];
    for (auto [text, at] : {std::pair{layer.Form(document.text, word), &form_at[local]},
                            std::pair{layer.Lemma(word), &lemma_at[local]}}) {
      at->first = lowered_.size();
      for (char c : text) lowered_.push_back(Lower(c));
      at->second = text.size();
    }
    if (word.head < range.word_end && word.head >= begin_ && word.head != begin_ + local) {
      heads_[local] = static_cast<int>(word.head - begin_);
    }
  }
  // Views are taken once the buffer stops growing.
  const std::string_view all = lowered_;
  for (int local = 0; local < count; ++local) {
    forms_.push_back(all.substr(form_at[local].first, form_at[local].second));
    lemmas_.push_back(all.substr(lemma_at[local].first, lemma_at[local].second));
  }
  kid_begin_.assign(count + 1, 0);
  for (int local = 0; local < count; ++local) {
    if (heads_[local] >= 0) ++kid_begin_[heads_[local] + 1];
  }
  for (int local = 0; local < count; ++local) kid_begin_[local + 1] += kid_begin_[local];
  kid_list_.assign(kid_begin_[count], 0);
  std::vector<int> fill(kid_begin_.begin(), kid_begin_.end() - 1);
  for (int local = 0; local < count; ++local) {
    if (heads_[local] >= 0) kid_list_[fill[heads_[local]]++] = local;
  }
}

int SentenceView::Local(doc::WordIndex word) const {
  if (word < begin_ || word >= begin_ + heads_.size()) return -1;
  return static_cast<int>(word - begin_);
}

std::string_view SentenceView::rel(int word) const {
  std::string_view name = full_rel(word);
  return name.substr(0, name.find(':'));
}

std::span<const int> SentenceView::kids(int word) const {
  return std::span<const int>(kid_list_).subspan(kid_begin_[word], kid_begin_[word + 1] - kid_begin_[word]);
}

int SentenceView::Kid(int word, std::string_view relation) const {
  for (int kid : kids(word)) {
    if (rel(kid) == relation) return kid;
  }
  return -1;
}

bool SentenceView::HasKidLemma(int word, std::string_view lemma) const {
  return std::any_of(kids(word).begin(), kids(word).end(), [&](int kid) { return lemmas_[kid] == lemma; });
}

bool SentenceView::IsAncestor(int ancestor, int word) const {
  for (int steps = 0; word >= 0 && steps <= size(); ++steps) {
    if (word == ancestor) return true;
    word = heads_[word];
  }
  return false;
}

int SentenceView::Distance(int from, int to) const {
  int up = 0;
  for (int at = from; at >= 0 && up <= size(); at = heads_[at], ++up) {
    int down = 0;
    for (int walk = to; walk >= 0 && down <= size(); walk = heads_[walk], ++down) {
      if (walk == at) return up + down;
    }
  }
  return -1;
}

doc::Span SentenceView::SpanOf(int first, int last) const {
  return doc::Span{word(first).span.begin, word(last).span.end};
}

}  // namespace khabar::counts::internal
