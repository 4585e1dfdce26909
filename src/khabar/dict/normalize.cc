#include "khabar/dict/normalize.h"

#include <utf8proc.h>

#include "khabar/base/utf8.h"

namespace khabar::dict {
namespace {

bool IsAsciiUpper(char ch) { return ch >= 'A' && ch <= 'Z'; }

bool IsSeparator(char ch) {
  return ch == '_' || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' ||
         ch == '\v';
}

// Lowercases the non-ASCII code point starting at `pos`; returns the bytes consumed.
size_t AppendLoweredCodePoint(std::string_view word, size_t pos, std::string* out) {
  char32_t code_point = 0;
  size_t length = base::DecodeUtf8(word, pos, &code_point);
  if (length == 0) {
    out->push_back(word[pos]);
    return 1;
  }
  auto lowered = static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(code_point)));
  base::AppendUtf8(*out, lowered);
  return length;
}

}  // namespace

void AppendNormalizedKey(std::string_view word, std::string* out) {
  out->reserve(out->size() + word.size());
  for (size_t pos = 0; pos < word.size();) {
    char ch = word[pos];
    if (static_cast<unsigned char>(ch) < 0x80) {
      out->push_back(IsAsciiUpper(ch) ? static_cast<char>(ch - 'A' + 'a') : ch);
      ++pos;
    } else {
      pos += AppendLoweredCodePoint(word, pos, out);
    }
  }
}

std::string NormalizeKey(std::string_view word) {
  std::string key;
  AppendNormalizedKey(word, &key);
  return key;
}

bool IsNormalizedKey(std::string_view word) {
  bool ascii = true;
  for (char ch : word) {
    if (IsAsciiUpper(ch)) return false;
    if (static_cast<unsigned char>(ch) >= 0x80) ascii = false;
  }
  return ascii || NormalizeKey(word) == word;
}

std::vector<std::string> SplitPhrase(std::string_view phrase) {
  std::vector<std::string> words;
  size_t start = 0;
  for (size_t pos = 0; pos <= phrase.size(); ++pos) {
    if (pos < phrase.size() && !IsSeparator(phrase[pos])) continue;
    if (pos > start) words.push_back(NormalizeKey(phrase.substr(start, pos - start)));
    start = pos + 1;
  }
  return words;
}

}  // namespace khabar::dict
