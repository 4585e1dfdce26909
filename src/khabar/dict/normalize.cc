#include "khabar/dict/normalize.h"

#include <utf8proc.h>

#include <cstdlib>

#include "khabar/base/ascii.h"
#include "khabar/base/utf8.h"

namespace khabar::dict {
namespace {

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

bool IsVowel(char ch) { return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u'; }

bool IsConsonant(char ch) { return base::IsAsciiLower(ch) && !IsVowel(ch); }

// Lowercase with combining marks dropped (NFKD, then marks removed, then case folded).
std::string FoldMarks(std::string_view word) {
  bool ascii = true;
  for (char ch : word) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
  if (ascii) return NormalizeKey(word);
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(word.data()), static_cast<utf8proc_ssize_t>(word.size()),
      &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                     UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
  if (length < 0) return NormalizeKey(word);  // ill-formed UTF-8
  std::string folded(reinterpret_cast<const char*>(mapped), static_cast<size_t>(length));
  std::free(mapped);
  return folded;
}

// The byte length of an apostrophe-like character at `pos` (' ` ’ ʿ ʾ), else 0.
size_t ApostropheLength(std::string_view text, size_t pos) {
  if (text[pos] == '\'' || text[pos] == '`') return 1;
  for (std::string_view mark : {"\u2019", "\u02BF", "\u02BE"}) {
    if (text.substr(pos, mark.size()) == mark) return mark.size();
  }
  return 0;
}

bool IsLetterByte(char ch) {
  return base::IsAsciiLower(ch) || static_cast<unsigned char>(ch) >= 0x80;
}

// Drops apostrophes that have a letter on both sides ("qa'ida"); keeps "'s" and "o'".
std::string DropInnerApostrophes(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    size_t length = ApostropheLength(text, pos);
    if (length > 0 && !out.empty() && IsLetterByte(out.back()) && pos + length < text.size() &&
        IsLetterByte(text[pos + length])) {
      pos += length;
      continue;
    }
    out.push_back(text[pos]);
    ++pos;
  }
  return out;
}

// Rule 3: digraphs and single-letter folds, left to right.
std::string FoldLetters(std::string_view run) {
  std::string out;
  out.reserve(run.size());
  for (size_t pos = 0; pos < run.size(); ++pos) {
    char ch = run[pos];
    char next = pos + 1 < run.size() ? run[pos + 1] : '\0';
    char after = pos + 2 < run.size() ? run[pos + 2] : '\0';
    std::string_view pair = run.substr(pos, 2);
    if (pair == "ou" || pair == "oo") {
      out.push_back('u');
      ++pos;
    } else if (pair == "ee") {
      out.push_back('i');
      ++pos;
    } else if (pair == "dj") {
      out.push_back('j');
      ++pos;
    } else if ((pair == "ai" || pair == "ay" || pair == "ei") && (after == '\0' || IsConsonant(after))) {
      out += "ey";
      ++pos;
    } else if (ch == 'y' && next == '\0' && !out.empty() && IsConsonant(out.back())) {
      out.push_back('i');
    } else if (ch == 'q') {
      out.push_back('k');
    } else if (ch == 'o') {
      out.push_back('u');
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

// Rules 2-5 on one run of ASCII lowercase letters, appended to *out.
void AppendTransliteratedRun(std::string_view run, std::string* out) {
  if (run.size() >= 4 && run.back() == 'h' && IsVowel(run[run.size() - 2])) {
    run.remove_suffix(1);
  }
  std::string folded = FoldLetters(run);
  std::string single;
  for (char ch : folded) {
    if (single.empty() || single.back() != ch) single.push_back(ch);
  }
  for (size_t pos = 1; pos + 1 < single.size(); ++pos) {
    char& ch = single[pos];
    if ((ch == 'a' || ch == 'i') && IsConsonant(single[pos - 1]) && IsConsonant(single[pos + 1])) {
      ch = 'e';
    }
  }
  *out += single;
}

// "-", U+2010 hyphen, U+2011 non-breaking hyphen, U+2013 en dash.
bool IsHyphenToken(std::string_view token) {
  return token == "-" || token == "\u2010" || token == "\u2011" || token == "\u2013";
}

// Length of an "al-"/"el-" prefix (any case) followed by more text, else 0.
size_t ArticlePrefixLength(std::string_view token) {
  if (token.size() < 4 || token[2] != '-') return 0;
  return IsArticle(token.substr(0, 2)) ? 3 : 0;
}

}  // namespace

void AppendNormalizedKey(std::string_view word, std::string* out) {
  out->reserve(out->size() + word.size());
  for (size_t pos = 0; pos < word.size();) {
    char ch = word[pos];
    if (static_cast<unsigned char>(ch) < 0x80) {
      out->push_back(base::AsciiLower(ch));
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
    if (base::IsAsciiUpper(ch)) return false;
    if (static_cast<unsigned char>(ch) >= 0x80) ascii = false;
  }
  return ascii || NormalizeKey(word) == word;
}

std::string TransliterationKey(std::string_view word) {
  std::string text = DropInnerApostrophes(FoldMarks(word));
  std::string key;
  key.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    if (!base::IsAsciiLower(text[pos])) {
      key.push_back(text[pos++]);
      continue;
    }
    size_t end = pos;
    while (end < text.size() && base::IsAsciiLower(text[end])) ++end;
    AppendTransliteratedRun(std::string_view(text).substr(pos, end - pos), &key);
    pos = end;
  }
  return key;
}

bool IsArticle(std::string_view word) {
  if (word.size() != 2) return false;
  char first = static_cast<char>(word[0] | 0x20);
  char second = static_cast<char>(word[1] | 0x20);
  return (first == 'a' || first == 'e') && second == 'l';
}

void TransliterateTokens(std::span<const std::string_view> tokens, ArticleMode mode,
                         TransliteratedTokens* out) {
  out->keys.clear();
  out->origins.clear();
  bool after_article = false;
  for (size_t index = 0; index < tokens.size(); ++index) {
    std::string_view token = tokens[index];
    auto origin = static_cast<uint32_t>(index);
    if (after_article && IsHyphenToken(token)) continue;
    size_t prefix = ArticlePrefixLength(token);
    bool article = prefix > 0 || IsArticle(token);
    bool last = prefix == 0 && index + 1 == tokens.size();
    if (article && (mode == ArticleMode::kKeep || last)) {
      out->keys.emplace_back("al");
      out->origins.push_back(origin);
    }
    after_article = article && prefix == 0;
    if (article && prefix == 0) continue;
    std::string key = TransliterationKey(token.substr(prefix));
    if (key.empty()) continue;
    out->keys.push_back(std::move(key));
    out->origins.push_back(origin);
  }
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
