#include "khabar/parse/internal/features.h"

#include <algorithm>

#include "khabar/base/check.h"

namespace khabar::parse::internal {
namespace {

constexpr uint64_t kNullValue = 0x6e756c6cull;  // "null": no such node
constexpr uint64_t kRootValue = 0x726f6f74ull;  // "root": the artificial root
constexpr int32_t kMaxDistance = 10;

inline uint64_t Fmix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

inline uint64_t Combine(uint64_t h, uint64_t v) {
  return (h ^ (v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2))) * 0x100000001b3ull;
}

// The values of one node used by the templates.
struct Slot {
  uint64_t w = kNullValue;  // form
  uint64_t p = kNullValue;  // XPOS
  uint64_t u = kNullValue;  // UPOS
  uint64_t l = kNullValue;  // label of its arc, if attached
  uint64_t wp = kNullValue;
  uint64_t x = kNullValue;  // suffix
};

Slot MakeSlot(const State& state, std::span<const NodeInfo> nodes, int32_t node) {
  Slot slot;
  if (node == kNoNode) return slot;
  if (node == 0) {
    slot.w = slot.p = slot.u = slot.wp = kRootValue;
    return slot;
  }
  const NodeInfo& info = nodes[node];
  slot.w = info.form;
  slot.p = info.xpos;
  slot.u = info.upos;
  slot.wp = Combine(info.form, info.xpos);
  slot.x = info.suffix;
  if (state.head(node) != kNoNode) slot.l = state.label(node);
  return slot;
}

int32_t Child(int32_t node, int32_t (State::*which)(int32_t) const, const State& state) {
  return node == kNoNode ? kNoNode : (state.*which)(node);
}

class Emitter {
 public:
  explicit Emitter(FeatureVector& out) : out_(out) {}
  void Add(uint64_t a, uint64_t b = 0, uint64_t c = 0) {
    ++template_;
    out_[count_++] = Fmix(Combine(Combine(Combine(template_, a), b), c));
  }
  uint32_t count() const { return count_; }

 private:
  FeatureVector& out_;
  uint32_t count_ = 0;
  uint64_t template_ = 0;
};

}  // namespace

uint64_t HashForm(std::string_view form) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (const char c : form) {
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    h = (h ^ static_cast<uint8_t>(lower)) * 0x100000001b3ull;
  }
  return Fmix(h);
}

uint64_t HashSuffix(std::string_view form) {
  return HashForm(form.substr(form.size() > 3 ? form.size() - 3 : 0)) ^ 0x5375666669780000ull;
}

void ExtractFeatures(const State& state, std::span<const NodeInfo> nodes, FeatureVector& features) {
  const int32_t s0n = state.Stack(0), s1n = state.Stack(1), b0n = state.Buffer(0);
  const auto slot = [&](int32_t node) { return MakeSlot(state, nodes, node); };
  const Slot s0 = slot(s0n), s1 = slot(s1n), s2 = slot(state.Stack(2));
  const Slot b0 = slot(b0n), b1 = slot(state.Buffer(1)), b2 = slot(state.Buffer(2));
  const Slot s0l1 = slot(Child(s0n, &State::left1, state));
  const Slot s0l2 = slot(Child(s0n, &State::left2, state));
  const Slot s0r1 = slot(Child(s0n, &State::right1, state));
  const Slot s0r2 = slot(Child(s0n, &State::right2, state));
  const Slot s1l1 = slot(Child(s1n, &State::left1, state));
  const Slot s1r1 = slot(Child(s1n, &State::right1, state));
  const Slot b0l1 = slot(Child(b0n, &State::left1, state));
  const Slot b0l2 = slot(Child(b0n, &State::left2, state));
  const uint64_t distance = s0n == kNoNode || b0n == kNoNode
                                ? kNullValue
                                : static_cast<uint64_t>(std::min(b0n - s0n, kMaxDistance));
  const auto valency = [&](int32_t node, uint32_t (State::*which)(int32_t) const) {
    return node == kNoNode ? kNullValue : uint64_t{(state.*which)(node)};
  };
  const auto label_set = [&](int32_t node, uint64_t (State::*which)(int32_t) const) {
    return node == kNoNode ? kNullValue : (state.*which)(node);
  };
  const uint64_t s0vl = valency(s0n, &State::left_count);
  const uint64_t s0vr = valency(s0n, &State::right_count);
  const uint64_t b0vl = valency(b0n, &State::left_count);
  const uint64_t s1vr = valency(s1n, &State::right_count);
  const uint64_t s0ls = label_set(s0n, &State::left_labels);
  const uint64_t s0rs = label_set(s0n, &State::right_labels);
  const uint64_t b0ls = label_set(b0n, &State::left_labels);

  // One line per group of templates, in template order (the order is part of the model
  // format), so this function is a table rather than logic.
  Emitter e(features);
  // Single words.
  e.Add(s0.w), e.Add(s0.p), e.Add(s0.wp), e.Add(s1.w), e.Add(s1.p), e.Add(s1.wp);
  e.Add(b0.w), e.Add(b0.p), e.Add(b0.wp), e.Add(b1.w), e.Add(b1.p), e.Add(b1.wp);
  e.Add(b2.w), e.Add(b2.p), e.Add(b2.wp);
  // Pairs.
  e.Add(s0.wp, b0.wp), e.Add(s0.wp, b0.w), e.Add(s0.w, b0.wp), e.Add(s0.wp, b0.p);
  e.Add(s0.p, b0.wp), e.Add(s0.w, b0.w), e.Add(s0.p, b0.p), e.Add(b0.p, b1.p);
  e.Add(s0.wp, s1.wp), e.Add(s0.w, s1.w), e.Add(s0.p, s1.p), e.Add(s1.p, b0.p);
  e.Add(s1.w, b0.w);
  // Tag triples.
  e.Add(b0.p, b1.p, b2.p), e.Add(s0.p, b0.p, b1.p), e.Add(s1.p, s0.p, b0.p);
  e.Add(s0.p, s0l1.p, b0.p), e.Add(s0.p, s0r1.p, b0.p), e.Add(s0.p, b0.p, b0l1.p);
  e.Add(s1.p, s0.p, s0l1.p), e.Add(s1.p, s0.p, s0r1.p), e.Add(s1.p, s1r1.p, s0.p);
  e.Add(s2.p, s1.p, s0.p), e.Add(s1.p, s1l1.p, s0.p);
  // Distance.
  e.Add(s0.w, distance), e.Add(s0.p, distance), e.Add(b0.w, distance);
  e.Add(b0.p, distance), e.Add(Combine(s0.w, b0.w), distance), e.Add(s0.p, b0.p, distance);
  // Valency.
  e.Add(s0.w, s0vr), e.Add(s0.p, s0vr), e.Add(s0.w, s0vl), e.Add(s0.p, s0vl);
  e.Add(b0.w, b0vl), e.Add(b0.p, b0vl), e.Add(s1.w, s1vr), e.Add(s1.p, s1vr);
  // Nearest children.
  e.Add(s0l1.w), e.Add(s0l1.p), e.Add(s0l1.l), e.Add(s0r1.w), e.Add(s0r1.p), e.Add(s0r1.l);
  e.Add(b0l1.w), e.Add(b0l1.p), e.Add(b0l1.l), e.Add(s1r1.w), e.Add(s1r1.p), e.Add(s1r1.l);
  e.Add(s1l1.l);
  // Second children and three-node chains.
  e.Add(s0l2.w), e.Add(s0l2.p), e.Add(s0l2.l), e.Add(s0r2.w), e.Add(s0r2.p), e.Add(s0r2.l);
  e.Add(b0l2.w), e.Add(b0l2.p), e.Add(b0l2.l);
  e.Add(s0.p, s0l1.p, s0l2.p), e.Add(s0.p, s0r1.p, s0r2.p), e.Add(b0.p, b0l1.p, b0l2.p);
  // Child label sets.
  e.Add(s0.w, s0rs), e.Add(s0.p, s0rs), e.Add(s0.w, s0ls), e.Add(s0.p, s0ls);
  e.Add(b0.w, b0ls), e.Add(b0.p, b0ls);
  // Universal tags.
  e.Add(s0.u), e.Add(b0.u), e.Add(s1.u), e.Add(b1.u), e.Add(s0.u, b0.u);
  e.Add(s1.u, s0.u, b0.u), e.Add(s0.u, b0.u, b1.u);
  e.Add(s0.w, b0.u), e.Add(s0.u, b0.w), e.Add(s1.u, s0.u), e.Add(b0.u, b1.u, b2.u);
  e.Add(s0.u, s0l1.u, b0.u), e.Add(s0.u, s0r1.u, b0.u), e.Add(s0.u, b0.u, b0l1.u), e.Add(s0.u, b0.u, distance);
  // Suffixes.
  e.Add(s0.x), e.Add(b0.x), e.Add(s1.x), e.Add(b1.x);
  // Bias.
  e.Add(0);
  KH_DCHECK(e.count() == kFeatureCount);
}

// Each feature's row is a random read from a table of tens of megabytes: prefetching every
// row before summing lets the cache misses overlap. The sum is compiled for AVX2 too,
// chosen at run time.
__attribute__((target_clones("avx2", "default")))
void ScoreActions(std::span<const float> weights, uint64_t mask, const FeatureVector& features,
                  std::span<float> scores) {
  std::fill(scores.begin(), scores.end(), 0.0f);
  const size_t action_count = scores.size();
  const float* table = weights.data();
  for (const uint64_t feature : features) {
    const float* row = table + (feature & mask);
    for (size_t offset = 0; offset < action_count; offset += 16) __builtin_prefetch(row + offset);
  }
  float* out = scores.data();
  for (const uint64_t feature : features) {
    const float* row = table + (feature & mask);
    for (size_t action = 0; action < action_count; ++action) out[action] += row[action];
  }
}

}  // namespace khabar::parse::internal
