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

// When (src/khabar/when/): the event's own date, from a temporal expression of its clause
// resolved against the publication date, else the publication date itself.
enum class DatePrecision : uint8_t { kNone = 0, kYear, kMonth, kDay };

struct EventDate {
  int year = 0;
  int month = 0;  // 1-12; 0 below month precision
  int day = 0;    // 1-31; 0 below day precision
  DatePrecision precision = DatePrecision::kNone;  // kNone: not resolved yet
  bool from_text = false;  // true: resolved from `span`; false: the publication date
  Span span;               // bytes of Document::text of the expression; empty when none
};

// Where (src/khabar/where/): the place the event happened, a GeoNames city or an admin1 or
// country.
enum class PlacePrecision : uint8_t { kNone = 0, kCountry, kAdmin1, kCity };

struct EventPlace {
  std::string name;       // GeoNames (or iso-codes) name: "Benghazi"
  int64_t geonameid = 0;  // 0 when the place has no GeoNames id
  std::string country;    // ISO 3166-1 alpha-2: "LY"
  double lat = 0;
  double lon = 0;
  PlacePrecision precision = PlacePrecision::kNone;  // kNone: no place
  Span span;              // bytes of Document::text of the place name
  bool has_coordinates = false;  // false: lat and lon are not known (countries and admin1
                                 // regions from iso-codes); printed as null
};

// How many (src/khabar/counts/): a count reported for the event; value -1 when none.
struct EventCount {
  int64_t value = -1;
  Span span;  // bytes of Document::text of the number phrase ("over 450")
  bool cumulative = false;  // a toll to date ("since the offensive began", "the toll rose
                            // to"), not the event's own figure (docs/formats/counts.md)
};

struct EventCounts {
  EventCount killed;
  EventCount injured;
  EventCount displaced;
  EventCount arrested;
  EventCount kidnapped;
};

// Who says so and how sure (attribution).
enum class Certainty : uint8_t { kAsserted = 0, kReported, kAlleged, kDenied, kHypothetical, kNegated };

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

  // Filled by the stages after the coder; the defaults mean "not resolved".
  EventDate date;
  EventPlace place;
  EventCounts counts;
  Certainty certainty = Certainty::kAsserted;
  Span attributed_to;  // bytes of Document::text naming who says so ("state TV"); empty: none
};

// "day", "month", "year", or "" for kNone.
std::string_view DatePrecisionName(DatePrecision precision);
// "city", "admin1", "country", or "" for kNone.
std::string_view PlacePrecisionName(PlacePrecision precision);
// "asserted", "reported", "alleged", "denied", "hypothetical", "negated".
std::string_view CertaintyName(Certainty certainty);
// "2019-05-28", "2019-05", "2019"; "" for kNone.
std::string FormatEventDate(const EventDate& date);

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
