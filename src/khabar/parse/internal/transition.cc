#include "khabar/parse/internal/transition.h"

#include <algorithm>
#include <cstdlib>

namespace khabar::parse::internal {

void State::Reset(uint32_t word_count) {
  word_count_ = word_count;
  buffer_ = 1;
  stack_.clear();
  stack_.push_back(0);
  const size_t nodes = word_count + 1;
  head_.assign(nodes, kNoNode);
  label_.assign(nodes, 0);
  left1_.assign(nodes, kNoNode);
  left2_.assign(nodes, kNoNode);
  right1_.assign(nodes, kNoNode);
  right2_.assign(nodes, kNoNode);
  left_count_.assign(nodes, 0);
  right_count_.assign(nodes, 0);
  left_labels_.assign(nodes, 0);
  right_labels_.assign(nodes, 0);
}

bool State::Allowed(uint32_t action, uint32_t label_count, uint16_t root_label) const {
  switch (MoveOf(action, label_count)) {
    case Move::kShift:
      return CanShift();
    case Move::kLeft:
      // With no label but the root label (a model trained on one-word sentences) every arc
      // takes it; otherwise a longer sentence would have no allowed move at all.
      return CanLeft() && (LabelOf(action, label_count) != root_label || label_count == 1);
    case Move::kRight:
      if (!CanRight()) return false;
      if (label_count == 1) return true;  // see kLeft; CanRight still keeps one root arc
      // Onto the root only with the root label; elsewhere never with it.
      return (Stack(1) == 0) == (LabelOf(action, label_count) == root_label);
  }
  return false;
}

void State::Apply(Move move, uint16_t label) {
  if (move == Move::kShift) {
    stack_.push_back(static_cast<int32_t>(buffer_++));
    return;
  }
  const int32_t s0 = stack_.back();
  stack_.pop_back();
  AddArc(move == Move::kLeft ? static_cast<int32_t>(buffer_) : stack_.back(), s0, label);
}

void State::AddArc(int32_t head, int32_t dependent, uint16_t label) {
  head_[dependent] = head;
  label_[dependent] = label;
  const uint64_t bit = uint64_t{1} << (label % 64);
  if (dependent < head) {
    if (left1_[head] == kNoNode || dependent < left1_[head]) {
      left2_[head] = left1_[head];
      left1_[head] = dependent;
    } else if (left2_[head] == kNoNode || dependent < left2_[head]) {
      left2_[head] = dependent;
    }
    ++left_count_[head];
    left_labels_[head] |= bit;
  } else {
    if (right1_[head] == kNoNode || dependent > right1_[head]) {
      right2_[head] = right1_[head];
      right1_[head] = dependent;
    } else if (right2_[head] == kNoNode || dependent > right2_[head]) {
      right2_[head] = dependent;
    }
    ++right_count_[head];
    right_labels_[head] |= bit;
  }
}

namespace {

// Gold dependents of `node` still in the buffer.
uint32_t DependentsInBuffer(const State& state, int32_t node, std::span<const int32_t> gold) {
  uint32_t count = 0;
  for (int32_t b = state.Buffer(0); b != kNoNode && static_cast<size_t>(b) < gold.size(); ++b) {
    count += gold[b] == node;
  }
  return count;
}

}  // namespace

MoveCosts ComputeCosts(const State& state, std::span<const int32_t> gold) {
  MoveCosts costs;
  const int32_t s0 = state.Stack(0);
  const int32_t s1 = state.Stack(1);
  const int32_t b0 = state.Buffer(0);
  if (s0 > 0) {
    const int32_t head = gold[s0];
    const uint32_t lost_children = DependentsInBuffer(state, s0, gold);
    // LEFT loses a head s1 or a head deeper in the buffer.
    costs.left = lost_children + (head == s1 || (b0 != kNoNode && head > b0) ? 1 : 0);
    // RIGHT loses a head anywhere in the buffer.
    costs.right = lost_children + (b0 != kNoNode && head >= b0 ? 1 : 0);
  }
  if (b0 != kNoNode) {
    // SHIFT loses b0's dependents on the stack and a head on the stack below s0.
    for (uint32_t k = 0; k < state.stack_size(); ++k) {
      costs.shift += gold[state.Stack(k)] == b0 ? 1 : 0;
    }
    const int32_t head = gold[b0];
    if (head != s0 && state.OnStack(head)) ++costs.shift;
  }
  return costs;
}

uint32_t ActionCost(const State& state, const MoveCosts& costs, uint32_t action,
                    uint32_t label_count, std::span<const int32_t> gold_heads,
                    std::span<const uint16_t> gold_labels) {
  const Move move = MoveOf(action, label_count);
  if (move == Move::kShift) return costs.shift;
  const int32_t s0 = state.Stack(0);
  const int32_t head = move == Move::kLeft ? state.Buffer(0) : state.Stack(1);
  const uint32_t structural = move == Move::kLeft ? costs.left : costs.right;
  const bool wrong_label =
      s0 > 0 && gold_heads[s0] == head && gold_labels[s0] != LabelOf(action, label_count);
  return structural + (wrong_label ? 1 : 0);
}

namespace {

// True when `ancestor` dominates `node` (reflexively).
bool Dominates(std::span<const int32_t> heads, int32_t ancestor, int32_t node) {
  for (size_t steps = 0; node > 0 && steps < heads.size(); ++steps) {
    if (node == ancestor) return true;
    node = heads[node];
  }
  return node == ancestor;
}

bool ArcIsProjective(std::span<const int32_t> heads, int32_t dependent) {
  const int32_t head = heads[dependent];
  const int32_t low = std::min(head, dependent);
  const int32_t high = std::max(head, dependent);
  for (int32_t between = low + 1; between < high; ++between) {
    if (!Dominates(heads, head, between)) return false;
  }
  return true;
}

// The dependent of the shortest crossing arc, or kNoNode.
int32_t ShortestCrossingArc(std::span<const int32_t> heads) {
  int32_t best = kNoNode;
  int32_t best_length = 0;
  for (int32_t dependent = 1; static_cast<size_t>(dependent) < heads.size(); ++dependent) {
    const int32_t length = std::abs(heads[dependent] - dependent);
    if (best != kNoNode && length >= best_length) continue;
    if (!ArcIsProjective(heads, dependent)) {
      best = dependent;
      best_length = length;
    }
  }
  return best;
}

}  // namespace

bool IsProjective(std::span<const int32_t> heads) { return ShortestCrossingArc(heads) == kNoNode; }

uint32_t Projectivize(std::span<int32_t> heads) {
  uint32_t lifts = 0;
  for (int32_t dependent = ShortestCrossingArc(heads); dependent != kNoNode;
       dependent = ShortestCrossingArc(heads)) {
    // A crossing arc never has the root as its head, so heads[head] exists.
    heads[dependent] = heads[heads[dependent]];
    ++lifts;
  }
  return lifts;
}

}  // namespace khabar::parse::internal
