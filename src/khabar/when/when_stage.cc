#include "khabar/when/when_stage.h"

#include "khabar/when/date_resolver.h"

namespace khabar::when {

Status WhenStage::Process(doc::Document& document) const {
  if (document.events.events.empty()) return Status();
  DocumentDates dates(document);
  for (doc::Event& event : document.events.events)
    event.date = dates.DateOf(event.sentence, event.verb);
  return Status();
}

}  // namespace khabar::when
