// Tokenizer: splits normalised text into surface tokens following the conventions of UD
// English EWT (see docs/tokenization.md).
//
//   - punctuation is split from words; runs of . ! ? (ellipses, "?!"), of '-' ("--") and
//     of other repeated symbols stay one token;
//   - contractions and possessives stay one surface token ("don't", "Bush's", "parents'"),
//     as EWT writes them as multiword tokens;
//   - hyphenated words are split ("search - engine", "al - Ani") except after a bound
//     prefix ("e-mail", "non-violent", "anti-war") and in phone and zip numbers;
//   - URLs, e-mail addresses, @handles and #hashtags stay whole;
//   - numbers keep their separators ("2,000", "3.5", "9/11", "10:30"), "1990s" is one token;
//   - abbreviations, titles and initials keep their full stop ("Gen.", "U.S.", "Dr.", "J.").
//     Whether such a stop also ends the sentence is the sentence splitter's business.
//
//   text::Tokenizer tokenizer;
//   std::vector<doc::Token> tokens;
//   tokenizer.Tokenize("Lt. Gen. Smith didn't go.", &tokens);   // 6 tokens
//
// Thread-safety: stateless; one Tokenizer may be used from any number of threads.
#ifndef KHABAR_TEXT_TOKENIZER_H_
#define KHABAR_TEXT_TOKENIZER_H_

#include <string_view>
#include <vector>

#include "khabar/doc/document.h"

namespace khabar::text {

class Tokenizer {
 public:
  // Appends the tokens of `text` to *tokens, in order, non-empty and non-overlapping.
  // The first token, and each token after a blank line, has paragraph_start set.
  // REQUIRES: `text` is shorter than 4 GiB (offsets are 32-bit).
  void Tokenize(std::string_view text, std::vector<doc::Token>* tokens) const;

  // True if `word` (without its final '.') is an abbreviation that keeps its full stop:
  // a listed abbreviation, a single capital letter, or letters with internal stops (U.S).
  static bool IsAbbreviation(std::string_view word);
  // True if `word` (without its '.') is a title or an abbreviation that never ends a
  // sentence in practice ("Dr", "Gen", "Mr").
  static bool IsTitle(std::string_view word);
};

}  // namespace khabar::text

#endif  // KHABAR_TEXT_TOKENIZER_H_
