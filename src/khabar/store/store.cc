#include "khabar/store/store.h"

#include <cstdint>
#include <string>

namespace khabar::store {
namespace {

Status BadDocument(const doc::Document& document, const std::string& what) {
  return InvalidArgumentError("document '" + document.id + "' (" + document.source_path + ":" +
                              std::to_string(document.source_line) + "): " + what);
}

Status ValidateSentence(const doc::Document& document, size_t sentence_idx) {
  const doc::Sentence& sentence = document.sentences[sentence_idx];
  const std::string where = "sentence " + std::to_string(sentence_idx);
  if (sentence.span.begin > sentence.span.end || sentence.span.end > document.text.size()) {
    return BadDocument(document, where + " span lies outside the normalised text");
  }
  const doc::Span raw = document.offsets.ToRawSpan(sentence.span);
  if (raw.begin > raw.end || raw.end > document.raw.size()) {
    return BadDocument(document, where + " maps outside the raw text");
  }
  if (sentence.token_begin > sentence.token_end || sentence.token_end > document.tokens.size()) {
    return BadDocument(document, where + " token range lies outside the tokens");
  }
  return Status::Ok();
}

}  // namespace

Status ValidateDocument(const doc::Document& document) {
  if (document.id.empty()) return BadDocument(document, "empty id");
  if (document.content_hash == 0) return BadDocument(document, "content_hash not computed");
  if (document.source_line > static_cast<uint64_t>(INT64_MAX)) {
    return BadDocument(document, "source_line out of range");
  }
  for (size_t sentence_idx = 0; sentence_idx < document.sentences.size(); ++sentence_idx) {
    KH_RETURN_IF_ERROR(ValidateSentence(document, sentence_idx));
  }
  return Status::Ok();
}

}  // namespace khabar::store
