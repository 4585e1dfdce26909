#include "khabar/events/event_stage.h"

#include <cctype>
#include <string>
#include <string_view>

#include "khabar/events/internal/code_algebra.h"
#include "khabar/events/internal/sentence_coder.h"

namespace khabar::events {
namespace {

// True when a story-level discard phrase occurs anywhere in the document; *sentence and
// *discard are then where and which.
bool StoryDiscarded(const doc::Document& document, const dict::DiscardList& discards,
                    uint32_t* sentence, uint32_t* discard) {
  const doc::WordLayer& layer = document.words;
  for (uint32_t at = 0; at < layer.sentences.size(); ++at) {
    const doc::SentenceWords& range = layer.sentences[at];
    std::vector<std::string_view> tokens;
    for (doc::WordIndex word = range.word_begin; word < range.word_end; ++word) {
      tokens.push_back(layer.Form(document.text, layer.words[word]));
    }
    for (const dict::PhraseMatch& match : discards.FindDiscards(tokens)) {
      if (discards.discards()[match.values[0]].scope == dict::DiscardScope::kStory) {
        *sentence = at;
        *discard = match.values[0];
        return true;
      }
    }
  }
  return false;
}

}  // namespace

dict::Date ArticleDate(const doc::Document& document) {
  std::string digits;
  for (char c : document.published) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  }
  constexpr size_t kDateDigits = 8;
  if (digits.size() != kDateDigits) return dict::Date::Max();
  std::string note;
  std::optional<dict::Date> date = dict::ParseDictionaryDate(digits, &note);
  return date ? *date : dict::Date::Max();
}

EventStage::EventStage(const dict::Dictionaries& dictionaries, const CameoCodebook& codebook)
    : dictionaries_(&dictionaries),
      codebook_(&codebook),
      resolver_(dictionaries.actors, dictionaries.agents),
      algebra_(std::make_unique<internal::CodeAlgebra>(dictionaries.ontology)) {}

EventStage::~EventStage() = default;
EventStage::EventStage(EventStage&&) noexcept = default;
EventStage& EventStage::operator=(EventStage&&) noexcept = default;

Status EventStage::Annotate(const doc::Document& document, const CodingContext& context,
                            doc::EventLayer& layer) const {
  return Annotate(document, context, layer, nullptr);
}

Status EventStage::Annotate(const doc::Document& document, const CodingContext& context,
                            doc::EventLayer& layer, std::vector<SentenceTrace>* trace) const {
  if (!document.words.parsed()) {
    return FailedPreconditionError("events: document " + document.id + " has no dependency parse");
  }
  if (trace != nullptr) trace->clear();
  uint32_t story_sentence = 0;
  uint32_t story_discard = 0;
  const bool story_discarded =
      StoryDiscarded(document, dictionaries_->discards, &story_sentence, &story_discard);
  if (story_discarded && trace == nullptr) return Status::Ok();
  internal::CoderResources resources;
  resources.dictionaries = dictionaries_;
  resources.codebook = codebook_;
  resources.algebra = algebra_.get();
  std::unique_ptr<ActorResolver> document_resolver;
  if (context.resolver == nullptr && factory_ != nullptr) {
    document_resolver = factory_->ForDocument(document, resolver_, context.date);
  }
  resources.resolver = context.resolver != nullptr ? context.resolver
                       : document_resolver != nullptr ? document_resolver.get()
                                                      : &resolver_;
  resources.date = context.date;
  resources.future_is_intent = context.future_is_intent;
  if (trace == nullptr) {
    for (uint32_t sentence = 0; sentence < document.words.sentences.size(); ++sentence) {
      internal::CodeSentence(document, sentence, resources, &layer.events);
    }
    return Status::Ok();
  }
  DiscardTrace story;
  if (story_discarded) {
    story = internal::MakeDiscardTrace(dictionaries_->discards, story_discard, story_sentence);
  }
  trace->resize(document.words.sentences.size());
  for (uint32_t sentence = 0; sentence < document.words.sentences.size(); ++sentence) {
    SentenceTrace& sentence_trace = (*trace)[sentence];
    sentence_trace.sentence = sentence;
    if (story_discarded) {
      internal::TraceDiscardedSentence(document, sentence, resources, story, &sentence_trace);
    } else {
      internal::CodeSentence(document, sentence, resources, &layer.events, &sentence_trace);
    }
  }
  return Status::Ok();
}

}  // namespace khabar::events
