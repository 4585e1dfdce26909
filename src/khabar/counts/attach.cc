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

// A statement never takes a count: CAMEO root 01, or any event on a verb of speech ("said",
// "told"), coded or not. An attribution is not an act of violence.
bool IsStatement(const SentenceView& view, const Anchor& anchor) {
  const int verb = view.Local(anchor.verb);
  return anchor.root == "01" || verb < 0 || internal::IsSpeechLemma(view.lemma(verb));
}

// Material conflict (quad class 4: roots 14-20) takes counts it does not name itself; an
// uncoded verb (the evaluation's) does too.
bool TakesCountsOfOthers(const Anchor& anchor) {
  return anchor.quad_class == 4 || anchor.root == "14" || anchor.root.empty();
}

bool IsClauseLink(std::string_view rel) {
  return rel == "advcl" || rel == "xcomp" || rel == "conj" || rel == "ccomp" || rel == "parataxis" ||
         rel == "csubj";
}

// Whether a count read at `predicate` may reach the event on `verb`. Climbing from the
// predicate to their common ancestor may cross clause links only, unless the next word is
// the event itself: a relative clause or a noun's argument ("the rebels, who killed 30, signed
// the deal") keeps its count from the clause above; a step up to a conjunction stands for
// the clause link the parser missed. The first step may also go from a
// modifier to its noun ("shot dead three gunmen"; "the hospital, wounding 11", a misparsed
// adverbial), but not from a past participle, which describes an earlier state ("the 300
// families displaced by the floods"). Descending is free ("killed in the assault"). Killing
// and wounding are one act with their conjuncts; an arrest, an abduction or a displacement
// in a conjunct is an act of its own.
bool Reaches(const SentenceView& view, int predicate, int verb, CountKind kind) {
  const bool harm = kind == CountKind::kKilled || kind == CountKind::kInjured;
  for (int at = predicate, steps = 0; !view.IsAncestor(at, verb); ++steps) {
    const int parent = view.head(at);
    if (parent < 0 || steps > view.size()) return false;
    const std::string_view rel = view.rel(at);
    if (rel == "conj" && !harm) return false;
    const std::string_view full = view.full_rel(at);
    // A past participle on a bare number is the elliptical clause "2,000 injured", not an
    // earlier state of a noun.
    const bool clause_like = view.xpos(at) != "VBN" || view.upos(parent) == doc::Upos::kNum;
    const bool modifier = at == predicate && (full == "amod" || (full == "acl" && clause_like));
    // A conjunction made the head of a clause ("killed and [2,000 injured]") is a parser's
    // slip: the step up to it is taken as the clause link it stands for.
    const bool misparsed = view.upos(parent) == doc::Upos::kCconj;
    if (parent != verb && !IsClauseLink(rel) && !modifier && !misparsed) return false;
    at = parent;
  }
  return true;
}

// The verb of the event a count belongs to: the event on the predicate itself, else the
// nearest event that takes others' counts and that the count reaches, a governing one first
// on equal distance. -1 when none.
int OwnerVerb(const SentenceView& view, std::span<const Anchor> anchors, const Reading& reading) {
  const int predicate = reading.predicate;
  int best = -1;
  int best_cost = std::numeric_limits<int>::max();
  for (const Anchor& anchor : anchors) {
    if (IsStatement(view, anchor)) continue;
    const int verb = view.Local(anchor.verb);
    if (verb == predicate) return verb;
    if (!TakesCountsOfOthers(anchor) || !Reaches(view, predicate, verb, reading.kind)) continue;
    const int distance = view.Distance(predicate, verb);
    const int cost = 2 * distance + (view.IsAncestor(verb, predicate) ? 0 : 1);
    if (cost < best_cost) best = verb, best_cost = cost;
  }
  return best;
}

// Events one adverbial clause away from the predicate, and event nouns below it, report the
// same act: "rebels shelled the village, killing 13" gives the shelling the killing's 13; "70
// were killed when troops opened fire" gives the firing the 70; "450 have been killed in
// Haftar's assault" gives the assault (an event noun) the 450 as well as the killing.
bool SameAct(const SentenceView& view, int predicate, int verb) {
  if (view.head(predicate) == verb) return view.rel(predicate) == "advcl" || view.rel(predicate) == "xcomp";
  if (view.head(verb) == predicate && view.rel(verb) == "advcl") return true;
  return view.upos(verb) == doc::Upos::kNoun && verb != predicate && view.IsAncestor(predicate, verb);
}

// A figure joined by "conj" to a figure already read counts the same thing: its value is
// added to that count. A conjunct read on its own as another kind stays apart ("13 killed
// and 20 injured" parsed with "20" a conjunct of "13").
bool JoinConjunct(const SentenceView& view, const Figure& figure, const std::optional<Reading>& own,
                  std::vector<Found>& found) {
  if (view.rel(figure.nominal) != "conj") return false;
  const int first = view.head(figure.nominal);
  for (Found& earlier : found) {
    if (earlier.nominal != first) continue;
    if (own && own->kind != earlier.reading.kind) return false;
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
    if (JoinConjunct(view, figure, reading, found) || !reading) continue;
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
    const int owner = OwnerVerb(view, anchors, count.reading);
    if (owner < 0) continue;
    // Coordinated actors give one event each on the same verb: each reports the count.
    for (size_t index = 0; index < anchors.size(); ++index) {
      const Anchor& anchor = anchors[index];
      const int verb = view.Local(anchor.verb);
      if (IsStatement(view, anchor)) continue;
      const bool shares = TakesCountsOfOthers(anchor) && SameAct(view, count.reading.predicate, verb);
      if (verb == owner || shares) Keep(Slot(counts[index], count.reading.kind), count);
    }
  }
  return counts;
}

}  // namespace khabar::counts
