// Column conversions the store applies to a coded event (events and reports tables,
// docs/formats/schema.md). The event id, country and actor name come from the recipes the
// JSON output shares (doc::EventId, doc::EventCountry, doc::ActorDisplayName).
//
//   insert.BindDouble(k, internal::GoldsteinColumn(event.goldstein));
//
// Thread-safety: pure functions.
#ifndef KHABAR_STORE_INTERNAL_EVENT_COLUMNS_H_
#define KHABAR_STORE_INTERNAL_EVENT_COLUMNS_H_

#include <string>
#include <string_view>

#include "khabar/doc/document.h"

namespace khabar::store::internal {

// The Goldstein weight as the double with the float's shortest decimal form (2.8f -> 2.8,
// not 2.799999952316284), so SQL comparisons with literals work.
double GoldsteinColumn(float goldstein);

// events.date_precision and events.date_from of an event: its own date's ("day", "text"), else
// the publication date's ("day", "publication"), else "" for an undated document, as the event
// JSON does (events/event_json.cc).
struct DateColumns {
  std::string_view precision;
  std::string_view from;
};
DateColumns EventDateColumns(const doc::Document& document, const doc::Event& event);

}  // namespace khabar::store::internal

#endif  // KHABAR_STORE_INTERNAL_EVENT_COLUMNS_H_
