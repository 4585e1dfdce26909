// Number phrases of news text as conservative integers (counts stage, docs/formats/counts.md):
// digits with separators ("2,000", "1.5 million"), number words ("thirteen", "two hundred and
// fifty", "a dozen"), vague quantities ("dozens" = 12, "hundreds" = 100, "tens of thousands"
// = 10000, "several" = 3) and hedges ("over 450" = 450, "between 10 and 15" = 10).
//
//   std::vector<std::string_view> words = {"over", "450", "people"};  // lower-cased forms
//   std::optional<counts::NumberPhrase> phrase = counts::ParseNumberPhrase(words, 0);
//   // phrase->value == 450, phrase->begin == 0, phrase->end == 2, phrase->head == 1
//
// The rule for every figure is ACLED's: the stated number, and the lowest figure the words
// allow when they give a range or only a vague quantity.
//
// Thread-safety: pure functions over caller-owned words.
#ifndef KHABAR_COUNTS_NUMBER_H_
#define KHABAR_COUNTS_NUMBER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace khabar::counts {

struct NumberPhrase {
  size_t begin = 0;      // first word of the phrase, a hedge included ("over")
  size_t end = 0;        // one past its last word
  size_t head = 0;       // the word carrying the quantity: "450", "dozens", "thousands"
  int64_t value = -1;
  bool vague = false;    // "dozens", "several", "hundreds": a conventional figure
  bool year_like = false;  // a bare four-digit 1800-2099 ("2019"): a count only in context
};

// The value of one numeral word: "13", "2,000", "thirteen", "twenty-five"; nullopt otherwise
// ("25-year-old", "1990s", "5km", "1.5": a decimal counts only with a multiplier, through
// ParseNumberPhrase).
std::optional<int64_t> ParseNumeral(std::string_view word);

// The longest number phrase beginning at words[start], which are lower-cased word forms
// of one sentence; nullopt when none begins there. A hedge alone ("over") is no phrase.
std::optional<NumberPhrase> ParseNumberPhrase(std::span<const std::string_view> words, size_t start);

}  // namespace khabar::counts

#endif  // KHABAR_COUNTS_NUMBER_H_
