// Stage: one step of the pipeline, annotating a Document in place.
//
// A stage holds only immutable, loaded state (models, dictionaries) and may be shared by
// worker threads; per-call scratch lives in the Document's arena. The pipeline makes one
// virtual call per stage per document.
//
//   class TextStage : public doc::Stage {
//     std::string_view name() const override { return "text"; }
//     Status Process(doc::Document& document) const override;
//   };
#ifndef KHABAR_DOC_STAGE_H_
#define KHABAR_DOC_STAGE_H_

#include <string_view>

#include "khabar/base/status.h"
#include "khabar/doc/document.h"

namespace khabar::doc {

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  // Annotates `document`. A non-OK status quarantines this document only.
  virtual Status Process(Document& document) const = 0;
};

}  // namespace khabar::doc

#endif  // KHABAR_DOC_STAGE_H_
