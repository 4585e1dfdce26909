#include "khabar/ner/internal/word_vectors.h"

#include <charconv>
#include <cmath>

#include "khabar/base/file.h"

namespace khabar::ner::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// A small scanner over the JSON text: just what the wink layout needs.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  size_t position() const { return position_; }
  void set_position(size_t position) { position_ = position; }
  void SkipSpace() {
    while (position_ < text_.size() && IsSpace(text_[position_])) ++position_;
  }
  // Skips space, then consumes `c` if it is next.
  bool Consume(char c) {
    SkipSpace();
    if (position_ < text_.size() && text_[position_] == c) {
      ++position_;
      return true;
    }
    return false;
  }
  bool Peek(char c) {
    SkipSpace();
    return position_ < text_.size() && text_[position_] == c;
  }

  // A JSON string, unescaped into `out` (UTF-8).
  bool String(std::string& out) {
    out.clear();
    if (!Consume('"')) return false;
    while (position_ < text_.size()) {
      const char c = text_[position_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (position_ >= text_.size()) return false;
      const char escape = text_[position_++];
      switch (escape) {
        case '"': case '\\': case '/': out += escape; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          uint32_t code = 0;
          if (!Hex4(code)) return false;
          if (code >= 0xD800 && code < 0xDC00) {  // a surrogate pair
            uint32_t low = 0;
            if (text_.substr(position_, 2) != "\\u") return false;
            position_ += 2;
            if (!Hex4(low) || low < 0xDC00 || low >= 0xE000) return false;
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          } else if (code >= 0xDC00 && code < 0xE000) {
            return false;
          }
          AppendUtf8(code, out);
          break;
        }
        default: return false;
      }
    }
    return false;
  }

  bool Number(double& value) {
    SkipSpace();
    const char* begin = text_.data() + position_;
    const char* end = text_.data() + text_.size();
    const auto [next, error] = std::from_chars(begin, end, value);
    if (error != std::errc() || !std::isfinite(value)) return false;
    position_ += static_cast<size_t>(next - begin);
    return true;
  }

  // Skips a flat array of numbers "[...]"; false if there is none.
  bool SkipFlatArray(size_t& begin, size_t& end) {
    if (!Consume('[')) return false;
    begin = position_;
    const size_t close = text_.find(']', position_);
    if (close == std::string_view::npos) return false;
    end = close;
    position_ = close + 1;
    return true;
  }

  // The position just after `"key"` and its colon, for the first such key; npos if none.
  // Array elements are never followed by a colon, so words equal to the key do not match.
  size_t FindKey(std::string_view key) const {
    std::string quoted = "\"";  // in steps: GCC 12 -Wrestrict misfires on "\"" + ...
    quoted += key;
    quoted += '"';
    for (size_t at = text_.find(quoted); at != std::string_view::npos;
         at = text_.find(quoted, at + 1)) {
      size_t after = at + quoted.size();
      while (after < text_.size() && IsSpace(text_[after])) ++after;
      if (after < text_.size() && text_[after] == ':') return after + 1;
    }
    return std::string_view::npos;
  }

 private:
  bool Hex4(uint32_t& code) {
    if (position_ + 4 > text_.size()) return false;
    const char* begin = text_.data() + position_;
    const auto [next, error] = std::from_chars(begin, begin + 4, code, 16);
    if (error != std::errc() || next != begin + 4) return false;
    position_ += 4;
    return true;
  }
  static void AppendUtf8(uint32_t code, std::string& out) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  std::string_view text_;
  size_t position_ = 0;
};

// Parses the numbers of `text[begin, end)` ("1.5,-2,3e-1") into `out`; false on a bad one.
bool ParseNumbers(std::string_view text, size_t begin, size_t end, std::vector<double>& out) {
  out.clear();
  Scanner numbers(text.substr(0, end));
  numbers.set_position(begin);
  numbers.SkipSpace();
  if (numbers.position() == end) return true;
  while (true) {
    double value = 0;
    if (!numbers.Number(value)) return false;
    out.push_back(value);
    numbers.SkipSpace();
    if (numbers.position() == end) return true;
    if (!numbers.Consume(',')) return false;
  }
}

}  // namespace

StatusOr<WordVectors> ParseWinkEmbeddings(std::string_view json, size_t max_words) {
  Scanner scanner(json);
  const size_t dimensions_at = scanner.FindKey("dimensions");
  if (dimensions_at == std::string_view::npos) return DataLossError("no \"dimensions\"");
  scanner.set_position(dimensions_at);
  double dimensions = 0;
  if (!scanner.Number(dimensions) || dimensions < 1 || dimensions > 4096 ||
      dimensions != std::floor(dimensions)) {
    return DataLossError("bad \"dimensions\"");
  }
  WordVectors vectors;
  vectors.dimensions = static_cast<uint32_t>(dimensions);
  const size_t vectors_at = scanner.FindKey("vectors");
  if (vectors_at == std::string_view::npos) return DataLossError("no \"vectors\"");
  scanner.set_position(vectors_at);
  if (!scanner.Consume('{')) return DataLossError("\"vectors\" is not an object");
  // Rows by word index; an empty word marks a row not (yet) seen.
  std::vector<std::string> words;
  std::vector<float> values;
  std::string word;
  std::vector<double> numbers;
  size_t seen = 0;
  if (!scanner.Consume('}')) {
    while (true) {
      if (!scanner.String(word)) return DataLossError("bad word at byte " +
                                                      std::to_string(scanner.position()));
      if (!scanner.Consume(':')) return DataLossError("no ':' after \"" + word + "\"");
      size_t begin = 0, end = 0;
      if (!scanner.SkipFlatArray(begin, end)) {
        return DataLossError("no vector for \"" + word + "\"");
      }
      // The word index is the last number: parse it first, the rest only when it is kept.
      const size_t last_comma = json.rfind(',', end);
      if (last_comma == std::string_view::npos || last_comma < begin) {
        return DataLossError("short vector for \"" + word + "\"");
      }
      if (!ParseNumbers(json, last_comma + 1, end, numbers) || numbers.size() != 1 ||
          numbers[0] < 0 || numbers[0] != std::floor(numbers[0]) || numbers[0] > 1e9) {
        return DataLossError("bad word index for \"" + word + "\"");
      }
      const size_t index = static_cast<size_t>(numbers[0]);
      if (index < max_words) {
        if (!ParseNumbers(json, begin, end, numbers) ||
            numbers.size() != size_t{vectors.dimensions} + 2) {
          return DataLossError("bad vector for \"" + word + "\"");
        }
        if (index >= words.size()) {
          words.resize(index + 1);
          values.resize(words.size() * vectors.dimensions);
        }
        if (!words[index].empty() || word.empty()) {
          return DataLossError("word index " + std::to_string(index) + " repeated or empty word");
        }
        words[index] = word;
        for (uint32_t d = 0; d < vectors.dimensions; ++d) {
          values[index * vectors.dimensions + d] = static_cast<float>(numbers[d]);
        }
        ++seen;
      }
      if (scanner.Consume(',')) continue;
      if (scanner.Consume('}')) break;
      return DataLossError("bad \"vectors\" object at byte " + std::to_string(scanner.position()));
    }
  }
  // Keep the rows in index order, without gaps.
  vectors.words.reserve(seen);
  vectors.values.reserve(seen * vectors.dimensions);
  for (size_t index = 0; index < words.size(); ++index) {
    if (words[index].empty()) continue;
    vectors.words.push_back(std::move(words[index]));
    vectors.values.insert(vectors.values.end(), values.begin() + index * vectors.dimensions,
                          values.begin() + (index + 1) * vectors.dimensions);
  }
  return vectors;
}

StatusOr<WordVectors> ReadWinkEmbeddings(const std::string& path, size_t max_words) {
  KH_ASSIGN_OR_RETURN(std::string json, base::ReadFile(path, uint64_t{1} << 30));
  StatusOr<WordVectors> vectors = ParseWinkEmbeddings(json, max_words);
  if (!vectors.ok()) return vectors.status().WithPrefix(path);
  return vectors;
}

}  // namespace khabar::ner::internal
