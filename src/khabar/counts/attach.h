// Attaching counts to events: the figures of one sentence ("over 450 people", "dozens",
// "a soldier"), each read as killed, injured, displaced, arrested or kidnapped through the
// casualty predicate that governs it, and given to the event that predicate belongs to
// (docs/formats/counts.md).
//
//   std::vector<counts::Anchor> anchors = {{event.verb, event.root, event.quad_class}};
//   std::vector<doc::EventCounts> found = counts::AttachCounts(document, event.sentence, anchors);
//   // found[0].killed.value == 450
//
// Thread-safety: a pure function of the Document; allocates per call.
#ifndef KHABAR_COUNTS_ATTACH_H_
#define KHABAR_COUNTS_ATTACH_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "khabar/doc/document.h"

namespace khabar::counts {

// An event of the sentence, or a verb that may carry one.
struct Anchor {
  doc::WordIndex verb = doc::kNoHead;  // WordLayer index of the event's verb
  std::string_view root;               // CAMEO root ("19"); empty: not coded
  int quad_class = 0;                  // 0: not coded
};

// The counts of `sentence` that belong to each anchor, parallel to `anchors`; a count with
// no anchor to take it is dropped. REQUIRES: document.words.parsed().
std::vector<doc::EventCounts> AttachCounts(const doc::Document& document, uint32_t sentence,
                                           std::span<const Anchor> anchors);

}  // namespace khabar::counts

#endif  // KHABAR_COUNTS_ATTACH_H_
