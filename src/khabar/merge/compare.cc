#include "khabar/merge/compare.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace khabar::merge {
namespace {

struct ActorCode {
  std::string_view country;  // the first three letters of a named actor's code, or empty
  std::string_view agent;    // the rest of the code
};

// Three-letter code prefixes that name no country (as doc::EventCountry).
constexpr std::string_view kNonCountryPrefixes[] = {"IGO", "NGO", "IMG", "MNC",
                                                    "UIS", "INT", "---", "XXX"};

ActorCode SplitCode(std::string_view code, bool named) {
  if (!named || code.size() < 3) return {{}, code};
  for (std::string_view prefix : kNonCountryPrefixes) {
    if (code.starts_with(prefix)) return {{}, code};
  }
  return {code.substr(0, 3), code.substr(3)};
}

std::string ActorNote(std::string_view a, std::string_view b) {
  return fmt::format("{}/{}", a.empty() ? "-" : a, b.empty() ? "-" : b);
}

bool IsCooperation(std::string_view root) { return root.size() == 2 && root <= "08"; }

// How the actors of `in` agree with those of `old` in the same roles (crossed: each with the
// other's other role).
std::pair<double, double> RoleAgreement(const Report& in, const Report& old, bool crossed) {
  const std::string& old_source = crossed ? old.target_code : old.source_code;
  const std::string& old_target = crossed ? old.source_code : old.target_code;
  const bool old_source_named = !(crossed ? old.target_actor : old.source_actor).empty();
  const bool old_target_named = !(crossed ? old.source_actor : old.target_actor).empty();
  return {ActorAgreement(in.source_code, !in.source_actor.empty(), old_source, old_source_named),
          ActorAgreement(in.target_code, !in.target_actor.empty(), old_target, old_target_named)};
}

// The actors part: the mean agreement of the sources and of the targets, or a veto. Meeting,
// agreeing and cooperating are symmetric enough in the news ("Turkey and Russia agreed",
// "Russia agreed with Turkey") that such events may also match with the roles crossed; a
// conflict event with its roles reversed is a retaliation, another event.
void WeighActors(const Report& in, const Report& old, Evidence& evidence) {
  auto [source, target] = RoleAgreement(in, old, /*crossed=*/false);
  if (IsMutual(in.root) && IsMutual(old.root)) {
    const auto [crossed_source, crossed_target] = RoleAgreement(in, old, /*crossed=*/true);
    if (std::min(crossed_source, crossed_target) >= 0 &&
        (std::min(source, target) < 0 || crossed_source + crossed_target > source + target)) {
      source = crossed_source;
      target = crossed_target;
      evidence.actors_note = "crossed roles, ";
    }
  }
  const bool crossed = !evidence.actors_note.empty();
  evidence.actors_note +=
      fmt::format("source {} {:.1f}, target {} {:.1f}", ActorNote(in.source_code, old.source_code),
                  source, ActorNote(in.target_code, old.target_code), target);
  if (source < 0 || target < 0) {
    evidence.veto = "actors from different countries (" + evidence.actors_note + ")";
    return;
  }
  const bool reversed = !crossed && !IsCooperation(in.root) && !in.source_code.empty() &&
                        !in.target_code.empty() && in.source_code != in.target_code &&
                        in.source_code == old.target_code && in.target_code == old.source_code;
  if (reversed) {
    evidence.veto = "roles reversed (" + evidence.actors_note + ")";
    return;
  }
  evidence.actors = (source + target) / 2;
}

bool IsSingleDay(const DayRange& days) { return days.first == days.last; }

void WeighDate(const Report& in, const Report& old, Evidence& evidence) {
  if (!in.days.known || !old.days.known) {
    evidence.date = 0.3;
    evidence.date_note = fmt::format("{} vs {}: unknown", in.date.empty() ? "-" : in.date,
                                     old.date.empty() ? "-" : old.date);
    return;
  }
  const bool overlap = in.days.first <= old.days.last + kDayTolerance &&
                       old.days.first <= in.days.last + kDayTolerance;
  evidence.date_note = fmt::format("{} ({}) vs {} ({})", in.date,
                                   in.date_from_text ? in.date_precision : "publication", old.date,
                                   old.date_from_text ? old.date_precision : "publication");
  if (!overlap) {
    evidence.veto = "dates apart (" + evidence.date_note + ")";
    return;
  }
  if (IsSingleDay(in.days) && IsSingleDay(old.days)) {
    evidence.date = in.days.first == old.days.first ? 1.0 : 0.8;
  } else {
    evidence.date = 0.5;
  }
}

void WeighPlace(const Report& in, const Report& old, Evidence& evidence) {
  if (!in.has_place || !old.has_place) {
    evidence.place = 0.3;
    evidence.place_note = fmt::format("{} vs {}: unknown", in.has_place ? in.place_name : "-",
                                      old.has_place ? old.place_name : "-");
    return;
  }
  evidence.place_note = fmt::format("{} vs {}", in.place_name, old.place_name);
  if (!in.place_country.empty() && !old.place_country.empty() &&
      in.place_country != old.place_country) {
    evidence.veto = "places in different countries (" + evidence.place_note + ")";
    return;
  }
  if (in.geonameid != 0 && in.geonameid == old.geonameid) {
    evidence.place = 1.0;
    return;
  }
  if (!in.has_coordinates || !old.has_coordinates) {
    evidence.place = 0.5;  // a region or country containing, or beside, the other place
    return;
  }
  const double km = DistanceKm(in.lat, in.lon, old.lat, old.lon);
  evidence.place_note += fmt::format(", {:.0f} km", km);
  if (km > kRadiusKm) {
    evidence.veto = "places apart (" + evidence.place_note + ")";
    return;
  }
  evidence.place = km <= 25 ? 1.0 : 0.7;
}

void WeighCode(const Report& in, const Report& old, Evidence& evidence) {
  evidence.code_note = in.cameo + "/" + old.cameo;
  if (RootFamily(in.root) != RootFamily(old.root)) {
    evidence.veto = "CAMEO root families differ (" + evidence.code_note + ")";
    return;
  }
  if (in.cameo == old.cameo) {
    evidence.code = 1.0;
  } else if (in.root == old.root) {
    evidence.code = 0.7;
  } else {
    evidence.code = RootFamily(in.root) == "violence" ? 0.5 : 0.2;
  }
}

void WeighText(const Report& in, const Report& old, Evidence& evidence) {
  const double overlap = WordOverlap(in.words, old.words);
  evidence.text = std::min(1.0, overlap / 0.4);
  evidence.text_note = fmt::format("{:.0f}% shared words", overlap * 100);
}

}  // namespace

std::string_view RootFamily(std::string_view root) {
  if (root == "18" || root == "19" || root == "20") return "violence";
  if (root.size() != 2) return root;
  if (root <= "05") return "verbal cooperation";
  if (root <= "08") return "material cooperation";
  if (root <= "13") return "verbal conflict";
  return root;  // 14 to 17: protest, force posture, reduce relations, coerce
}

// Not an appeal or a demand (02), nor aid (07).
bool IsMutual(std::string_view root) { return root == "04" || root == "05" || root == "06"; }

std::string_view ActorCountry(std::string_view code, bool named) {
  return SplitCode(code, named).country;
}

std::vector<std::string> FamilyRoots(std::string_view root) {
  std::vector<std::string> roots;
  const std::string_view family = RootFamily(root);
  for (int number = 1; number <= 20; ++number) {
    const std::string candidate = fmt::format("{:02d}", number);
    if (RootFamily(candidate) == family) roots.push_back(candidate);
  }
  if (roots.empty()) roots.emplace_back(root);
  return roots;
}

double ActorAgreement(std::string_view a, bool a_named, std::string_view b, bool b_named) {
  if (a.empty() || b.empty()) return 0.3;
  if (a == b) return 1.0;
  const ActorCode x = SplitCode(a, a_named);
  const ActorCode y = SplitCode(b, b_named);
  if (!x.country.empty() && !y.country.empty()) {
    if (x.country != y.country) return -1;
    return x.agent.empty() || y.agent.empty() ? 0.8 : 0.4;
  }
  if (x.country.empty() && y.country.empty()) {
    return x.agent.starts_with(y.agent) || y.agent.starts_with(x.agent) ? 0.6 : 0.2;  // REB, REBUAF
  }
  return x.agent == y.agent ? 0.6 : 0.3;
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthRadiusKm = 6371.0;
  constexpr double kRadians = M_PI / 180.0;
  const double dlat = (lat2 - lat1) * kRadians;
  const double dlon = (lon2 - lon1) * kRadians;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRadians) * std::cos(lat2 * kRadians) * std::sin(dlon / 2) *
                       std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

double WordOverlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  auto x = a.begin(), y = b.begin();
  while (x != a.end() && y != b.end()) {
    if (*x < *y) {
      ++x;
    } else if (*y < *x) {
      ++y;
    } else {
      ++shared, ++x, ++y;
    }
  }
  return static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - shared);
}

Evidence Compare(const Report& incoming, const Report& stored) {
  Evidence evidence;
  for (auto weigh : {WeighCode, WeighActors, WeighDate, WeighPlace, WeighText}) {
    weigh(incoming, stored, evidence);
    if (!evidence.veto.empty()) return evidence;
  }
  if (incoming.root != stored.root && evidence.text < kMinTextAcrossRoots) {
    evidence.veto = "other CAMEO roots without shared wording (" + evidence.code_note + ", " +
                    evidence.text_note + ")";
    return evidence;
  }
  evidence.score = kActorWeight * evidence.actors + kDateWeight * evidence.date +
                   kPlaceWeight * evidence.place + kCodeWeight * evidence.code +
                   kTextWeight * evidence.text;
  return evidence;
}

std::string Evidence::Reason() const {
  if (!veto.empty()) return "veto: " + veto;
  return fmt::format(
      "score {:.2f}: actors {:.2f} ({}); date {:.2f} ({}); place {:.2f} ({}); "
      "code {:.2f} ({}); text {:.2f} ({})",
      score, actors, actors_note, date, date_note, place, place_note, code, code_note, text,
      text_note);
}

}  // namespace khabar::merge
