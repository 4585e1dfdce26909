#include "khabar/store/actor_keys.h"

#include <algorithm>

#include "khabar/dict/normalize.h"

namespace khabar::store {
namespace {

bool IsSeparator(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x80) return false;  // part of a UTF-8 letter
  if (c == '-' || c == '\'') return false;
  return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
}

}  // namespace

std::vector<std::string> ActorKeys(std::string_view text) {
  std::vector<std::string_view> words;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && IsSeparator(text[pos])) ++pos;
    const size_t begin = pos;
    while (pos < text.size() && !IsSeparator(text[pos])) ++pos;
    std::string_view word = text.substr(begin, pos - begin);
    // A leading or trailing hyphen or apostrophe is punctuation, not part of the name.
    while (!word.empty() && (word.front() == '-' || word.front() == '\'')) word.remove_prefix(1);
    while (!word.empty() && (word.back() == '-' || word.back() == '\'')) word.remove_suffix(1);
    if (!word.empty()) words.push_back(word);
  }
  dict::TransliteratedTokens keyed;
  dict::TransliterateTokens(words, dict::ArticleMode::kDrop, &keyed);
  std::vector<std::string> keys = std::move(keyed.keys);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace khabar::store
