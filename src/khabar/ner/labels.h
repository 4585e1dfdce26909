// BIO labels of the NER labeller and the rule that turns a label sequence into mentions.
//
// A word is labelled O (outside), B-T (begins a mention of type T) or I-T (inside one), for
// T in PER, ORG, LOC (IOB2, Tjong Kim Sang & Veenstra 1999), or B-OTH/I-OTH: a name of
// another kind (a nationality, product, event, work), which the model may learn to tell
// apart from PER/ORG/LOC but which never becomes a mention. Decoding repairs sequences a
// greedy labeller can produce, as conlleval does: an I-T that does not continue a mention of
// type T (it follows O, or a mention of another type) begins a new mention of type T.
//
//   std::vector<LabelSpan> spans;
//   DecodeSpans({BioLabel::kBPer, BioLabel::kIPer, BioLabel::kO, BioLabel::kILoc}, spans);
//   // spans: {0, 2, PER}, {3, 4, LOC}
//
// Thread-safety: stateless functions.
#ifndef KHABAR_NER_LABELS_H_
#define KHABAR_NER_LABELS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "khabar/doc/entities.h"

namespace khabar::ner {

using doc::EntityType;

// Serialised (the labels section of the model): never renumber.
enum class BioLabel : uint8_t {
  kO = 0,
  kBPer = 1,
  kIPer = 2,
  kBOrg = 3,
  kIOrg = 4,
  kBLoc = 5,
  kILoc = 6,
  kBOth = 7,
  kIOth = 8,
};
inline constexpr uint32_t kLabelCount = 9;

// 0 for O, 1..3 for PER/ORG/LOC (the EntityType values), 4 for OTH.
inline uint8_t LabelGroup(BioLabel label) { return (static_cast<uint8_t>(label) + 1) / 2; }
inline constexpr uint8_t kOtherGroup = 4;
// kNone for O and OTH.
inline EntityType LabelType(BioLabel label) {
  const uint8_t group = LabelGroup(label);
  return group == kOtherGroup ? EntityType::kNone : static_cast<EntityType>(group);
}
inline bool IsBegin(BioLabel label) { return static_cast<uint8_t>(label) % 2 == 1; }
inline bool IsInside(BioLabel label) {
  return label != BioLabel::kO && static_cast<uint8_t>(label) % 2 == 0;
}
// REQUIRES: type != kNone.
inline BioLabel MakeLabel(EntityType type, bool begin) {
  return static_cast<BioLabel>(static_cast<uint8_t>(type) * 2 - (begin ? 1 : 0));
}
// True when `label` may follow `previous` in a well-formed IOB2 sequence: I-T only after
// B-T or I-T. `previous` is nullopt at the sentence start.
inline bool AllowedAfter(std::optional<BioLabel> previous, BioLabel label) {
  if (!IsInside(label)) return true;
  return previous.has_value() && *previous != BioLabel::kO &&
         LabelGroup(*previous) == LabelGroup(label);
}

// "O", "B-PER", ...
std::string_view LabelName(BioLabel label);

// What an IOB2 tag column says.
struct ParsedTag {
  BioLabel label = BioLabel::kO;
  bool other_type = false;  // B-/I- of a type other than PER/ORG/LOC
};
// Parses "O", "B-X" or "I-X". X in PER/ORG/LOC gives that label, OTH gives B-OTH/I-OTH;
// any other nonempty X (the UNER pre-release's stray "B-O") gives O. other_type is set for
// both. nullopt for anything else ("", "B-", "X-PER", "b-per").
std::optional<ParsedTag> ParseTag(std::string_view tag);

// A mention as a half-open range of word positions within one sentence.
struct LabelSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  EntityType type = EntityType::kNone;
  friend bool operator==(const LabelSpan&, const LabelSpan&) = default;
};

// Replaces `spans` with the PER/ORG/LOC mentions of `labels`, in order, using the repair
// rule above. OTH names are decoded the same way but left out.
void DecodeSpans(std::span<const BioLabel> labels, std::vector<LabelSpan>& spans);

}  // namespace khabar::ner

#endif  // KHABAR_NER_LABELS_H_
