#include "khabar/text/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "khabar/text/internal/char_class.h"

namespace khabar::text {
namespace {

using internal::AsciiLower;
using internal::CharClass;
using internal::ClassAt;
using internal::EqualsIgnoreCase;
using internal::IsAsciiAlpha;
using internal::IsAsciiDigit;
using internal::IsAsciiLower;
using internal::IsAsciiSpace;
using internal::IsAsciiUpper;
using internal::IsWordClass;

// Titles and abbreviations that precede a name or number and almost never end a sentence.
constexpr std::array<std::string_view, 40> kTitles = {
    "mr",   "mrs",  "ms",   "dr",   "prof",  "gen",  "lt",   "col",   "maj",   "capt",
    "sgt",  "adm",  "gov",  "sen",  "rep",   "reps", "sens", "pres",  "rev",   "hon",
    "cmdr", "brig", "cpl",  "pvt",  "supt",  "messrs", "mme", "mlle", "st",    "ft",
    "mt",   "vs",   "nos",  "fig",  "figs",  "dept", "univ", "ca",    "cf",    "gens"};

// Abbreviations that may also end a sentence.
constexpr std::array<std::string_view, 33> kAbbreviations = {
    "jr",  "sr",  "inc", "corp", "co",  "ltd",  "etc", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug",  "sep", "sept", "oct", "nov", "dec", "approx",
    "est", "al",  "ave", "blvd", "rd",  "bros", "assn", "govt", "lb",  "oz",
    "conf", "dist", "ph"};

// Bound prefixes that keep their hyphen (EWT: "e-mail", "non-violent", "pre-war").
constexpr std::array<std::string_view, 22> kHyphenPrefixes = {
    "e",     "non",  "pre",   "anti",  "re",    "post",  "mid",   "pro",
    "ex",    "multi", "co",   "cross", "neo",   "intra", "inter", "semi",
    "counter", "mini", "socio", "psycho", "sub", "vice"};

// Units written straight after a number that EWT splits off ("5pm" -> "5 pm").
constexpr std::array<std::string_view, 22> kNumberUnits = {
    "am", "pm", "k",  "m",  "km", "cm", "mm", "ft", "kg", "lb", "lbs",
    "gb", "mb", "tb", "kb", "hz", "mhz", "ghz", "mph", "min", "hrs", "bn"};

// File extensions that EWT keeps as one token with their dot (".doc").
constexpr std::array<std::string_view, 14> kFileExtensions = {
    "doc", "docx", "xls", "xlsx", "pdf", "txt", "ppt", "pptx", "zip", "jpg", "gif", "htm", "html", "exe"};

// ASCII letters, digits and '_': the bytes a word run continues over without decoding.
constexpr std::array<bool, 256> MakeWordByteTable() {
  std::array<bool, 256> table{};
  for (int c = 0; c < 128; ++c) table[c] = IsAsciiAlpha(static_cast<char>(c)) || IsAsciiDigit(static_cast<char>(c)) || c == '_';
  return table;
}
constexpr std::array<bool, 256> kAsciiWordByte = MakeWordByteTable();

template <size_t N>
bool InList(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::any_of(list.begin(), list.end(),
                     [word](std::string_view entry) { return EqualsIgnoreCase(word, entry); });
}

bool IsWordAt(std::string_view text, size_t pos, size_t end) {
  size_t length = 0;
  return pos < end && IsWordClass(ClassAt(text, pos, &length));
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return IsAsciiDigit(c); });
}

bool AllAsciiLetters(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return IsAsciiAlpha(c); });
}

// Length of the run of ASCII alphanumerics starting at `pos`, up to `end`.
size_t AlnumRun(std::string_view text, size_t pos, size_t end) {
  size_t q = pos;
  while (q < end && (IsAsciiAlpha(text[q]) || IsAsciiDigit(text[q]))) ++q;
  return q - pos;
}

// Scans one chunk (a maximal run of non-space characters) into tokens.
class ChunkScanner {
 public:
  ChunkScanner(std::string_view text, std::vector<doc::Token>* tokens, bool* quote_open)
      : text_(text), tokens_(tokens), quote_open_(quote_open) {}

  void Scan(size_t begin, size_t end, bool paragraph_start, bool space_after);

 private:
  // Most chunks are plain words: the rare patterns below are tried only when a chunk
  // holds one of their marks (a "www." URL without a scheme is kept whole by the word
  // rules anyway).
  bool MayBeSpecial(size_t begin, size_t end) const;
  // Length of a URL, e-mail address, handle or emoticon at `pos`, or 0.
  size_t MatchSpecial(size_t pos, size_t end) const;
  size_t MatchUrl(size_t pos, size_t end) const;
  size_t MatchEmail(size_t pos, size_t end) const;
  size_t MatchHandle(size_t pos, size_t end) const;
  size_t MatchEmoticon(size_t pos, size_t end) const;
  size_t ScanWord(size_t pos, size_t end);
  size_t ScanPunct(size_t pos, size_t end);
  // For a word "5pm" or "6:00pm" in [begin, end), the end of its number; else `end`.
  size_t SplitUnit(size_t begin, size_t end) const;
  // Decides whether the joiner at `q` continues the word [word_begin, q) whose last
  // segment starts at `segment_begin`. Returns the new position, or q to stop.
  size_t JoinAt(size_t word_begin, size_t segment_begin, size_t q, size_t end);
  bool KeepHyphen(size_t segment_begin, size_t q, size_t end) const;
  bool KeepInternalStop(size_t segment_begin, size_t q, size_t end) const;
  // Dates keep their slashes (04/30/2001, 9/11); fractions and scores split (2 / 3).
  bool KeepNumberSlash(size_t segment_begin, size_t q, size_t end) const;
  // True if a digit follows `pos` after at most one space.
  bool NumberFollows(size_t pos) const {
    if (pos < text_.size() && text_[pos] == ' ') ++pos;
    return pos < text_.size() && IsAsciiDigit(text_[pos]);
  }

  std::string_view text_;
  std::vector<doc::Token>* tokens_;
  bool* quote_open_;
};

void ChunkScanner::Scan(size_t begin, size_t end, bool paragraph_start, bool space_after) {
  size_t first = tokens_->size();
  size_t pos = begin;
  bool may_be_special = MayBeSpecial(begin, end);
  while (pos < end) {
    size_t length = may_be_special ? MatchSpecial(pos, end) : 0;
    size_t next = pos + length;
    if (length == 0) {
      size_t char_length = 0;
      next = IsWordClass(ClassAt(text_, pos, &char_length)) ? SplitUnit(pos, ScanWord(pos, end))
                                                             : ScanPunct(pos, end);
    }
    doc::Token token;
    token.span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(next)};
    token.space_after = false;
    tokens_->push_back(token);
    pos = next;
  }
  if (tokens_->size() > first) {
    (*tokens_)[first].paragraph_start = paragraph_start;
    tokens_->back().space_after = space_after;
  }
}

bool ChunkScanner::MayBeSpecial(size_t begin, size_t end) const {
  for (size_t q = begin; q < end; ++q) {
    char c = text_[q];
    if (c == '@' || c == '#' || c == ':' || c == ';' || c == '/') return true;
  }
  return false;
}

size_t ChunkScanner::MatchSpecial(size_t pos, size_t end) const {
  size_t length = MatchUrl(pos, end);
  if (length == 0) length = MatchEmail(pos, end);
  if (length == 0) length = MatchHandle(pos, end);
  if (length == 0) length = MatchEmoticon(pos, end);
  return length;
}

size_t ChunkScanner::MatchUrl(size_t pos, size_t end) const {
  std::string_view rest = text_.substr(pos, end - pos);
  auto starts = [rest](std::string_view prefix) {
    return rest.size() > prefix.size() && EqualsIgnoreCase(rest.substr(0, prefix.size()), prefix);
  };
  if (!starts("http://") && !starts("https://") && !starts("ftp://") && !starts("www.")) return 0;
  bool has_paren = rest.find('(') != std::string_view::npos;
  size_t length = rest.size();
  while (length > 4) {
    char c = rest[length - 1];
    bool strip = c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
                 c == '\'' || c == '"' || c == ']' || (c == ')' && !has_paren);
    if (!strip) break;
    --length;
  }
  return length;
}

size_t ChunkScanner::MatchEmail(size_t pos, size_t end) const {
  if (!IsAsciiAlpha(text_[pos]) && !IsAsciiDigit(text_[pos])) return 0;
  size_t q = pos;
  constexpr std::string_view kMailto = "mailto:";
  if (end - pos > kMailto.size() && EqualsIgnoreCase(text_.substr(pos, kMailto.size()), kMailto)) {
    q += kMailto.size();
  }
  auto local = [](char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; };
  while (q < end && local(text_[q])) ++q;
  if (q >= end || text_[q] != '@' || q == pos) return 0;
  ++q;
  size_t labels = 0;
  size_t last_good = 0;
  while (q < end) {
    size_t run = q;
    while (run < end && (IsAsciiAlpha(text_[run]) || IsAsciiDigit(text_[run]) || text_[run] == '-')) ++run;
    if (run == q) break;
    ++labels;
    last_good = run;
    if (run >= end || text_[run] != '.') break;
    q = run + 1;
  }
  return labels >= 2 ? last_good - pos : 0;
}

size_t ChunkScanner::MatchHandle(size_t pos, size_t end) const {
  char c = text_[pos];
  if (c != '@' && c != '#') return 0;
  size_t q = pos + 1;
  if (q >= end || !IsAsciiAlpha(text_[q])) return 0;
  while (q < end && (IsAsciiAlpha(text_[q]) || IsAsciiDigit(text_[q]) || text_[q] == '_')) ++q;
  return q - pos;
}

size_t ChunkScanner::MatchEmoticon(size_t pos, size_t end) const {
  char c = text_[pos];
  if (c != ':' && c != ';') return 0;
  size_t q = pos + 1;
  if (q < end && text_[q] == '-') ++q;
  if (q >= end) return 0;
  char mouth = text_[q];
  if (mouth != ')' && mouth != '(' && mouth != 'D' && mouth != 'P' && mouth != 'p') return 0;
  ++q;
  if (q < end && (IsAsciiAlpha(text_[q]) || IsAsciiDigit(text_[q]))) return 0;
  // ": D" after a number ("Score: 5:D") is rare; a ':' right after a word is punctuation.
  if (pos > 0 && !IsAsciiSpace(text_[pos - 1])) return 0;
  return q - pos;
}

size_t ChunkScanner::ScanWord(size_t pos, size_t end) {
  size_t segment_begin = pos;
  size_t q = pos;
  while (q < end) {
    while (q < end && kAsciiWordByte[static_cast<unsigned char>(text_[q])]) ++q;
    if (q >= end) break;
    size_t length = 0;
    if (IsWordClass(ClassAt(text_, q, &length))) {
      q += length;
      continue;
    }
    size_t next = JoinAt(pos, segment_begin, q, end);
    if (next == q) break;
    q = next;
    if (!IsWordAt(text_, q, end)) break;  // the joiner ended the word ("U.S.", "parents'")
    segment_begin = q;
  }
  return q;
}

size_t ChunkScanner::JoinAt(size_t word_begin, size_t segment_begin, size_t q, size_t end) {
  char c = text_[q];
  bool word_after = IsWordAt(text_, q + 1, end);
  char before = text_[q - 1];
  char after = q + 1 < end ? text_[q + 1] : '\0';
  switch (c) {
    case '\'':
      if (word_after && IsAsciiAlpha(after)) return q + 1;
      if ((before == 's' || before == 'S') && !*quote_open_ && q - word_begin > 1 && !word_after) {
        return q + 1;
      }
      // Dropped g: "lovin'", "cookin'".
      if (before == 'n' && q - word_begin > 3 && text_[q - 2] == 'i' && !word_after) return q + 1;
      return q;
    case '.': {
      if (word_after) return KeepInternalStop(segment_begin, q, end) ? q + 1 : q;
      if (after == '.') return q;
      std::string_view word = text_.substr(word_begin, q - word_begin);
      if (EqualsIgnoreCase(word, "no")) return NumberFollows(q + 1) ? q + 1 : q;  // "No. 5"
      return Tokenizer::IsAbbreviation(word) ? q + 1 : q;
    }
    case ',':
      if (IsAsciiDigit(before) && AlnumRun(text_, q + 1, end) == 3 &&
          AllDigits(text_.substr(q + 1, 3))) {
        return q + 1;
      }
      return q;
    case ':':
      return IsAsciiDigit(before) && IsAsciiDigit(after) ? q + 1 : q;
    case '/': {
      if (IsAsciiDigit(before) && IsAsciiDigit(after)) return KeepNumberSlash(segment_begin, q, end) ? q + 1 : q;
      bool single_left = q - segment_begin == 1 && IsAsciiAlpha(before);
      bool single_right = IsAsciiAlpha(after) && AlnumRun(text_, q + 1, end) == 1;
      return single_left && single_right ? q + 1 : q;
    }
    case '&':
      return IsAsciiUpper(before) && IsAsciiUpper(after) ? q + 1 : q;
    case '-':
      return KeepHyphen(segment_begin, q, end) ? q + 1 : q;
    default:
      return q;
  }
}

bool ChunkScanner::KeepHyphen(size_t segment_begin, size_t q, size_t end) const {
  if (!IsWordAt(text_, q + 1, end)) return false;
  std::string_view left = text_.substr(segment_begin, q - segment_begin);
  if (AllAsciiLetters(left)) return InList(kHyphenPrefixes, left);
  size_t right_length = AlnumRun(text_, q + 1, end);
  std::string_view right = text_.substr(q + 1, right_length);
  if (!AllDigits(left) || !AllDigits(right)) return false;
  bool chained = q + 1 + right_length < end && text_[q + 1 + right_length] == '-';
  bool chain_member = segment_begin > 0 && text_[segment_begin - 1] == '-';
  if (chained || chain_member) return true;  // 1-800-555-0100
  return right.size() >= 4 && left.size() != 4;  // 555-0100, 77001-1234; not 1990-1995
}

bool ChunkScanner::KeepNumberSlash(size_t segment_begin, size_t q, size_t end) const {
  size_t right = AlnumRun(text_, q + 1, end);
  bool date = (q + 1 + right < end && text_[q + 1 + right] == '/') ||
              (segment_begin > 0 && text_[segment_begin - 1] == '/');
  return date || (text_.substr(segment_begin, q - segment_begin) == "9" && text_.substr(q + 1, right) == "11");
}

bool ChunkScanner::KeepInternalStop(size_t segment_begin, size_t q, size_t end) const {
  size_t left_length = q - segment_begin;
  char after = text_[q + 1];
  // "end.The": a missing space between sentences, not "U.S" or "example.com".
  if (left_length > 1 && IsAsciiUpper(after) && q + 2 < end && IsAsciiLower(text_[q + 2])) {
    size_t right = AlnumRun(text_, q + 1, end);
    bool right_is_word = q + 1 + right >= end || text_[q + 1 + right] != '.';
    return !right_is_word;
  }
  return true;
}

size_t ChunkScanner::SplitUnit(size_t begin, size_t end) const {
  if (!IsAsciiDigit(text_[begin])) return end;
  size_t letters = end;
  while (letters > begin && IsAsciiAlpha(text_[letters - 1])) --letters;
  if (letters == end || letters == begin || !IsAsciiDigit(text_[letters - 1])) return end;
  for (size_t q = begin; q < letters; ++q) {
    if (!IsAsciiDigit(text_[q]) && text_[q] != ':' && text_[q] != '.' && text_[q] != ',') return end;
  }
  return InList(kNumberUnits, text_.substr(letters, end - letters)) ? letters : end;
}

size_t ChunkScanner::ScanPunct(size_t pos, size_t end) {
  char c = text_[pos];
  if (c == '.' && IsAsciiAlpha(pos + 1 < end ? text_[pos + 1] : '\0')) {
    size_t run = AlnumRun(text_, pos + 1, end);
    if (pos + 1 + run == end && InList(kFileExtensions, text_.substr(pos + 1, run))) return end;
  }
  auto run_of = [&](auto predicate) {
    size_t q = pos + 1;
    while (q < end && predicate(text_[q])) ++q;
    return q;
  };
  if (c == '.' || c == '!' || c == '?') {
    return run_of([](char d) { return d == '.' || d == '!' || d == '?'; });
  }
  if (c == '\'') {
    if (pos + 1 < end && text_[pos + 1] == '\'') return pos + 2;
    // A detached clitic ("P&L #'s") or a clipped year ("'72").
    size_t run = AlnumRun(text_, pos + 1, end);
    std::string_view rest = text_.substr(pos + 1, run);
    bool clitic = (rest == "s" || rest == "S") && !IsWordAt(text_, pos + 1 + run, end);
    bool year = run == 2 && AllDigits(rest) && !IsWordAt(text_, pos + 3, end);
    if (clitic || year) return pos + 1 + run;
    *quote_open_ = IsWordAt(text_, pos + 1, end);
    return pos + 1;
  }
  if (c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == '"' ||
      c == ',' || c == ';' || c == ':' || c == '%') {
    return pos + 1;
  }
  if (static_cast<unsigned char>(c) < 0x80) return run_of([c](char d) { return d == c; });
  size_t length = 0;
  ClassAt(text_, pos, &length);
  return pos + length;
}

}  // namespace

bool Tokenizer::IsTitle(std::string_view word) { return InList(kTitles, word); }

bool Tokenizer::IsAbbreviation(std::string_view word) {
  if (word.empty()) return false;
  if (word.size() == 1) return IsAsciiUpper(word[0]);
  constexpr size_t kLongestListed = 6;
  if (word.size() <= kLongestListed && (InList(kTitles, word) || InList(kAbbreviations, word))) return true;
  // Letters with internal stops: U.S, p.m, e.g, D.C.
  bool has_stop = false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c == '.') {
      if (i == 0 || word[i - 1] == '.') return false;
      has_stop = true;
    } else if (!IsAsciiAlpha(c)) {
      return false;
    }
  }
  return has_stop && word.size() <= 8;
}

void Tokenizer::Tokenize(std::string_view text, std::vector<doc::Token>* tokens) const {
  bool quote_open = false;
  ChunkScanner scanner(text, tokens, &quote_open);
  size_t pos = 0;
  int newlines = 2;  // the document start counts as a paragraph break
  while (pos < text.size()) {
    size_t length = 1;
    if (IsAsciiSpace(text[pos]) ||
        (static_cast<unsigned char>(text[pos]) >= 0x80 && ClassAt(text, pos, &length) == CharClass::kSpace)) {
      if (text[pos] == '\n') ++newlines;
      pos += length;
      continue;
    }
    size_t end = pos;
    while (end < text.size()) {
      size_t char_length = 1;
      unsigned char byte = static_cast<unsigned char>(text[end]);
      if (byte < 0x80 ? IsAsciiSpace(text[end]) : ClassAt(text, end, &char_length) == CharClass::kSpace) break;
      end += char_length;
    }
    scanner.Scan(pos, end, newlines >= 2, end < text.size());
    newlines = 0;
    pos = end;
  }
}

}  // namespace khabar::text
