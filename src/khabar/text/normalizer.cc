#include "khabar/text/normalizer.h"

#include <utf8proc.h>

#include <array>
#include <cstring>

#include "khabar/base/utf8.h"

namespace khabar::text {
namespace {

// What one code point becomes before composition; nullptr means "itself".
const char* FoldCodePoint(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2039:
    case 0x203A:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB:
    case 0x00BB:
      return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: case 0xFE63:
    case 0xFF0D:
      return "-";
    case 0x2014: case 0x2015:
      return "--";
    case 0x2026:
      return "...";
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return " ";
    case 0x2028: case 0x2029: case 0x0085:
      return "\n";
    case 0x200B: case 0x2060: case 0xFEFF: case 0x00AD:
      return "";
    default:
      if (cp >= 0x2000 && cp <= 0x200A) return " ";
      return nullptr;
  }
}

// True for code points that attach to the preceding starter: non-zero combining class,
// and Hangul medial/final jamo (which compose with a leading jamo).
bool ContinuesSequence(char32_t cp) {
  if (cp >= 0x1160 && cp <= 0x11FF) return true;
  return utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class != 0;
}

// True if NFC could change this lone code point (it has a canonical decomposition).
bool MayChangeUnderNfc(char32_t cp) {
  const utf8proc_property_t* property = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
  return property->decomp_seqindex != UINT16_MAX && property->decomp_type == 0;
}

// Builds text + anchors; see OffsetMap for the anchor semantics.
class Emitter {
 public:
  Emitter(std::string_view raw, std::string& text, doc::OffsetMap& offsets)
      : raw_(raw), text_(text), offsets_(offsets) {}

  void Copy(size_t raw_begin, size_t raw_end) {
    text_.append(raw_.data() + raw_begin, raw_end - raw_begin);
  }

  void Replace(size_t raw_begin, size_t raw_end, std::string_view out) {
    uint32_t n = static_cast<uint32_t>(text_.size());
    if (out.empty()) return Delete(raw_begin, raw_end);
    offsets_.AddAnchor(n, static_cast<uint32_t>(raw_begin));
    text_.append(out);
    offsets_.AddAnchor(static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(raw_end));
  }

 private:
  // A deletion joins the preceding character's chunk (or, at the start, shifts the map).
  void Delete(size_t raw_begin, size_t raw_end) {
    uint32_t n = static_cast<uint32_t>(text_.size());
    const auto& anchors = offsets_.anchors();
    if (n == 0 || (!anchors.empty() && anchors.back().normalized == n)) {
      offsets_.AddAnchor(n, static_cast<uint32_t>(raw_end));
      return;
    }
    // The previous character was copied unchanged: make it the start of a chunk.
    uint32_t k = 1;
    while (k < n && (static_cast<unsigned char>(text_[n - k]) & 0xC0) == 0x80) ++k;
    offsets_.AddAnchor(n - k, static_cast<uint32_t>(raw_begin - k));
    offsets_.AddAnchor(n, static_cast<uint32_t>(raw_end));
  }

  std::string_view raw_;
  std::string& text_;
  doc::OffsetMap& offsets_;
};

// NFC of `folded` (valid UTF-8, a single combining sequence) appended to *out.
void ComposeSequence(std::string_view folded, std::string* out) {
  constexpr utf8proc_option_t kOptions =
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  std::array<utf8proc_int32_t, 4 * Normalizer::kMaxSequenceCodePoints + 16> buffer;
  utf8proc_ssize_t count = utf8proc_decompose(
      reinterpret_cast<const utf8proc_uint8_t*>(folded.data()),
      static_cast<utf8proc_ssize_t>(folded.size()), buffer.data(),
      static_cast<utf8proc_ssize_t>(buffer.size()), kOptions);
  if (count < 0 || count > static_cast<utf8proc_ssize_t>(buffer.size())) {
    out->append(folded);
    return;
  }
  count = utf8proc_normalize_utf32(buffer.data(), count, kOptions);
  if (count < 0) {
    out->append(folded);
    return;
  }
  for (utf8proc_ssize_t i = 0; i < count; ++i) base::AppendUtf8(*out, static_cast<char32_t>(buffer[i]));
}

// Normalises one combining sequence raw[begin, end) and emits it.
void EmitSequence(std::string_view raw, size_t begin, size_t end, bool needs_nfc, Emitter& emitter,
                  std::string& scratch, std::string& folded) {
  folded.clear();
  bool changed = false;
  for (size_t pos = begin; pos < end;) {
    char32_t cp = 0;
    size_t n = base::DecodeUtf8(raw, pos, &cp);
    if (n == 0) n = 1;  // unreachable for valid input; keeps the loop finite
    const char* fold = cp >= 0x80 ? FoldCodePoint(cp) : nullptr;
    if (fold != nullptr) {
      folded.append(fold);
      changed = true;
    } else {
      folded.append(raw.substr(pos, n));
    }
    pos += n;
  }
  std::string_view result = folded;
  if (needs_nfc) {
    scratch.clear();
    ComposeSequence(folded, &scratch);
    result = scratch;
  }
  if (!changed && result == raw.substr(begin, end - begin)) {
    emitter.Copy(begin, end);
  } else {
    emitter.Replace(begin, end, result);
  }
}

// Processes non-ASCII text from `pos` up to the next ASCII byte that starts a new
// sequence; returns the position after it.
size_t EmitNonAsciiRun(std::string_view raw, size_t pos, Emitter& emitter, std::string& scratch,
                       std::string& folded) {
  while (pos < raw.size()) {
    size_t begin = pos;
    char32_t cp = 0;
    size_t n = base::DecodeUtf8(raw, pos, &cp);
    if (n == 0) n = 1, cp = base::kReplacementChar;
    pos += n;
    bool needs_nfc = cp >= 0x80 && MayChangeUnderNfc(cp);
    size_t count = 1;
    while (pos < raw.size() && count < Normalizer::kMaxSequenceCodePoints) {
      size_t m = base::DecodeUtf8(raw, pos, &cp);
      if (m == 0 || !ContinuesSequence(cp)) break;
      needs_nfc = true;
      pos += m;
      ++count;
    }
    EmitSequence(raw, begin, pos, needs_nfc, emitter, scratch, folded);
    // Stay in the slow path while the next ASCII byte may start a sequence that a
    // following combining mark extends.
    if (pos < raw.size() && static_cast<unsigned char>(raw[pos]) < 0x80) {
      if (pos + 1 >= raw.size() || static_cast<unsigned char>(raw[pos + 1]) < 0x80) break;
    }
  }
  return pos;
}

}  // namespace

void Normalizer::Normalize(doc::Document& document) const {
  Normalize(document.raw, document.text, document.offsets);
}

void Normalizer::Normalize(std::string_view raw, std::string& text, doc::OffsetMap& offsets) const {
  text.clear();
  offsets.Clear();
  text.reserve(raw.size());
  Emitter emitter(raw, text, offsets);
  std::string scratch;
  std::string folded;
  size_t pos = 0;
  while (pos < raw.size()) {
    size_t run_end = pos;
    while (run_end < raw.size() && static_cast<unsigned char>(raw[run_end]) < 0x80) ++run_end;
    if (run_end == raw.size()) {
      emitter.Copy(pos, run_end);
      break;
    }
    // The ASCII byte before a non-ASCII one may be the starter of a combining sequence.
    size_t slow_begin = run_end > pos ? run_end - 1 : run_end;
    emitter.Copy(pos, slow_begin);
    pos = EmitNonAsciiRun(raw, slow_begin, emitter, scratch, folded);
  }
}

}  // namespace khabar::text
