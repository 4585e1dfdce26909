#include "khabar/base/arena.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>

namespace khabar::base {
namespace {

TEST(ArenaTest, AllocationsAreAlignedAndDisjoint) {
  Arena arena;
  char* first = arena.Allocate(3, 1);
  auto* second = arena.AllocateArray<uint64_t>(4);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(second) % alignof(uint64_t), 0u);
  std::memset(first, 'a', 3);
  for (int idx = 0; idx < 4; ++idx) second[idx] = ~0ull;
  EXPECT_EQ(first[2], 'a');
}

TEST(ArenaTest, LargeAllocationGetsItsOwnBlock) {
  Arena arena;
  char* big = arena.Allocate(Arena::kBlockSize * 2);
  big[Arena::kBlockSize * 2 - 1] = 'z';
  EXPECT_GE(arena.MemoryUsage(), Arena::kBlockSize * 2);
}

TEST(ArenaTest, ResetKeepsOneBlock) {
  Arena arena;
  for (int idx = 0; idx < 100; ++idx) arena.Allocate(1000);
  arena.Reset();
  EXPECT_EQ(arena.MemoryUsage(), Arena::kBlockSize);
  EXPECT_NE(arena.Allocate(8), nullptr);
}

}  // namespace
}  // namespace khabar::base
