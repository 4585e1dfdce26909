#include "khabar/parse/parse_stage.h"

#include <utility>

namespace khabar::parse {

StatusOr<std::unique_ptr<ParseStage>> ParseStage::Create(const std::string& model_path) {
  KH_ASSIGN_OR_RETURN(Parser parser, Parser::Load(model_path));
  return std::make_unique<ParseStage>(std::move(parser));
}

ParseStage::ParseStage(Parser parser)
    : parser_(std::move(parser)),
      deprel_names_(std::make_shared<const std::vector<std::string>>(parser_.parts().label_names)) {
  upos_ids_.resize(doc::kUposCount, kUnknownTag);
  for (int upos = 1; upos < doc::kUposCount; ++upos) {
    upos_ids_[upos] = parser_.UposId(doc::UposName(static_cast<doc::Upos>(upos)));
  }
}

Status ParseStage::Process(doc::Document& document) const {
  ParseStageScratch scratch;
  return Process(document, scratch);
}

Status ParseStage::Process(doc::Document& document, ParseStageScratch& scratch) const {
  doc::WordLayer& layer = document.words;
  if (layer.xpos_names == nullptr) {
    return FailedPreconditionError("parse stage: the document has not been tagged");
  }
  if (layer.sentences.size() != document.sentences.size()) {
    return InvalidArgumentError("parse stage: word layer does not match the sentences");
  }
  for (const doc::SentenceWords& sentence : layer.sentences) {
    if (sentence.word_begin > sentence.word_end || sentence.word_end > layer.words.size()) {
      return InvalidArgumentError("parse stage: sentence outside the word layer");
    }
  }
  scratch.xpos_ids.clear();
  for (const std::string& name : *layer.xpos_names) scratch.xpos_ids.push_back(parser_.XposId(name));
  for (const doc::SentenceWords& sentence : layer.sentences) {
    ParseSentence(document, sentence, scratch, layer);
  }
  layer.deprel_names = deprel_names_;
  return Status::Ok();
}

void ParseStage::ParseSentence(const doc::Document& document, doc::SentenceWords sentence,
                               ParseStageScratch& scratch, doc::WordLayer& layer) const {
  const size_t count = sentence.word_count();
  scratch.words.clear();
  for (doc::WordIndex index = sentence.word_begin; index < sentence.word_end; ++index) {
    const doc::Word& word = layer.words[index];
    Word input;
    input.form = layer.Form(document.text, word);
    input.upos = upos_ids_[static_cast<size_t>(word.upos) % upos_ids_.size()];
    input.xpos = word.xpos < scratch.xpos_ids.size() ? scratch.xpos_ids[word.xpos] : kUnknownTag;
    scratch.words.push_back(input);
  }
  scratch.heads.assign(count, 0);
  scratch.labels.assign(count, 0);
  if (count > 0) parser_.Parse(scratch.words, scratch.parser, scratch.heads, scratch.labels);
  for (size_t offset = 0; offset < count; ++offset) {
    doc::Word& word = layer.words[sentence.word_begin + offset];
    const int32_t head = scratch.heads[offset];
    word.head = head <= 0 ? doc::kRootHead : sentence.word_begin + static_cast<doc::WordIndex>(head - 1);
    word.deprel = scratch.labels[offset];
  }
}

}  // namespace khabar::parse
