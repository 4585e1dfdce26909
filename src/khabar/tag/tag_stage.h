// TagStage: splits each surface token into syntactic words (MultiwordSplitter), tags them
// with UPOS and XPOS and lemmatizes them, writing a WordLayer (annotations.h).
//
// doc::Document has no word layer yet, so Process() writes into the layer returned by
// the accessor given at construction (the lead wires `&document.words` once the field
// exists); Annotate() writes into a layer the caller owns.
//
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<tag::TagStage> stage,
//                       tag::TagStage::Create("models/tagger-en.khm"));
//   tag::WordLayer words;
//   KH_RETURN_IF_ERROR(stage->Annotate(document, words));
//
// Thread-safety: immutable after Create; Process and Annotate may run on many documents
// at once.
#ifndef KHABAR_TAG_TAG_STAGE_H_
#define KHABAR_TAG_TAG_STAGE_H_

#include <memory>
#include <string>
#include <string_view>

#include "khabar/base/status.h"
#include "khabar/doc/stage.h"
#include "khabar/tag/annotations.h"
#include "khabar/tag/tagger.h"

namespace khabar::tag {

class TagStage : public doc::Stage {
 public:
  // Where Process() writes: the document's word layer.
  using LayerAccessor = WordLayer* (*)(doc::Document& document);

  // Loads the model at `model_path` (see Tagger::Load).
  static StatusOr<std::unique_ptr<TagStage>> Create(const std::string& model_path,
                                                    LayerAccessor accessor = nullptr);
  TagStage(std::unique_ptr<Tagger> tagger, LayerAccessor accessor)
      : tagger_(std::move(tagger)), accessor_(accessor) {}

  std::string_view name() const override { return "tag"; }
  // Annotate() into accessor(document). FailedPrecondition without an accessor.
  Status Process(doc::Document& document) const override;

  // Replaces `layer` with the words of `document` (which the text stage has tokenized).
  // InvalidArgument if a token or sentence lies outside the text.
  Status Annotate(const doc::Document& document, WordLayer& layer) const;
  // The same with caller-owned scratch, reused across documents by one worker.
  Status Annotate(const doc::Document& document, WordLayer& layer, TagScratch& scratch) const;

  std::string_view XposName(uint16_t xpos) const { return tagger_->XposName(xpos); }
  const Tagger& tagger() const { return *tagger_; }

 private:
  void AnnotateSentence(const doc::Document& document, const doc::Sentence& sentence,
                        WordLayer& layer, TagScratch& scratch) const;

  std::unique_ptr<Tagger> tagger_;
  LayerAccessor accessor_;
};

}  // namespace khabar::tag

#endif  // KHABAR_TAG_TAG_STAGE_H_
