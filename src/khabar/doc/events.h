// The event layer of a Document: who did what to whom, coded in CAMEO, with the pattern
// that produced each event (events stage, src/khabar/events/).
//
//   events::EventStage stage(dictionaries, codebook);
//   doc::EventLayer layer;
//   KH_RETURN_IF_ERROR(stage.Annotate(document, context, layer));
//   for (const doc::Event& event : layer.events)
//     fmt::print("{} {} {} {}\n", event.source.code, event.cameo, event.target.code, event.pattern);
//
// Codes are short strings ("EGYMIL", "0332"); everything else points into the Document by
// word index or byte span. See docs/formats/events.md for how each field is computed.
//
// Thread-safety: plain data, one writer at a time.
#ifndef KHABAR_DOC_EVENTS_H_
#define KHABAR_DOC_EVENTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/doc/span.h"
#include "khabar/doc/words.h"

namespace khabar::doc {

// One side of an event: an actor found in a dependency subtree.
struct EventArgument {
  WordIndex head = kNoHead;  // the argument's head word (WordLayer index)
  Span span;                 // bytes of Document::text covered by the argument's words
  std::string code;          // composed CAMEO actor code: "EGYMIL", "NGOARN", or an
                             // agent-only code such as "MIL" when no country is named
  std::string actor;         // canonical actor name as the dictionary writes it, or empty
                             // for an agent-only code

  bool empty() const { return code.empty(); }
};

struct Event {
  uint32_t sentence = 0;      // index into Document::sentences
  WordIndex verb = kNoHead;   // the verb that carries the event (WordLayer index)
  EventArgument source;
  EventArgument target;
  std::string cameo;          // "0332"; 2 to 4 digits
  std::string root;           // the first two digits: "03"
  int quad_class = 0;         // 1 verbal coop (01-05), 2 material coop (06-08),
                              // 3 verbal conflict (09-13), 4 material conflict (14-20)
  float goldstein = 0;        // Goldstein (1992) weight, -10 .. +10
  std::string plover;         // PLOVER event type ("AGREE"), empty when unmapped
  bool negated = false;       // the sentence negates or denies the event
  std::string pattern;        // the verb pattern as written, or the verb line when the
                              // verb's default code was used
  std::string pattern_source; // "CAMEO.2.0.txt:719"
};

struct EventLayer {
  std::vector<Event> events;

  void Clear() { events.clear(); }
};

// The recipes shared by every writer of events (the JSON Lines output, the store), so that
// an event looks the same wherever it is read.

// A stable id: XXH3-64 of the document id, sentence, verb, source code, cameo and target
// code joined by 0x1F, as 16 lower-case hex digits. The same article, sentence, verb and
// codes give the same id on every run.
std::string EventId(std::string_view document_id, const Event& event);
// The country part of an actor code ("EGY" of "EGYMIL"), or empty when the code names no
// country: an agent-only code (no actor name) or an international prefix (IGO, NGO, IMG,
// MNC, UIS, INT, ---, XXX).
std::string_view EventCountry(const EventArgument& argument);
// An actor's dictionary phrase as a name: "ABDEL_FATTAH_AL-SISI" -> "Abdel Fattah Al-Sisi";
// a one-word phrase of up to four letters stays an acronym ("UN", "NATO").
std::string ActorDisplayName(std::string_view phrase);

}  // namespace khabar::doc

#endif  // KHABAR_DOC_EVENTS_H_
