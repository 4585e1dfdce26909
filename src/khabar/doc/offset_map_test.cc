#include "khabar/doc/offset_map.h"

#include <gtest/gtest.h>

namespace khabar::doc {
namespace {

TEST(OffsetMapTest, EmptyMapIsIdentity) {
  OffsetMap map;
  EXPECT_EQ(map.ToRawBegin(7), 7u);
  EXPECT_EQ(map.ToRawSpan({2, 5}), (Span{2, 5}));
}

// raw:  a b c ’ d e      (’ is 3 bytes)    -> raw offsets 0 1 2 3..5 6 7
// text: a b c ' d e                        -> text offsets 0 1 2 3 4 5
OffsetMap FoldedQuoteMap() {
  OffsetMap map;
  map.AddAnchor(0, 0);
  map.AddAnchor(3, 3);
  map.AddAnchor(4, 6);
  return map;
}

TEST(OffsetMapTest, LinearSegmentsShiftAfterReplacement) {
  OffsetMap map = FoldedQuoteMap();
  EXPECT_EQ(map.ToRawBegin(1), 1u);
  EXPECT_EQ(map.ToRawBegin(4), 6u);
  EXPECT_EQ(map.ToRawEnd(6), 8u);
}

TEST(OffsetMapTest, ReplacedChunkMapsToItsWholeRawRange) {
  OffsetMap map = FoldedQuoteMap();
  EXPECT_EQ(map.ToRawSpan({3, 4}), (Span{3, 6}));
  EXPECT_EQ(map.ToRawSpan({0, 6}), (Span{0, 8}));
}

TEST(OffsetMapTest, RepeatedAnchorOffsetKeepsTheLatest) {
  OffsetMap map;
  map.AddAnchor(0, 0);
  map.AddAnchor(0, 2);  // two raw bytes dropped before the text starts
  EXPECT_EQ(map.ToRawBegin(0), 2u);
  EXPECT_EQ(map.anchors().size(), 1u);
}

}  // namespace
}  // namespace khabar::doc
