#include "khabar/eval/scorer.h"

#include <algorithm>

namespace khabar::eval {
namespace {

bool IsUnicodeSpaceAt(std::string_view text, size_t pos) {
  unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c == ' ' || (c >= '\t' && c <= '\r')) return true;
  // U+00A0 and U+2000..U+200A, U+202F, U+3000: spaces in UD raw text are rare but real.
  if (c == 0xC2 && pos + 1 < text.size()) return static_cast<unsigned char>(text[pos + 1]) == 0xA0;
  if (c == 0xE2 && pos + 2 < text.size() && static_cast<unsigned char>(text[pos + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(text[pos + 2]);
    return d <= 0x8A || d == 0xAF;
  }
  if (c == 0xE3 && pos + 2 < text.size()) {
    return static_cast<unsigned char>(text[pos + 1]) == 0x80 && static_cast<unsigned char>(text[pos + 2]) == 0x80;
  }
  return false;
}

bool SpanLess(const doc::Span& a, const doc::Span& b) {
  return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
}

}  // namespace

NonSpaceIndex::NonSpaceIndex(std::string_view text) : prefix_(text.size() + 1) {
  uint32_t count = 0;
  size_t skip = 0;  // remaining bytes of a whitespace character
  for (size_t pos = 0; pos < text.size(); ++pos) {
    prefix_[pos] = count;
    unsigned char c = static_cast<unsigned char>(text[pos]);
    if (skip > 0) {
      --skip;
      continue;
    }
    if (IsUnicodeSpaceAt(text, pos)) {
      skip = c < 0x80 ? 0 : c < 0xE0 ? 1 : 2;
      continue;
    }
    if ((c & 0xC0) != 0x80) ++count;
  }
  prefix_[text.size()] = count;
}

std::vector<doc::Span> NonSpaceIndex::MapAll(std::span<const doc::Span> spans) const {
  std::vector<doc::Span> mapped;
  mapped.reserve(spans.size());
  for (const doc::Span& span : spans) mapped.push_back(Map(span));
  return mapped;
}

F1Score ScoreSpans(std::span<const doc::Span> gold, std::span<const doc::Span> system) {
  std::vector<doc::Span> g(gold.begin(), gold.end());
  std::vector<doc::Span> s(system.begin(), system.end());
  std::sort(g.begin(), g.end(), SpanLess);
  std::sort(s.begin(), s.end(), SpanLess);
  F1Score score;
  score.gold = g.size();
  score.system = s.size();
  size_t gi = 0;
  size_t si = 0;
  while (gi < g.size() && si < s.size()) {
    if (g[gi] == s[si]) {
      ++score.correct;
      ++gi;
      ++si;
    } else if (SpanLess(g[gi], s[si])) {
      ++gi;
    } else {
      ++si;
    }
  }
  return score;
}

}  // namespace khabar::eval
