#include "khabar/store/internal/event_columns.h"

#include <xxhash.h>

#include <array>
#include <charconv>
#include <cstdio>
#include <system_error>

namespace khabar::store::internal {
namespace {

// Three-letter prefixes of CAMEO actor codes that are not countries (events/event_json.cc).
constexpr std::array<std::string_view, 8> kNonCountryPrefixes = {"IGO", "NGO", "IMG", "MNC",
                                                                 "UIS", "INT", "---", "XXX"};

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

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

std::string ActorDisplayName(std::string_view phrase) {
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

double GoldsteinColumn(float goldstein) {
  char buffer[32];
  const std::to_chars_result written = std::to_chars(buffer, buffer + sizeof buffer, goldstein);
  double value = goldstein;
  if (written.ec == std::errc()) std::from_chars(buffer, written.ptr, value);
  return value;
}

}  // namespace khabar::store::internal
