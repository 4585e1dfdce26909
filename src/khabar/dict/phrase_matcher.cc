#include "khabar/dict/phrase_matcher.h"

#include <algorithm>

#include "khabar/dict/normalize.h"

namespace khabar::dict {
namespace {

uint64_t EdgeKey(uint32_t node, uint32_t word) {
  // Word ids start at 1, so no key is 0 (the map's empty marker).
  return (static_cast<uint64_t>(node) + 1) << 32 | word;
}

}  // namespace

PhraseMatcher::PhraseMatcher() : node_terminal_(1, kNone) {}

uint32_t PhraseMatcher::InternWord(const std::string& word) {
  auto [it, inserted] =
      vocabulary_.try_emplace(word, static_cast<uint32_t>(vocabulary_.size() + 1));
  return it->second;
}

uint32_t PhraseMatcher::FindWord(std::string_view word) const {
  auto it = vocabulary_.find(word);
  return it == vocabulary_.end() ? kNone : it->second;
}

uint32_t PhraseMatcher::Child(uint32_t node, uint32_t word) const {
  if (word == kNone) return kNone;
  uint32_t child = edges_.Find(EdgeKey(node, word));
  return child == internal::EdgeMap::kMissing ? kNone : child;
}

uint32_t PhraseMatcher::AddPath(std::span<const std::string> words) {
  uint32_t node = 0;
  for (const std::string& word : words) {
    uint32_t id = InternWord(word);
    uint32_t child = Child(node, id);
    if (child == kNone) {
      child = static_cast<uint32_t>(node_terminal_.size());
      node_terminal_.push_back(kNone);
      edges_.Insert(EdgeKey(node, id), child);
    }
    node = child;
  }
  max_phrase_words_ = std::max(max_phrase_words_, words.size());
  return node;
}

bool PhraseMatcher::AddValue(uint32_t* terminal, uint32_t value) {
  if (*terminal == kNone) {
    *terminal = static_cast<uint32_t>(terminals_.size());
    terminals_.emplace_back();
  }
  std::vector<uint32_t>& values = terminals_[*terminal];
  if (std::find(values.begin(), values.end(), value) != values.end()) return false;
  values.push_back(value);
  return true;
}

bool PhraseMatcher::Add(std::span<const std::string> words, uint32_t value) {
  if (words.empty()) return false;
  uint32_t node = AddPath(words);
  return AddValue(&node_terminal_[node], value);
}

bool PhraseMatcher::AddWithStem(std::span<const std::string> words, uint32_t value) {
  if (words.empty()) return false;
  uint32_t node = AddPath(words.first(words.size() - 1));
  max_phrase_words_ = std::max(max_phrase_words_, words.size());
  std::vector<StemEdge>& edges = stems_[node];
  auto same_stem = [&](const StemEdge& edge) { return edge.stem == words.back(); };
  auto it = std::find_if(edges.begin(), edges.end(), same_stem);
  if (it != edges.end()) return AddValue(&it->terminal, value);
  uint32_t terminal = kNone;
  AddValue(&terminal, value);
  edges.push_back({words.back(), terminal});
  return true;
}

std::span<const uint32_t> PhraseMatcher::Lookup(std::span<const std::string> words) const {
  uint32_t node = 0;
  for (const std::string& word : words) {
    node = Child(node, FindWord(word));
    if (node == kNone) return {};
  }
  if (words.empty() || node_terminal_[node] == kNone) return {};
  return terminals_[node_terminal_[node]];
}

void PhraseMatcher::Intern(std::span<const std::string_view> tokens, std::vector<uint32_t>* ids,
                           std::vector<std::string_view>* keys, std::string* scratch) const {
  // Tokens that are not keys yet are normalised into one scratch buffer; the views into
  // it are taken once it has stopped growing; `rewritten` holds (token, offset) pairs.
  scratch->clear();
  keys->assign(tokens.begin(), tokens.end());
  std::vector<size_t> rewritten;
  for (size_t index = 0; index < tokens.size(); ++index) {
    if (IsNormalizedKey(tokens[index])) continue;
    size_t offset = scratch->size();
    AppendNormalizedKey(tokens[index], scratch);
    rewritten.push_back(index);
    rewritten.push_back(offset);
  }
  for (size_t item = 0; item < rewritten.size(); item += 2) {
    size_t offset = rewritten[item + 1];
    size_t end = item + 3 < rewritten.size() ? rewritten[item + 3] : scratch->size();
    (*keys)[rewritten[item]] = std::string_view(*scratch).substr(offset, end - offset);
  }
  ids->resize(tokens.size());
  for (size_t index = 0; index < tokens.size(); ++index) (*ids)[index] = FindWord((*keys)[index]);
}

template <typename Emit>
void PhraseMatcher::WalkFrom(size_t start, const std::vector<uint32_t>& ids,
                             const std::vector<std::string_view>& keys, Emit emit) const {
  uint32_t node = 0;
  for (size_t pos = start; pos < ids.size(); ++pos) {
    if (!stems_.empty()) {
      auto it = stems_.find(node);
      if (it != stems_.end()) {
        for (const StemEdge& edge : it->second) {
          if (keys[pos].starts_with(edge.stem)) emit(pos + 1, edge.terminal);
        }
      }
    }
    node = Child(node, ids[pos]);
    if (node == kNone) return;
    if (node_terminal_[node] != kNone) emit(pos + 1, node_terminal_[node]);
  }
}

std::vector<PhraseMatch> PhraseMatcher::FindAll(std::span<const std::string_view> tokens) const {
  std::vector<uint32_t> ids;
  std::vector<std::string_view> keys;
  std::string scratch;
  Intern(tokens, &ids, &keys, &scratch);
  std::vector<PhraseMatch> matches;
  for (size_t start = 0; start < tokens.size(); ++start) {
    WalkFrom(start, ids, keys, [&](size_t end, uint32_t terminal) {
      matches.push_back(
          {static_cast<uint32_t>(start), static_cast<uint32_t>(end), terminals_[terminal]});
    });
  }
  return matches;
}

std::vector<PhraseMatch> PhraseMatcher::FindLongest(
    std::span<const std::string_view> tokens) const {
  std::vector<uint32_t> ids;
  std::vector<std::string_view> keys;
  std::string scratch;
  Intern(tokens, &ids, &keys, &scratch);
  std::vector<PhraseMatch> matches;
  for (size_t start = 0; start < tokens.size();) {
    PhraseMatch best;
    WalkFrom(start, ids, keys, [&](size_t end, uint32_t terminal) {
      if (end > best.end) {
        best = {static_cast<uint32_t>(start), static_cast<uint32_t>(end), terminals_[terminal]};
      }
    });
    if (best.values.empty()) {
      ++start;
    } else {
      matches.push_back(best);
      start = best.end;
    }
  }
  return matches;
}

}  // namespace khabar::dict
