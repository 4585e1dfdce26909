#include "khabar/counts/internal/figures.h"

#include <string_view>

#include "khabar/counts/number.h"

namespace khabar::counts::internal {
namespace {

using U = doc::Upos;

bool IsNounish(U upos) { return upos == U::kNoun || upos == U::kPropn || upos == U::kNum; }

bool Inside(int word, int first, int last) { return word >= first && word <= last; }

// The noun a phrase counts. Its syntactic head is its last word whose head lies outside it
// ("hundred" of "two hundred and fifty", "few" of "a few"); the noun that word modifies as
// nummod, det, amod or compound ("people" of "13 people"), else the word itself ("killing
// 13", "dozens of people"). A counted noun hanging from a hedge noun inside the phrase ("a
// total of 27 soldiers") hands over to the hedge noun, which carries the clause relation.
int NominalOf(const SentenceView& view, int first, int last, int fallback) {
  int head = -1;
  for (int word = first; word <= last; ++word) {
    if (!Inside(view.head(word), first, last) && view.rel(word) != "punct") head = word;
  }
  if (head < 0) head = fallback;
  const int parent = view.head(head);
  const std::string_view rel = view.rel(head);
  int nominal = head;
  if (parent >= 0 && IsNounish(view.upos(parent)) &&
      (rel == "nummod" || rel == "det" || rel == "amod" || rel == "compound")) {
    nominal = parent;
  }
  if (view.rel(nominal) == "nmod" && Inside(view.head(nominal), first, last)) nominal = view.head(nominal);
  return nominal;
}

bool IsSingularDeterminer(const SentenceView& view, int kid) {
  const std::string_view rel = view.full_rel(kid);
  if (rel == "nmod:poss") return true;
  if (rel != "det" && rel != "det:poss") return false;
  const std::string_view det = view.form(kid);
  return det == "a" || det == "an" || det == "the" || det == "his" || det == "her" || det == "their" ||
         det == "its" || det == "our";
}

bool CountedByNumber(std::span<const Figure> numbers, int noun) {
  for (const Figure& number : numbers) {
    if (number.nominal == noun || (number.first <= noun && noun <= number.last)) return true;
  }
  return false;
}

// "a policeman", "the commander", "their mother": one person, unless a number counts the
// noun already ("a dozen soldiers").
void AddSingulars(const SentenceView& view, std::vector<Figure>& figures) {
  const size_t numbers = figures.size();
  for (int word = 0; word < view.size(); ++word) {
    if (view.upos(word) != U::kNoun || view.xpos(word) != "NN" || IsUnitWord(view.lemma(word))) continue;
    if (CountedByNumber(std::span<const Figure>(figures.data(), numbers), word)) continue;
    for (int kid : view.kids(word)) {
      if (kid < word && IsSingularDeterminer(view, kid)) {
        figures.push_back(Figure{kid, word, word, word, 1, false, true});
        break;
      }
    }
  }
}

}  // namespace

std::vector<Figure> FindFigures(const SentenceView& view) {
  std::vector<Figure> figures;
  const std::span<const std::string_view> forms = view.forms();
  for (size_t at = 0; at < forms.size();) {
    std::optional<NumberPhrase> phrase = ParseNumberPhrase(forms, at);
    if (!phrase) {
      ++at;
      continue;
    }
    const int first = static_cast<int>(phrase->begin);
    const int last = static_cast<int>(phrase->end) - 1;
    const int head = static_cast<int>(phrase->head);
    figures.push_back(Figure{first, last, head, NominalOf(view, first, last, head), phrase->value,
                             phrase->year_like});
    at = phrase->end;
  }
  AddSingulars(view, figures);
  return figures;
}

namespace {

bool IsPassiveSubject(const SentenceView& view, int word) { return view.full_rel(word) == "nsubj:pass"; }

// The victim of a casualty predicate `predicate` given as `casualty`, when `nominal` is it.
bool IsVictim(const SentenceView& view, int nominal, int predicate, const Casualty& casualty,
              bool passive_only) {
  const std::string_view rel = view.rel(nominal);
  const bool participle = view.xpos(predicate) == "VBN";
  switch (casualty.valency) {
    case Valency::kTransitive:
      if (IsPassiveSubject(view, nominal)) return true;
      if (rel == "nsubj") return participle && view.Kid(predicate, "obj") < 0;
      return rel == "obj" && !passive_only;
    case Valency::kIntransitive:
    case Valency::kState:
      return rel == "nsubj";
    case Valency::kNoun:  // "the deaths of 13 people"; "19 crew members hostage"
      if (view.upos(predicate) != U::kNoun) return false;
      return rel == "compound" || (rel == "nmod" && view.HasKidLemma(nominal, "of"));
  }
  return false;
}

// The lemma, then the form's stems for a verb the lemmatizer missed ("uprooted" -> "uproot"),
// then the form itself ("fled", "injured").
std::optional<Casualty> LookUp(const SentenceView& view, int word, bool* passive_only) {
  if (std::optional<Casualty> casualty = CasualtyOf(view.lemma(word), passive_only)) return casualty;
  const std::string_view form = view.form(word);
  if (view.xpos(word).starts_with("VB")) {
    for (std::string_view suffix : {"ed", "d", "ing"}) {
      if (!form.ends_with(suffix) || form.size() <= suffix.size() + 2) continue;
      std::optional<Casualty> casualty = CasualtyOf(form.substr(0, form.size() - suffix.size()), passive_only);
      if (casualty && casualty->valency != Valency::kNoun) return casualty;
    }
  }
  return CasualtyOf(form, passive_only);
}

std::optional<Casualty> CasualtyAt(const SentenceView& view, int word, bool* passive_only) {
  std::optional<Casualty> casualty = LookUp(view, word, passive_only);
  // "taken into custody", "took 13 into custody": an arrest.
  if (!casualty && view.lemma(word) == "take") {
    for (int kid : view.kids(word)) {
      if (view.rel(kid) == "obl" && view.lemma(kid) == "custody") return Casualty{CountKind::kArrested, Valency::kTransitive};
    }
  }
  if (!casualty) return std::nullopt;
  // "round" is a casualty verb only with its particle: "rounded up".
  if (view.lemma(word) == "round" && !view.HasKidLemma(word, "up")) return std::nullopt;
  // A verb's lemma on a noun names the act: "13 arrests", "the killing of 4".
  if (view.upos(word) == U::kNoun &&
      (casualty->valency == Valency::kTransitive || casualty->valency == Valency::kIntransitive)) {
    casualty->valency = Valency::kNoun;
  }
  return casualty;
}

// A casualty participle or adjective modifying the nominal: "13 people killed", "5 dead".
std::optional<Reading> ReadModifier(const SentenceView& view, int nominal) {
  bool passive_only = false;
  if (std::optional<Casualty> own = CasualtyAt(view, nominal, &passive_only);
      own && (own->valency == Valency::kNoun || own->valency == Valency::kState)) {
    return Reading{own->kind, nominal, false};
  }
  for (int kid : view.kids(nominal)) {
    const std::string_view rel = view.rel(kid);
    if (rel != "amod" && rel != "acl") continue;
    std::optional<Casualty> casualty = CasualtyAt(view, kid, &passive_only);
    if (!casualty || casualty->valency == Valency::kNoun || view.Kid(kid, "obj") >= 0) continue;
    return Reading{casualty->kind, kid, false};
  }
  return std::nullopt;
}

// An object whose verb's xcomp is a casualty state, intransitive or noun: "left 13 people
// dead", "forced 2,000 families to flee", "took 19 sailors hostage".
std::optional<Reading> ReadObjectComplement(const SentenceView& view, int nominal, int parent) {
  if (view.rel(nominal) != "obj") return std::nullopt;
  for (int kid : view.kids(parent)) {
    if (view.rel(kid) != "xcomp") continue;
    std::optional<Casualty> casualty = CasualtyAt(view, kid, nullptr);
    if (casualty && casualty->valency != Valency::kTransitive) return Reading{casualty->kind, kid, false};
  }
  return std::nullopt;
}

// The figure as an argument of a casualty word: "killing 13", "13 were killed", "deaths of 13".
std::optional<Reading> ReadArgument(const SentenceView& view, int nominal) {
  const int parent = view.head(nominal);
  if (parent < 0) return std::nullopt;
  if (std::optional<Reading> complement = ReadObjectComplement(view, nominal, parent)) return complement;
  bool passive_only = false;
  std::optional<Casualty> casualty = CasualtyAt(view, parent, &passive_only);
  if (!casualty || !IsVictim(view, nominal, parent, *casualty, passive_only)) return std::nullopt;
  return Reading{casualty->kind, parent, false};
}

// What a toll word counts: "death toll" killed, "number of injured" injured; a bare "toll"
// is a death toll, a bare "number" nothing.
std::optional<CountKind> TollKind(const SentenceView& view, int toll) {
  for (int kid : view.kids(toll)) {
    std::optional<Casualty> casualty = CasualtyAt(view, kid, nullptr);
    if (casualty) return casualty->kind;
    if (view.lemma(kid) == "casualty") return CountKind::kKilled;
  }
  if (view.lemma(toll) == "toll" || view.lemma(toll) == "tally") return CountKind::kKilled;
  return std::nullopt;
}

// "the death toll rose to 200", "a death toll of 200", "the toll was 200".
std::optional<Reading> ReadToll(const SentenceView& view, int nominal) {
  const int parent = view.head(nominal);
  if (parent >= 0 && IsTollWord(view.lemma(parent)) && view.rel(nominal) == "nmod") {
    if (std::optional<CountKind> kind = TollKind(view, parent)) return Reading{*kind, parent, false};
  }
  for (int holder : {parent, nominal}) {
    if (holder < 0) continue;
    for (int kid : view.kids(holder)) {
      if (kid == nominal || !IsTollWord(view.lemma(kid))) continue;
      if (view.rel(kid) != "nsubj" && view.rel(kid) != "obj") continue;
      std::optional<CountKind> kind = TollKind(view, kid);
      if (!kind) continue;
      return Reading{*kind, holder, holder == parent && IsTollChangeVerb(view.lemma(holder))};
    }
  }
  return std::nullopt;
}

bool IsVictimFiller(const SentenceView& view, int word) {
  const U upos = view.upos(word);
  return (upos == U::kNoun || upos == U::kPropn || upos == U::kAdj) && !CasualtyOf(view.lemma(word));
}

// Word order when the parse misses: "2,000 injured", "13 people killed", "killing 13".
std::optional<Reading> ReadAdjacent(const SentenceView& view, const Figure& figure) {
  int after = figure.last + 1;
  for (int skipped = 0; skipped < 2 && after < view.size() && IsVictimFiller(view, after); ++skipped) ++after;
  // "several others were injured", "13 have been arrested"
  while (after < view.size() && view.upos(after) == U::kAux) ++after;
  bool passive_only = false;
  if (after < view.size()) {
    std::optional<Casualty> casualty = CasualtyAt(view, after, &passive_only);
    const std::string_view xpos = view.xpos(after);
    if (casualty && view.Kid(after, "obj") < 0 &&
        ((casualty->valency == Valency::kTransitive && xpos == "VBN") ||
         casualty->valency == Valency::kState ||
         (casualty->valency == Valency::kIntransitive && xpos.starts_with("VB")))) {
      return Reading{casualty->kind, after, false};
    }
  }
  const int before = figure.first - 1;
  if (before < 0) return std::nullopt;
  std::optional<Casualty> casualty = CasualtyAt(view, before, &passive_only);
  const std::string_view xpos = view.xpos(before);
  if (casualty && casualty->valency == Valency::kTransitive && !passive_only &&
      (xpos == "VBG" || xpos == "VBD" || xpos == "VBN")) {
    return Reading{casualty->kind, before, false};
  }
  return std::nullopt;
}

// A time, a date, a sum, an age or an identifier, never a count.
bool IsNoCount(const SentenceView& view, const Figure& figure) {
  const int next = figure.last + 1;
  if (figure.nominal != figure.head && IsUnitWord(view.lemma(figure.nominal))) return true;
  if (next < view.size() && (IsUnitWord(view.lemma(next)) || IsUnitWord(view.form(next)))) return true;
  if (figure.first > 0) {
    const std::string_view previous = view.form(figure.first - 1);
    if (previous == "aged" || previous == "age" || previous == "$" || IsUnitWord(previous)) return true;
  }
  // "Resolution 2259", "Highway 7": a number after the noun it names.
  if (figure.nominal < figure.first) return true;
  const int parent = view.head(figure.head);
  const std::string_view rel = view.rel(figure.head);
  if (parent >= 0 && parent < figure.first && (rel == "flat" || rel == "appos")) return true;
  if (!figure.year_like) return false;
  // A bare year counts only before the people it counts: "2000 people fled".
  if (next >= view.size()) return true;
  return !(view.lemma(next) == "people" || CasualtyOf(view.lemma(next)).has_value());
}

// Conservative on purpose: the markers are looked for in the predicate's clause only.
bool IsCumulative(const SentenceView& view, const Figure& figure, int predicate) {
  int scope = predicate;
  if (view.rel(scope) == "conj" && view.head(scope) >= 0) scope = view.head(scope);
  for (int word = 0; word < view.size(); ++word) {
    const bool in_scope = (word >= figure.first && word <= figure.last) || view.IsAncestor(scope, word);
    if (!in_scope) continue;
    if (IsCumulativeWord(view.form(word))) return true;
    if (word + 1 < view.size() && IsCumulativePair(view.form(word), view.form(word + 1))) return true;
  }
  return false;
}

}  // namespace

std::optional<Reading> ReadFigure(const SentenceView& view, const Figure& figure) {
  if (figure.value < 0 || IsNoCount(view, figure)) return std::nullopt;
  // A singular noun is a victim only as the argument of a casualty word, and never a
  // displaced one: "evacuated the hospital" moved no one person.
  std::optional<Reading> reading = ReadArgument(view, figure.nominal);
  if (figure.singular) {
    if (reading && reading->kind == CountKind::kDisplaced) return std::nullopt;
  } else {
    if (!reading) reading = ReadModifier(view, figure.nominal);
    if (!reading) reading = ReadToll(view, figure.nominal);
    if (!reading) reading = ReadAdjacent(view, figure);
  }
  if (!reading) return std::nullopt;
  reading->cumulative = reading->cumulative || IsCumulative(view, figure, reading->predicate);
  return reading;
}

}  // namespace khabar::counts::internal
