#include "khabar/eval/ud_eval.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "khabar/base/utf8.h"

// Mirrors conll18_ud_eval.py v1.2 (load_conllu, evaluate, align_words and its helpers);
// comments name the script's functions so the two can be read side by side.
namespace khabar::eval {
namespace {

constexpr size_t kColumnCount = 10;
constexpr size_t kId = 0, kForm = 1, kLemma = 2, kUpos = 3, kXpos = 4, kHead = 6, kDeprel = 7;
constexpr int32_t kRoot = -1;        // parent of the root word
constexpr int32_t kNotAligned = -2;  // a system head without an aligned gold word
constexpr size_t kExcerptCodePoints = 20;

using Columns = std::array<std::string_view, kColumnCount>;

// ---- Unicode, as Python's str sees it -------------------------------------------------

// Unicode general category Zs (unchanged since Unicode 6.3), which the script removes.
bool IsSpaceSeparator(char32_t c) {
  return c == 0x20 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

std::vector<char32_t> DecodeAll(std::string_view text) {
  std::vector<char32_t> code_points;
  for (size_t pos = 0; pos < text.size();) {
    char32_t c = 0;
    size_t length = base::DecodeUtf8(text, pos, &c);
    if (length == 0) return code_points;  // input was validated; defensive
    code_points.push_back(c);
    pos += length;
  }
  return code_points;
}

utf8proc_category_t Category(char32_t c) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(c));
}

// Python's Cased: letters with case, approximated by category or an existing case mapping.
bool IsCased(char32_t c) {
  utf8proc_category_t category = Category(c);
  if (category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LL ||
      category == UTF8PROC_CATEGORY_LT) {
    return true;
  }
  auto code = static_cast<utf8proc_int32_t>(c);
  return utf8proc_tolower(code) != code || utf8proc_toupper(code) != code;
}

// Python's Case_Ignorable: Mn, Me, Cf, Lm, Sk and Word_Break MidLetter/MidNumLet/Single_Quote.
bool IsCaseIgnorable(char32_t c) {
  switch (Category(c)) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_SK:
      return true;
    default:
      break;
  }
  constexpr char32_t kMidLetterOrQuote[] = {0x27,   0x2E,   0x3A,   0xB7,   0x387,  0x55F,
                                            0x5F4,  0x2018, 0x2019, 0x2024, 0x2027, 0xFE13,
                                            0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A};
  return std::find(std::begin(kMidLetterOrQuote), std::end(kMidLetterOrQuote), c) !=
         std::end(kMidLetterOrQuote);
}

// Python's Final_Sigma condition for the capital sigma at `pos`.
bool IsFinalSigma(const std::vector<char32_t>& text, size_t pos) {
  size_t before = pos;
  while (before > 0 && IsCaseIgnorable(text[before - 1])) --before;
  if (before == 0 || !IsCased(text[before - 1])) return false;
  size_t after = pos + 1;
  while (after < text.size() && IsCaseIgnorable(text[after])) ++after;
  return after == text.size() || !IsCased(text[after]);
}

// Python's str.lower(): simple lowercase plus the two full mappings that differ from it
// (U+0130 and the final sigma).
std::u32string PythonLower(const std::vector<char32_t>& text) {
  std::u32string lower;
  lower.reserve(text.size());
  for (size_t pos = 0; pos < text.size(); ++pos) {
    char32_t c = text[pos];
    if (c == 0x130) {
      lower += U"i\u0307";
    } else if (c == 0x3A3) {
      lower += IsFinalSigma(text, pos) ? char32_t{0x3C2} : char32_t{0x3C3};
    } else {
      lower += static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
    }
  }
  return lower;
}

// ---- Reading (load_conllu) -----------------------------------------------------------

struct UdSpan {
  uint32_t begin = 0;  // code points of the space-free text
  uint32_t end = 0;
};

struct UdWord {
  UdSpan span;  // the word's token: a whole multiword token for its parts
  bool is_multiword = false;
  std::string_view form;  // as written; spaces are removed when comparing
  std::string_view lemma, upos, xpos, head;
  std::string_view deprel;  // universal part only
  int32_t parent = kRoot;   // index into UdFile::words
};

struct UdFile {
  std::string characters;  // UTF-8 of the space-free text
  std::vector<UdSpan> tokens;
  std::vector<UdSpan> sentences;
  std::vector<UdWord> words;
};

// Lines as Python's universal-newline reading splits them: "\n", "\r\n" or "\r" ends one.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}

  // Returns false at the end of the text. Counts lines either way.
  bool Next(std::string_view* line) {
    ++line_number_;
    if (pos_ >= text_.size()) return false;
    size_t end = text_.find_first_of("\r\n", pos_);
    if (end == std::string_view::npos) end = text_.size();
    *line = text_.substr(pos_, end - pos_);
    pos_ = end;
    if (end == text_.size()) return true;
    ++pos_;
    if (text_[end] == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    return true;
  }
  uint64_t line_number() const { return line_number_; }
  size_t position() const { return pos_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  uint64_t line_number_ = 0;
};

uint64_t LineNumberAt(std::string_view text, size_t offset) {
  LineReader lines(text);
  std::string_view line;
  while (lines.Next(&line) && lines.position() <= offset) {
  }
  return lines.line_number();
}

bool SplitColumns(std::string_view line, Columns& columns) {
  size_t column = 0;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    if (column == kColumnCount - 1) {
      columns[column] = line.substr(start);
      return tab == std::string_view::npos;
    }
    if (tab == std::string_view::npos) return false;
    columns[column++] = line.substr(start, tab - start);
    start = tab + 1;
  }
}

bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Python's int() on ASCII input: optional blanks and sign, digits with single '_'
// separators. Values beyond int64 saturate, which no sentence can reach anyway.
std::optional<int64_t> ParsePythonInt(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  bool negative = !text.empty() && text.front() == '-';
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  if (text.empty() || text.front() == '_' || text.back() == '_') return std::nullopt;
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  int64_t value = 0;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (text[pos] == '_' && text[pos + 1] != '_') continue;
    if (text[pos] < '0' || text[pos] > '9') return std::nullopt;
    int digit = text[pos] - '0';
    value = value > (kMax - digit) / 10 ? kMax : value * 10 + digit;
  }
  return negative ? -value : value;
}

Status ColumnsError(std::string_view line) {
  return InvalidArgumentError("The CoNLL-U line does not contain 10 tab-separated columns: '" +
                              std::string(line) + "'");
}

UdWord MakeWord(const Columns& columns, UdSpan span, bool is_multiword) {
  UdWord word;
  word.span = span;
  word.is_multiword = is_multiword;
  word.form = columns[kForm];
  word.lemma = columns[kLemma];
  word.upos = columns[kUpos];
  word.xpos = columns[kXpos];
  word.head = columns[kHead];
  word.deprel = columns[kDeprel].substr(0, columns[kDeprel].find(':'));
  return word;
}

class UdReader {
 public:
  // `name` ("gold" or "system") and the line number prefix error messages.
  UdReader(std::string_view contents, std::string_view name) : lines_(contents), name_(name) {}

  StatusOr<UdFile> Read() && {
    std::string_view line;
    while (lines_.Next(&line)) {
      Status status = ReadLine(line);
      if (!status.ok()) return status.WithPrefix(Location());
    }
    if (sentence_start_) {
      return InvalidArgumentError("The CoNLL-U file does not end with empty line")
          .WithPrefix(Location());
    }
    return std::move(file_);
  }

 private:
  Status ReadLine(std::string_view line);
  Status AppendToken(std::string_view form);
  Status ReadMultiwordWords(std::string_view id);
  Status AppendBasicWord(const Columns& columns);
  Status FinishSentence();
  Status ResolveHeads();
  uint32_t SentenceWordCount() const {
    return static_cast<uint32_t>(file_.words.size()) - *sentence_start_;
  }

  std::string Location() const {
    return std::string(name_) + ":" + std::to_string(lines_.line_number());
  }

  LineReader lines_;
  std::string_view name_;
  UdFile file_;
  uint32_t index_ = 0;                      // code points of text so far
  std::optional<uint32_t> sentence_start_;  // first word of the open sentence
};

Status UdReader::ReadLine(std::string_view line) {
  if (!sentence_start_) {
    if (!line.empty() && line.front() == '#') return Status::Ok();
    // Even a blank line opens a sentence here, which then fails for having no root.
    file_.sentences.push_back({index_, 0});
    sentence_start_ = static_cast<uint32_t>(file_.words.size());
  }
  if (line.empty()) return FinishSentence();
  Columns columns;
  if (!SplitColumns(line, columns)) return ColumnsError(line);
  if (columns[kId].find('.') != std::string_view::npos) return Status::Ok();  // empty node
  KH_RETURN_IF_ERROR(AppendToken(columns[kForm]));
  if (columns[kId].find('-') != std::string_view::npos) return ReadMultiwordWords(columns[kId]);
  return AppendBasicWord(columns);
}

Status UdReader::AppendToken(std::string_view form) {
  uint32_t length = 0;
  for (size_t pos = 0; pos < form.size();) {
    char32_t c = 0;
    size_t bytes = base::DecodeUtf8(form, pos, &c);
    if (bytes == 0) return InvalidArgumentError("invalid UTF-8");
    if (!IsSpaceSeparator(c)) {
      file_.characters.append(form.substr(pos, bytes));
      ++length;
    }
    pos += bytes;
  }
  if (length == 0) return InvalidArgumentError("There is an empty FORM in the CoNLL-U file");
  file_.tokens.push_back({index_, index_ + length});
  index_ += length;
  return Status::Ok();
}

// The word lines of a range are taken as they come: the script checks only their columns.
Status UdReader::ReadMultiwordWords(std::string_view id) {
  size_t dash = id.find('-');
  std::optional<int64_t> first = ParsePythonInt(id.substr(0, dash));
  std::optional<int64_t> last = ParsePythonInt(id.substr(dash + 1));
  if (!first || !last || id.find('-', dash + 1) != std::string_view::npos) {
    return InvalidArgumentError("Cannot parse multi-word token ID '" + std::string(id) + "'");
  }
  for (int64_t word_id = *first; word_id <= *last; ++word_id) {
    std::string_view line;
    if (!lines_.Next(&line)) line = {};
    Columns columns;
    if (!SplitColumns(line, columns)) return ColumnsError(line);
    file_.words.push_back(MakeWord(columns, file_.tokens.back(), /*is_multiword=*/true));
  }
  return Status::Ok();
}

Status UdReader::AppendBasicWord(const Columns& columns) {
  std::optional<int64_t> id = ParsePythonInt(columns[kId]);
  if (!id) return InvalidArgumentError("Cannot parse word ID '" + std::string(columns[kId]) + "'");
  int64_t expected = int64_t{SentenceWordCount()} + 1;
  if (*id != expected) {
    return InvalidArgumentError("Incorrect word ID '" + std::string(columns[kId]) + "' for word '" +
                                std::string(columns[kForm]) + "', expected '" +
                                std::to_string(expected) + "'");
  }
  std::optional<int64_t> head = ParsePythonInt(columns[kHead]);
  if (!head) return InvalidArgumentError("Cannot parse HEAD '" + std::string(columns[kHead]) + "'");
  if (*head < 0) return InvalidArgumentError("HEAD cannot be negative");
  file_.words.push_back(MakeWord(columns, file_.tokens.back(), /*is_multiword=*/false));
  return Status::Ok();
}

Status UdReader::FinishSentence() {
  KH_RETURN_IF_ERROR(ResolveHeads());
  auto words = std::span<const UdWord>(file_.words).subspan(*sentence_start_);
  auto roots = std::count_if(words.begin(), words.end(),
                             [](const UdWord& word) { return word.parent == kRoot; });
  if (roots != 1) return InvalidArgumentError("There are multiple roots in a sentence");
  file_.sentences.back().end = index_;
  sentence_start_.reset();
  return Status::Ok();
}

// The script's recursive process_word, as a loop: follows each word's chain of heads,
// reporting a cycle when the chain returns to a word on it.
Status UdReader::ResolveHeads() {
  enum class HeadState : uint8_t { kUnresolved, kOnChain, kResolved };
  const uint32_t begin = *sentence_start_;
  const uint32_t count = SentenceWordCount();
  std::vector<HeadState> state(count, HeadState::kUnresolved);
  std::vector<uint32_t> chain;
  for (uint32_t first = 0; first < count; ++first) {
    chain.clear();
    for (uint32_t current = first; state[current] != HeadState::kResolved;) {
      if (state[current] == HeadState::kOnChain) {
        return InvalidArgumentError("There is a cycle in a sentence");
      }
      UdWord& word = file_.words[begin + current];
      std::optional<int64_t> head = ParsePythonInt(word.head);
      if (!head) return InvalidArgumentError("Cannot parse HEAD '" + std::string(word.head) + "'");
      if (*head < 0 || *head > int64_t{count}) {
        return InvalidArgumentError("HEAD '" + std::string(word.head) +
                                    "' points outside of the sentence");
      }
      if (*head == 0) break;  // the root: the script leaves it unmarked
      word.parent = static_cast<int32_t>(begin + *head - 1);
      state[current] = HeadState::kOnChain;
      chain.push_back(current);
      current = static_cast<uint32_t>(*head - 1);
    }
    for (uint32_t word_idx : chain) state[word_idx] = HeadState::kResolved;
  }
  return Status::Ok();
}

StatusOr<UdFile> LoadUd(std::string_view contents, std::string_view name) {
  if (size_t bad = base::FindInvalidUtf8(contents); bad != std::string_view::npos) {
    return InvalidArgumentError("invalid UTF-8 at byte " + std::to_string(bad))
        .WithPrefix(std::string(name) + ":" + std::to_string(LineNumberAt(contents, bad)));
  }
  if (contents.size() >= std::numeric_limits<int32_t>::max()) {
    return InvalidArgumentError(std::string(name) + ": larger than 2 GiB");
  }
  return UdReader(contents, name).Read();
}

// ---- Alignment (align_words) ---------------------------------------------------------

struct Alignment {
  std::vector<std::pair<uint32_t, uint32_t>> matched;  // (gold word, system word)
  std::vector<int32_t> system_to_gold;                 // kNotAligned when unmatched
};

struct WordRange {
  size_t gold_begin, system_begin, gold_end, system_end;
};

// beyond_end
bool BeyondEnd(const std::vector<UdWord>& words, size_t word_idx, uint32_t span_end) {
  if (word_idx >= words.size()) return true;
  const UdWord& word = words[word_idx];
  return word.is_multiword ? word.span.begin >= span_end : word.span.end > span_end;
}

// extend_end
uint32_t ExtendEnd(const UdWord& word, uint32_t span_end) {
  return word.is_multiword ? std::max(word.span.end, span_end) : span_end;
}

// find_multiword_span. REQUIRES: gold[gold_idx] or system[system_idx] is a multiword part.
WordRange FindMultiwordSpan(const std::vector<UdWord>& gold, const std::vector<UdWord>& system,
                            size_t gold_idx, size_t system_idx) {
  uint32_t span_end = 0;
  if (gold[gold_idx].is_multiword) {
    span_end = gold[gold_idx].span.end;
    if (!system[system_idx].is_multiword &&
        system[system_idx].span.begin < gold[gold_idx].span.begin) {
      ++system_idx;
    }
  } else {
    span_end = system[system_idx].span.end;
    if (gold[gold_idx].span.begin < system[system_idx].span.begin) ++gold_idx;
  }
  WordRange range{gold_idx, system_idx, 0, 0};
  while (!BeyondEnd(gold, gold_idx, span_end) || !BeyondEnd(system, system_idx, span_end)) {
    if (gold_idx < gold.size() && (system_idx >= system.size() ||
                                   gold[gold_idx].span.begin <= system[system_idx].span.begin)) {
      span_end = ExtendEnd(gold[gold_idx++], span_end);
    } else {
      span_end = ExtendEnd(system[system_idx++], span_end);
    }
  }
  range.gold_end = gold_idx;
  range.system_end = system_idx;
  return range;
}

// The LCS key: the lowercased FORM, spaces removed for words that are whole tokens.
std::u32string LcsKey(const UdWord& word) {
  std::vector<char32_t> form = DecodeAll(word.form);
  if (!word.is_multiword) std::erase_if(form, IsSpaceSeparator);
  return PythonLower(form);
}

std::vector<std::u32string> LcsKeys(const std::vector<UdWord>& words, size_t begin, size_t end) {
  std::vector<std::u32string> keys;
  keys.reserve(end - begin);
  for (size_t word_idx = begin; word_idx < end; ++word_idx) keys.push_back(LcsKey(words[word_idx]));
  return keys;
}

// compute_lcs and the walk after it: aligns the words of `range` along one longest
// common subsequence of their keys, preferring to skip gold words on ties.
void AlignByLcs(const std::vector<UdWord>& gold, const std::vector<UdWord>& system,
                const WordRange& range, Alignment& alignment) {
  std::vector<std::u32string> gold_keys = LcsKeys(gold, range.gold_begin, range.gold_end);
  std::vector<std::u32string> system_keys = LcsKeys(system, range.system_begin, range.system_end);
  const size_t rows = gold_keys.size();
  const size_t cols = system_keys.size();
  // lcs[g][s] for suffixes, with a zero row and column past the end.
  std::vector<uint32_t> lcs((rows + 1) * (cols + 1), 0);
  auto at = [cols](size_t g, size_t s) { return g * (cols + 1) + s; };
  for (size_t g = rows; g-- > 0;) {
    for (size_t s = cols; s-- > 0;) {
      uint32_t diagonal = gold_keys[g] == system_keys[s] ? lcs[at(g + 1, s + 1)] + 1 : 0;
      lcs[at(g, s)] = std::max({diagonal, lcs[at(g + 1, s)], lcs[at(g, s + 1)]});
    }
  }
  for (size_t g = 0, s = 0; g < rows && s < cols;) {
    if (gold_keys[g] == system_keys[s]) {
      alignment.matched.emplace_back(range.gold_begin + g, range.system_begin + s);
      alignment.system_to_gold[range.system_begin + s] = static_cast<int32_t>(range.gold_begin + g);
      ++g;
      ++s;
    } else if (lcs[at(g, s)] == lcs[at(g + 1, s)]) {
      ++g;
    } else {
      ++s;
    }
  }
}

// align_words
Alignment AlignWords(const std::vector<UdWord>& gold, const std::vector<UdWord>& system) {
  Alignment alignment;
  alignment.system_to_gold.assign(system.size(), kNotAligned);
  size_t gold_idx = 0;
  size_t system_idx = 0;
  while (gold_idx < gold.size() && system_idx < system.size()) {
    const UdWord& gold_word = gold[gold_idx];
    const UdWord& system_word = system[system_idx];
    if (gold_word.is_multiword || system_word.is_multiword) {
      WordRange range = FindMultiwordSpan(gold, system, gold_idx, system_idx);
      if (range.gold_end > range.gold_begin && range.system_end > range.system_begin) {
        AlignByLcs(gold, system, range, alignment);
      }
      gold_idx = range.gold_end;
      system_idx = range.system_end;
    } else if (gold_word.span.begin == system_word.span.begin &&
               gold_word.span.end == system_word.span.end) {
      alignment.matched.emplace_back(gold_idx, system_idx);
      alignment.system_to_gold[system_idx] = static_cast<int32_t>(gold_idx);
      ++gold_idx;
      ++system_idx;
    } else if (gold_word.span.begin <= system_word.span.begin) {
      ++gold_idx;
    } else {
      ++system_idx;
    }
  }
  return alignment;
}

// ---- Scoring (evaluate) --------------------------------------------------------------

// spans_score: a merge over spans sorted by start.
UdMetric ScoreSpanMatches(const std::vector<UdSpan>& gold, const std::vector<UdSpan>& system) {
  UdMetric metric{.gold = gold.size(), .system = system.size()};
  size_t gold_idx = 0;
  size_t system_idx = 0;
  while (gold_idx < gold.size() && system_idx < system.size()) {
    if (system[system_idx].begin < gold[gold_idx].begin) {
      ++system_idx;
    } else if (gold[gold_idx].begin < system[system_idx].begin) {
      ++gold_idx;
    } else {
      metric.correct += gold[gold_idx++].end == system[system_idx++].end;
    }
  }
  return metric;
}

// alignment_score with a key: counts aligned pairs for which `agree(gold, system)`.
template <typename Agree>
UdMetric ScoreAligned(const UdFile& gold, const UdFile& system, const Alignment& alignment,
                      Agree agree) {
  UdMetric metric{.gold = gold.words.size(),
                  .system = system.words.size(),
                  .aligned = alignment.matched.size()};
  for (auto [gold_idx, system_idx] : alignment.matched) {
    metric.correct += agree(gold.words[gold_idx], system.words[system_idx]);
  }
  return metric;
}

// The gold word aligned to a system word's head, kRoot for the root.
int32_t AlignedHead(const UdWord& system_word, const Alignment& alignment) {
  return system_word.parent == kRoot ? kRoot : alignment.system_to_gold[system_word.parent];
}

UdScores ScoreAlignedFiles(const UdFile& gold, const UdFile& system) {
  Alignment alignment = AlignWords(gold.words, system.words);
  UdScores scores;
  scores.tokens = ScoreSpanMatches(gold.tokens, system.tokens);
  scores.sentences = ScoreSpanMatches(gold.sentences, system.sentences);
  scores.words =
      ScoreAligned(gold, system, alignment, [](const UdWord&, const UdWord&) { return true; });
  scores.upos =
      ScoreAligned(gold, system, alignment, [](const UdWord& gold_word, const UdWord& system_word) {
        return gold_word.upos == system_word.upos;
      });
  scores.xpos =
      ScoreAligned(gold, system, alignment, [](const UdWord& gold_word, const UdWord& system_word) {
        return gold_word.xpos == system_word.xpos;
      });
  scores.lemma =
      ScoreAligned(gold, system, alignment, [](const UdWord& gold_word, const UdWord& system_word) {
        return gold_word.lemma == "_" || gold_word.lemma == system_word.lemma;
      });
  auto same_head = [&alignment](const UdWord& gold_word, const UdWord& system_word) {
    return gold_word.parent == AlignedHead(system_word, alignment);
  };
  scores.uas = ScoreAligned(gold, system, alignment, same_head);
  scores.las = ScoreAligned(
      gold, system, alignment, [&](const UdWord& gold_word, const UdWord& system_word) {
        return same_head(gold_word, system_word) && gold_word.deprel == system_word.deprel;
      });
  return scores;
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Up to `count` code points of UTF-8 `text` from byte `begin`.
std::string_view Excerpt(std::string_view text, size_t begin, size_t count) {
  size_t end = begin;
  for (size_t taken = 0; end < text.size() && taken < count; ++taken) {
    ++end;
    while (end < text.size() && IsContinuationByte(text[end])) ++end;
  }
  return text.substr(begin, end - begin);
}

Status TextMismatchError(std::string_view gold, std::string_view system) {
  auto [gold_it, system_it] = std::mismatch(gold.begin(), gold.end(), system.begin(), system.end());
  size_t begin = static_cast<size_t>(gold_it - gold.begin());
  // Back to the start of the differing code point (the bytes before it agree).
  while (begin > 0 && begin < gold.size() && IsContinuationByte(gold[begin])) --begin;
  auto offset =
      static_cast<size_t>(std::count_if(gold.begin(), gold.begin() + static_cast<ptrdiff_t>(begin),
                                        [](char c) { return !IsContinuationByte(c); }));
  return InvalidArgumentError(
      "The concatenation of tokens in gold file and in system file differ at character " +
      std::to_string(offset) + "; first 20 differing characters in gold file: '" +
      std::string(Excerpt(gold, begin, kExcerptCodePoints)) + "' and system file: '" +
      std::string(Excerpt(system, begin, kExcerptCodePoints)) + "'");
}

}  // namespace

StatusOr<UdScores> ScoreUd(std::string_view gold_conllu, std::string_view system_conllu) {
  KH_ASSIGN_OR_RETURN(UdFile gold, LoadUd(gold_conllu, "gold"));
  KH_ASSIGN_OR_RETURN(UdFile system, LoadUd(system_conllu, "system"));
  if (gold.characters != system.characters) {
    return TextMismatchError(gold.characters, system.characters);
  }
  return ScoreAlignedFiles(gold, system);
}

}  // namespace khabar::eval
