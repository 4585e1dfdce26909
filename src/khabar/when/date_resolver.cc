#include "khabar/when/date_resolver.h"

#include <array>
#include <cstdlib>
#include <string_view>

#include "khabar/when/internal/clause_tree.h"

namespace khabar::when {
namespace {

using internal::ClauseTree;

bool IsAbsolute(ExpressionKind kind) {
  return kind == ExpressionKind::kDate || kind == ExpressionKind::kMonthYear ||
         kind == ExpressionKind::kYear;
}

bool IsFunctionWord(const ClauseTree& tree, int word) {
  std::string_view rel = tree.base(word);
  return rel == "case" || rel == "mark" || rel == "det" || rel == "punct" || rel == "cc";
}

// The word of the expression whose head lies outside it, nearest the root; a preposition
// the parser hangs elsewhere ("in" of "in Sunday's elections" under "elections") only
// when nothing else is.
int ExpressionHead(const ClauseTree& tree, const TemporalExpression& found) {
  int best = -1;
  for (int word = found.first; word <= found.last; ++word) {
    int head = tree.head(word);
    if (head >= found.first && head <= found.last) continue;
    if (best < 0 || (IsFunctionWord(tree, best) && !IsFunctionWord(tree, word)) ||
        (IsFunctionWord(tree, best) == IsFunctionWord(tree, word) &&
         tree.Depth(word) < tree.Depth(best))) {
      best = word;
    }
  }
  return best;
}

bool IsSubject(std::string_view rel) { return rel == "nsubj" || rel == "csubj"; }

// Two parser mistakes around temporal nouns, repaired before attachment:
// - an expression parsed as a second subject of its verb ("militants who were captured
//   last year have been transferred": "year" as a subject of "transferred") is left
//   unattached (-1), since where it belongs cannot be told; at the very start of the
//   sentence it is the fronted time of that verb ("Last August, the fighters have been
//   engaged ...") and stays;
// - an expression that carries the "and" of the clause after it ("..., and on Monday it
//   blocked ...", with "Monday" under the first verb) belongs to that following
//   coordinated or paratactic verb.
int RepairAttachment(const ClauseTree& tree, const TemporalExpression& found, int head) {
  const int governor = tree.head(head);
  if (governor < 0) return head;
  if (IsSubject(tree.base(head))) {
    if (found.first == 0) return head;
    for (int kid : tree.kids(governor)) {
      if (kid != head && IsSubject(tree.base(kid))) return -1;
    }
    return head;
  }
  bool carries_and = false;
  for (int kid : tree.kids(head)) carries_and |= tree.base(kid) == "cc" && kid < found.first;
  if (!carries_and) return head;
  for (int kid : tree.kids(governor)) {
    std::string_view rel = tree.base(kid);
    if (kid > found.last && tree.IsPredicate(kid) && (rel == "conj" || rel == "parataxis"))
      return kid;
  }
  return head;
}

// The predicate an expression belongs to: its nearest verb (or auxiliary) ancestor, else
// the root.
int ClausePredicate(const ClauseTree& tree, int head) {
  int at = head;
  for (int steps = 0; tree.head(at) >= 0 && steps <= tree.size(); ++steps) {
    at = tree.head(at);
    if (tree.IsPredicate(at)) return at;
  }
  return at;
}

// "will", "shall" or "'ll" as an auxiliary of the predicate.
bool HasFutureAuxiliary(const ClauseTree& tree, int predicate) {
  for (int kid : tree.kids(predicate)) {
    if (tree.base(kid) == "aux" && (tree.lemma(kid) == "will" || tree.lemma(kid) == "shall"))
      return true;
  }
  return false;
}

// Verbs whose open complement happens after them: "is expected to vote", "is due to
// arrive", "agreed to meet", "ordered him to appear".
bool GovernsFuture(std::string_view lemma) {
  static constexpr std::array<std::string_view, 23> kLemmas = {
      "expect",  "schedule", "due",    "set",      "plan",  "intend", "prepare", "aim",
      "promise", "pledge",   "vow",    "threaten", "agree", "decide", "order",   "ask",
      "urge",    "call",     "invite", "want",     "hope",  "seek",   "offer"};
  for (std::string_view future : kLemmas) {
    if (lemma == future) return true;
  }
  return false;
}

// The verbs of "is expected", "are scheduled", "is due": future in the present tense.
bool SchedulesInPresent(std::string_view lemma) {
  return lemma == "expect" || lemma == "schedule" || lemma == "due" || lemma == "set" ||
         lemma == "plan";
}

// "is expected", "are scheduled", "is due": a future-governing predicate in the present.
bool IsPresentScheduling(const ClauseTree& tree, int predicate) {
  if (!SchedulesInPresent(tree.lemma(predicate))) return false;
  for (int kid : tree.kids(predicate)) {
    std::string_view rel = tree.base(kid);
    std::string_view xpos = tree.xpos(kid);
    if ((rel == "aux" || rel == "cop") && tree.lemma(kid) == "be" &&
        (xpos == "VBZ" || xpos == "VBP"))
      return true;
  }
  return false;
}

// An open complement, or an infinitive the parser took for an adverbial clause ("due to
// meet" with "meet" as advcl): its time is set by the verb above it.
bool IsInfinitiveComplement(const ClauseTree& tree, int word) {
  return tree.base(word) == "xcomp" || (tree.base(word) == "advcl" && tree.MarkOf(word) == "to");
}

// The tense of the clause holding the expression's head: future when its predicate, or a
// predicate it is the infinitive complement of, has "will"/"shall", when it is the
// complement of a verb such as "expect" or "plan", or when it is "is expected", "are
// scheduled", "is due" itself.
// An expression before an open complement's verb belongs to the verb above (see
// IsOwnClause), so `first`, the expression's first word, can lift the predicate.
Tense ClauseTense(const ClauseTree& tree, int head, int first) {
  int predicate = ClausePredicate(tree, head);
  if (head >= 0 && tree.IsPredicate(head)) predicate = head;
  for (int steps = 0; tree.base(predicate) == "xcomp" && first < predicate &&
                      tree.head(predicate) >= 0 && steps <= tree.size();
       ++steps) {
    predicate = tree.head(predicate);
  }
  for (int steps = 0; predicate >= 0 && steps <= tree.size(); ++steps) {
    if (HasFutureAuxiliary(tree, predicate) || IsPresentScheduling(tree, predicate))
      return Tense::kFuture;
    if (!IsInfinitiveComplement(tree, predicate) || tree.head(predicate) < 0) break;
    predicate = tree.head(predicate);
    if (GovernsFuture(tree.lemma(predicate))) return Tense::kFuture;
  }
  return Tense::kPast;
}

// A date naming a thing, not an event: "the October 2018 agreement".
bool IsPrenominalModifier(const ClauseTree& tree, const TemporalExpression& found, int head) {
  std::string_view rel = tree.base(head);
  int governor = tree.head(head);
  return (rel == "compound" || rel == "amod" || rel == "nummod") && governor > found.last &&
         (tree.upos(governor) == doc::Upos::kNoun || tree.upos(governor) == doc::Upos::kPropn);
}

// A subjectless present participle without a subordinator shares the time of the clause
// it hangs from: "The president, speaking in Cairo on Sunday, accused ...", "a boat
// carrying weapons last Friday" (where the parser often attaches the main clause's time).
bool IsBareParticiple(const ClauseTree& tree, int word) {
  return tree.xpos(word) == "VBG" && !tree.HasOwnSubject(word) && tree.MarkOf(word).empty();
}

// "when", "as" and "while" clauses happen at the time of the clause they modify. UD
// English makes "when" an advmod of its clause (WRB), "as" and "while" a mark.
bool IsSimultaneous(const ClauseTree& tree, int word) {
  for (int kid : tree.kids(word)) {
    std::string_view rel = tree.base(kid);
    std::string_view lemma = tree.lemma(kid);
    if ((rel == "mark" || rel == "advmod") && kid < word &&
        (lemma == "when" || lemma == "as" || lemma == "while")) {
      return true;
    }
  }
  return false;
}

// A dependent that is a clause of its own for an expression starting at word `first`: a
// complement, adverbial, relative or paratactic clause, a coordinated verb, or the open
// complement of a verb whose complement comes later when the expression follows the
// complement's verb ("agreed to meet on Thursday": Thursday is the meeting's; in "called
// Thursday on Arabs to unite" it is the call's, wherever the parser hangs it). Its
// expressions date its own events.
bool IsOwnClause(const ClauseTree& tree, int word, int first) {
  std::string_view rel = tree.base(word);
  if (rel == "xcomp")
    return first > word && tree.head(word) >= 0 && GovernsFuture(tree.lemma(tree.head(word)));
  if (rel == "acl" || rel == "advcl")
    return !IsBareParticiple(tree, word) && !(rel == "advcl" && IsSimultaneous(tree, word));
  if (rel == "ccomp" || rel == "csubj" || rel == "parataxis" || rel == "list") return true;
  return rel == "conj" && tree.IsPredicate(word);
}

// Steps from the head of the expression starting at word `first` up to `clause` without
// entering another clause, or -1 when the expression is not in that clause.
int DistanceInClause(const ClauseTree& tree, int head, int first, int clause) {
  int steps = 0;
  for (int at = head; at != clause; at = tree.head(at), ++steps) {
    if (at < 0 || steps > tree.size() || IsOwnClause(tree, at, first)) return -1;
  }
  return steps;
}

// A clause without a subject of its own takes its time from the clause it depends on:
// "agreed on Sunday to tighten", "struck on Friday, killing five", "arrested him on
// Tuesday and charged him"; so does a nominal event ("the assault").
bool InheritsFromHead(const ClauseTree& tree, int word) {
  if (tree.head(word) < 0) return false;
  if (!tree.IsPredicate(word)) return true;
  std::string_view rel = tree.base(word);
  return (rel == "xcomp" || rel == "conj" || rel == "advcl") && !tree.HasOwnSubject(word);
}

// A possessive date names a thing ("Saturday's raid", "Sunday's elections"): it dates the
// event when the thing is the event or one of its arguments (two steps from the verb:
// date -> noun -> verb), not when it sits deeper ("a curfew after a demonstration over
// fraud in Sunday's elections").
constexpr int kMaxPossessiveSteps = 2;

// The usable expression of `clause` that is most precise ("in May" over "this year" in
// "raised rates in May for the third time this year"), then nearest (fewest tree steps,
// then fewest words away from `verb`), or nullptr.
const FoundExpression* NearestInClause(const ClauseTree& tree,
                                       const std::vector<FoundExpression>& found, int clause,
                                       int verb) {
  const FoundExpression* best = nullptr;
  int best_steps = 0, best_gap = 0;
  for (const FoundExpression& candidate : found) {
    const TemporalExpression& expression = candidate.expression;
    if (candidate.head < 0 || expression.boundary ||
        candidate.date.precision == doc::DatePrecision::kNone ||
        (verb >= expression.first && verb <= expression.last) ||
        IsPrenominalModifier(tree, expression, candidate.head)) {
      continue;
    }
    int steps = DistanceInClause(tree, candidate.head, expression.first, clause);
    int gap = std::abs(candidate.head - verb);
    if (steps < 0 || (tree.rel(candidate.head) == "nmod:poss" && steps > kMaxPossessiveSteps))
      continue;
    const auto rank = [](const FoundExpression& found) {
      return static_cast<int>(found.date.precision);
    };
    const bool more_precise = best != nullptr && rank(candidate) > rank(*best);
    const bool as_precise = best != nullptr && rank(candidate) == rank(*best);
    if (best == nullptr || more_precise ||
        (as_precise && (steps < best_steps || (steps == best_steps && gap < best_gap)))) {
      best = &candidate;
      best_steps = steps;
      best_gap = gap;
    }
  }
  return best;
}

}  // namespace

DocumentDates::DocumentDates(const doc::Document& document)
    : document_(&document), reference_(ParseIsoDate(document.published)) {
  if (reference_.has_value()) {
    publication_.year = reference_->year;
    publication_.month = reference_->month;
    publication_.day = reference_->day;
    publication_.precision = doc::DatePrecision::kDay;
  }
  found_.resize(document.words.sentences.size());
  std::optional<CivilDate> anchor;
  for (uint32_t sentence = 0; sentence < found_.size(); ++sentence)
    FindInSentence(sentence, anchor);
}

void DocumentDates::FindInSentence(uint32_t sentence, std::optional<CivilDate>& anchor) {
  const doc::WordLayer& words = document_->words;
  const doc::SentenceWords& range = words.sentences[sentence];
  std::vector<std::string_view> forms;
  forms.reserve(range.word_count());
  for (doc::WordIndex word = range.word_begin; word < range.word_end; ++word) {
    forms.push_back(words.Form(document_->text, words.words[word]));
  }
  std::vector<TemporalExpression> expressions = FindTemporalExpressions(forms);
  if (expressions.empty()) return;
  ClauseTree tree(*document_, sentence);
  for (const TemporalExpression& expression : expressions) {
    FoundExpression found;
    found.expression = expression;
    found.head = words.parsed() ? ExpressionHead(tree, expression) : -1;
    if (found.head >= 0) found.head = RepairAttachment(tree, expression, found.head);
    found.tense = found.head >= 0 ? ClauseTense(tree, found.head, expression.first) : Tense::kPast;
    if (reference_.has_value() || IsAbsolute(expression.kind)) {
      found.date = Resolve(expression, reference_.value_or(CivilDate{}), found.tense, anchor);
    }
    found.date.span = {words.words[range.word_begin + expression.first].span.begin,
                       words.words[range.word_begin + expression.last].span.end};
    if (found.date.precision == doc::DatePrecision::kDay && !expression.boundary) {
      anchor = CivilDate{found.date.year, found.date.month, found.date.day};
    }
    found_[sentence].push_back(found);
  }
}

doc::EventDate DocumentDates::DateOf(uint32_t sentence, doc::WordIndex verb) const {
  if (sentence >= found_.size() || found_[sentence].empty() || verb == doc::kNoHead)
    return publication_;
  ClauseTree tree(*document_, sentence);
  const int verb_word = static_cast<int>(verb - tree.begin());
  if (verb < tree.begin() || verb_word >= tree.size()) return publication_;
  for (int clause = verb_word, steps = 0; steps <= tree.size();
       clause = tree.head(clause), ++steps) {
    if (const FoundExpression* found = NearestInClause(tree, found_[sentence], clause, verb_word))
      return found->date;
    if (!InheritsFromHead(tree, clause)) break;
  }
  return publication_;
}

}  // namespace khabar::when
