#include "khabar/store/internal/event_columns.h"

#include <charconv>
#include <system_error>

namespace khabar::store::internal {

double GoldsteinColumn(float goldstein) {
  char buffer[32];
  const std::to_chars_result written = std::to_chars(buffer, buffer + sizeof buffer, goldstein);
  double value = goldstein;
  if (written.ec == std::errc()) std::from_chars(buffer, written.ptr, value);
  return value;
}

DateColumns EventDateColumns(const doc::Document& document, const doc::Event& event) {
  if (event.date.precision != doc::DatePrecision::kNone) {
    return {doc::DatePrecisionName(event.date.precision),
            event.date.from_text ? "text" : "publication"};
  }
  if (document.published.empty()) return {"", ""};
  return {"day", "publication"};
}

}  // namespace khabar::store::internal
