#include "khabar/counts/counts_stage.h"

#include <fmt/format.h>

#include <vector>

#include "khabar/counts/attach.h"

namespace khabar::counts {
namespace {

// Codes every event of `sentence`, events[begin, end).
void CountSentence(doc::Document& document, size_t begin, size_t end) {
  std::vector<doc::Event>& events = document.events.events;
  std::vector<Anchor> anchors;
  anchors.reserve(end - begin);
  for (size_t index = begin; index < end; ++index) {
    anchors.push_back(Anchor{events[index].verb, events[index].root, events[index].quad_class});
  }
  std::vector<doc::EventCounts> found = AttachCounts(document, events[begin].sentence, anchors);
  for (size_t index = begin; index < end; ++index) events[index].counts = found[index - begin];
}

}  // namespace

Status CountsStage::Process(doc::Document& document) const {
  std::vector<doc::Event>& events = document.events.events;
  if (events.empty() || !document.words.parsed()) return Status();
  for (const doc::Event& event : events) {
    if (event.sentence >= document.words.sentences.size()) {
      return InvalidArgumentError(fmt::format("event in sentence {} of a document of {} sentences",
                                              event.sentence, document.words.sentences.size()));
    }
  }
  // The coder writes a sentence's events together; a run of one sentence is one call.
  for (size_t begin = 0; begin < events.size();) {
    size_t end = begin + 1;
    while (end < events.size() && events[end].sentence == events[begin].sentence) ++end;
    CountSentence(document, begin, end);
    begin = end;
  }
  return Status();
}

}  // namespace khabar::counts
