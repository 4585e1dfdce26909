#include "khabar/events/event_json.h"

#include <xxhash.h>

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace khabar::events {
namespace {

// ordered_json keeps the fields in the order of DESIGN.md's schema.
using json = nlohmann::ordered_json;

// Three-letter prefixes of CAMEO actor codes that are not countries.
constexpr std::array<std::string_view, 8> kNonCountryPrefixes = {"IGO", "NGO", "IMG", "MNC",
                                                                 "UIS", "INT", "---", "XXX"};

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "EGYPT_" -> "Egypt", "ABDEL_FATTAH_AL-SISI" -> "Abdel Fattah Al-Sisi": dictionary
// phrases are upper case with underscores between words.
std::string DisplayName(std::string_view phrase) {
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

json Argument(const doc::Document& document, const doc::EventArgument& argument) {
  if (argument.empty()) return nullptr;
  json out;
  out["text"] = std::string(document.RawText(argument.span));
  out["actor"] = argument.actor.empty() ? json(nullptr) : json(DisplayName(argument.actor));
  out["code"] = argument.code;
  const std::string_view country = CountryOf(argument);
  out["country"] = country.empty() ? json(nullptr) : json(std::string(country));
  return out;
}

json Report(const doc::Document& document, const doc::Event& event) {
  const doc::Sentence& sentence = document.sentences[event.sentence];
  const doc::Span raw = document.offsets.ToRawSpan(sentence.span);
  json report;
  report["doc"] = document.id;
  report["outlet"] = document.outlet.empty() ? json(nullptr) : json(document.outlet);
  report["url"] = document.url.empty() ? json(nullptr) : json(document.url);
  report["published"] = document.published.empty() ? json(nullptr) : json(document.published);
  report["sentence"] = std::string(raw.In(document.raw));
  report["span"] = {raw.begin, raw.end};
  report["pattern"] = event.pattern;
  report["pattern_source"] = event.pattern_source;
  return report;
}

}  // namespace

std::string EventId(const doc::Document& document, const doc::Event& event) {
  const std::string key = document.id + '\x1f' + std::to_string(event.sentence) + '\x1f' +
                          std::to_string(event.verb) + '\x1f' + event.source.code + '\x1f' +
                          event.cameo + '\x1f' + event.target.code;
  char id[17];
  std::snprintf(id, sizeof(id), "%016llx",
                static_cast<unsigned long long>(XXH3_64bits(key.data(), key.size())));
  return id;
}

std::string_view CountryOf(const doc::EventArgument& argument) {
  if (argument.actor.empty() || argument.code.size() < 3) return {};
  const std::string_view prefix = std::string_view(argument.code).substr(0, 3);
  for (std::string_view other : kNonCountryPrefixes) {
    if (prefix == other) return {};
  }
  return prefix;
}

std::string EventJson(const doc::Document& document, const doc::Event& event) {
  json out;
  out["id"] = EventId(document, event);
  out["date"] = document.published.empty() ? json(nullptr) : json(document.published);
  out["date_precision"] = document.published.empty() ? json(nullptr) : json("day");
  out["date_from"] = document.published.empty() ? json(nullptr) : json("publication");
  out["source"] = Argument(document, event.source);
  out["target"] = Argument(document, event.target);
  out["cameo"] = event.cameo;
  out["root"] = event.root;
  out["quad_class"] = event.quad_class;
  out["goldstein"] = event.goldstein;
  out["plover"] = event.plover.empty() ? json(nullptr) : json(event.plover);
  out["location"] = nullptr;
  out["fatalities"] = nullptr;
  out["injured"] = nullptr;
  out["certainty"] = event.negated ? "negated" : "asserted";
  out["attributed_to"] = nullptr;
  out["negated"] = event.negated;
  out["reports"] = json::array({Report(document, event)});
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace khabar::events
