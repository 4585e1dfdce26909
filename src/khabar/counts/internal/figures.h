// Figures of one sentence and what they count (docs/formats/counts.md, "Finding figures" and
// "Reading a figure").
//
//   SentenceView view(document, sentence);
//   for (const Figure& figure : FindFigures(view)) {
//     if (std::optional<Reading> reading = ReadFigure(view, figure)) Use(*reading);
//   }
//
// Thread-safety: pure functions.
#ifndef KHABAR_COUNTS_INTERNAL_FIGURES_H_
#define KHABAR_COUNTS_INTERNAL_FIGURES_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "khabar/counts/internal/lexicon.h"
#include "khabar/counts/internal/sentence_view.h"

namespace khabar::counts::internal {

// A number phrase ("over 450") or a determined singular noun ("a soldier", "the commander" = 1).
struct Figure {
  int first = 0;     // the phrase's first and last words (local indices)
  int last = 0;
  int head = 0;      // the word carrying the value
  int nominal = 0;   // the noun the figure counts ("people" of "13 people"), else `head`
  int64_t value = -1;
  bool year_like = false;
  bool singular = false;  // a singular noun ("a soldier"), no number
};

std::vector<Figure> FindFigures(const SentenceView& view);

// What a figure counts and the word that says so.
struct Reading {
  CountKind kind = CountKind::kKilled;
  int predicate = 0;        // the casualty word ("killed", "deaths", "toll"'s verb)
  bool cumulative = false;  // a toll to date ("since the offensive began", "rose to")
};

// nullopt when the figure is no count (a year, a date, an age, an identifier, a unit) or no
// casualty predicate governs it.
std::optional<Reading> ReadFigure(const SentenceView& view, const Figure& figure);

}  // namespace khabar::counts::internal

#endif  // KHABAR_COUNTS_INTERNAL_FIGURES_H_
