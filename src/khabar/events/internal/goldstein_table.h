// The bytes of events/data/goldstein.tsv, compiled in by CMake (goldstein_table.cc.in).
#ifndef KHABAR_EVENTS_INTERNAL_GOLDSTEIN_TABLE_H_
#define KHABAR_EVENTS_INTERNAL_GOLDSTEIN_TABLE_H_

#include <string_view>

namespace khabar::events::internal {

extern const std::string_view kGoldsteinTable;

}  // namespace khabar::events::internal

#endif  // KHABAR_EVENTS_INTERNAL_GOLDSTEIN_TABLE_H_
