// Whether two reports from different articles describe the same real-world event, and why
// (docs/formats/merge.md, "Evidence").
//
//   merge::Evidence evidence = merge::Compare(incoming, stored);
//   if (evidence.Merges()) { /* incoming joins stored's event */ }
//   std::puts(evidence.Reason().c_str());  // "actors 1.00 (LBYMIL=LBYMIL, ...); date ..."
//
// Hard rules first (a veto ends the comparison): the CAMEO root families differ, an actor's
// country differs, the dates cannot overlap, the places are further apart than the radius
// or in different countries, or the roots differ and the sentences share little wording. Otherwise
// a score in [0, 1] weighs the actors, the date, the place, the CAMEO code and the text similarity
// of the two sentences; it merges at kMergeThreshold or above.
//
// Thread-safety: pure functions.
#ifndef KHABAR_MERGE_COMPARE_H_
#define KHABAR_MERGE_COMPARE_H_

#include <string>
#include <string_view>
#include <vector>

#include "khabar/merge/report.h"

namespace khabar::merge {

inline constexpr double kMergeThreshold = 0.50;
inline constexpr double kRadiusKm = 75.0;    // places further apart are different events
inline constexpr int64_t kDayTolerance = 1;  // day-precise dates may differ by this much
// Two reports coded with different CAMEO roots of one family must share this much wording
// (Evidence::text, so 0.25 is 10% of their content words).
inline constexpr double kMinTextAcrossRoots = 0.25;

// The weights of the score's parts; they sum to 1.
inline constexpr double kActorWeight = 0.35;
inline constexpr double kDateWeight = 0.20;
inline constexpr double kPlaceWeight = 0.15;
inline constexpr double kCodeWeight = 0.10;
inline constexpr double kTextWeight = 0.20;

struct Evidence {
  std::string veto;  // why the two cannot be one event; empty when none applies
  double actors = 0, date = 0, place = 0, code = 0, text = 0;  // each in [0, 1]
  double score = 0;                                            // the weighted sum; 0 when vetoed
  std::string actors_note, date_note, place_note, code_note, text_note;

  bool Merges() const { return veto.empty() && score >= kMergeThreshold; }
  // One line: "score 0.81: actors 1.00 (...); date 1.00 (...); ..." or "veto: ...".
  std::string Reason() const;
};

// The CAMEO root family: "18", "19" and "20" (assault, fight, mass violence) are one family,
// "violence"; the other roots of a quad class make one family each ("01" to "05" verbal
// cooperation, "06" to "08" material cooperation, "09" to "13" verbal conflict), because
// outlets word one event as an intent, a promise or an agreement; "14" to "17" (protest,
// force posture, reducing relations, coercion) stay a family each, since a protest and the
// arrests that end it are two events.
std::string_view RootFamily(std::string_view root);
// The roots of RootFamily(root), in order: {"18", "19", "20"}, {"01", ..., "05"}, {"14"}.
std::vector<std::string> FamilyRoots(std::string_view root);

// How well two actor codes of the same role agree. A code names a country (its first three
// letters) only when the report names the actor (`*_named`); otherwise it is agent-only
// ("MIL"). 1 equal; 0.8 one refines the other ("LBY" and "LBYMIL"); 0.6 an agent-only code
// with the same agent ("MIL" and "LBYMIL"), or agent-only codes of which one refines the
// other ("REB" and "REBUAF"); 0.4 the same country with other agents; 0.3 one side unknown;
// 0.2 two different agent-only codes; -1 different countries.
double ActorAgreement(std::string_view a, bool a_named, std::string_view b, bool b_named);

// The country part of an actor code as ActorAgreement reads it: the first three letters of a
// named actor's code, unless they name no country (IGO, NGO, IMG, MNC, UIS, INT, ---, XXX);
// else "". The same as the store's events.source_country (doc::EventCountry).
std::string_view ActorCountry(std::string_view code, bool named);

// Consulting (04), diplomatic cooperation (05) and material cooperation (06): what two sides
// do together, so outlets name either one first and the actors may match crossed.
bool IsMutual(std::string_view root);

// Great-circle distance in km.
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

// Jaccard similarity of two sorted word lists.
double WordOverlap(const std::vector<std::string>& a, const std::vector<std::string>& b);

Evidence Compare(const Report& incoming, const Report& stored);

}  // namespace khabar::merge

#endif  // KHABAR_MERGE_COMPARE_H_
