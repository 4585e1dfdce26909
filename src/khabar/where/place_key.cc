#include "khabar/where/place_key.h"

#include <utf8proc.h>
#include <xxhash.h>

#include <cstdlib>

#include "khabar/dict/normalize.h"

namespace khabar::where {
namespace {

bool IsSplit(std::string_view name, size_t pos, size_t* length) {
  char ch = name[pos];
  if (ch == ' ' || ch == '-' || ch == ',' || ch == '\t' || ch == '_') {
    *length = 1;
    return true;
  }
  for (std::string_view dash : {"\u2013", "\u2010", "\u2011"}) {
    if (name.substr(pos, dash.size()) == dash) {
      *length = dash.size();
      return true;
    }
  }
  return false;
}

// Drops apostrophe-like marks and "'s" at the end of a word ("Bayda'", "Grozny's").
std::string_view TrimApostrophes(std::string_view word) {
  for (bool trimmed = true; trimmed && !word.empty();) {
    trimmed = false;
    if (word.size() > 2 && (word.ends_with("'s") || word.ends_with("\u2019s"))) {
      word.remove_suffix(word.ends_with("'s") ? 2 : 4);
      trimmed = true;
    }
    for (std::string_view mark : {"'", "`", "\u2019", "\u02BC", "\u02BF", "\u02BE"}) {
      if (word.ends_with(mark)) {
        word.remove_suffix(mark.size());
        trimmed = true;
      }
    }
  }
  return word;
}

void AppendFolded(std::string_view word, std::string* out) {
  bool ascii = true;
  for (char ch : word) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
  if (ascii) {
    for (char ch : word) out->push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
    return;
  }
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(word.data()), static_cast<utf8proc_ssize_t>(word.size()),
      &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                     UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
  if (length < 0) {
    out->append(word);  // ill-formed UTF-8: kept as it is
    return;
  }
  out->append(reinterpret_cast<const char*>(mapped), static_cast<size_t>(length));
  std::free(mapped);
}

}  // namespace

std::vector<std::string_view> PlaceNameWords(std::string_view name) {
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t pos = 0; pos <= name.size();) {
    size_t length = 1;
    if (pos < name.size() && !IsSplit(name, pos, &length)) {
      ++pos;
      continue;
    }
    std::string_view word = TrimApostrophes(name.substr(start, pos - start));
    if (!word.empty()) words.push_back(word);
    pos += length;
    start = pos;
  }
  return words;
}

std::string FoldKey(std::span<const std::string_view> words) {
  std::string key;
  for (std::string_view word : words) {
    std::string_view trimmed = TrimApostrophes(word);
    if (trimmed.empty()) continue;
    if (!key.empty()) key.push_back(' ');
    AppendFolded(trimmed, &key);
  }
  return key;
}

std::string TransliteratedKey(std::span<const std::string_view> words) {
  std::string key;
  size_t kept = 0;
  for (size_t index = 0; index < words.size(); ++index) {
    std::string_view word = TrimApostrophes(words[index]);
    if (word.empty()) continue;
    if (dict::IsArticle(word) && words.size() > 1) continue;
    if (kept++ > 0) key.push_back(' ');
    key += dict::TransliterationKey(word);
  }
  return key;
}

uint64_t KeyHash(std::string_view key) { return XXH3_64bits(key.data(), key.size()); }

}  // namespace khabar::where
