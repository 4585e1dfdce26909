#include "khabar/parse/internal/transition.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace khabar::parse::internal {
namespace {

constexpr uint32_t kLabels = 3;  // 0 root, 1 nsubj, 2 det
constexpr uint16_t kRoot = 0;

struct Tree {
  std::vector<int32_t> heads;    // index 0 unused
  std::vector<uint16_t> labels;  // index 0 unused
};

uint32_t WordCount(const Tree& tree) { return static_cast<uint32_t>(tree.heads.size() - 1); }

// The first allowed action of least cost, checking that one of cost zero exists.
uint32_t OracleAction(const State& state, const Tree& tree, uint32_t* best_cost) {
  const MoveCosts costs = ComputeCosts(state, tree.heads);
  uint32_t best = 0;
  *best_cost = UINT32_MAX;
  for (uint32_t action = 0; action < ActionCount(kLabels); ++action) {
    if (!state.Allowed(action, kLabels, kRoot)) continue;
    const uint32_t cost = ActionCost(state, costs, action, kLabels, tree.heads, tree.labels);
    if (cost < *best_cost) {
      best = action;
      *best_cost = cost;
    }
  }
  return best;
}

// A random tree over n words with a single root dependent, labelled 1 or 2.
Tree RandomTree(uint32_t n, uint64_t& seed) {
  const auto next = [&seed](uint32_t bound) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>((seed >> 33) % bound);
  };
  std::vector<int32_t> order;
  for (uint32_t word = 1; word <= n; ++word) order.push_back(static_cast<int32_t>(word));
  for (uint32_t idx = n; idx > 1; --idx) std::swap(order[idx - 1], order[next(idx)]);
  Tree tree{std::vector<int32_t>(n + 1, kNoNode), std::vector<uint16_t>(n + 1, 0)};
  tree.heads[order[0]] = 0;
  for (uint32_t idx = 1; idx < n; ++idx) {
    tree.heads[order[idx]] = order[next(idx)];
    tree.labels[order[idx]] = static_cast<uint16_t>(1 + next(2));
  }
  return tree;
}

// Follows the oracle from the initial state; every step must cost nothing.
void ExpectReplays(const Tree& tree) {
  State state;
  state.Reset(WordCount(tree));
  while (!state.Terminal()) {
    uint32_t cost = 0;
    const uint32_t action = OracleAction(state, tree, &cost);
    ASSERT_EQ(cost, 0u);
    state.Apply(MoveOf(action, kLabels), LabelOf(action, kLabels));
  }
  for (uint32_t word = 1; word <= WordCount(tree); ++word) {
    EXPECT_EQ(state.head(static_cast<int32_t>(word)), tree.heads[word]) << "word " << word;
    EXPECT_EQ(state.label(static_cast<int32_t>(word)), tree.labels[word]) << "word " << word;
  }
}

TEST(TransitionTest, ActionNumberingRoundTrips) {
  for (uint32_t action = 0; action < ActionCount(kLabels); ++action) {
    EXPECT_EQ(ActionOf(MoveOf(action, kLabels), LabelOf(action, kLabels), kLabels), action);
  }
}

TEST(TransitionTest, ReplaysHandWrittenProjectiveTrees) {
  // "The dog barks": The <-det- dog <-nsubj- barks <-root.
  ExpectReplays({{kNoNode, 2, 3, 0}, {0, 2, 1, 0}});
  // "barks": a single word.
  ExpectReplays({{kNoNode, 0}, {0, 0}});
  // Right-branching chain and a head with children on both sides.
  ExpectReplays({{kNoNode, 0, 1, 2, 3}, {0, 0, 1, 1, 2}});
  ExpectReplays({{kNoNode, 3, 3, 0, 3, 4}, {0, 2, 1, 0, 1, 2}});
}

TEST(TransitionTest, ReplaysRandomProjectivisedTrees) {
  uint64_t seed = 7;
  for (uint32_t trial = 0; trial < 500; ++trial) {
    Tree tree = RandomTree(1 + trial % 14, seed);
    Projectivize(tree.heads);
    ASSERT_TRUE(IsProjective(tree.heads));
    ExpectReplays(tree);
  }
}

TEST(TransitionTest, CostsAreZeroOnGoldAndPositiveOnWrongMoves) {
  const Tree tree{{kNoNode, 2, 3, 0}, {0, 2, 1, 0}};  // The dog barks
  State state;
  state.Reset(3);
  MoveCosts costs = ComputeCosts(state, tree.heads);
  EXPECT_EQ(costs.shift, 0u);
  state.Apply(Move::kShift, 0);  // stack [root, The], buffer [dog, barks]
  costs = ComputeCosts(state, tree.heads);
  const auto cost = [&](Move move, uint16_t label) {
    return ActionCost(state, costs, ActionOf(move, label, kLabels), kLabels, tree.heads,
                      tree.labels);
  };
  EXPECT_EQ(cost(Move::kLeft, 2), 0u);   // det(dog, The)
  EXPECT_EQ(cost(Move::kLeft, 1), 1u);   // right arc, wrong label
  EXPECT_EQ(cost(Move::kShift, 0), 1u);  // The could no longer attach to dog
  state.Apply(Move::kShift, 0);          // the mistake: stack [root, The, dog]
  costs = ComputeCosts(state, tree.heads);
  // dog can still take barks as head; The is lost whatever happens.
  EXPECT_EQ(cost(Move::kLeft, 1), 0u);
  EXPECT_EQ(cost(Move::kRight, 1), 1u);  // dog under The loses dog -> barks
}

TEST(TransitionTest, CostsOfRandomWalksAddUpToTheErrors) {
  // The costs are exact (arc-decomposition): after any walk that ends by following the
  // oracle, the wrong heads equal the structural costs paid along the way.
  uint64_t seed = 11;
  for (uint32_t trial = 0; trial < 300; ++trial) {
    Tree tree = RandomTree(1 + trial % 12, seed);
    Projectivize(tree.heads);
    State state;
    state.Reset(WordCount(tree));
    uint32_t paid = 0;
    for (uint32_t step = 0; !state.Terminal(); ++step) {
      uint32_t best_cost = 0;
      uint32_t action = OracleAction(state, tree, &best_cost);
      if (step < 4) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        for (uint32_t tries = 0; tries < ActionCount(kLabels); ++tries) {
          const uint32_t candidate =
              static_cast<uint32_t>((seed >> 33) + tries) % ActionCount(kLabels);
          if (state.Allowed(candidate, kLabels, kRoot)) {
            action = candidate;
            break;
          }
        }
      }
      const MoveCosts costs = ComputeCosts(state, tree.heads);
      const Move move = MoveOf(action, kLabels);
      paid += move == Move::kShift ? costs.shift : move == Move::kLeft ? costs.left : costs.right;
      state.Apply(move, LabelOf(action, kLabels));
    }
    uint32_t wrong = 0;
    for (uint32_t word = 1; word <= WordCount(tree); ++word) {
      wrong += state.head(static_cast<int32_t>(word)) != tree.heads[word] ? 1 : 0;
    }
    EXPECT_EQ(wrong, paid) << "trial " << trial;
  }
}

TEST(TransitionTest, LiftingRemovesCrossingArcs) {
  // 1 <- 3 crosses 2 -> 4: "A hearing is scheduled on the issue today" in miniature.
  std::vector<int32_t> heads = {kNoNode, 3, 0, 2, 1};
  EXPECT_FALSE(IsProjective(heads));
  EXPECT_GT(Projectivize(heads), 0u);
  EXPECT_TRUE(IsProjective(heads));
  std::vector<int32_t> projective = {kNoNode, 2, 0, 2};
  EXPECT_TRUE(IsProjective(projective));
  EXPECT_EQ(Projectivize(projective), 0u);
}

TEST(TransitionTest, RootTakesOneDependentLast) {
  State state;
  state.Reset(2);
  state.Apply(Move::kShift, 0);
  EXPECT_FALSE(state.CanRight());  // buffer not empty: the root must wait
  state.Apply(Move::kShift, 0);
  EXPECT_TRUE(state.Allowed(ActionOf(Move::kRight, 1, kLabels), kLabels, kRoot));
  state.Apply(Move::kRight, 1);
  EXPECT_TRUE(state.Allowed(ActionOf(Move::kRight, kRoot, kLabels), kLabels, kRoot));
  EXPECT_FALSE(state.Allowed(ActionOf(Move::kRight, 1, kLabels), kLabels, kRoot));
  state.Apply(Move::kRight, kRoot);
  EXPECT_TRUE(state.Terminal());
  EXPECT_EQ(state.head(1), 0);
  EXPECT_EQ(state.head(2), 1);
}

}  // namespace
}  // namespace khabar::parse::internal
