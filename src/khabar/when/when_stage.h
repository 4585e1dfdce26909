// WhenStage: the event's own date (pipeline stage 8). For each event of the Document it
// picks the temporal expression of the event's clause, resolves it against the
// publication date and sets Event::date; an event whose clause names no time gets the
// publication date (from_text false). Rules and examples: docs/formats/when.md.
//
//   pipeline.Add(std::make_unique<when::WhenStage>());  // after the events stage
//
// Thread-safety: stateless; Process may run on many documents at once.
#ifndef KHABAR_WHEN_WHEN_STAGE_H_
#define KHABAR_WHEN_WHEN_STAGE_H_

#include <string_view>

#include "khabar/doc/stage.h"

namespace khabar::when {

class WhenStage : public doc::Stage {
 public:
  std::string_view name() const override { return "when"; }
  // Sets the date of every event in document.events; never fails.
  Status Process(doc::Document& document) const override;
};

}  // namespace khabar::when

#endif  // KHABAR_WHEN_WHEN_STAGE_H_
