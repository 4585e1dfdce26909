#include "khabar/events/coding_trace.h"

namespace khabar::events {

const char* OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kEvent:
      return "event";
    case Outcome::kAbsorbed:
      return "absorbed";
    case Outcome::kNullCode:
      return "null code";
    case Outcome::kNoSource:
      return "no source";
    case Outcome::kNoTarget:
      return "no target";
    case Outcome::kSameActor:
      return "same actor";
    case Outcome::kDuplicate:
      return "duplicate";
    case Outcome::kDiscardedClause:
      return "discarded clause";
    case Outcome::kDiscardedSentence:
      return "discarded sentence";
    case Outcome::kAttribution:
      return "attribution";
  }
  return "unknown";
}

}  // namespace khabar::events
