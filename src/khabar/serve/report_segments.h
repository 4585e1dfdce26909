// A report's sentence cut into pieces for highlighting: the source, target and verb spans of
// its coding (reports.extra, docs/formats/schema.md) mark pieces of the sentence, and the
// pieces between them have no role. Cut on byte offsets here so that clients never deal with
// bytes: the pieces' texts, concatenated, are the sentence exactly.
//
//   ReportCoding coding = ParseReportExtra(extra_text);
//   for (const Segment& piece : CutSentence(sentence, sentence_begin, coding.spans)) ...
//
// Thread-safety: pure functions.
#ifndef KHABAR_SERVE_REPORT_SEGMENTS_H_
#define KHABAR_SERVE_REPORT_SEGMENTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace khabar::serve {

// A highlighted span: [begin, end) bytes of the document's raw_text.
struct RoleSpan {
  std::string role;  // "source", "target" or "verb"
  int64_t begin = 0;
  int64_t end = 0;
};

struct Segment {
  std::string text;
  std::string role;  // empty: no role (JSON null)
};

// reports.extra: the report's own coding. `json` is the object (an empty object for '{}',
// for text that is not a JSON object, and for rows written before cross-article merging);
// `spans` the well-formed source_span, target_span and verb_span ([begin, end], begin < end).
struct ReportCoding {
  nlohmann::json json = nlohmann::json::object();
  std::vector<RoleSpan> spans;
};
ReportCoding ParseReportExtra(std::string_view extra);

// Cuts `sentence`, which starts at byte `sentence_begin` of the document, at the spans. A span
// is clipped to the sentence and widened to whole UTF-8 characters; a span overlapping one
// that starts earlier (or an equal one listed earlier) is dropped. With no usable span the
// result is one segment with no role (none at all for an empty sentence).
std::vector<Segment> CutSentence(std::string_view sentence, int64_t sentence_begin,
                                 std::vector<RoleSpan> spans);

}  // namespace khabar::serve

#endif  // KHABAR_SERVE_REPORT_SEGMENTS_H_
