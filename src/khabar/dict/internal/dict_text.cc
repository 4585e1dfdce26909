#include "khabar/dict/internal/dict_text.h"

#include <cstdio>

#include "khabar/base/utf8.h"

namespace khabar::dict::internal {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool IsSpace(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

bool IsControl(char ch) {
  auto byte = static_cast<unsigned char>(ch);
  return (byte < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || byte == 0x7F;
}

// True when the byte at `pos` ends a line: "\n", or a "\r" not followed by "\n".
bool EndsLine(std::string_view text, size_t pos) {
  return text[pos] == '\n' ||
         (text[pos] == '\r' && (pos + 1 == text.size() || text[pos + 1] != '\n'));
}

// Length of the line break at `pos` ("\r\n" is 2, "\n" or "\r" is 1), else 0.
size_t BreakLength(std::string_view text, size_t pos) {
  if (text[pos] == '\n') return 1;
  if (text[pos] != '\r') return 0;
  return pos + 1 < text.size() && text[pos + 1] == '\n' ? 2 : 1;
}

std::string HexByte(char ch) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02X", static_cast<unsigned char>(ch));
  return buffer;
}

}  // namespace

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

DictText::DictText(std::string_view bytes, WarningSink& warnings) {
  if (bytes.starts_with(kByteOrderMark)) bytes.remove_prefix(kByteOrderMark.size());
  Repair(bytes, warnings);
  Split(warnings);
}

// Repairs UTF-8 and replaces control characters, warning once per affected line.
void DictText::Repair(std::string_view bytes, WarningSink& warnings) {
  base::Utf8Repair repaired = base::RepairUtf8(bytes);
  size_t next_invalid = 0;
  uint32_t line = 1;
  uint32_t last_warned_line = 0;
  for (size_t pos = 0; pos < bytes.size() && next_invalid < repaired.invalid_offsets.size();
       ++pos) {
    if (repaired.invalid_offsets[next_invalid] == pos) {
      if (last_warned_line != line) warnings.Add(line, "invalid UTF-8 replaced by U+FFFD");
      last_warned_line = line;
      ++next_invalid;
    }
    if (EndsLine(bytes, pos)) ++line;
  }
  text_.reserve(repaired.text.size());
  line = 1;
  last_warned_line = 0;
  for (size_t pos = 0; pos < repaired.text.size(); ++pos) {
    char ch = repaired.text[pos];
    if (EndsLine(repaired.text, pos)) ++line;
    if (!IsControl(ch)) {
      text_.push_back(ch);
      continue;
    }
    if (last_warned_line != line) {
      warnings.Add(line, "control character " + HexByte(ch) + " replaced by U+FFFD");
      last_warned_line = line;
    }
    text_ += kReplacement;
  }
}

std::string_view DictText::StripComments(std::string_view raw, uint32_t number, bool* in_block,
                                         uint32_t* block_start) {
  std::string_view first;
  bool have_first = false;
  std::string* joined = nullptr;
  auto keep = [&](std::string_view piece) {
    if (!have_first) {
      first = piece;
      have_first = true;
      return;
    }
    if (joined == nullptr) joined = &joined_.emplace_back(first);
    joined->push_back(' ');
    joined->append(piece);
  };
  std::string_view rest = raw;
  while (true) {
    if (*in_block) {
      size_t close = rest.find("-->");
      if (close == std::string_view::npos) break;
      rest.remove_prefix(close + 3);
      *in_block = false;
    }
    size_t hash = rest.find('#');
    size_t open = rest.find("<!--");
    if (open == std::string_view::npos || (hash != std::string_view::npos && hash < open)) {
      keep(rest.substr(0, hash));
      break;
    }
    keep(rest.substr(0, open));
    rest.remove_prefix(open + 4);
    *in_block = true;
    *block_start = number;
  }
  return joined != nullptr ? std::string_view(*joined) : first;
}

void DictText::Split(WarningSink& warnings) {
  bool in_block = false;
  uint32_t block_start = 0;
  std::string_view text = text_;
  size_t start = 0;
  uint32_t number = 0;
  while (start < text.size()) {
    size_t end = start;
    while (end < text.size() && BreakLength(text, end) == 0) ++end;
    std::string_view raw = text.substr(start, end - start);
    start = end < text.size() ? end + BreakLength(text, end) : end;
    ++number;
    if (!in_block && Trim(raw).starts_with("<!") && !Trim(raw).starts_with("<!--")) continue;
    std::string_view kept = Trim(StripComments(raw, number, &in_block, &block_start));
    if (kept.empty()) continue;
    bool indented = !raw.empty() && (raw.front() == ' ' || raw.front() == '\t');
    lines_.push_back({number, kept, indented});
  }
  line_count_ = number;
  if (in_block) {
    warnings.Add(block_start, "\"<!--\" comment is never closed; the rest of the file is ignored");
  }
}

}  // namespace khabar::dict::internal
