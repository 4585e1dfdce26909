#include "khabar/tag/tag_stage.h"

namespace khabar::tag {

StatusOr<std::unique_ptr<TagStage>> TagStage::Create(const std::string& model_path) {
  KH_ASSIGN_OR_RETURN(std::unique_ptr<Tagger> tagger, Tagger::Load(model_path));
  return std::make_unique<TagStage>(std::move(tagger));
}

TagStage::TagStage(std::unique_ptr<Tagger> tagger)
    : tagger_(std::move(tagger)),
      xpos_names_(std::make_shared<const std::vector<std::string>>(tagger_->parts().xpos_names)) {}

Status TagStage::Process(doc::Document& document) const {
  TagScratch scratch;
  return Process(document, scratch);
}

Status TagStage::Process(doc::Document& document, TagScratch& scratch) const {
  doc::WordLayer& layer = document.words;
  layer.Clear();
  for (const doc::Sentence& sentence : document.sentences) {
    if (sentence.token_begin > sentence.token_end || sentence.token_end > document.tokens.size()) {
      return InvalidArgumentError("tag stage: sentence outside the tokens");
    }
    for (doc::TokenIndex token = sentence.token_begin; token < sentence.token_end; ++token) {
      const doc::Span& span = document.tokens[token].span;
      if (span.begin > span.end || span.end > document.text.size()) {
        return InvalidArgumentError("tag stage: token outside the text");
      }
    }
  }
  layer.xpos_names = xpos_names_;
  layer.sentences.reserve(document.sentences.size());
  for (const doc::Sentence& sentence : document.sentences)
    AnnotateSentence(document, sentence, layer, scratch);
  return Status::Ok();
}

void TagStage::AnnotateSentence(const doc::Document& document, const doc::Sentence& sentence,
                                doc::WordLayer& layer, TagScratch& scratch) const {
  doc::SentenceWords sentence_words;
  sentence_words.word_begin = static_cast<doc::WordIndex>(layer.words.size());
  scratch.forms_.clear();
  WordPiece pieces[kMaxWordsPerToken];
  for (doc::TokenIndex token = sentence.token_begin; token < sentence.token_end; ++token) {
    const doc::Span& token_span = document.tokens[token].span;
    std::string_view token_text = token_span.In(document.text);
    size_t count = tagger_->multiwords().Split(token_text, pieces);
    for (size_t piece_idx = 0; piece_idx < count; ++piece_idx) {
      const WordPiece& piece = pieces[piece_idx];
      doc::Word word;
      word.span = {token_span.begin + piece.span.begin, token_span.begin + piece.span.end};
      word.token = token;
      if (!piece.form_in_token) {
        word.form = {static_cast<uint32_t>(layer.strings.size()), 0};
        layer.strings += piece.form;
        word.form.end = static_cast<uint32_t>(layer.strings.size());
      }
      layer.words.push_back(word);
      scratch.forms_.push_back(piece.form);
    }
  }
  sentence_words.word_end = static_cast<doc::WordIndex>(layer.words.size());
  scratch.labels_.resize(scratch.forms_.size());
  tagger_->Tag(scratch.forms_, scratch, scratch.labels_);
  for (size_t word_idx = 0; word_idx < scratch.forms_.size(); ++word_idx) {
    doc::Word& word = layer.words[sentence_words.word_begin + word_idx];
    uint16_t label = scratch.labels_[word_idx];
    word.upos = tagger_->upos(label);
    word.xpos = tagger_->xpos(label);
    word.lemma.begin = static_cast<uint32_t>(layer.strings.size());
    tagger_->lemmatizer().Lemmatize(scratch.forms_[word_idx], word.xpos, layer.strings);
    word.lemma.end = static_cast<uint32_t>(layer.strings.size());
  }
  layer.sentences.push_back(sentence_words);
}

}  // namespace khabar::tag
