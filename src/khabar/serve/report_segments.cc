#include "khabar/serve/report_segments.h"

#include <algorithm>

namespace khabar::serve {
namespace {

using nlohmann::json;

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Moves `at` back to the first byte of the character it is in.
int64_t CharBegin(std::string_view text, int64_t at) {
  while (at > 0 && at < static_cast<int64_t>(text.size()) && IsContinuationByte(text[at])) --at;
  return at;
}

// Moves `at` forward past the continuation bytes of the character before it.
int64_t CharEnd(std::string_view text, int64_t at) {
  while (at < static_cast<int64_t>(text.size()) && IsContinuationByte(text[at])) ++at;
  return at;
}

void AddSpan(const json& extra, const char* key, const char* role, std::vector<RoleSpan>* spans) {
  const auto found = extra.find(key);
  if (found == extra.end() || !found->is_array() || found->size() != 2) return;
  const json& begin = (*found)[0];
  const json& end = (*found)[1];
  if (!begin.is_number_integer() || !end.is_number_integer()) return;
  const int64_t first = begin.get<int64_t>();
  const int64_t last = end.get<int64_t>();
  if (first < 0 || last <= first) return;
  spans->push_back({role, first, last});
}

}  // namespace

ReportCoding ParseReportExtra(std::string_view extra) {
  ReportCoding coding;
  json parsed = json::parse(extra.begin(), extra.end(), nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) return coding;
  coding.json = std::move(parsed);
  AddSpan(coding.json, "source_span", "source", &coding.spans);
  AddSpan(coding.json, "target_span", "target", &coding.spans);
  AddSpan(coding.json, "verb_span", "verb", &coding.spans);
  return coding;
}

std::vector<Segment> CutSentence(std::string_view sentence, int64_t sentence_begin,
                                 std::vector<RoleSpan> spans) {
  const auto size = static_cast<int64_t>(sentence.size());
  for (RoleSpan& span : spans) {
    span.begin = CharBegin(sentence, std::clamp<int64_t>(span.begin - sentence_begin, 0, size));
    span.end = CharEnd(sentence, std::clamp<int64_t>(span.end - sentence_begin, 0, size));
  }
  std::stable_sort(spans.begin(), spans.end(),
                   [](const RoleSpan& a, const RoleSpan& b) { return a.begin < b.begin; });
  std::vector<Segment> segments;
  int64_t at = 0;
  for (const RoleSpan& span : spans) {
    if (span.begin >= span.end || span.begin < at) continue;  // empty after clipping, or overlapping
    if (span.begin > at) segments.push_back({std::string(sentence.substr(at, span.begin - at)), ""});
    segments.push_back({std::string(sentence.substr(span.begin, span.end - span.begin)), span.role});
    at = span.end;
  }
  if (at < size) segments.push_back({std::string(sentence.substr(at)), ""});
  return segments;
}

}  // namespace khabar::serve
