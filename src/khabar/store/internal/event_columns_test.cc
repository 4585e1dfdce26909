// The store's own column conversions (the event recipes it shares with the JSON output are
// doc::EventId, doc::EventCountry and doc::ActorDisplayName, tested in doc/events_test.cc).
#include "khabar/store/internal/event_columns.h"

#include <gtest/gtest.h>

namespace khabar::store::internal {
namespace {

TEST(EventColumnsTest, GoldsteinKeepsTheFloatsShortestDecimal) {
  EXPECT_EQ(GoldsteinColumn(2.8f), 2.8);
  EXPECT_EQ(GoldsteinColumn(-10.0f), -10.0);
  EXPECT_EQ(GoldsteinColumn(0.0f), 0.0);
}

}  // namespace
}  // namespace khabar::store::internal
