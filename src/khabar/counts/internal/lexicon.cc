#include "khabar/counts/internal/lexicon.h"

#include <algorithm>
#include <iterator>

namespace khabar::counts::internal {
namespace {

struct Entry {
  std::string_view lemma;
  CountKind kind;
  Valency valency;
};

using K = CountKind;
using V = Valency;

constexpr Entry kCasualties[] = {
    {"kill", K::kKilled, V::kTransitive},       {"slay", K::kKilled, V::kTransitive},
    {"murder", K::kKilled, V::kTransitive},     {"massacre", K::kKilled, V::kTransitive},
    {"execute", K::kKilled, V::kTransitive},    {"behead", K::kKilled, V::kTransitive},
    {"assassinate", K::kKilled, V::kTransitive}, {"die", K::kKilled, V::kIntransitive},
    {"perish", K::kKilled, V::kIntransitive},   {"dead", K::kKilled, V::kState},
    {"killed", K::kKilled, V::kState},          {"slain", K::kKilled, V::kState},
    {"death", K::kKilled, V::kNoun},            {"fatality", K::kKilled, V::kNoun},
    {"fatalities", K::kKilled, V::kNoun},       {"deaths", K::kKilled, V::kNoun},
    {"life", K::kKilled, V::kNoun},             {"lives", K::kKilled, V::kNoun},
    {"body", K::kKilled, V::kNoun},             {"corpse", K::kKilled, V::kNoun},
    {"injure", K::kInjured, V::kTransitive},    {"wound", K::kInjured, V::kTransitive},
    {"hurt", K::kInjured, V::kTransitive},      {"maim", K::kInjured, V::kTransitive},
    {"injured", K::kInjured, V::kState},        {"wounded", K::kInjured, V::kState},
    {"injury", K::kInjured, V::kNoun},          {"injuries", K::kInjured, V::kNoun},
    {"displace", K::kDisplaced, V::kTransitive}, {"uproot", K::kDisplaced, V::kTransitive},
    {"evacuate", K::kDisplaced, V::kTransitive}, {"flee", K::kDisplaced, V::kIntransitive},
    {"displaced", K::kDisplaced, V::kState},    {"homeless", K::kDisplaced, V::kState},
    {"uprooted", K::kDisplaced, V::kState},     {"displacement", K::kDisplaced, V::kNoun},
    {"arrest", K::kArrested, V::kTransitive},   {"detain", K::kArrested, V::kTransitive},
    {"apprehend", K::kArrested, V::kTransitive}, {"jail", K::kArrested, V::kTransitive},
    {"imprison", K::kArrested, V::kTransitive}, {"hold", K::kArrested, V::kTransitive},
    {"round", K::kArrested, V::kTransitive},    {"arrested", K::kArrested, V::kState},
    {"detained", K::kArrested, V::kState},      {"arrests", K::kArrested, V::kNoun},
    {"kidnap", K::kKidnapped, V::kTransitive},  {"abduct", K::kKidnapped, V::kTransitive},
    {"kidnapped", K::kKidnapped, V::kState},    {"abducted", K::kKidnapped, V::kState},
    {"hostage", K::kKidnapped, V::kNoun},       {"hostages", K::kKidnapped, V::kNoun},
    {"abduction", K::kKidnapped, V::kNoun},     {"kidnapping", K::kKidnapped, V::kNoun},
    {"fled", K::kDisplaced, V::kIntransitive},  {"fleeing", K::kDisplaced, V::kIntransitive},
};

// Lemmas whose casualty reading needs the passive: "13 were held" but "held talks".
constexpr std::string_view kPassiveOnly[] = {"hold"};

constexpr std::string_view kUnits[] = {
    "second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "time",
    "percent", "per", "cent", "%", "km", "kilometre", "kilometer", "mile", "metre", "meter",
    "dollar", "$", "euro", "pound", "dinar", "pound", "ton", "tonne", "barrel", "am", "pm",
    "o'clock", "point", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "jan", "feb", "aug", "sept",
    "oct", "nov", "dec",
};

constexpr std::string_view kTollWords[] = {"toll", "tally", "count", "number"};

constexpr std::string_view kTollChange[] = {"rise", "climb", "reach", "increase", "jump",
                                                         "mount", "hit", "bring", "surpass"};

constexpr std::string_view kCumulative[] = {"total", "overall", "altogether", "since",
                                                         "cumulative", "tally"};

constexpr std::string_view kSpeech[] = {"say", "tell", "add", "report", "announce",
                                                     "state", "claim", "confirm", "according"};

template <size_t N>
bool Contains(const std::string_view (&table)[N], std::string_view word) {
  return std::find(std::begin(table), std::end(table), word) != std::end(table);
}

}  // namespace

std::optional<Casualty> CasualtyOf(std::string_view lemma, bool* passive_only) {
  for (const Entry& entry : kCasualties) {
    if (entry.lemma != lemma) continue;
    if (passive_only != nullptr) *passive_only = Contains(kPassiveOnly, lemma);
    return Casualty{entry.kind, entry.valency};
  }
  return std::nullopt;
}

bool IsUnitWord(std::string_view lemma) { return Contains(kUnits, lemma); }
bool IsTollWord(std::string_view lemma) { return Contains(kTollWords, lemma); }
bool IsTollChangeVerb(std::string_view lemma) { return Contains(kTollChange, lemma); }
bool IsCumulativeWord(std::string_view form) { return Contains(kCumulative, form); }

bool IsCumulativePair(std::string_view first, std::string_view second) {
  return (first == "so" && second == "far") || (first == "thus" && second == "far") ||
         (first == "to" && second == "date") || (first == "in" && second == "all") ||
         (first == "in" && second == "total");
}

bool IsSpeechLemma(std::string_view lemma) { return Contains(kSpeech, lemma); }

}  // namespace khabar::counts::internal
