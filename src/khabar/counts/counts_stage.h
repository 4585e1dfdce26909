// CountsStage: stage 10 of the pipeline. Fills doc::Event::counts (killed, injured,
// displaced, arrested, kidnapped) with the figures of each event's sentence that belong to
// it (attach.h, docs/formats/counts.md).
//
//   pipeline.Add(std::make_unique<counts::CountsStage>());  // after the events stage
//
// Thread-safety: stateless; Process may run on many documents at once.
#ifndef KHABAR_COUNTS_COUNTS_STAGE_H_
#define KHABAR_COUNTS_COUNTS_STAGE_H_

#include <string_view>

#include "khabar/doc/stage.h"

namespace khabar::counts {

class CountsStage : public doc::Stage {
 public:
  std::string_view name() const override { return "counts"; }
  // Replaces every event's counts. A document without events or without a parse is left
  // as it is; an event whose sentence is out of range is InvalidArgument.
  Status Process(doc::Document& document) const override;
};

}  // namespace khabar::counts

#endif  // KHABAR_COUNTS_COUNTS_STAGE_H_
