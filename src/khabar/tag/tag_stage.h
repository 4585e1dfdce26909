// TagStage: splits each surface token into syntactic words (MultiwordSplitter), tags them
// with UPOS and XPOS and lemmatizes them, writing Document::words (doc/words.h).
//
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<tag::TagStage> stage,
//                       tag::TagStage::Create(tag::DefaultTaggerModelPath()));
//   KH_RETURN_IF_ERROR(stage->Process(document));  // after the text stage
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
#include "khabar/doc/words.h"
#include "khabar/tag/tagger.h"

namespace khabar::tag {

class TagStage : public doc::Stage {
 public:
  // Loads the model at `model_path` (see Tagger::Load).
  static StatusOr<std::unique_ptr<TagStage>> Create(const std::string& model_path);
  explicit TagStage(std::unique_ptr<Tagger> tagger);

  std::string_view name() const override { return "tag"; }
  // Replaces document.words with the words of the document (which the text stage has
  // tokenized). InvalidArgument if a token or sentence lies outside the text.
  Status Process(doc::Document& document) const override;
  // The same with caller-owned scratch, reused across documents by one worker.
  Status Process(doc::Document& document, TagScratch& scratch) const;

  std::string_view XposName(uint16_t xpos) const { return tagger_->XposName(xpos); }
  const Tagger& tagger() const { return *tagger_; }

 private:
  void AnnotateSentence(const doc::Document& document, const doc::Sentence& sentence,
                        doc::WordLayer& layer, TagScratch& scratch) const;

  std::unique_ptr<Tagger> tagger_;
  doc::NameTable xpos_names_;
};

}  // namespace khabar::tag

#endif  // KHABAR_TAG_TAG_STAGE_H_
