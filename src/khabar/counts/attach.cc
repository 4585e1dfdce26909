#include "khabar/counts/attach.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "khabar/counts/internal/figures.h"
#include "khabar/counts/internal/lexicon.h"
#include "khabar/counts/internal/sentence_view.h"

namespace khabar::counts {
namespace {

using internal::CountKind;
using internal::Figure;
using internal::Reading;
using internal::SentenceView;

// One count read in the sentence: figures joined by "and" are one count, summed ("13
// soldiers and two civilians" = 15).
struct Found {
  Reading reading;
  int64_t value = 0;
  doc::Span span;
  int nominal = 0;
};

bool IsStatement(const Anchor& anchor) { return anchor.root == "01"; }

// Material conflict (quad class 4) and protests take counts they do not name themselves;
// an uncoded verb (the evaluation's) does too.
bool TakesCountsOfOthers(const Anchor& anchor) {
  return anchor.quad_class == 4 || anchor.root == "14" || anchor.root.empty();
}

// The verb of the event a count read through `predicate` belongs to: the event on the
// predicate itself, else the nearest event that takes others' counts, a governing one first
// on equal distance. -1 when none.
int OwnerVerb(const SentenceView& view, std::span<const Anchor> anchors, int predicate) {
  int best = -1;
  int best_cost = std::numeric_limits<int>::max();
  for (const Anchor& anchor : anchors) {
    const int verb = view.Local(anchor.verb);
    // An attribution verb ("said", "told") is never the event of violence, coded or not.
    if (verb < 0 || IsStatement(anchor) || internal::IsSpeechLemma(view.lemma(verb))) continue;
    if (verb == predicate) return verb;
    if (!TakesCountsOfOthers(anchor)) continue;
    const int distance = view.Distance(predicate, verb);
    if (distance < 0) continue;
    const int cost = 2 * distance + (view.IsAncestor(verb, predicate) ? 0 : 1);
    if (cost < best_cost) best = verb, best_cost = cost;
  }
  return best;
}

// A figure joined by "conj" to a figure already read counts the same thing: its value is
// added to that count.
bool JoinConjunct(const SentenceView& view, const Figure& figure, std::vector<Found>& found) {
  if (view.rel(figure.nominal) != "conj") return false;
  const int first = view.head(figure.nominal);
  for (Found& earlier : found) {
    if (earlier.nominal != first) continue;
    earlier.value += figure.value;
    // The span runs to the conjunct's noun: "13 soldiers and two civilians".
    earlier.span.end = std::max(earlier.span.end, view.word(std::max(figure.last, figure.nominal)).span.end);
    return true;
  }
  return false;
}

std::vector<Found> ReadSentence(const SentenceView& view) {
  std::vector<Found> found;
  for (const Figure& figure : internal::FindFigures(view)) {
    std::optional<Reading> reading = internal::ReadFigure(view, figure);
    if (!reading && JoinConjunct(view, figure, found)) continue;
    if (!reading) continue;
    found.push_back(Found{*reading, figure.value, view.SpanOf(figure.first, figure.last), figure.nominal});
  }
  return found;
}

doc::EventCount& Slot(doc::EventCounts& counts, CountKind kind) {
  switch (kind) {
    case CountKind::kKilled: return counts.killed;
    case CountKind::kInjured: return counts.injured;
    case CountKind::kDisplaced: return counts.displaced;
    case CountKind::kArrested: return counts.arrested;
    case CountKind::kKidnapped: return counts.kidnapped;
  }
  return counts.killed;
}

// Two counts of one kind for one event: the event's own figure over a cumulative toll, then
// the lowest (ACLED).
void Keep(doc::EventCount& slot, const Found& count) {
  const bool better = slot.value < 0 || (slot.cumulative && !count.reading.cumulative) ||
                      (slot.cumulative == count.reading.cumulative && count.value < slot.value);
  if (!better) return;
  slot.value = count.value;
  slot.span = count.span;
  slot.cumulative = count.reading.cumulative;
}

}  // namespace

std::vector<doc::EventCounts> AttachCounts(const doc::Document& document, uint32_t sentence,
                                           std::span<const Anchor> anchors) {
  std::vector<doc::EventCounts> counts(anchors.size());
  if (anchors.empty()) return counts;
  SentenceView view(document, sentence);
  for (const Found& count : ReadSentence(view)) {
    const int owner = OwnerVerb(view, anchors, count.reading.predicate);
    if (owner < 0) continue;
    // Coordinated actors give one event each on the same verb: each reports the count.
    for (size_t index = 0; index < anchors.size(); ++index) {
      if (view.Local(anchors[index].verb) == owner && !IsStatement(anchors[index])) {
        Keep(Slot(counts[index], count.reading.kind), count);
      }
    }
  }
  return counts;
}

}  // namespace khabar::counts
