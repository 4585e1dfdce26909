// Arc-hybrid transition system (Kuhlmann, Gomez-Rodriguez and Satta 2011) with the
// dynamic oracle of Goldberg and Nivre, "A Dynamic Oracle for Arc-Eager Dependency
// Parsing" (COLING 2012) and "Training Deterministic Parsers with Non-Deterministic
// Oracles" (TACL 2013), whose arc-hybrid costs are used here.
//
// Nodes are 0 (the artificial root) and 1..n (the words). A configuration is a stack
// with the root at the bottom, a buffer of words b0 < b1 < ... and the arcs built so
// far. Moves:
//   SHIFT     push b0.
//   LEFT(l)   b0 becomes the head of s0 with label l; pop s0.
//   RIGHT(l)  s1 becomes the head of s0 with label l; pop s0.
// The root gets exactly one dependent: RIGHT with s1 = root is allowed only once the
// buffer is empty and s0 is the last word on the stack, and always carries the root
// label (no other arc may use it, unless it is the only label). The final configuration
// has an empty buffer and only the root on the stack.
//
// Actions are numbered 0 (SHIFT), 1 + l (LEFT with label l), 1 + L + l (RIGHT with l),
// for L labels.
//
// Thread-safety: a State is per-thread working memory; Reset reuses its capacity, so
// parsing allocates nothing once the state has seen the longest sentence.
#ifndef KHABAR_PARSE_INTERNAL_TRANSITION_H_
#define KHABAR_PARSE_INTERNAL_TRANSITION_H_

#include <cstdint>
#include <span>
#include <vector>

namespace khabar::parse::internal {

inline constexpr int32_t kNoNode = -1;

enum class Move : uint8_t { kShift = 0, kLeft = 1, kRight = 2 };

inline uint32_t ActionCount(uint32_t label_count) { return 1 + 2 * label_count; }
inline Move MoveOf(uint32_t action, uint32_t label_count) {
  if (action == 0) return Move::kShift;
  return action <= label_count ? Move::kLeft : Move::kRight;
}
inline uint16_t LabelOf(uint32_t action, uint32_t label_count) {
  return static_cast<uint16_t>(action <= label_count ? action - 1 : action - 1 - label_count);
}
inline uint32_t ActionOf(Move move, uint16_t label, uint32_t label_count) {
  if (move == Move::kShift) return 0;
  return move == Move::kLeft ? 1u + label : 1u + label_count + label;
}

class State {
 public:
  // Starts a sentence of `word_count` words.
  void Reset(uint32_t word_count);

  bool Terminal() const { return buffer_ > word_count_ && stack_.size() == 1; }
  // The k-th node from the top of the stack, or kNoNode.
  int32_t Stack(uint32_t k) const {
    return k < stack_.size() ? stack_[stack_.size() - 1 - k] : kNoNode;
  }
  // The k-th node of the buffer, or kNoNode.
  int32_t Buffer(uint32_t k) const {
    return buffer_ + k <= word_count_ ? static_cast<int32_t>(buffer_ + k) : kNoNode;
  }
  uint32_t stack_size() const { return static_cast<uint32_t>(stack_.size()); }
  bool buffer_empty() const { return buffer_ > word_count_; }

  bool CanShift() const { return !buffer_empty(); }
  bool CanLeft() const { return stack_.size() >= 2 && !buffer_empty(); }
  bool CanRight() const { return stack_.size() > 2 || (stack_.size() == 2 && buffer_empty()); }
  // Whether `action` is allowed; `root_label` is the only label RIGHT may use onto the
  // root and the one no other arc may use (unless label_count is 1). In every state that
  // is not Terminal() some action is allowed.
  bool Allowed(uint32_t action, uint32_t label_count, uint16_t root_label) const;

  // REQUIRES: the move is allowed.
  void Apply(Move move, uint16_t label);

  // Per node (index 0..n): head or kNoNode, label, nearest children, valency.
  int32_t head(int32_t node) const { return head_[node]; }
  uint16_t label(int32_t node) const { return label_[node]; }
  int32_t left1(int32_t node) const { return left1_[node]; }    // leftmost child
  int32_t left2(int32_t node) const { return left2_[node]; }    // second leftmost
  int32_t right1(int32_t node) const { return right1_[node]; }  // rightmost child
  int32_t right2(int32_t node) const { return right2_[node]; }  // second rightmost
  uint32_t left_count(int32_t node) const { return left_count_[node]; }
  uint32_t right_count(int32_t node) const { return right_count_[node]; }
  // Labels of the left / right children, as a bitset of label ids modulo 64.
  uint64_t left_labels(int32_t node) const { return left_labels_[node]; }
  uint64_t right_labels(int32_t node) const { return right_labels_[node]; }
  // True when the node is on the stack (the root always is).
  bool OnStack(int32_t node) const {
    return node >= 0 && static_cast<uint32_t>(node) < buffer_ && head_[node] == kNoNode;
  }

 private:
  void AddArc(int32_t head, int32_t dependent, uint16_t label);

  uint32_t word_count_ = 0;
  uint32_t buffer_ = 1;  // b0
  std::vector<int32_t> stack_;
  std::vector<int32_t> head_;
  std::vector<uint16_t> label_;
  std::vector<int32_t> left1_, left2_, right1_, right2_;
  std::vector<uint32_t> left_count_, right_count_;
  std::vector<uint64_t> left_labels_, right_labels_;
};

// Structural costs of the three moves in `state` against the gold heads (index 0 unused;
// a projective tree): the number of gold arcs each move makes unreachable
// (Goldberg and Nivre 2013, arc-hybrid). Costs of disallowed moves are meaningless.
struct MoveCosts {
  uint32_t shift = 0;
  uint32_t left = 0;
  uint32_t right = 0;
};
MoveCosts ComputeCosts(const State& state, std::span<const int32_t> gold_heads);

// Cost of a labelled action: the structural cost, plus one when the move builds a gold
// arc with a wrong label.
uint32_t ActionCost(const State& state, const MoveCosts& costs, uint32_t action,
                    uint32_t label_count, std::span<const int32_t> gold_heads,
                    std::span<const uint16_t> gold_labels);

// True when the tree (heads[d] for d = 1..n, heads[0] unused) has no crossing arcs.
bool IsProjective(std::span<const int32_t> heads);
// Makes the tree projective by lifting (Nivre and Nilsson 2005, without label encoding):
// while some arc crosses another, the shortest such arc is reattached to its head's head.
// Returns the number of lifts. REQUIRES: `heads` is a tree rooted at 0.
uint32_t Projectivize(std::span<int32_t> heads);

}  // namespace khabar::parse::internal

#endif  // KHABAR_PARSE_INTERNAL_TRANSITION_H_
