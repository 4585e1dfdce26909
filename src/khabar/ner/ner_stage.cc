#include "khabar/ner/ner_stage.h"

#include <utility>

namespace khabar::ner {
namespace {

// The checks that make every Form() and index of AnnotateSentence safe.
Status CheckWordLayer(const doc::Document& document) {
  const doc::WordLayer& layer = document.words;
  if (layer.xpos_names == nullptr && !document.sentences.empty()) {
    return FailedPreconditionError("ner stage: the document has not been tagged");
  }
  if (layer.sentences.size() != document.sentences.size()) {
    return InvalidArgumentError("ner stage: word layer does not match the sentences");
  }
  doc::WordIndex previous_end = 0;
  for (const doc::SentenceWords& sentence : layer.sentences) {
    if (sentence.word_begin < previous_end || sentence.word_begin > sentence.word_end ||
        sentence.word_end > layer.words.size()) {
      return InvalidArgumentError("ner stage: sentence outside the word layer");
    }
    previous_end = sentence.word_end;
  }
  for (const doc::Word& word : layer.words) {
    const doc::Span& span = word.form.empty() ? word.span : word.form;
    const size_t limit = word.form.empty() ? document.text.size() : layer.strings.size();
    if (span.begin > span.end || span.end > limit) {
      return InvalidArgumentError("ner stage: word outside the text");
    }
  }
  return Status::Ok();
}

}  // namespace

StatusOr<std::unique_ptr<NerStage>> NerStage::Create(const std::string& model_path) {
  KH_ASSIGN_OR_RETURN(std::unique_ptr<Recognizer> recognizer, Recognizer::Load(model_path));
  return std::make_unique<NerStage>(std::move(recognizer));
}

Status NerStage::Process(doc::Document& document) const {
  return Annotate(document, document.entities);
}

Status NerStage::Annotate(const doc::Document& document, doc::EntityLayer& entities) const {
  NerScratch scratch;
  return Annotate(document, entities, scratch);
}

Status NerStage::Annotate(const doc::Document& document, doc::EntityLayer& entities,
                          NerScratch& scratch) const {
  entities.Clear();
  KH_RETURN_IF_ERROR(CheckWordLayer(document));
  for (const doc::SentenceWords& sentence : document.words.sentences) {
    AnnotateSentence(document, sentence, entities, scratch);
  }
  return Status::Ok();
}

void NerStage::AnnotateSentence(const doc::Document& document, doc::SentenceWords sentence,
                                doc::EntityLayer& entities, NerScratch& scratch) const {
  const doc::WordLayer& layer = document.words;
  scratch.words_.clear();
  for (doc::WordIndex index = sentence.word_begin; index < sentence.word_end; ++index) {
    const doc::Word& word = layer.words[index];
    scratch.words_.push_back({layer.Form(document.text, word), word.upos, layer.XposName(word)});
  }
  const size_t count = scratch.words_.size();
  if (count == 0) return;
  scratch.bio_.resize(count);
  scratch.confidence_.resize(count);
  recognizer_->Label(scratch.words_, scratch, scratch.bio_, scratch.confidence_);
  DecodeSpans(scratch.bio_, scratch.spans_);
  for (const LabelSpan& span : scratch.spans_) {
    float sum = 0.0f;
    for (uint32_t offset = span.begin; offset < span.end; ++offset)
      sum += scratch.confidence_[offset];
    entities.mentions.push_back({sentence.word_begin + span.begin, sentence.word_begin + span.end,
                                 span.type, sum / static_cast<float>(span.end - span.begin)});
  }
}

}  // namespace khabar::ner
