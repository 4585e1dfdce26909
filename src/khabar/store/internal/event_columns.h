// The column values of one coded event as the store writes them (events and reports tables,
// docs/formats/schema.md). They repeat the recipes of the event JSON (events/event_json.cc)
// without depending on khabar::events, which the store may not link: the event id, the
// country part of an actor code and the display form of an actor name. event_columns_test.cc
// pins each recipe on known inputs, so a change on either side shows up as a test failure.
//
//   const std::string id = internal::EventId(document, event);   // "3f0c…", 16 hex digits
//
// Thread-safety: pure functions.
#ifndef KHABAR_STORE_INTERNAL_EVENT_COLUMNS_H_
#define KHABAR_STORE_INTERNAL_EVENT_COLUMNS_H_

#include <string>
#include <string_view>

#include "khabar/doc/document.h"

namespace khabar::store::internal {

// events::EventId: XXH3-64 of document id, sentence, verb, source code, cameo and target code
// joined by 0x1F, as 16 lower-case hex digits. Same article, sentence, verb and codes give
// the same id on every run.
std::string EventId(const doc::Document& document, const doc::Event& event);

// events::CountryOf: "EGY" of "EGYMIL"; empty for an agent-only code (no actor name) or an
// international prefix (IGO, NGO, IMG, MNC, UIS, INT, ---, XXX).
std::string_view CountryOf(const doc::EventArgument& argument);

// The JSON's actor name: "ABDEL_FATTAH_AL-SISI" -> "Abdel Fattah Al-Sisi".
std::string ActorDisplayName(std::string_view phrase);

// The Goldstein weight as the double with the float's shortest decimal form (2.8f -> 2.8,
// not 2.799999952316284), so SQL comparisons with literals work.
double GoldsteinColumn(float goldstein);

}  // namespace khabar::store::internal

#endif  // KHABAR_STORE_INTERNAL_EVENT_COLUMNS_H_
