#include "khabar/query/query_filter.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "khabar/store/actor_keys.h"

namespace khabar::query {
namespace {

bool AllDigits(std::string_view text) {
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return !text.empty();
}

int Number(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// YYYY, YYYY-MM or YYYY-MM-DD with a real month and day.
Status CheckDate(std::string_view date, std::string_view option) {
  auto bad = [&](std::string_view why) {
    return InvalidArgumentError("bad date '" + std::string(date) + "' for " + std::string(option) +
                                ": " + std::string(why));
  };
  const bool shape_ok = (date.size() == 4 || date.size() == 7 || date.size() == 10) &&
                        AllDigits(date.substr(0, 4)) &&
                        (date.size() == 4 || (date[4] == '-' && AllDigits(date.substr(5, 2)))) &&
                        (date.size() < 10 || (date[7] == '-' && AllDigits(date.substr(8, 2))));
  if (!shape_ok) return bad("expected YYYY, YYYY-MM or YYYY-MM-DD");
  if (date.size() == 4) return Status::Ok();
  const int month = Number(date.substr(5, 2));
  if (month < 1 || month > 12) return bad("no month " + std::to_string(month));
  if (date.size() == 7) return Status::Ok();
  const int year = Number(date.substr(0, 4));
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  const int day = Number(date.substr(8, 2));
  if (day < 1 || day > days) return bad("no day " + std::to_string(day) + " in that month");
  return Status::Ok();
}

void Upper(std::string* text) {
  for (char& c : *text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
}

bool AllAlnumUpper(std::string_view text) {
  for (const char c : text) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

Status CheckCircle(const GeoCircle& circle) {
  if (!(circle.radius_km > 0) || circle.radius_km > 20040) {
    return InvalidArgumentError("bad --radius-km " + std::to_string(circle.radius_km) +
                                ": expected a distance in km above 0 and at most 20040");
  }
  return Status::Ok();
}

}  // namespace

StatusOr<GeoCircle> ParseLatLon(std::string_view text) {
  auto bad = [&](std::string_view why) {
    return InvalidArgumentError("bad --near '" + std::string(text) + "': " + std::string(why));
  };
  const size_t comma = text.find(',');
  if (comma == std::string_view::npos) return bad("expected LAT,LON such as 32.11,20.07");
  double values[2] = {0, 0};
  const std::string_view parts[2] = {text.substr(0, comma), text.substr(comma + 1)};
  for (int i = 0; i < 2; ++i) {
    std::string_view part = parts[i];
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), values[i]);
    if (part.empty() || error != std::errc() || end != part.data() + part.size() ||
        !std::isfinite(values[i])) {
      return bad("expected LAT,LON such as 32.11,20.07");
    }
  }
  if (values[0] < -90 || values[0] > 90) return bad("latitude outside [-90, 90]");
  if (values[1] < -180 || values[1] > 180) return bad("longitude outside [-180, 180]");
  return GeoCircle{values[0], values[1], 0};
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthRadiusKm = 6371.0088;
  constexpr double kRadians = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRadians;
  const double dlon = (lon2 - lon1) * kRadians;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRadians) * std::cos(lat2 * kRadians) * std::sin(dlon / 2) *
                       std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

std::vector<std::string> ActorFilterKeys(std::string_view actor) { return store::ActorKeys(actor); }

bool LooksLikeActorCode(std::string_view actor) {
  if (actor.empty() || actor.size() % 3 != 0) return false;
  for (const char c : actor) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

Status NormalizeFilter(QueryFilter* filter) {
  if (!filter->actor.empty() && ActorFilterKeys(filter->actor).empty() &&
      !LooksLikeActorCode(filter->actor)) {
    return InvalidArgumentError("bad --actor '" + filter->actor + "': no name or code in it");
  }
  Upper(&filter->code);
  if (!AllAlnumUpper(filter->code)) {
    return InvalidArgumentError("bad --code '" + filter->code + "': expected a CAMEO actor code prefix such as LBYMIL");
  }
  if (!filter->cameo.empty() && (!AllDigits(filter->cameo) || filter->cameo.size() > 4)) {
    return InvalidArgumentError("bad --cameo '" + filter->cameo + "': expected 1 to 4 digits such as 19 or 0231");
  }
  if (!filter->root.empty() && (!AllDigits(filter->root) || filter->root.size() != 2)) {
    return InvalidArgumentError("bad --root '" + filter->root + "': expected two digits such as 19");
  }
  if (filter->quad_class < 0 || filter->quad_class > 4) {
    return InvalidArgumentError("bad --quad-class " + std::to_string(filter->quad_class) + ": expected 1 to 4");
  }
  Upper(&filter->plover);
  if (!filter->date_from.empty()) KH_RETURN_IF_ERROR(CheckDate(filter->date_from, "--from"));
  if (!filter->date_to.empty()) KH_RETURN_IF_ERROR(CheckDate(filter->date_to, "--to"));
  if (!filter->date_from.empty() && !filter->date_to.empty() &&
      filter->date_from.substr(0, filter->date_to.size()) > filter->date_to) {
    return InvalidArgumentError("bad date range: --from " + filter->date_from + " is after --to " +
                                filter->date_to);
  }
  Upper(&filter->country);
  if (!filter->country.empty() &&
      ((filter->country.size() != 2 && filter->country.size() != 3) ||
       !AllAlnumUpper(filter->country) || AllDigits(filter->country))) {
    return InvalidArgumentError("bad --country '" + filter->country +
                                "': expected ISO 3166-1 alpha-2 (LY: the event's place) or alpha-3 (LBY: an actor's country)");
  }
  if (filter->near.has_value()) KH_RETURN_IF_ERROR(CheckCircle(*filter->near));
  for (std::string& certainty : filter->certainty) {
    for (char& c : certainty) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    constexpr std::string_view kKnown[] = {"asserted", "reported", "alleged", "denied", "hypothetical", "negated"};
    bool known = false;
    for (const std::string_view name : kKnown) known = known || certainty == name;
    if (!known) {
      return InvalidArgumentError("bad --certainty '" + certainty +
                                  "': expected asserted, reported, alleged, denied, hypothetical or negated");
    }
  }
  return Status::Ok();
}

}  // namespace khabar::query
