#include "khabar/counts/number.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "khabar/base/ascii.h"

namespace khabar::counts {
namespace {

using Words = std::span<const std::string_view>;

constexpr int64_t kMaxCount = 1'000'000'000'000;  // beyond any casualty figure

struct NamedValue {
  std::string_view name;
  int64_t value;
};

constexpr std::array<NamedValue, 28> kNumberWords = {{
    {"zero", 0},      {"one", 1},        {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},      {"six", 6},        {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},      {"eleven", 11},    {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15},  {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},   {"thirty", 30},    {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70},  {"eighty", 80},    {"ninety", 90},
}};

constexpr std::array<NamedValue, 5> kMultipliers = {{
    {"dozen", 12}, {"hundred", 100}, {"thousand", 1000}, {"million", 1'000'000},
    {"billion", 1'000'000'000},
}};

// Plural quantities standing alone: the lowest figure they allow (docs/formats/counts.md).
constexpr std::array<NamedValue, 5> kVaguePlurals = {{
    {"dozens", 12}, {"scores", 20}, {"hundreds", 100}, {"thousands", 1000}, {"millions", 1'000'000},
}};

// How a hedge turns the stated figure into the recorded one.
enum class Hedge : uint8_t { kNone, kStated, kBelow, kBetween };

struct HedgeWords {
  std::array<std::string_view, 3> words;  // empty entries end the phrase
  Hedge hedge;
};

constexpr std::array<HedgeWords, 30> kHedges = {{
    {{"at", "least"}, Hedge::kStated},        {{"more", "than"}, Hedge::kStated},
    {{"over"}, Hedge::kStated},               {{"just", "over"}, Hedge::kStated},
    {{"well", "over"}, Hedge::kStated},       {{"upwards", "of"}, Hedge::kStated},
    {{"in", "excess", "of"}, Hedge::kStated}, {{"nearly"}, Hedge::kStated},
    {{"almost"}, Hedge::kStated},             {{"around"}, Hedge::kStated},
    {{"about"}, Hedge::kStated},              {{"approximately"}, Hedge::kStated},
    {{"roughly"}, Hedge::kStated},            {{"some"}, Hedge::kStated},
    {{"an", "estimated"}, Hedge::kStated},    {{"estimated"}, Hedge::kStated},
    {{"close", "to"}, Hedge::kStated},        {{"up", "to"}, Hedge::kStated},
    {{"as", "many", "as"}, Hedge::kStated},   {{"at", "most"}, Hedge::kStated},
    {{"another"}, Hedge::kStated},            {{"a", "further"}, Hedge::kStated},
    {{"a", "total", "of"}, Hedge::kStated},   {{"a", "minimum", "of"}, Hedge::kStated},
    {{"fewer", "than"}, Hedge::kBelow},       {{"less", "than"}, Hedge::kBelow},
    {{"under"}, Hedge::kBelow},               {{"just", "under"}, Hedge::kBelow},
    {{"between"}, Hedge::kBetween},           {{"some", "estimated"}, Hedge::kStated},
}};

std::optional<int64_t> Lookup(std::string_view word, std::span<const NamedValue> table) {
  for (const NamedValue& entry : table) {
    if (entry.name == word) return entry.value;
  }
  return std::nullopt;
}

// "2,000", "70000": digits, with commas only between groups of three.
std::optional<int64_t> ParseDigits(std::string_view word) {
  if (word.empty() || !base::IsAsciiDigit(word.front()) || !base::IsAsciiDigit(word.back()))
    return std::nullopt;
  int64_t value = 0;
  size_t group = 0;
  bool comma_seen = false;
  for (char c : word) {
    if (c == ',') {
      if (group == 0 || group > 3 || (comma_seen && group != 3)) return std::nullopt;
      comma_seen = true;
      group = 0;
      continue;
    }
    if (!base::IsAsciiDigit(c) || value > kMaxCount) return std::nullopt;
    value = value * 10 + (c - '0');
    ++group;
  }
  if (comma_seen && group != 3) return std::nullopt;
  return value;
}

// "1.5": a decimal, kept as a double for the multiplier that must follow it.
std::optional<double> ParseDecimal(std::string_view word) {
  size_t dot = word.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == word.size()) return std::nullopt;
  std::optional<int64_t> whole = ParseDigits(word.substr(0, dot));
  std::string_view fraction = word.substr(dot + 1);
  if (!whole || fraction.size() > 3 ||
      !std::all_of(fraction.begin(), fraction.end(), base::IsAsciiDigit)) {
    return std::nullopt;
  }
  double value = static_cast<double>(*whole);
  double scale = 0.1;
  for (char c : fraction) {
    value += (c - '0') * scale;
    scale /= 10;
  }
  return value;
}

// "twenty-five" -> 25; "thirteen" -> 13.
std::optional<int64_t> ParseNumberWord(std::string_view word) {
  if (std::optional<int64_t> value = Lookup(word, kNumberWords)) return value;
  size_t hyphen = word.find('-');
  if (hyphen == std::string_view::npos) return std::nullopt;
  std::optional<int64_t> tens = Lookup(word.substr(0, hyphen), kNumberWords);
  std::optional<int64_t> units = Lookup(word.substr(hyphen + 1), kNumberWords);
  if (!tens || !units || *tens < 20 || *tens % 10 != 0 || *units < 1 || *units > 9) return std::nullopt;
  return *tens + *units;
}

bool IsYearLike(std::string_view word, int64_t value) {
  return word.size() == 4 && value >= 1800 && value <= 2099;
}

struct Quantity {
  size_t end = 0;
  size_t head = 0;
  int64_t value = -1;
  bool vague = false;
  bool year_like = false;
};

bool At(Words words, size_t index, std::string_view word) {
  return index < words.size() && words[index] == word;
}

// "tens of thousands", "hundreds of thousands", "dozens", "thousands".
std::optional<Quantity> ParseVaguePlural(Words words, size_t start) {
  const std::string_view word = words[start];
  if ((word == "tens" || word == "hundreds") && At(words, start + 1, "of") &&
      At(words, start + 2, "thousands")) {
    return Quantity{start + 3, start + 2, word == "tens" ? 10'000 : 100'000, true, false};
  }
  std::optional<int64_t> value = Lookup(word, kVaguePlurals);
  if (!value) return std::nullopt;
  return Quantity{start + 1, start, *value, true, false};
}

// "several", "a few", "a handful" (3), optionally times a multiplier ("several hundred");
// "a dozen", "half a dozen", "a hundred".
std::optional<Quantity> ParseArticleQuantity(Words words, size_t start) {
  size_t at = start;
  int64_t base = 0;
  if (words[at] == "several") {
    base = 3, at += 1;
  } else if (words[at] == "a" && (At(words, at + 1, "few") || At(words, at + 1, "handful"))) {
    base = 3, at += 2;
  } else if (words[at] == "half" && At(words, at + 1, "a") && At(words, at + 2, "dozen")) {
    return Quantity{at + 3, at + 2, 6, true, false};
  } else if (words[at] == "a" && at + 1 < words.size()) {
    std::optional<int64_t> multiplier = Lookup(words[at + 1], kMultipliers);
    if (!multiplier) return std::nullopt;
    return Quantity{at + 2, at + 1, *multiplier, *multiplier == 12, false};
  } else {
    return std::nullopt;
  }
  if (at < words.size()) {
    if (std::optional<int64_t> multiplier = Lookup(words[at], kMultipliers)) {
      return Quantity{at + 1, at, base * *multiplier, true, false};
    }
  }
  return Quantity{at, at - 1, base, true, false};
}

// Number words with multipliers: "two hundred and fifty thousand".
std::optional<Quantity> ParseWordSequence(Words words, size_t start) {
  int64_t total = 0;
  int64_t current = 0;
  size_t at = start;
  size_t head = start;
  bool any = false;
  while (at < words.size()) {
    if (std::optional<int64_t> small = ParseNumberWord(words[at])) {
      // "two three" is no number; "thirty five" is.
      const bool after_tens = current % 10 == 0 && current % 100 >= 20 && *small >= 1 && *small <= 9;
      if (any && current % 100 != 0 && !after_tens) break;
      current += *small;
    } else if (std::optional<int64_t> multiplier = Lookup(words[at], kMultipliers); multiplier && any) {
      if (*multiplier < 1000) {
        current *= *multiplier;
      } else {
        total += current * *multiplier;
        current = 0;
      }
    } else if (words[at] == "-" && any && current % 10 == 0 && current % 100 >= 20 && at + 1 < words.size() &&
               ParseNumberWord(words[at + 1]).value_or(0) >= 1 && ParseNumberWord(words[at + 1]).value_or(10) <= 9) {
      ++at;  // "twenty - five", tokenized apart
      continue;
    } else if (words[at] == "and" && any && (current >= 100 || total > 0) &&
               at + 1 < words.size() && ParseNumberWord(words[at + 1])) {
      ++at;
      continue;
    } else {
      break;
    }
    any = true;
    head = at;
    ++at;
  }
  if (!any) return std::nullopt;
  return Quantity{at, head, total + current, false, false};
}

// Digits with optional multipliers: "450", "2,000", "1.5 million", "2 dozen".
std::optional<Quantity> ParseDigitQuantity(Words words, size_t start) {
  double value = 0;
  bool decimal = false;
  if (std::optional<int64_t> digits = ParseDigits(words[start])) {
    value = static_cast<double>(*digits);
  } else if (std::optional<double> fraction = ParseDecimal(words[start])) {
    value = *fraction, decimal = true;
  } else {
    return std::nullopt;
  }
  size_t at = start + 1;
  size_t head = start;
  while (at < words.size()) {
    std::optional<int64_t> multiplier = Lookup(words[at], kMultipliers);
    if (!multiplier) break;
    value *= static_cast<double>(*multiplier);
    head = at++;
  }
  if (decimal && head == start) return std::nullopt;  // "1.5" alone is no count
  if (value > static_cast<double>(kMaxCount)) return std::nullopt;
  int64_t rounded = static_cast<int64_t>(std::llround(value));
  bool year = head == start && IsYearLike(words[start], rounded);
  return Quantity{at, head, rounded, false, year};
}

// "10-15" as one word: the lowest figure.
std::optional<Quantity> ParseHyphenRange(Words words, size_t start) {
  std::string_view word = words[start];
  size_t hyphen = word.find('-');
  if (hyphen == std::string_view::npos) return std::nullopt;
  std::optional<int64_t> low = ParseDigits(word.substr(0, hyphen));
  std::optional<int64_t> high = ParseDigits(word.substr(hyphen + 1));
  if (!low || !high || *high <= *low) return std::nullopt;
  return Quantity{start + 1, start, *low, false, false};
}

std::optional<Quantity> ParseQuantity(Words words, size_t start) {
  if (start >= words.size()) return std::nullopt;
  if (auto quantity = ParseVaguePlural(words, start)) return quantity;
  if (auto quantity = ParseArticleQuantity(words, start)) return quantity;
  if (auto quantity = ParseDigitQuantity(words, start)) return quantity;
  if (auto quantity = ParseHyphenRange(words, start)) return quantity;
  return ParseWordSequence(words, start);
}

// The hedge beginning at words[start] and the index after it; kNone and `start` when none.
std::pair<Hedge, size_t> ParseHedge(Words words, size_t start) {
  Hedge best = Hedge::kNone;
  size_t best_end = start;
  for (const HedgeWords& entry : kHedges) {
    size_t at = start;
    bool matched = true;
    for (std::string_view word : entry.words) {
      if (word.empty()) break;
      if (!At(words, at, word)) {
        matched = false;
        break;
      }
      ++at;
    }
    if (matched && at > best_end) best = entry.hedge, best_end = at;
  }
  return {best, best_end};
}

// A second figure after "to", "or", "-" ("10 to 15", "two or three") or, after "between",
// "and": the phrase ends after it and records the lower figure. "from 13 to 20" is a change,
// not a range, and is left to the caller.
void ExtendRange(Words words, size_t start, Hedge hedge, Quantity& quantity) {
  if (quantity.end >= words.size()) return;
  const std::string_view joiner = words[quantity.end];
  bool joins = joiner == "to" || joiner == "or" || joiner == "-" || (hedge == Hedge::kBetween && joiner == "and");
  if (!joins || (start > 0 && words[start - 1] == "from")) return;
  std::optional<Quantity> second = ParseQuantity(words, quantity.end + 1);
  if (!second || second->year_like != quantity.year_like) return;
  if (second->value < quantity.value && !quantity.vague) return;  // "5 to 3": not a range
  quantity.end = second->end;
  quantity.value = std::min(quantity.value, second->value);
  quantity.vague = false;
}

}  // namespace

std::optional<int64_t> ParseNumeral(std::string_view word) {
  if (std::optional<int64_t> digits = ParseDigits(word)) return digits;
  return ParseNumberWord(word);
}

std::optional<NumberPhrase> ParseNumberPhrase(Words words, size_t start) {
  if (start >= words.size()) return std::nullopt;
  auto [hedge, after_hedge] = ParseHedge(words, start);
  std::optional<Quantity> quantity = ParseQuantity(words, after_hedge);
  if (!quantity) return std::nullopt;
  ExtendRange(words, start, hedge, *quantity);
  int64_t value = quantity->value;
  if (hedge == Hedge::kBelow) value = std::max<int64_t>(0, value - 1);
  // A hedge makes a bare year-like figure a count: "some 2000 people".
  bool year_like = quantity->year_like && hedge == Hedge::kNone;
  return NumberPhrase{start, quantity->end, quantity->head, value, quantity->vague, year_like};
}

}  // namespace khabar::counts
