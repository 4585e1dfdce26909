#include "khabar/tag/multiword.h"

#include <algorithm>

#include "khabar/tag/internal/features.h"

namespace khabar::tag {
namespace {

using internal::AppendLower;

std::string Lower(std::string_view text) {
  std::string out;
  AppendLower(text, out);
  return out;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

constexpr uint32_t kMaxEntries = 1u << 20;

}  // namespace

void MultiwordSplitter::Builder::AddMultiword(std::string_view surface,
                                              const std::vector<std::string_view>& words) {
  if (words.size() < 2 || words.size() > kMaxWordsPerToken || surface.size() > kMaxMultiwordBytes)
    return;
  std::vector<std::string> lowered;
  std::string joined;
  for (std::string_view word : words) {
    lowered.push_back(Lower(word));
    joined += lowered.back();
  }
  std::string lower_surface = Lower(surface);
  if (words.size() == 2 && joined == lower_surface) ++suffix_splits_[lowered[1]];
  ++splits_[lower_surface][lowered];
}

void MultiwordSplitter::Builder::AddSingleWord(std::string_view form) {
  if (form.size() <= kMaxMultiwordBytes) ++singles_[Lower(form)];
}

MultiwordSplitter MultiwordSplitter::Builder::Build(const Options& options) const {
  MultiwordSplitter splitter;
  for (const auto& [surface, analyses] : splits_) {
    uint32_t split_count = 0;
    const std::vector<std::string>* best = nullptr;
    uint32_t best_count = 0;
    for (const auto& [words, count] : analyses) {
      split_count += count;
      if (count > best_count) best = &words, best_count = count;
    }
    auto single = singles_.find(surface);
    uint32_t total = split_count + (single == singles_.end() ? 0 : single->second);
    if (split_count >= options.min_split_ratio * total)
      splitter.entries_.push_back({surface, *best});
  }
  for (const auto& [suffix, split_count] : suffix_splits_) {
    if (split_count < options.min_rule_count) continue;
    uint32_t total = 0;
    for (const auto& [surface, analyses] : splits_) {
      if (!EndsWith(surface, suffix)) continue;
      for (const auto& [words, count] : analyses) total += count;
    }
    for (const auto& [form, count] : singles_) total += EndsWith(form, suffix) ? count : 0;
    if (split_count >= options.min_split_ratio * total) splitter.suffixes_.push_back(suffix);
  }
  std::stable_sort(splitter.suffixes_.begin(), splitter.suffixes_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return splitter;
}

size_t MultiwordSplitter::SplitAsTable(std::string_view token, const Entry& entry,
                                       WordPiece* out) const {
  // Do the lowercased word forms concatenate to the (lowercased) token?
  bool spelled = true;
  size_t offset = 0;
  for (const std::string& word : entry.words) {
    spelled = spelled && entry.surface.compare(offset, word.size(), word) == 0;
    offset += word.size();
  }
  spelled = spelled && offset == entry.surface.size();
  uint32_t begin = 0;
  for (size_t word_idx = 0; word_idx < entry.words.size(); ++word_idx) {
    const std::string& word = entry.words[word_idx];
    if (spelled) {
      uint32_t end = begin + static_cast<uint32_t>(word.size());
      out[word_idx] = WordPiece{{begin, end}, token.substr(begin, word.size()), true};
      begin = end;
    } else {
      out[word_idx] = WordPiece{{0, static_cast<uint32_t>(token.size())}, word, false};
    }
  }
  return entry.words.size();
}

size_t MultiwordSplitter::Split(std::string_view token, WordPiece* out) const {
  out[0] = WordPiece{{0, static_cast<uint32_t>(token.size())}, token, true};
  if (token.size() > kMaxMultiwordBytes || (entries_.empty() && suffixes_.empty())) return 1;
  char buffer[kMaxMultiwordBytes];
  for (size_t byte = 0; byte < token.size(); ++byte) {
    char c = token[byte];
    buffer[byte] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::string_view lower(buffer, token.size());
  auto found = std::lower_bound(
      entries_.begin(), entries_.end(), lower,
      [](const Entry& entry, std::string_view key) { return entry.surface < key; });
  if (found != entries_.end() && found->surface == lower) return SplitAsTable(token, *found, out);
  for (const std::string& suffix : suffixes_) {
    if (!EndsWith(lower, suffix)) continue;
    uint32_t cut = static_cast<uint32_t>(token.size() - suffix.size());
    out[0] = WordPiece{{0, cut}, token.substr(0, cut), true};
    out[1] = WordPiece{{cut, static_cast<uint32_t>(token.size())}, token.substr(cut), true};
    return 2;
  }
  return 1;
}

void MultiwordSplitter::Encode(model::Encoder& out) const {
  out.PutVarint32(static_cast<uint32_t>(entries_.size()));
  for (const Entry& entry : entries_) {
    out.PutString(entry.surface);
    out.PutVarint32(static_cast<uint32_t>(entry.words.size()));
    for (const std::string& word : entry.words) out.PutString(word);
  }
  out.PutVarint32(static_cast<uint32_t>(suffixes_.size()));
  for (const std::string& suffix : suffixes_) out.PutString(suffix);
}

StatusOr<MultiwordSplitter> MultiwordSplitter::Decode(model::Decoder& in) {
  MultiwordSplitter splitter;
  uint32_t count = 0;
  if (!in.GetVarint32(&count) || count > kMaxEntries || count > in.remaining()) {
    return DataLossError("bad multiword count");
  }
  for (uint32_t entry_idx = 0; entry_idx < count; ++entry_idx) {
    std::string_view surface;
    uint32_t word_count = 0;
    if (!in.GetString(&surface) || !in.GetVarint32(&word_count) || word_count < 2 ||
        word_count > kMaxWordsPerToken || surface.empty() || surface.size() > kMaxMultiwordBytes) {
      return DataLossError("bad multiword entry");
    }
    Entry entry{std::string(surface), {}};
    if (!splitter.entries_.empty() && splitter.entries_.back().surface >= entry.surface) {
      return DataLossError("multiword entries out of order");
    }
    for (uint32_t word_idx = 0; word_idx < word_count; ++word_idx) {
      std::string_view word;
      if (!in.GetString(&word) || word.empty()) return DataLossError("bad multiword word");
      entry.words.emplace_back(word);
    }
    splitter.entries_.push_back(std::move(entry));
  }
  if (!in.GetVarint32(&count) || count > kMaxEntries || count > in.remaining()) {
    return DataLossError("bad suffix count");
  }
  for (uint32_t rule_idx = 0; rule_idx < count; ++rule_idx) {
    std::string_view suffix;
    if (!in.GetString(&suffix) || suffix.empty() || suffix.size() >= kMaxMultiwordBytes) {
      return DataLossError("bad suffix rule");
    }
    splitter.suffixes_.emplace_back(suffix);
  }
  return splitter;
}

}  // namespace khabar::tag
