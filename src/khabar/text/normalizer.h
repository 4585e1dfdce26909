// Normaliser: fills Document::text and Document::offsets from Document::raw.
//
// The normalised text is NFC (utf8proc) with typographic variants folded so that later
// stages see one spelling:
//   - curly and angle quotes: ‘ ’ ‚ ‛ ′ ‹ › -> '   and   “ ” „ ‟ ″ « » -> "
//   - hyphen, non-breaking hyphen, figure dash, en dash, minus signs -> '-'
//   - em dash and horizontal bar -> "--" (the Penn/UD spelling of a dash token)
//   - horizontal ellipsis … -> "..."
//   - no-break and other Unicode spaces -> ' '; line/paragraph separators, NEL -> '\n'
//   - zero-width space, word joiner, BOM and soft hyphen are removed. ZWNJ and ZWJ are
//     kept: they are meaningful inside Persian, Arabic-script and Indic words.
// ASCII runs are copied without per-character work. Every change adds OffsetMap anchors
// around the smallest changed unit (one combining sequence), so a token maps back to
// exactly the raw bytes it came from (see doc/offset_map.h).
//
//   text::Normalizer normalizer;
//   document.raw = "\xE2\x80\x9CHi\xE2\x80\x9D";   // “Hi”
//   normalizer.Normalize(document);                   // document.text == "\"Hi\""
//
// Thread-safety: stateless; one Normalizer may be used from any number of threads.
#ifndef KHABAR_TEXT_NORMALIZER_H_
#define KHABAR_TEXT_NORMALIZER_H_

#include <string>
#include <string_view>

#include "khabar/doc/document.h"
#include "khabar/doc/offset_map.h"

namespace khabar::text {

class Normalizer {
 public:
  // Longest combining sequence composed as a unit; longer runs of combining marks are
  // normalised in pieces (a bound on work for adversarial input).
  static constexpr size_t kMaxSequenceCodePoints = 32;

  // Replaces document.text and document.offsets.
  // REQUIRES: document.raw is valid UTF-8 and shorter than 4 GiB.
  void Normalize(doc::Document& document) const;

  // The same on plain strings; `text` and `offsets` are cleared first.
  void Normalize(std::string_view raw, std::string& text, doc::OffsetMap& offsets) const;
};

}  // namespace khabar::text

#endif  // KHABAR_TEXT_NORMALIZER_H_
