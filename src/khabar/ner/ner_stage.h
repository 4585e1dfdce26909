// NerStage: finds PER, ORG and LOC mentions in a tagged Document. It reads the word layer
// (forms, UPOS, XPOS from the tag stage; doc/words.h) sentence by sentence, labels it with
// the Recognizer and writes one doc::EntityMention per mention (doc/entities.h).
//
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<ner::NerStage> stage,
//                       ner::NerStage::Create(ner::DefaultNerModelPath()));
//   doc::EntityLayer entities;
//   KH_RETURN_IF_ERROR(stage->Annotate(document, entities));  // after the tag stage
//
// Thread-safety: immutable after Create; Process and Annotate may run on many documents at
// once (each call with its own scratch).
#ifndef KHABAR_NER_NER_STAGE_H_
#define KHABAR_NER_NER_STAGE_H_

#include <memory>
#include <string>
#include <string_view>

#include "khabar/base/status.h"
#include "khabar/doc/entities.h"
#include "khabar/doc/stage.h"
#include "khabar/ner/recognizer.h"

namespace khabar::ner {

class NerStage : public doc::Stage {
 public:
  // Loads the model at `model_path` (see Recognizer::Load).
  static StatusOr<std::unique_ptr<NerStage>> Create(const std::string& model_path);
  explicit NerStage(std::unique_ptr<Recognizer> recognizer) : recognizer_(std::move(recognizer)) {}

  std::string_view name() const override { return "ner"; }
  // Checks the document and finds its mentions.
  // TODO(#4): store them in Document::entities once the Document has an EntityLayer;
  // until then they are discarded and callers use Annotate.
  Status Process(doc::Document& document) const override;

  // Replaces entities.mentions with the mentions of `document`, in document order.
  // FailedPrecondition when the tag stage has not run; InvalidArgument when the word layer
  // does not match the document's sentences or text.
  Status Annotate(const doc::Document& document, doc::EntityLayer& entities) const;
  // The same with caller-owned scratch, reused across documents by one worker.
  Status Annotate(const doc::Document& document, doc::EntityLayer& entities,
                  NerScratch& scratch) const;

  const Recognizer& recognizer() const { return *recognizer_; }

 private:
  void AnnotateSentence(const doc::Document& document, doc::SentenceWords sentence,
                        doc::EntityLayer& entities, NerScratch& scratch) const;

  std::unique_ptr<Recognizer> recognizer_;
};

}  // namespace khabar::ner

#endif  // KHABAR_NER_NER_STAGE_H_
