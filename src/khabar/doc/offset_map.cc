#include "khabar/doc/offset_map.h"

#include <algorithm>

#include "khabar/base/check.h"

namespace khabar::doc {

void OffsetMap::AddAnchor(uint32_t normalized, uint32_t raw) {
  if (!anchors_.empty()) {
    KH_DCHECK(normalized >= anchors_.back().normalized && raw >= anchors_.back().raw);
    if (anchors_.back().normalized == normalized) {
      anchors_.back().raw = raw;
      return;
    }
  }
  anchors_.push_back({normalized, raw});
}

int OffsetMap::FindSegment(uint32_t normalized) const {
  auto after = std::upper_bound(anchors_.begin(), anchors_.end(), normalized,
                                [](uint32_t value, const Anchor& a) { return value < a.normalized; });
  return static_cast<int>(after - anchors_.begin()) - 1;
}

uint32_t OffsetMap::ToRawBegin(uint32_t normalized) const {
  if (anchors_.empty()) return normalized;
  int segment = FindSegment(normalized);
  if (segment < 0) return normalized;
  const Anchor& start = anchors_[segment];
  uint32_t delta = normalized - start.normalized;
  if (static_cast<size_t>(segment) + 1 == anchors_.size()) return start.raw + delta;
  const Anchor& next = anchors_[segment + 1];
  bool linear = next.normalized - start.normalized == next.raw - start.raw;
  return linear ? start.raw + delta : start.raw;
}

uint32_t OffsetMap::ToRawEnd(uint32_t normalized) const {
  if (anchors_.empty()) return normalized;
  int segment = FindSegment(normalized);
  if (segment < 0) return normalized;
  const Anchor& start = anchors_[segment];
  uint32_t delta = normalized - start.normalized;
  if (delta == 0 || static_cast<size_t>(segment) + 1 == anchors_.size()) {
    return start.raw + delta;
  }
  const Anchor& next = anchors_[segment + 1];
  bool linear = next.normalized - start.normalized == next.raw - start.raw;
  return linear ? start.raw + delta : next.raw;
}

}  // namespace khabar::doc
