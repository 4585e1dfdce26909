#include "khabar/where/attachment.h"

#include <algorithm>
#include <array>
#include <optional>

namespace khabar::where {
namespace {

constexpr int kMaxNominalDepth = 3;

// Prepositions that put an event somewhere ("from" is left out: "a driver from Abidjan").
constexpr std::array<std::string_view, 15> kLocativeCases = {
    "in",      "at",     "near",   "outside", "inside", "around", "across", "into",
    "on",      "within", "throughout", "along", "through", "off", "nearby"};

// Nouns naming a kind of place: a name below them is the place ("the town of Huddur", "the
// Aziziyah district", "Grozny's streets").
constexpr std::array<std::string_view, 46> kPlaceNouns = {
    "city",    "town",     "village",  "district", "province",  "region",     "area",
    "neighborhood", "neighbourhood", "suburb", "outskirts", "capital", "street", "road",
    "square",  "camp",     "border",   "frontier", "governorate", "county",   "municipality",
    "locality", "valley",  "hill",     "mountain", "port",      "airport",    "base",
    "junction", "crossing", "crossroads", "checkpoint", "quarter", "countryside", "settlement",
    "hamlet",  "enclave",  "edge",     "center",   "centre",    "prefecture", "island",
    "coast",   "highway",  "state",    "peak"};

// Verbs whose object is often the place itself ("captured Badme", "shelled Pooneryn").
constexpr std::array<std::string_view, 22> kPlaceObjectVerbs = {
    "capture", "seize",   "recapture", "retake",  "bomb",    "shell",  "bombard", "raid",
    "storm",   "patrol",  "liberate",  "overrun", "occupy",  "besiege", "surround", "invade",
    "enter",   "control", "attack",    "strike",  "pound",   "hit"};

constexpr std::array<std::string_view, 26> kDateWords = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

bool IsDateWord(std::string_view form) {
  std::string lower = Lower(form);
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  return In(kDateWords, lower) || lower == "sunday";
}

bool IsCapitalised(std::string_view form) { return !form.empty() && form[0] >= 'A' && form[0] <= 'Z'; }

// A word that can be part of a place name: a proper noun, or a capitalised noun or adjective
// that does not open the sentence ("Old City", "Oaxaca City"); never a month or a weekday.
bool IsNameWord(const SentenceView& view, int word) {
  std::string_view form = view.form(word);
  if (!IsCapitalised(form) || IsDateWord(form)) return false;
  doc::Upos upos = view.word(word).upos;
  if (upos == doc::Upos::kPropn) return true;
  return word > 0 && (upos == doc::Upos::kNoun || upos == doc::Upos::kAdj || upos == doc::Upos::kX);
}

// Lower-case pieces inside a name: the Arabic article and hyphens ("Umm al-Fahm").
bool IsConnector(const SentenceView& view, int word) {
  std::string lower = Lower(view.form(word));
  return lower == "-" || lower == "al" || lower == "el" || lower == "al-" || lower == "el-";
}

bool IsDescendant(const SentenceView& view, int word, int ancestor) {
  for (int steps = 0; word >= 0 && steps <= view.size(); ++steps) {
    if (word == ancestor) return true;
    word = view.head(word);
  }
  return false;
}

struct Name {
  int first = -1;
  int last = -1;
  bool known = false;  // the gazetteer has it
  bool country = false;  // ... and only as a country
};

bool CanExtend(const SentenceView& view, int word, int head) {
  return word >= 0 && word < view.size() && IsDescendant(view, word, head) &&
         (IsNameWord(view, word) || IsConnector(view, word));
}

void Vet(const SentenceView& view, const Gazetteer* gazetteer, Name* name) {
  if (gazetteer == nullptr) return;
  std::vector<std::string_view> words;
  for (int word = name->first; word <= name->last; ++word) words.push_back(view.form(word));
  std::vector<Candidate> found = gazetteer->Find(words);
  name->known = !found.empty();
  name->country = name->known;
  for (const Candidate& candidate : found) {
    if (gazetteer->place(candidate.place).precision != doc::PlacePrecision::kCountry) name->country = false;
  }
}

// The run of name words around `word` inside its subtree, without connectors at its ends;
// nullopt when `word` is no name word or the run is adjectives only ("Slovak").
std::optional<Name> NameAround(const SentenceView& view, int word, const Gazetteer* gazetteer) {
  if (!IsNameWord(view, word)) return std::nullopt;
  Name name{word, word};
  while (CanExtend(view, name.first - 1, word)) --name.first;
  while (CanExtend(view, name.last + 1, word)) ++name.last;
  while (name.first < word && IsConnector(view, name.first)) ++name.first;
  while (name.last > word && IsConnector(view, name.last)) --name.last;
  bool nominal = false;
  for (int each = name.first; each <= name.last; ++each) {
    nominal = nominal || view.word(each).upos != doc::Upos::kAdj;
  }
  if (!nominal) return std::nullopt;
  Vet(view, gazetteer, &name);
  return name;
}

std::string CaseOf(const SentenceView& view, int word) {
  for (int kid : view.kids(word)) {
    if (view.base(kid) == "case") return Lower(view.lemma(kid).empty() ? view.form(kid) : view.lemma(kid));
  }
  return "";
}

bool IsPlaceNoun(const SentenceView& view, int word) { return In(kPlaceNouns, Lower(view.lemma(word))); }

std::optional<Name> PlaceIn(const SentenceView& view, int word, const Gazetteer* gazetteer, int depth);

// Below a place noun: an apposition ("the capital, Grozny"), a name compound ("the Aziziyah
// district"), "of X" ("the town of Huddur") or a possessor ("Grozny's streets").
std::optional<Name> PlaceBelowPlaceNoun(const SentenceView& view, int noun, const Gazetteer* gazetteer,
                                        int depth) {
  for (std::string_view wanted : {"appos", "compound", "flat", "amod", "nmod", "nmod:poss"}) {
    for (int kid : view.kids(noun)) {
      std::string_view rel = view.rel(kid);
      if (wanted == "nmod" ? view.base(kid) != "nmod" || rel == "nmod:poss" : rel != wanted) continue;
      if (wanted == "nmod" && !(CaseOf(view, kid) == "of" || In(kLocativeCases, CaseOf(view, kid)))) continue;
      std::optional<Name> name = wanted == "nmod" || wanted == "appos" || wanted == "nmod:poss"
                                     ? PlaceIn(view, kid, gazetteer, depth + 1)
                                     : NameAround(view, kid, gazetteer);
      if (name && !(wanted == "amod" && view.word(kid).upos == doc::Upos::kAdj)) return name;
    }
  }
  return std::nullopt;
}

// Below another noun ("the bombardment of ...", "the Manbij campaign"): a compound name the
// gazetteer knows as a city or region, or a place further down an "of"/locative phrase.
std::optional<Name> PlaceBelowOtherNoun(const SentenceView& view, int noun, const Gazetteer* gazetteer,
                                        int depth) {
  for (int kid : view.kids(noun)) {
    if (view.rel(kid) != "compound") continue;
    std::optional<Name> name = NameAround(view, kid, gazetteer);
    if (name && name->known && !name->country) return name;
  }
  for (int kid : view.kids(noun)) {
    if (view.base(kid) != "nmod" || view.rel(kid) == "nmod:poss") continue;
    std::string preposition = CaseOf(view, kid);
    if (preposition != "of" && !In(kLocativeCases, preposition)) continue;
    std::optional<Name> name = PlaceIn(view, kid, gazetteer, depth + 1);
    if (name && (name->known || !IsNameWord(view, kid))) return name;
  }
  return std::nullopt;
}

// The place named by the nominal headed by `word`, if any.
std::optional<Name> PlaceIn(const SentenceView& view, int word, const Gazetteer* gazetteer, int depth) {
  if (depth > kMaxNominalDepth) return std::nullopt;
  if (std::optional<Name> name = NameAround(view, word, gazetteer)) return name;
  if (IsPlaceNoun(view, word)) return PlaceBelowPlaceNoun(view, word, gazetteer, depth);
  doc::Upos upos = view.word(word).upos;
  if (upos != doc::Upos::kNoun && upos != doc::Upos::kPropn) return std::nullopt;
  return PlaceBelowOtherNoun(view, word, gazetteer, depth);
}

bool HasOwnSubject(const SentenceView& view, int word) {
  for (int kid : view.kids(word)) {
    if (view.base(kid) == "nsubj" || view.base(kid) == "csubj" || view.base(kid) == "expl") return true;
  }
  return false;
}

// The verb and the predicates of its clause: non-finite complements and adverbial clauses
// without a subject of their own ("killed while planting a bomb in Taji").
std::vector<int> ClausePredicates(const SentenceView& view, int verb) {
  std::vector<int> predicates = {verb};
  for (size_t at = 0; at < predicates.size(); ++at) {
    for (int kid : view.kids(predicates[at])) {
      std::string_view base = view.base(kid);
      if ((base == "xcomp" || base == "advcl") && view.rel(kid) != "acl:relcl" && !HasOwnSubject(view, kid)) {
        predicates.push_back(kid);
      }
    }
  }
  return predicates;
}

bool IsLocativePhrase(const SentenceView& view, int word) {
  std::string_view base = view.base(word);
  if (base != "obl" && base != "nmod" && base != "advmod") return false;
  if (view.rel(word) == "obl:tmod" || view.rel(word) == "nmod:poss") return false;
  return In(kLocativeCases, CaseOf(view, word));
}

// A name's rank: the gazetteer's places first; then text order.
bool Better(const Name& a, const Name& b) {
  if (a.known != b.known) return a.known;
  return a.first < b.first;
}

AttachedPlace Attached(const SentenceView& view, const Name& name, AttachedBy by) {
  AttachedPlace place;
  place.first = name.first;
  place.last = name.last;
  place.span = doc::Span{view.word(name.first).span.begin, view.word(name.last).span.end};
  place.by = by;
  return place;
}

std::optional<Name> FromVerbPhrases(const SentenceView& view, const std::vector<int>& predicates,
                                    const Gazetteer* gazetteer) {
  std::optional<Name> best;
  for (int predicate : predicates) {
    for (int kid : view.kids(predicate)) {
      if (!IsLocativePhrase(view, kid)) continue;
      std::optional<Name> name = PlaceIn(view, kid, gazetteer, 0);
      if (name && (!best || Better(*name, *best))) best = name;
    }
    if (best) return best;  // the verb's own phrases before its complements'
  }
  return best;
}

bool IsArgument(const SentenceView& view, int word) {
  std::string_view base = view.base(word);
  return base == "obj" || base == "nsubj" || base == "iobj";
}

// The argument itself as the place: the object of "capture", "shell", ... or a place noun
// naming one ("the streets of Reynosa").
std::optional<Name> ArgumentAsPlace(const SentenceView& view, int verb, int argument,
                                    const Gazetteer* gazetteer) {
  bool object = view.base(argument) == "obj" || view.rel(argument) == "nsubj:pass";
  if (!object) return std::nullopt;
  if (IsPlaceNoun(view, argument)) return PlaceBelowPlaceNoun(view, argument, gazetteer, 0);
  if (!In(kPlaceObjectVerbs, Lower(view.lemma(verb)))) return std::nullopt;
  std::optional<Name> name = NameAround(view, argument, gazetteer);
  if (name && (name->known ? !name->country : true)) return name;
  return std::nullopt;
}

std::optional<Name> FromArguments(const SentenceView& view, int verb, const Gazetteer* gazetteer) {
  std::optional<Name> best;
  for (int argument : view.kids(verb)) {
    if (!IsArgument(view, argument)) continue;
    for (int kid : view.kids(argument)) {
      if (!IsLocativePhrase(view, kid)) continue;
      std::optional<Name> name = PlaceIn(view, kid, gazetteer, 0);
      if (name && (!best || Better(*name, *best))) best = name;
    }
    std::optional<Name> itself = ArgumentAsPlace(view, verb, argument, gazetteer);
    if (itself && (!best || Better(*itself, *best))) best = itself;
  }
  return best;
}

}  // namespace

SentenceView::SentenceView(const doc::Document& document, uint32_t sentence) : document_(&document) {
  const doc::WordLayer& layer = document.words;
  if (sentence >= layer.sentences.size()) return;
  const doc::SentenceWords& range = layer.sentences[sentence];
  begin_ = range.word_begin;
  int count = static_cast<int>(range.word_count());
  head_.assign(count, -1);
  kids_.assign(count, {});
  for (int local = 0; local < count; ++local) {
    const doc::Word& word = layer.words[begin_ + local];
    rel_.push_back(layer.DeprelName(word));
    if (word.head != doc::kRootHead && word.head != doc::kNoHead && word.head >= begin_ &&
        word.head < range.word_end && word.head != begin_ + local) {
      head_[local] = static_cast<int>(word.head - begin_);
    }
  }
  for (int local = 0; local < count; ++local) {
    if (head_[local] >= 0) kids_[head_[local]].push_back(local);
  }
}

int SentenceView::Local(doc::WordIndex word) const {
  if (word < begin_ || word >= begin_ + head_.size()) return -1;
  return static_cast<int>(word - begin_);
}

AttachedPlace AttachPlace(const SentenceView& view, doc::WordIndex verb, const Gazetteer* gazetteer) {
  int local = view.Local(verb);
  if (local < 0) return AttachedPlace();
  std::vector<int> predicates = ClausePredicates(view, local);
  if (std::optional<Name> name = FromVerbPhrases(view, predicates, gazetteer)) {
    return Attached(view, *name, AttachedBy::kVerbPhrase);
  }
  if (std::optional<Name> name = FromArguments(view, local, gazetteer)) {
    return Attached(view, *name, name->first >= 0 ? AttachedBy::kArgumentPhrase : AttachedBy::kArgument);
  }
  return AttachedPlace();
}

}  // namespace khabar::where
