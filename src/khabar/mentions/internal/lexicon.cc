#include "khabar/mentions/internal/lexicon.h"

#include <algorithm>
#include <array>

namespace khabar::mentions::internal {
namespace {

struct TitleEntry {
  std::string_view word;
  Title title;
};

// Agents follow the CAMEO manual's role codes (MIL: state armed forces; GOV: executive).
// "chief" heads nominals ("the army chief") whose agent comes from the dictionary instead.
constexpr std::array kTitles = {
    TitleEntry{"general", {"MIL"}},
    TitleEntry{"gen.", {"MIL", true, false}},
    TitleEntry{"marshal", {"MIL"}},
    TitleEntry{"field", {"MIL", true, false, true}},
    TitleEntry{"commander", {"MIL"}},
    TitleEntry{"colonel", {"MIL"}},
    TitleEntry{"col.", {"MIL", true, false}},
    TitleEntry{"brigadier", {"MIL"}},
    TitleEntry{"admiral", {"MIL"}},
    TitleEntry{"president", {"GOV"}},
    TitleEntry{"minister", {"GOV"}},
    TitleEntry{"prime", {"GOV", true, false, true}},
    TitleEntry{"premier", {"GOV"}},
    TitleEntry{"king", {"GOV"}},
    TitleEntry{"emir", {"GOV"}},
    TitleEntry{"chief", {"", false, true}},
    TitleEntry{"mr", {"", true, false}},
    TitleEntry{"mr.", {"", true, false}},
    TitleEntry{"mrs", {"", true, false}},
    TitleEntry{"mrs.", {"", true, false}},
    TitleEntry{"ms", {"", true, false}},
    TitleEntry{"ms.", {"", true, false}},
    TitleEntry{"dr", {"", true, false}},
    TitleEntry{"dr.", {"", true, false}},
    TitleEntry{"sheikh", {"", true, false}},
};

constexpr std::array<std::string_view, 7> kGroupNouns = {
    "group", "organisation", "organization", "movement", "militia", "coalition", "alliance"};

constexpr std::array<std::string_view, 30> kOrganisationWords = {
    "army",        "brigade",  "brigades",    "council",      "forces",       "force",
    "party",       "ministry", "government",  "front",        "movement",     "union",
    "committee",   "court",    "parliament",  "agency",       "company",      "bank",
    "group",       "guard",    "brotherhood", "league",       "assembly",     "coalition",
    "directorate", "service",  "services",    "organisation", "organization", "dawn"};

constexpr std::array<std::string_view, 6> kPleonasticVerbs = {"be",     "seem",   "appear",
                                                              "happen", "remain", "rain"};

constexpr std::array<std::string_view, 7> kConnectors = {"al",   "el",  "bin", "ibn",
                                                         "bint", "abu", "-"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::any_of(list.begin(), list.end(),
                     [&](std::string_view entry) { return EqualsIgnoreCase(entry, word); });
}

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t at = 0; at < a.size(); ++at) {
    char x = a[at] >= 'A' && a[at] <= 'Z' ? static_cast<char>(a[at] - 'A' + 'a') : a[at];
    char y = b[at] >= 'A' && b[at] <= 'Z' ? static_cast<char>(b[at] - 'A' + 'a') : b[at];
    if (x != y) return false;
  }
  return true;
}

std::optional<Title> TitleOf(std::string_view word) {
  for (const TitleEntry& entry : kTitles) {
    if (EqualsIgnoreCase(entry.word, word)) return entry.title;
  }
  return std::nullopt;
}

std::string_view TitleAgent(std::string_view word) {
  std::optional<Title> title = TitleOf(word);
  return title ? title->agent : std::string_view();
}

bool IsGroupNoun(std::string_view word) { return Contains(kGroupNouns, word); }

bool IsOrganisationWord(std::string_view word) { return Contains(kOrganisationWords, word); }

std::optional<Pronoun> PronounOf(std::string_view word) {
  struct Entry {
    std::string_view word;
    Pronoun pronoun;
  };
  static constexpr std::array kPronouns = {
      Entry{"he", {PronounClass::kPerson, false}},
      Entry{"him", {PronounClass::kPerson, false}},
      Entry{"his", {PronounClass::kPerson, true}},
      Entry{"she", {PronounClass::kPerson, false}},
      Entry{"her", {PronounClass::kPerson, false}},
      Entry{"it", {PronounClass::kThing, false}},
      Entry{"its", {PronounClass::kThing, true}},
      Entry{"they", {PronounClass::kGroupOrPlural, false}},
      Entry{"them", {PronounClass::kGroupOrPlural, false}},
      Entry{"their", {PronounClass::kGroupOrPlural, true}},
  };
  for (const Entry& entry : kPronouns) {
    if (EqualsIgnoreCase(entry.word, word)) return entry.pronoun;
  }
  return std::nullopt;
}

bool IsPleonasticVerb(std::string_view lemma) { return Contains(kPleonasticVerbs, lemma); }

bool IsNameConnector(std::string_view word) { return Contains(kConnectors, word); }

}  // namespace khabar::mentions::internal
