#include "khabar/doc/events.h"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cstdio>

namespace khabar::doc {
namespace {

// Three-letter prefixes of CAMEO actor codes that are not countries.
constexpr std::array<std::string_view, 8> kNonCountryPrefixes = {"IGO", "NGO", "IMG", "MNC",
                                                                 "UIS", "INT", "---", "XXX"};

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

std::string EventId(std::string_view document_id, const Event& event) {
  std::string key(document_id);
  for (const std::string& part : {std::to_string(event.sentence), std::to_string(event.verb),
                                  event.source.code, event.cameo, event.target.code}) {
    key += '\x1f';
    key += part;
  }
  char id[17];
  std::snprintf(id, sizeof(id), "%016llx",
                static_cast<unsigned long long>(XXH3_64bits(key.data(), key.size())));
  return id;
}

std::string_view EventCountry(const EventArgument& argument) {
  if (argument.actor.empty() || argument.code.size() < 3) return {};
  const std::string_view prefix = std::string_view(argument.code).substr(0, 3);
  for (std::string_view other : kNonCountryPrefixes) {
    if (prefix == other) return {};
  }
  return prefix;
}

std::string ActorDisplayName(std::string_view phrase) {
  // A one-word phrase of up to four letters is an acronym ("UN", "LNA", "NATO").
  std::string_view bare = phrase;
  while (!bare.empty() && (bare.back() == '_' || bare.back() == ' ')) bare.remove_suffix(1);
  if (!bare.empty() && bare.size() <= 4 &&
      std::all_of(bare.begin(), bare.end(), [](char c) { return IsAsciiLetter(c); })) {
    std::string acronym(bare);
    for (char& c : acronym) c = static_cast<char>(c & ~0x20);
    return acronym;
  }
  std::string name;
  bool word_start = true;
  for (char c : phrase) {
    if (c == '_' || c == ' ') {
      if (!name.empty() && name.back() != ' ') name += ' ';
      word_start = true;
      continue;
    }
    if (IsAsciiLetter(c)) {
      name += word_start ? static_cast<char>(c & ~0x20) : static_cast<char>(c | 0x20);
      word_start = false;
    } else {
      name += c;
      word_start = c == '-' || c == '(' || c == '/';
    }
  }
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return name;
}

std::string_view DatePrecisionName(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay: return "day";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kYear: return "year";
    case DatePrecision::kNone: break;
  }
  return "";
}

std::string_view PlacePrecisionName(PlacePrecision precision) {
  switch (precision) {
    case PlacePrecision::kCity: return "city";
    case PlacePrecision::kAdmin1: return "admin1";
    case PlacePrecision::kCountry: return "country";
    case PlacePrecision::kNone: break;
  }
  return "";
}

std::string_view CertaintyName(Certainty certainty) {
  switch (certainty) {
    case Certainty::kAsserted: return "asserted";
    case Certainty::kReported: return "reported";
    case Certainty::kAlleged: return "alleged";
    case Certainty::kDenied: return "denied";
    case Certainty::kHypothetical: return "hypothetical";
    case Certainty::kNegated: return "negated";
  }
  return "asserted";
}

std::string FormatEventDate(const EventDate& date) {
  char out[16];
  switch (date.precision) {
    case DatePrecision::kDay: std::snprintf(out, sizeof(out), "%04d-%02d-%02d", date.year, date.month, date.day); break;
    case DatePrecision::kMonth: std::snprintf(out, sizeof(out), "%04d-%02d", date.year, date.month); break;
    case DatePrecision::kYear: std::snprintf(out, sizeof(out), "%04d", date.year); break;
    case DatePrecision::kNone: return "";
  }
  return out;
}

}  // namespace khabar::doc
