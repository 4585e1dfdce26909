#include "khabar/dict/internal/verb_syntax.h"

#include <utility>

#include "khabar/dict/internal/dict_text.h"
#include "khabar/dict/normalize.h"

namespace khabar::dict::internal {
namespace {

// Transformations nest "(...)" at most this deep.
constexpr int kMaxTransformationDepth = 8;

bool IsBlank(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }

bool IsDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return false;
  }
  return true;
}

enum class LexemeKind : uint8_t { kWord, kOpen, kClose, kOpenBrace, kCloseBrace, kStar, kCode };

struct Lexeme {
  LexemeKind kind;
  std::string_view text;  // the word, or the inside of "[...]"
};

LexemeKind PunctuationKind(char ch) {
  switch (ch) {
    case '(':
      return LexemeKind::kOpen;
    case ')':
      return LexemeKind::kClose;
    case '{':
      return LexemeKind::kOpenBrace;
    case '}':
      return LexemeKind::kCloseBrace;
    default:
      return LexemeKind::kStar;
  }
}

bool IsPunctuation(char ch) {
  return ch == '(' || ch == ')' || ch == '{' || ch == '}' || ch == '*' || ch == '[';
}

// Splits into words, single-character punctuation and "[...]" codes.
bool Lex(std::string_view text, std::vector<Lexeme>* lexemes, std::string* error) {
  for (size_t pos = 0; pos < text.size();) {
    char ch = text[pos];
    if (IsBlank(ch)) {
      ++pos;
    } else if (ch == '[') {
      size_t close = text.find(']', pos);
      if (close == std::string_view::npos) {
        *error = "'[' without ']'";
        return false;
      }
      lexemes->push_back({LexemeKind::kCode, Trim(text.substr(pos + 1, close - pos - 1))});
      pos = close + 1;
    } else if (IsPunctuation(ch)) {
      lexemes->push_back({PunctuationKind(ch), text.substr(pos, 1)});
      ++pos;
    } else {
      size_t end = pos;
      while (end < text.size() && !IsBlank(text[end]) && !IsPunctuation(text[end])) ++end;
      lexemes->push_back({LexemeKind::kWord, text.substr(pos, end - pos)});
      pos = end;
    }
  }
  return true;
}

// One pattern word lexeme: a marker, a synset, or literal words split on '_'.
bool ParseWords(std::string_view text, std::vector<PatternWord>* words, std::string* error) {
  PatternWord marker;
  if (text == "$") marker.kind = PatternWordKind::kSource;
  if (text == "+") marker.kind = PatternWordKind::kTarget;
  if (text == "^") marker.kind = PatternWordKind::kSkip;
  if (text == "%") marker.kind = PatternWordKind::kCompound;
  if (marker.kind != PatternWordKind::kWord) {
    words->push_back(std::move(marker));
    return true;
  }
  if (text.front() == '&') {
    std::string name = CanonicalSynsetName(text);
    if (name.empty()) {
      *error = "'&' without a synset name";
      return false;
    }
    words->push_back({PatternWordKind::kSynset, std::move(name), kNoId});
    return true;
  }
  std::vector<std::string> pieces = SplitPhrase(text);
  if (pieces.empty()) {
    *error = "empty word \"" + std::string(text) + "\"";
    return false;
  }
  for (std::string& piece : pieces) words->push_back({PatternWordKind::kWord, std::move(piece)});
  return true;
}

class PatternParser {
 public:
  PatternParser(const std::vector<Lexeme>& lexemes, std::string* error)
      : lexemes_(lexemes), error_(error) {}

  bool Parse(Pattern* pattern, std::string* unusual_code) {
    bool after_verb = false;
    bool have_code = false;
    while (pos_ < lexemes_.size()) {
      const Lexeme& lexeme = lexemes_[pos_];
      if (have_code) return Fail("text after the code");
      std::vector<PatternConstituent>& side =
          after_verb ? pattern->after_verb : pattern->before_verb;
      if (lexeme.kind == LexemeKind::kStar) {
        if (after_verb) return Fail("more than one '*'");
        after_verb = true;
        ++pos_;
      } else if (lexeme.kind == LexemeKind::kCode) {
        if (!ParseEventCode(lexeme.text, &pattern->code, error_, unusual_code)) return false;
        have_code = true;
        ++pos_;
      } else if (lexeme.kind == LexemeKind::kOpen) {
        if (!ParsePreposition(&side.emplace_back())) return false;
      } else {
        PatternConstituent& noun = side.emplace_back();
        if (!ParseNoun(&noun.nouns.emplace_back())) return false;
      }
    }
    if (!after_verb) return Fail("no '*' for the verb");
    if (!have_code) return Fail("no [code]");
    return true;
  }

 private:
  bool Fail(std::string reason) {
    *error_ = std::move(reason);
    return false;
  }

  // A word or a "{...}" group at pos_.
  bool ParseNoun(PatternNoun* noun) {
    const Lexeme& lexeme = lexemes_[pos_];
    if (lexeme.kind == LexemeKind::kWord) {
      ++pos_;
      return ParseWords(lexeme.text, &noun->words, error_);
    }
    if (lexeme.kind != LexemeKind::kOpenBrace) {
      return Fail("unexpected \"" + std::string(lexeme.text) + "\"");
    }
    for (++pos_; pos_ < lexemes_.size() && lexemes_[pos_].kind == LexemeKind::kWord; ++pos_) {
      if (!ParseWords(lexemes_[pos_].text, &noun->words, error_)) return false;
    }
    if (pos_ == lexemes_.size() || lexemes_[pos_].kind != LexemeKind::kCloseBrace) {
      return Fail("'{' without '}'");
    }
    ++pos_;
    return noun->words.empty() ? Fail("empty {}") : true;
  }

  // "(PREP noun...)" starting at the '(' at pos_.
  bool ParsePreposition(PatternConstituent* phrase) {
    phrase->kind = PatternConstituent::Kind::kPreposition;
    ++pos_;
    if (pos_ == lexemes_.size() || lexemes_[pos_].kind != LexemeKind::kWord) {
      return Fail("'(' not followed by a preposition");
    }
    std::vector<PatternWord> words;
    if (!ParseWords(lexemes_[pos_++].text, &words, error_)) return false;
    phrase->preposition = std::move(words.front());
    if (words.size() > 1) {
      words.erase(words.begin());
      phrase->nouns.push_back({std::move(words)});
    }
    while (pos_ < lexemes_.size() && (lexemes_[pos_].kind == LexemeKind::kWord ||
                                      lexemes_[pos_].kind == LexemeKind::kOpenBrace)) {
      if (!ParseNoun(&phrase->nouns.emplace_back())) return false;
    }
    if (pos_ == lexemes_.size() || lexemes_[pos_].kind != LexemeKind::kClose) {
      return Fail("'(' without ')'");
    }
    ++pos_;
    return true;
  }

  const std::vector<Lexeme>& lexemes_;
  std::string* error_;
  size_t pos_ = 0;
};

bool IsVariable(std::string_view text) {
  if (text == "." || text == "_") return true;
  if (text.empty()) return false;
  for (char ch : text) {
    if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))) return false;
  }
  return true;
}

class TransformationParser {
 public:
  TransformationParser(const std::vector<Lexeme>& lexemes, std::string* error)
      : lexemes_(lexemes), error_(error) {}

  // "source (inner) VERB" or "source target VERB", covering every lexeme.
  bool Parse(Transformation* transformation) {
    if (!ParseEvent(transformation, 0)) return false;
    if (pos_ != lexemes_.size()) return Fail("text after the outer verb");
    return true;
  }

 private:
  bool Fail(std::string reason) {
    *error_ = std::move(reason);
    return false;
  }

  bool Word(std::string_view* text) {
    if (pos_ == lexemes_.size() || lexemes_[pos_].kind != LexemeKind::kWord) return false;
    *text = lexemes_[pos_++].text;
    return true;
  }

  bool ParseEvent(Transformation* transformation, int depth) {
    if (depth > kMaxTransformationDepth) return Fail("nested too deeply");
    std::string_view source;
    if (!Word(&source) || !IsVariable(source)) return Fail("expected a source variable");
    size_t level = transformation->levels.size();
    transformation->levels.push_back({std::string(source), {}});
    std::string_view target;
    if (pos_ < lexemes_.size() && lexemes_[pos_].kind == LexemeKind::kOpen) {
      ++pos_;
      if (!ParseEvent(transformation, depth + 1)) return false;
      if (pos_ == lexemes_.size() || lexemes_[pos_++].kind != LexemeKind::kClose) {
        return Fail("'(' without ')'");
      }
    } else if (Word(&target) && IsVariable(target)) {
      transformation->target = std::string(target);
    } else {
      return Fail("expected a target variable or '('");
    }
    std::string_view verb;
    if (!Word(&verb)) return Fail("expected a verb");
    std::vector<std::string> verbs = SplitPhrase(verb);
    if (verbs.empty()) return Fail("expected a verb");
    transformation->levels[level].verbs = std::move(verbs);
    return true;
  }

  const std::vector<Lexeme>& lexemes_;
  std::string* error_;
  size_t pos_ = 0;
};

// "a b 015" after the '='.
bool ParseTransformationResult(std::string_view text, Transformation* transformation,
                               std::string* error) {
  std::vector<Lexeme> lexemes;
  if (!Lex(text, &lexemes, error)) return false;
  bool words = lexemes.size() == 3;
  for (const Lexeme& lexeme : lexemes) words = words && lexeme.kind == LexemeKind::kWord;
  if (!words || !IsVariable(lexemes[0].text) || !IsVariable(lexemes[1].text) ||
      !(IsDigits(lexemes[2].text) || lexemes[2].text == "Q" || lexemes[2].text == "---")) {
    *error = "expected \"= source target CODE\"";
    return false;
  }
  transformation->result_source = std::string(lexemes[0].text);
  transformation->result_target = std::string(lexemes[1].text);
  transformation->result_code = std::string(lexemes[2].text);
  return true;
}

}  // namespace

std::string CanonicalSynsetName(std::string_view name) {
  if (!name.empty() && name.front() == '&') name.remove_prefix(1);
  while (!name.empty() && name.back() == '_') name.remove_suffix(1);
  std::string canonical(name);
  for (char& ch : canonical) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  }
  return canonical;
}

bool ParseEventCode(std::string_view text, EventCode* code, std::string* error,
                    std::string* unusual) {
  size_t colon = text.find(':');
  std::string_view active = Trim(text.substr(0, colon));
  std::string_view passive = colon == std::string_view::npos ? "" : Trim(text.substr(colon + 1));
  auto valid = [](std::string_view part) {
    for (char ch : part) {
      if (IsBlank(ch) || ch == ':' || ch == '[' || ch == ']') return false;
    }
    return true;
  };
  if ((active.empty() && passive.empty()) || !valid(active) || !valid(passive)) {
    *error = "bad code [" + std::string(text) + "]";
    return false;
  }
  auto usual = [](std::string_view part) {
    return part.empty() || part == "---" ||
           (IsDigits(part) && part.size() >= 2 && part.size() <= 4);
  };
  if (!usual(active) || !usual(passive)) *unusual = "unusual code [" + std::string(text) + "]";
  code->active = std::string(active);
  code->passive = std::string(passive);
  return true;
}

bool ParseVerbSpelling(std::string_view text, std::vector<std::string>* words, uint32_t* head,
                       std::string* error) {
  words->clear();
  *head = 0;
  size_t marked = 0;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('_', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view piece = text.substr(start, end - start);
    start = end + 1;
    if (piece.empty()) continue;
    if (piece.front() == '+') {
      piece.remove_prefix(1);
      *head = static_cast<uint32_t>(words->size());
      ++marked;
    }
    if (piece.empty() || piece.find_first_of("+ \t{}[]()") != std::string_view::npos) {
      *error = "bad verb \"" + std::string(text) + "\"";
      return false;
    }
    words->push_back(NormalizeKey(piece));
  }
  if (words->empty() || marked > 1 || (words->size() > 1 && marked == 0)) {
    *error = words->size() > 1 && marked == 0
                 ? "compound verb \"" + std::string(text) + "\" needs '+' on its verb word"
                 : "bad verb \"" + std::string(text) + "\"";
    return false;
  }
  return true;
}

bool ParsePattern(std::string_view line, Pattern* pattern, std::string* error,
                  std::string* unusual_code) {
  std::vector<Lexeme> lexemes;
  if (line.empty() || line.front() != '-') {
    *error = "a pattern starts with '-'";
    return false;
  }
  if (!Lex(line.substr(1), &lexemes, error)) return false;
  PatternParser parser(lexemes, error);
  return parser.Parse(pattern, unusual_code);
}

bool ParseTransformation(std::string_view line, Transformation* transformation,
                         std::string* error) {
  if (line.empty() || line.front() != '~') {
    *error = "a transformation starts with '~'";
    return false;
  }
  size_t equals = line.find('=');
  if (equals == std::string_view::npos || line.find('=', equals + 1) != std::string_view::npos) {
    *error = "a transformation needs exactly one '='";
    return false;
  }
  std::vector<Lexeme> lexemes;
  if (!Lex(line.substr(1, equals - 1), &lexemes, error)) return false;
  for (const Lexeme& lexeme : lexemes) {
    if (lexeme.kind != LexemeKind::kWord && lexeme.kind != LexemeKind::kOpen &&
        lexeme.kind != LexemeKind::kClose) {
      *error = "unexpected \"" + std::string(lexeme.text) + "\"";
      return false;
    }
  }
  TransformationParser parser(lexemes, error);
  if (!parser.Parse(transformation)) return false;
  return ParseTransformationResult(line.substr(equals + 1), transformation, error);
}

}  // namespace khabar::dict::internal
