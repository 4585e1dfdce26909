// OffsetMap: maps byte offsets in a Document's normalised text back to its raw text.
//
// The normaliser appends anchors (normalised offset, raw offset) in increasing order.
// Between two anchors the mapping is either linear (both sides have the same length:
// the bytes were copied) or a replaced chunk (lengths differ: the bytes were rewritten,
// e.g. NFC composition or quote folding). Inside a replaced chunk, a begin offset maps to
// the chunk's raw start and an end offset to its raw end, so a token never loses bytes.
// With no anchors the map is the identity.
//
//   doc::OffsetMap map;
//   map.AddAnchor(0, 0);
//   map.AddAnchor(3, 3);   // "abc" copied
//   map.AddAnchor(4, 6);   // a 3-byte quote folded to 1 byte
//   map.ToRawSpan({0, 4}) == {0, 6}
//
// Thread-compatible; immutable after the normaliser fills it.
#ifndef KHABAR_DOC_OFFSET_MAP_H_
#define KHABAR_DOC_OFFSET_MAP_H_

#include <cstdint>
#include <vector>

#include "khabar/doc/span.h"

namespace khabar::doc {

class OffsetMap {
 public:
  struct Anchor {
    uint32_t normalized;
    uint32_t raw;
  };

  // REQUIRES: both offsets are >= those of the previous anchor.
  void AddAnchor(uint32_t normalized, uint32_t raw);
  void Clear() { anchors_.clear(); }
  bool IsIdentity() const { return anchors_.empty(); }
  const std::vector<Anchor>& anchors() const { return anchors_; }

  uint32_t ToRawBegin(uint32_t normalized) const;
  uint32_t ToRawEnd(uint32_t normalized) const;
  Span ToRawSpan(Span normalized) const {
    return {ToRawBegin(normalized.begin), ToRawEnd(normalized.end)};
  }

 private:
  // Index of the last anchor whose normalised offset is <= `normalized`, or -1.
  int FindSegment(uint32_t normalized) const;

  std::vector<Anchor> anchors_;
};

}  // namespace khabar::doc

#endif  // KHABAR_DOC_OFFSET_MAP_H_
