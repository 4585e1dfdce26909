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

Status ValidateArgument(const doc::Document& document, const doc::EventArgument& argument,
                        const std::string& where) {
  if (argument.empty()) return Status::Ok();
  if (argument.span.begin > argument.span.end || argument.span.end > document.text.size()) {
    return BadDocument(document, where + " span lies outside the normalised text");
  }
  const doc::Span raw = document.offsets.ToRawSpan(argument.span);
  if (raw.begin > raw.end || raw.end > document.raw.size()) {
    return BadDocument(document, where + " maps outside the raw text");
  }
  return Status::Ok();
}

Status ValidateEvent(const doc::Document& document, size_t event_idx) {
  const doc::Event& event = document.events.events[event_idx];
  const std::string where = "event " + std::to_string(event_idx);
  if (event.sentence >= document.sentences.size()) {
    return BadDocument(document, where + " names sentence " + std::to_string(event.sentence) +
                                     " of " + std::to_string(document.sentences.size()));
  }
  if (event.quad_class < 0 || event.quad_class > 4) {
    return BadDocument(document, where + " quad_class " + std::to_string(event.quad_class) +
                                     " is outside 0..4");
  }
  KH_RETURN_IF_ERROR(ValidateArgument(document, event.source, where + " source"));
  return ValidateArgument(document, event.target, where + " target");
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
  for (size_t event_idx = 0; event_idx < document.events.events.size(); ++event_idx) {
    KH_RETURN_IF_ERROR(ValidateEvent(document, event_idx));
  }
  return Status::Ok();
}

}  // namespace khabar::store
