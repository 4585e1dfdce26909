#include "khabar/where/attachment.h"

#include <algorithm>
#include <array>
#include <cstdlib>
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
constexpr std::array<std::string_view, 72> kPlaceNouns = {
    "city",    "town",     "village",  "district", "province",  "region",     "area",
    "neighborhood", "neighbourhood", "suburb", "outskirts", "capital", "street", "road",
    "square",  "camp",     "border",   "frontier", "governorate", "county",   "municipality",
    "locality", "valley",  "hill",     "mountain", "port",      "airport",    "base",
    "junction", "crossing", "crossroads", "checkpoint", "quarter", "countryside", "settlement",
    "hamlet",  "enclave",  "edge",     "center",   "centre",    "prefecture", "island",
    "coast",   "highway",  "state",    "peak",     "installation", "office",  "hotel",
    "school",  "hospital", "plant",    "compound", "terminal",  "station",    "building",
    "stadium", "palace",   "outpost",  "embassy",  "entrance",  "prison",     "mosque",
    "church",  "market",   "bridge",   "lake",     "river",     "avenue",     "sector"};

// Verbs whose object is often the place itself ("captured Badme", "shelled Pooneryn").
constexpr std::array<std::string_view, 23> kPlaceObjectVerbs = {
    "capture", "seize",   "recapture", "retake",  "bomb",    "shell",  "bombard", "raid",
    "storm",   "patrol",  "liberate",  "overrun", "occupy",  "besiege", "surround", "invade",
    "enter",   "control", "attack",    "strike",  "pound",   "hit",     "visit"};

constexpr std::array<std::string_view, 26> kDateWords = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

// Place nouns of an area, which "of X" names ("the town of Huddur", "the outskirts of
// Oaxaca City"); for a building or a road "of X" is its owner or where it is ("the offices
// of the United Nations").
constexpr std::array<std::string_view, 24> kAreaNouns = {
    "city",     "town",       "village",  "district",     "province", "region",      "area",
    "neighborhood", "neighbourhood", "suburb", "outskirts", "capital",  "governorate", "county",
    "municipality", "locality", "valley",   "settlement",   "hamlet",   "enclave",     "state",
    "island",   "edge",       "countryside"};

// Objects that are a part of a place ("half of Zaire").
constexpr std::array<std::string_view, 8> kPartNouns = {"half", "part", "much", "most", "all", "rest", "swath", "control"};

// Prepositions whose phrase does not place the event (see Descends).
// Lemmas as well as forms: the lemmatizer makes "according" "accord" and "including" "include".
constexpr std::array<std::string_view, 20> kNonPlacingCases = {
    "according", "accord", "after",  "before",  "since",  "against", "for",     "despite", "than", "like",
    "as",        "following", "follow", "including", "include", "about", "over", "without", "because", "unlike"};

// Verbs whose "on" phrase is what they bear on, not where they happen ("called on Egypt to
// supply missiles", "imposed sanctions on Iran").
constexpr std::array<std::string_view, 12> kBearingOnVerbs = {
    "call", "urge", "press", "rely", "depend", "focus", "impose", "insist", "comment", "count", "agree", "reflect"};

// Verbs of motion, whose "to" phrase is where the event goes ("marched to the Sydney offices").
constexpr std::array<std::string_view, 6> kMotionVerbs = {"march", "patrol", "walk", "advance", "move", "drive"};

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

bool IsUpper(char ch) { return ch >= 'A' && ch <= 'Z'; }

// "Derna", and the Arabic article written lower-case before a name: "al-Shaab", "el-Arish".
bool IsCapitalised(std::string_view form) {
  if (form.empty()) return false;
  if (IsUpper(form[0])) return true;
  return form.size() > 3 && (form.starts_with("al-") || form.starts_with("el-")) && IsUpper(form[3]);
}

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

// "APEC", "MFO": an organisation far more often than a place.
bool IsAcronym(std::string_view form) {
  if (form.size() < 2) return false;
  for (char ch : form) {
    if (!IsUpper(ch) && ch != '.') return false;
  }
  return true;
}

struct Name;
bool IsAllCapitals(const SentenceView& view, const Name& name);

struct Name {
  int first = -1;
  int last = -1;
  bool known = false;  // the gazetteer has it
  bool country = false;  // ... and only as a country
};

// Neighbours join the name when they are name words or connectors, whether or not the parse
// put them under it ("Manger Square" parsed as two phrases is still one name).
// "KILLED MEXICO CITY --": several words in capitals are a headline or a dateline, which
// says where the story was filed, not where the event happened.
bool IsAllCapitals(const SentenceView& view, const Name& name) {
  for (int word = name.first; word <= name.last; ++word) {
    std::string_view form = view.form(word);
    if (IsConnector(view, word)) continue;
    if (!IsAcronym(form) || form.size() < 2) return false;
  }
  return true;
}

bool CanExtend(const SentenceView& view, int word, int head) {
  (void)head;
  return word >= 0 && word < view.size() && (IsNameWord(view, word) || IsConnector(view, word));
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
  while (name.first < word && IsConnector(view, name.first)) {
    // A leading article stays with its hyphen: "al-Zahawi" split as "al", "-", "Zahawi".
    std::string first = Lower(view.form(name.first));
    if ((first == "al" || first == "el") && view.form(name.first + 1) == "-") break;
    ++name.first;
  }
  while (name.last > word && IsConnector(view, name.last)) --name.last;
  bool nominal = false;
  for (int each = name.first; each <= name.last; ++each) {
    nominal = nominal || view.word(each).upos != doc::Upos::kAdj;
  }
  if (!nominal) return std::nullopt;
  Vet(view, gazetteer, &name);
  if (!name.known && name.first == name.last && IsAcronym(view.form(name.first))) return std::nullopt;
  if (name.first < name.last && IsAllCapitals(view, name)) return std::nullopt;
  return name;
}

std::string CaseLemma(const SentenceView& view, int word) {
  return Lower(view.lemma(word).empty() ? view.form(word) : view.lemma(word));
}

// The preposition of a nominal: its "case" child, or the "case" of a modifier in front of
// it, where the parser sometimes hangs it ("outside [Ciragan] Palace").
std::string CaseOf(const SentenceView& view, int word) {
  for (int kid : view.kids(word)) {
    if (view.base(kid) == "case") return CaseLemma(view, kid);
  }
  for (int kid : view.kids(word)) {
    if (kid > word) break;
    for (int grandkid : view.kids(kid)) {
      if (grandkid < kid && view.base(grandkid) == "case") return CaseLemma(view, grandkid);
    }
  }
  return "";
}

bool IsPlaceNoun(const SentenceView& view, int word) { return In(kPlaceNouns, Lower(view.lemma(word))); }

std::optional<Name> PlaceIn(const SentenceView& view, int word, const Gazetteer* gazetteer, int depth);

// How directly a place noun's dependent names it, 0 best; -1: it does not. An apposition or
// "of X" names it ("the town of Huddur"), then a name in front of it ("the Albuhrat
// neighbourhood"), then a place around it ("... near Fallujah"), then a possessor.
int NamingRank(const SentenceView& view, int noun, int kid) {
  std::string_view rel = view.rel(kid);
  if (rel == "appos") return 0;
  // A name right after the noun, however it is attached: "the Belarus capital Minsk".
  if (kid == noun + 1 && view.base(kid) != "case" && IsNameWord(view, kid)) return 0;
  if (view.base(kid) == "nmod" && rel != "nmod:poss") {
    std::string preposition = CaseOf(view, kid);
    // "the town of Huddur" names the town; "the Ghat area of Doda district" only says where
    // the area is.
    if (preposition == "of") return IsPlaceNoun(view, kid) || !In(kAreaNouns, Lower(view.lemma(noun))) ? 2 : 0;
    return In(kLocativeCases, preposition) || preposition == "to" ? 2 : -1;
  }
  if (rel == "compound" || rel == "flat" || rel == "flat:name") return kid > noun ? 0 : 1;
  if (rel == "amod") return view.word(kid).upos != doc::Upos::kAdj ? 1 : -1;
  return rel == "nmod:poss" ? 3 : -1;
}
constexpr int kWorstNamingRank = 3;

// Below a place noun: an apposition ("the capital, Grozny"), a name compound ("the Aziziyah
// district"), "of X" ("the town of Huddur") or a possessor ("Grozny's streets"). Names after
// the noun come first: "the Belarus capital Minsk" is Minsk, "the south Baghdad
// neighbourhood of Al-Bayaa" Al-Bayaa.
std::optional<Name> PlaceBelowPlaceNoun(const SentenceView& view, int noun, const Gazetteer* gazetteer,
                                        int depth) {
  for (int rank = 0; rank <= kWorstNamingRank; ++rank) {
    for (int kid : view.kids(noun)) {
      if (NamingRank(view, noun, kid) != rank) continue;
      std::optional<Name> name = PlaceIn(view, kid, gazetteer, depth + 1);
      // A possessor is a place only when the gazetteer says so ("Patten's hotel"); a country
      // in front of the noun is its owner or its country, not its name ("the US embassy",
      // "the Belarus capital Minsk").
      if (!name || (view.rel(kid) == "nmod:poss" && !name->known)) continue;
      if (rank == 1 && name->country) continue;
      return name;
    }
  }
  return std::nullopt;
}

// Below another noun ("the bombardment of ...", "the Manbij campaign", "Syria's conflict"):
// a compound name the gazetteer knows as a city or region, a possessor it knows, or a known
// name (or a place noun's name) further down an "of"/locative phrase.
std::optional<Name> PlaceBelowOtherNoun(const SentenceView& view, int noun, const Gazetteer* gazetteer,
                                        int depth) {
  for (int kid : view.kids(noun)) {
    if (view.base(kid) != "nmod" || view.rel(kid) == "nmod:poss") continue;
    std::string preposition = CaseOf(view, kid);
    if (preposition != "of" && !In(kLocativeCases, preposition)) continue;
    std::optional<Name> name = PlaceIn(view, kid, gazetteer, depth + 1);
    if (name && (name->known || !IsNameWord(view, kid))) return name;
  }
  for (int kid : view.kids(noun)) {
    std::string_view rel = view.rel(kid);
    if (rel != "compound" && rel != "nmod:poss") continue;
    std::optional<Name> name = NameAround(view, kid, gazetteer);
    if (name && name->known && (rel == "nmod:poss" || !name->country)) return name;
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

// Dependents that start another clause: relative clauses, parataxis, and clauses with a
// subject of their own.
bool StartsOtherClause(const SentenceView& view, int word) {
  std::string_view rel = view.rel(word);
  if (rel == "acl:relcl" || view.base(word) == "parataxis" || view.base(word) == "list") return true;
  std::string_view base = view.base(word);
  bool clausal = base == "ccomp" || base == "csubj" || base == "advcl" || base == "acl" || base == "xcomp" ||
                 base == "conj";
  return clausal && HasOwnSubject(view, word);
}

// "called on Egypt": the "on" phrase of a verb of kBearingOnVerbs.
bool IsBearingOn(const SentenceView& view, int word) {
  int head = view.head(word);
  return CaseOf(view, word) == "on" && head >= 0 && In(kBearingOnVerbs, Lower(view.lemma(head)));
}

bool IsLocativePhrase(const SentenceView& view, int word) {
  std::string_view base = view.base(word);
  if (base != "obl" && base != "nmod" && base != "advmod") return false;
  if (view.rel(word) == "obl:tmod" || view.rel(word) == "nmod:poss") return false;
  std::string preposition = CaseOf(view, word);
  int head = view.head(word);
  if (IsBearingOn(view, word)) return false;
  if (In(kLocativeCases, preposition)) return true;
  return preposition == "to" && base == "obl" && head >= 0 && In(kMotionVerbs, Lower(view.lemma(head)));
}

bool IsPredicate(const SentenceView& view, int word) {
  doc::Upos upos = view.word(word).upos;
  return upos == doc::Upos::kVerb || upos == doc::Upos::kAux;
}

// "captured half of Zaire", "much of Liberia": the place after "of", below the part or, as
// the parser sometimes has it, beside it.
std::optional<Name> PartOf(const SentenceView& view, int verb, int part, const Gazetteer* gazetteer) {
  for (int head : {part, verb}) {
    for (int kid : view.kids(head)) {
      if (kid < part || CaseOf(view, kid) != "of") continue;
      if (std::optional<Name> name = NameAround(view, kid, gazetteer)) return name;
    }
  }
  return std::nullopt;
}

// The object of "capture", "shell", ... as the place ("captured Badme"), or a passive
// subject or object that is a place noun with a name ("patrolled the streets of Reynosa",
// "Grozny's streets are patrolled"). A country is no such place ("Iran captured ...").
std::optional<Name> ArgumentAsPlace(const SentenceView& view, int verb, int argument,
                                    const Gazetteer* gazetteer) {
  bool object = view.base(argument) == "obj";
  if (!object && view.rel(argument) != "nsubj:pass") return std::nullopt;
  if (IsPlaceNoun(view, argument)) return PlaceBelowPlaceNoun(view, argument, gazetteer, 0);
  if (!In(kPlaceObjectVerbs, Lower(view.lemma(verb)))) return std::nullopt;
  if (In(kPartNouns, Lower(view.lemma(argument)))) return PartOf(view, verb, argument, gazetteer);
  std::optional<Name> name = NameAround(view, argument, gazetteer);
  if (!name) return std::nullopt;
  // "Saddam was captured", "Arad was captured": a passive subject name is a person, most
  // likely, even when a town has the name.
  if (!object) return std::nullopt;
  if (name->known && name->country) return std::nullopt;
  return name;
}

// Phrases that say something other than where the event is, not searched further:
// "according to sources in Nineveh", "after an attack near Shkin", "protesting against the
// operation in Gaza", "including dozens in Kirkuk"; clauses that modify a noun ("a law
// regulating associations in Bahrain"); and conjoined verbs, each its own event ("shot ...
// and died later at a hospital in Nashville").
bool Descends(const SentenceView& view, int word) {
  if (In(kNonPlacingCases, CaseOf(view, word))) return false;
  if (view.base(word) == "acl") return false;
  return !(view.base(word) == "conj" && IsPredicate(view, word));
}

struct Found {
  Name name;
  int tier = 0;   // 0: the object of a place verb; 1: a locative phrase
  int depth = 0;  // tree distance from the verb
};

bool Before(const Found& a, const Found& b) {
  if (a.tier != b.tier) return a.tier < b.tier;
  if (a.depth != b.depth) return a.depth < b.depth;
  return a.name.first < b.name.first;
}

// Every candidate in the verb's clause: locative phrases at any depth (inside its
// arguments too: "militants in Derna", "aircraft inside Sudan") and place objects.
std::optional<Found> SearchClause(const SentenceView& view, int verb, const Gazetteer* gazetteer) {
  std::optional<Found> best;
  auto offer = [&](const std::optional<Name>& name, int tier, int depth) {
    if (!name) return;
    Found found{*name, tier, depth};
    if (!best || Before(found, *best)) best = found;
  };
  std::vector<std::pair<int, int>> stack = {{verb, 0}};
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    for (int kid : view.kids(node)) {
      if (StartsOtherClause(view, kid)) continue;
      if (IsPredicate(view, node) && (view.base(kid) == "obj" || view.rel(kid) == "nsubj:pass")) {
        offer(ArgumentAsPlace(view, node, kid, gazetteer), 0, depth + 1);
      }
      if (IsLocativePhrase(view, kid)) {
        std::optional<Name> name = PlaceIn(view, kid, gazetteer, 0);
        offer(name, 1, depth + 1);
        if (name) continue;
      }
      if (!Descends(view, kid)) continue;
      stack.push_back({kid, depth + 1});
    }
  }
  return best;
}

// "... troops which have their bases in Turkey": a relative clause describes, it does not
// place the event.
bool IsAncestor(const SentenceView& view, int ancestor, int word) {
  for (int steps = 0; word >= 0 && steps <= view.size(); ++steps, word = view.head(word)) {
    if (word == ancestor) return true;
  }
  return false;
}

// The same goes for the phrases Descends does not search ("according to sources in ..."),
// unless the parser put the verb itself inside one.
bool InRelativeClause(const SentenceView& view, int word, int verb) {
  for (int steps = 0; word >= 0 && steps <= view.size(); ++steps, word = view.head(word)) {
    if (view.rel(word) == "acl:relcl") return true;
    if (In(kNonPlacingCases, CaseOf(view, word)) && !IsAncestor(view, word, verb)) return true;
  }
  return false;
}

// The last resort, for parses that cut the verb off its phrases: the locative phrase with a
// name nearest to the verb in the text.
std::optional<Name> NearestInSentence(const SentenceView& view, int verb, const Gazetteer* gazetteer) {
  std::optional<Name> best;
  int best_distance = 0;
  for (int word = 0; word < view.size(); ++word) {
    // Any nominal with a locative preposition, whatever the parser made of it ("Also in Yala
    // province, ... was shot" parsed with "province" as the root).
    std::string_view base = view.base(word);
    bool nominal = base != "case" && base != "mark" && base != "punct" && base != "det";
    if (!nominal || !In(kLocativeCases, CaseOf(view, word)) || InRelativeClause(view, word, verb)) continue;
    if (IsBearingOn(view, word)) continue;
    std::optional<Name> name = PlaceIn(view, word, gazetteer, 0);
    int distance = std::abs(word - verb);
    if (name && (!best || distance < best_distance)) {
      best = name;
      best_distance = distance;
    }
  }
  return best;
}

AttachedPlace Attached(const SentenceView& view, const Name& name, AttachedBy by) {
  AttachedPlace place;
  place.first = name.first;
  place.last = name.last;
  place.span = doc::Span{view.word(name.first).span.begin, view.word(name.last).span.end};
  place.by = by;
  return place;
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

std::string_view AttachedByName(AttachedBy by) {
  switch (by) {
    case AttachedBy::kNone: return "none";
    case AttachedBy::kVerbPhrase: return "verb";
    case AttachedBy::kArgument: return "argument";
    case AttachedBy::kEnclosingClause: return "clause";
    case AttachedBy::kSentence: return "sentence";
  }
  return "none";
}

int SentenceView::Local(doc::WordIndex word) const {
  if (word < begin_ || word >= begin_ + head_.size()) return -1;
  return static_cast<int>(word - begin_);
}

AttachedPlace AttachPlace(const SentenceView& view, doc::WordIndex verb, const Gazetteer* gazetteer) {
  int local = view.Local(verb);
  if (local < 0) return AttachedPlace();
  if (std::optional<Found> found = SearchClause(view, local, gazetteer)) {
    return Attached(view, found->name, found->tier == 0 ? AttachedBy::kArgument : AttachedBy::kVerbPhrase);
  }
  // Adverbial clauses of the verb with their own subject ("killed when militants hit the
  // villages of ..."), then the clauses above the verb, nearest first: "In Papua, ... troops shot", "killed when
  // militants hit the villages of ...".
  for (int kid : view.kids(local)) {
    if (view.base(kid) != "advcl" || !HasOwnSubject(view, kid)) continue;
    if (std::optional<Found> found = SearchClause(view, kid, gazetteer)) {
      return Attached(view, found->name, AttachedBy::kEnclosingClause);
    }
  }
  for (int above = view.head(local), steps = 0; above >= 0 && steps < view.size(); above = view.head(above), ++steps) {
    if (std::optional<Found> found = SearchClause(view, above, gazetteer)) {
      return Attached(view, found->name, AttachedBy::kEnclosingClause);
    }
  }
  if (std::optional<Name> name = NearestInSentence(view, local, gazetteer)) {
    return Attached(view, *name, AttachedBy::kSentence);
  }
  return AttachedPlace();
}

}  // namespace khabar::where
