#include "khabar/events/internal/sentence_coder.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "khabar/dict/normalize.h"
#include "khabar/events/internal/attribution.h"
#include "khabar/events/internal/pattern_match.h"
#include "khabar/events/internal/sentence_tree.h"

namespace khabar::events::internal {
namespace {

using dict::EventCode;

// One side of an event: the resolved actors of an argument and its conjuncts.
struct Side {
  int head = -1;
  std::vector<ResolvedActor> actors;
  std::vector<int> heads;  // the argument head of each actor
  std::vector<doc::Span> spans;
  doc::Span words;  // all the words of the argument and its conjuncts; set only when tracing

  bool empty() const { return actors.empty(); }
};

// What the coder decided for one dictionary verb.
struct VerbAnalysis {
  int word = -1;
  uint32_t verb = 0;
  PatternChoice choice;
  EventCode code;
  bool passive = false;
  bool negated = false;
  int absorbed_by = -1;  // the upper verb whose event this one was folded into, or -1

  bool absorbed() const { return absorbed_by >= 0; }
  bool own_subject = false;
  bool intent = false;    // modality recoded the event as an intent (03x) or threat (13x)
  bool demanded = false;  // "Y must ...": a demand on the clause's subject
  Side source;
  Side target;
  std::string pattern_text;
  std::string pattern_source;
};

bool IsPronoun(const SentenceTree& tree, int word) {
  return word >= 0 && tree.upos(word) == doc::Upos::kPron;
}

bool IsNegator(const SentenceTree& tree, int word) {
  std::string_view lemma = tree.lemma(word);
  std::string_view form = tree.form(word);
  return (tree.base(word) == "advmod" || tree.rel(word) == "neg" || tree.base(word) == "det") &&
         (lemma == "not" || form == "n't" || form == "not" || lemma == "never");
}

bool IsClausal(std::string_view base) {
  return base == "acl" || base == "advcl" || base == "ccomp" || base == "xcomp" ||
         base == "parataxis" || base == "csubj";
}

bool IsComplement(const SentenceTree& tree, int word) {
  std::string_view base = tree.base(word);
  if (base == "xcomp" || base == "ccomp") return true;
  return base == "advcl" && tree.CaseOf(word) == "to";
}

bool IsDenial(std::string_view lemma) {
  return lemma == "deny" || lemma == "reject" || lemma == "refute" || lemma == "dismiss";
}

// Refusals: the lower clause is what is refused, coded as its negation (12x reject).
bool IsRefusal(std::string_view lemma) {
  return lemma == "refuse" || lemma == "decline" || lemma == "resist" || lemma == "oppose";
}

// Auxiliaries of future or intent ("will", "would", "shall").
bool IsFutureAux(std::string_view lemma) {
  return lemma == "will" || lemma == "would" || lemma == "shall" || lemma == "'ll";
}

// Predicates of readiness that govern a to-infinitive ("ready to", "willing to").
bool IsReadiness(std::string_view lemma) {
  return lemma == "ready" || lemma == "willing" || lemma == "prepared" || lemma == "prepare" ||
         lemma == "determined" || lemma == "plan" || lemma == "intend" || lemma == "commit" ||
         lemma == "committed";
}

int RootNumber(const std::string& code) {
  if (!CameoCodebook::IsEventCode(code)) return -1;
  return std::stoi(CameoCodebook::Root(code));
}

std::string_view Basename(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Why Push added no event, or that it did.
enum class PushResult { kPushed, kNotACode, kSameActor, kDuplicate };

// The outcome of the pushes of one verb or noun.
struct PushTally {
  int pushed = 0;
  int same_actor = 0;
  int duplicate = 0;

  void Add(PushResult result) {
    pushed += result == PushResult::kPushed;
    same_actor += result == PushResult::kSameActor;
    duplicate += result == PushResult::kDuplicate;
  }
  // `none`: the outcome when no pair of actors was tried.
  Outcome Result(Outcome none) const {
    if (pushed > 0) return Outcome::kEvent;
    if (duplicate > 0) return Outcome::kDuplicate;
    if (same_actor > 0) return Outcome::kSameActor;
    return none;
  }
};

// The entry of the first spelling that `dictionary` lists (verb forms or event nouns).
bool FirstListed(const dict::VerbDictionary& dictionary,
                 const std::vector<std::vector<std::string>>& candidates, uint32_t* id) {
  for (const std::vector<std::string>& words : candidates) {
    std::span<const uint32_t> forms = dictionary.verb_matcher().Lookup(words);
    if (!forms.empty()) {
      *id = dictionary.forms()[forms[0]].verb;
      return true;
    }
  }
  return false;
}

class Coder {
 public:
  // `trace` may be nullptr: nothing is recorded.
  Coder(const doc::Document& document, uint32_t sentence, const CoderResources& resources,
        SentenceTrace* trace)
      : document_(document), tree_(document, sentence), resources_(resources),
        verbs_(resources.dictionaries->verbs), matcher_(tree_, verbs_), trace_(trace) {}

  void Run(std::vector<doc::Event>* events) {
    if (tree_.size() == 0) return;
    const size_t first = events->size();
    uint32_t discard = 0;
    if (!FindDiscardedClauses(&discard)) {
      if (trace_ != nullptr) {
        trace_->discard = MakeDiscardTrace(resources_.dictionaries->discards, discard, tree_.sentence());
        TraceDiscarded(trace_->discard);
      }
      return;
    }
    FindVerbs();
    for (VerbAnalysis& analysis : analyses_) Analyze(analysis);
    for (VerbAnalysis& analysis : analyses_) ApplyModality(analysis);
    Combine();
    std::vector<Outcome> outcomes(analyses_.size(), Outcome::kDiscardedClause);
    for (size_t at = 0; at < analyses_.size(); ++at) {
      if (DiscardOf(analyses_[at].word) < 0) outcomes[at] = Emit(analyses_[at], events);
    }
    ReleaseFromSilentStatements(events, &outcomes);
    Attribution attribution(tree_, [&](int word) { return IsStatementWord(word); });
    DropAttributingStatements(attribution, first, events, &outcomes);
    for (size_t at = 0; at < analyses_.size() && trace_ != nullptr; ++at) {
      const VerbAnalysis& analysis = analyses_[at];
      Record(analysis, verbs_.verbs()[analysis.verb], verbs_, outcomes[at], DiscardOf(analysis.word));
    }
    CodeNominals(events);
    for (size_t at = first; at < events->size(); ++at) Qualify(attribution, (*events)[at]);
  }

  // What the coder knows of an event's verb, for attribution and certainty.
  EventFacts FactsOf(const doc::Event& event) const {
    EventFacts facts;
    facts.verb = static_cast<int>(event.verb - tree_.Global(0));
    facts.negated = event.negated;
    const VerbAnalysis* analysis = AnalysisOfConst(facts.verb);
    facts.intent = analysis != nullptr && analysis->intent;
    facts.root = RootNumber(event.cameo);
    return facts;
  }

  void Qualify(const Attribution& attribution, doc::Event& event) const {
    Qualification qualification = attribution.Qualify(FactsOf(event));
    event.certainty = qualification.certainty;
    event.attributed_to = qualification.attributed_to;
  }

  // "Egyptian officials said militants attacked the army": the saying is who says so of
  // the attack (attributed_to), not an event of its own. A plain statement (01x) whose
  // subject attributes an event of the sentence is dropped; one that attributes nothing
  // stays a statement event.
  void DropAttributingStatements(const Attribution& attribution, size_t first, std::vector<doc::Event>* events,
                                 std::vector<Outcome>* outcomes) const {
    std::vector<int> statements;
    for (size_t at = first; at < events->size(); ++at) {
      Qualification qualification = attribution.Qualify(FactsOf((*events)[at]));
      int verb = static_cast<int>((*events)[at].verb - tree_.Global(0));
      if (qualification.statement >= 0 && qualification.statement != verb) statements.push_back(qualification.statement);
    }
    auto attributing = [&](const doc::Event& event) {
      int verb = static_cast<int>(event.verb - tree_.Global(0));
      return event.root == "01" && std::find(statements.begin(), statements.end(), verb) != statements.end();
    };
    events->erase(std::remove_if(events->begin() + static_cast<std::ptrdiff_t>(first), events->end(), attributing),
                  events->end());
    for (int statement : statements) {
      size_t index = IndexOf(statement);
      if (index < analyses_.size() && (*outcomes)[index] == Outcome::kEvent) (*outcomes)[index] = Outcome::kAttribution;
    }
  }

  // A verb that reports speech: a dictionary statement verb (01x block) or one of the
  // reporting verbs the dictionary files elsewhere.
  bool IsStatementWord(int word) const {
    static constexpr std::string_view kReporting[] = {"say", "tell", "report", "announce", "state", "add",
                                                      "claim", "confirm", "quote", "allege", "declare", "reveal"};
    const VerbAnalysis* analysis = AnalysisOfConst(word);
    if (analysis != nullptr && IsStatementVerb(*analysis)) return true;
    return std::find(std::begin(kReporting), std::end(kReporting), tree_.lemma(word)) != std::end(kReporting);
  }

  // A clause folded into a statement verb ("X said Y killed Z", "police said ...") stands
  // on its own when the statement codes no event (no source, or the same actor twice):
  // the report failing does not unmake what it reports. Shallowest first, so a chain of
  // folds is released from the top. Verbs of intent, demand or refusal keep their clauses.
  void ReleaseFromSilentStatements(std::vector<doc::Event>* events, std::vector<Outcome>* outcomes) {
    std::vector<size_t> order;
    for (size_t at = 0; at < analyses_.size(); ++at) {
      if ((*outcomes)[at] == Outcome::kAbsorbed) order.push_back(at);
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return tree_.Depth(analyses_[a].word) < tree_.Depth(analyses_[b].word);
    });
    for (size_t at : order) {
      VerbAnalysis& lower = analyses_[at];
      size_t upper = IndexOf(lower.absorbed_by);
      if (upper == analyses_.size()) continue;
      Outcome said = (*outcomes)[upper];
      if (said == Outcome::kEvent || said == Outcome::kDuplicate || said == Outcome::kAbsorbed ||
          said == Outcome::kDiscardedClause || !IsStatementVerb(analyses_[upper])) {
        continue;
      }
      lower.absorbed_by = -1;
      (*outcomes)[at] = Emit(lower, events);
    }
  }

  // A verb whose dictionary block codes a statement (01x): say, announce, report.
  bool IsStatementVerb(const VerbAnalysis& analysis) const {
    const EventCode& entry = verbs_.verbs()[analysis.verb].code;
    return !IsNull(entry) && RootNumber(entry.active) == 1;
  }

  size_t IndexOf(int word) const {
    for (size_t at = 0; at < analyses_.size(); ++at) {
      if (analyses_[at].word == word) return at;
    }
    return analyses_.size();
  }

  // The dictionary verbs and nouns of a sentence that a discard stopped, unanalysed.
  // REQUIRES: trace_ != nullptr.
  void TraceDiscarded(const DiscardTrace& discard) {
    FindVerbs();
    for (const VerbAnalysis& analysis : analyses_) {
      const dict::Verb& entry = verbs_.verbs()[analysis.verb];
      Record(Unanalysed(analysis.word, entry, verbs_), entry, verbs_, Outcome::kDiscardedSentence);
      trace_->verbs.back().discard = discard;
    }
    const dict::VerbDictionary& nouns = resources_.dictionaries->nouns;
    for (int word = 0; word < tree_.size() && !nouns.verbs().empty(); ++word) {
      uint32_t noun_id = 0;
      if (tree_.upos(word) != doc::Upos::kNoun || !LookupNoun(word, &noun_id)) continue;
      const dict::Verb& entry = nouns.verbs()[noun_id];
      Record(Unanalysed(word, entry, nouns), entry, nouns, Outcome::kDiscardedSentence);
      trace_->verbs.back().discard = discard;
    }
  }

 private:
  // A verb or noun with its dictionary line's code, as nothing but the lookup saw it.
  static VerbAnalysis Unanalysed(int word, const dict::Verb& entry, const dict::VerbDictionary& dictionary) {
    VerbAnalysis analysis;
    analysis.word = word;
    analysis.code = entry.code;
    analysis.pattern_text = entry.text;
    analysis.pattern_source = dictionary.Where(entry);
    return analysis;
  }

  ArgumentTrace TraceOf(const Side& side) const {
    ArgumentTrace out;
    if (side.head >= 0) out.head = tree_.Global(side.head);
    out.span = side.words;
    for (const ResolvedActor& actor : side.actors) out.codes.push_back(actor.code);
    return out;
  }

  // Records what became of a verb or noun. `dated`: the index of the dating discard in
  // discarded_clauses_, or -1. REQUIRES: trace_ != nullptr.
  void Record(const VerbAnalysis& analysis, const dict::Verb& entry, const dict::VerbDictionary& dictionary,
              Outcome outcome, int dated = -1) const {
    VerbTrace verb;
    verb.word = tree_.Global(analysis.word);
    verb.nominal = &dictionary != &verbs_;
    verb.entry = entry.text;
    verb.entry_source = dictionary.Where(entry);
    verb.code = IsNull(analysis.code) ? "---" : analysis.code.ToString();
    verb.pattern = analysis.pattern_text;
    verb.pattern_source = analysis.pattern_source;
    verb.negated = analysis.negated;
    verb.source = TraceOf(analysis.source);
    verb.target = TraceOf(analysis.target);
    verb.outcome = outcome;
    if (analysis.absorbed()) verb.absorbed_by = tree_.Global(analysis.absorbed_by);
    if (dated >= 0) verb.discard = trace_->dated_clauses[dated];
    trace_->verbs.push_back(std::move(verb));
  }

  // Sentence discards. A phrase that dates what it modifies (a year, "two weeks ago")
  // discards only the clause it belongs to: "offered to hand over the men suspected of
  // blowing up a plane in 1988" is still an offer, and the bombing is history. Any other
  // phrase discards the sentence. False when the whole sentence is discarded; *discard is
  // then the discard id of the phrase.
  bool FindDiscardedClauses(uint32_t* discard) {
    std::vector<std::string_view> tokens;
    for (int word = 0; word < tree_.size(); ++word) tokens.push_back(tree_.raw_form(word));
    for (const dict::PhraseMatch& match : resources_.dictionaries->discards.FindDiscards(tokens)) {
      if (IsCurrentYear(match)) continue;
      *discard = match.values[0];
      if (!IsDatingPhrase(match)) return false;
      int clause = ClauseOf(static_cast<int>(match.end) - 1);
      if (clause < 0) return false;
      discarded_clauses_.push_back(clause);
      if (trace_ != nullptr) {
        DiscardTrace dated = MakeDiscardTrace(resources_.dictionaries->discards, *discard, tree_.sentence());
        dated.clause = tree_.Global(clause);
        trace_->dated_clauses.push_back(std::move(dated));
      }
    }
    return true;
  }

  // A phrase that dates what it modifies: a year or decade ("1988", "the 1970s"), a
  // month and year ("April 1942"), "years ago", or the world wars ("during World War
  // Two", "the Second World War").
  bool IsDatingPhrase(const dict::PhraseMatch& match) const {
    int last = static_cast<int>(match.end) - 1;
    if (YearOf(match) > 0 || tree_.lemma(last) == "ago" || IsYear(tree_.raw_form(last))) return true;
    for (int word = static_cast<int>(match.begin); word < last; ++word) {
      if (tree_.lemma(word) == "world" && tree_.lemma(word + 1) == "war") return true;
    }
    return false;
  }

  // "1988", or a decade "1970s".
  static bool IsYear(std::string_view word) {
    if (word.size() == 5 && word.back() == 's') word.remove_suffix(1);
    return word.size() == 4 && std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  // The year (or a decade's first year) a one-word match names, or 0.
  int YearOf(const dict::PhraseMatch& match) const {
    std::string_view word = tree_.raw_form(static_cast<int>(match.begin));
    if (match.end - match.begin != 1 || !IsYear(word)) return 0;
    return std::stoi(std::string(word.substr(0, 4)));
  }

  // The article's own year (or the one before, early in the year) is news, not history:
  // Phoenix lists years as discards for archives, where they mark past events.
  bool IsCurrentYear(const dict::PhraseMatch& match) const {
    int year = YearOf(match);
    return year > 0 && resources_.date != dict::Date::Max() && year >= resources_.date.year() - 1;
  }

  // The nearest verb above a word (the word's clause), or -1 when none is below the root.
  int ClauseOf(int word) const {
    for (int at = tree_.head(word), steps = 0; at >= 0 && steps < tree_.size(); at = tree_.head(at), ++steps) {
      if (tree_.upos(at) == doc::Upos::kVerb) return tree_.head(at) < 0 ? -1 : at;
    }
    return -1;
  }

  // The index in discarded_clauses_ of the first dated clause holding `word`, or -1.
  int DiscardOf(int word) const {
    for (size_t at = 0; at < discarded_clauses_.size(); ++at) {
      if (tree_.IsAncestor(discarded_clauses_[at], word)) return static_cast<int>(at);
    }
    return -1;
  }

  // The dictionary verb a word is, trying "verb particle", "word verb", then the form.
  bool LookupVerb(int word, uint32_t* verb_id) const {
    std::vector<std::vector<std::string>> candidates;
    for (int kid : tree_.kids(word)) {
      if (tree_.rel(kid) == "compound:prt") {
        candidates.push_back({tree_.form(word), tree_.form(kid)});
        candidates.push_back({tree_.lemma(word), tree_.form(kid)});
      }
    }
    // A particle the parser attached elsewhere ("cordoned off the roads": "off" as case).
    if (word + 1 < tree_.size() && (tree_.upos(word + 1) == doc::Upos::kAdp || tree_.upos(word + 1) == doc::Upos::kAdv ||
                                    tree_.upos(word + 1) == doc::Upos::kPart)) {
      candidates.push_back({tree_.form(word), tree_.form(word + 1)});
      candidates.push_back({tree_.lemma(word), tree_.form(word + 1)});
    }
    if (word > 0 && (tree_.head(word - 1) == word || tree_.head(word) == word - 1)) {
      candidates.push_back({tree_.form(word - 1), tree_.form(word)});
    }
    candidates.push_back({tree_.form(word)});
    return FirstListed(verbs_, candidates, verb_id);
  }

  void FindVerbs() {
    for (int word = 0; word < tree_.size(); ++word) {
      doc::Upos upos = tree_.upos(word);
      bool predicate = upos == doc::Upos::kVerb ||
                       (upos == doc::Upos::kAux && tree_.base(word) != "aux" && tree_.base(word) != "cop");
      uint32_t verb_id = 0;
      if (!predicate || !LookupVerb(word, &verb_id)) continue;
      VerbAnalysis analysis;
      analysis.word = word;
      analysis.verb = verb_id;
      analyses_.push_back(std::move(analysis));
    }
  }

  const VerbAnalysis* AnalysisOfConst(int word) const {
    for (const VerbAnalysis& analysis : analyses_) {
      if (analysis.word == word) return &analysis;
    }
    return nullptr;
  }

  VerbAnalysis* AnalysisOf(int word) {
    for (VerbAnalysis& analysis : analyses_) {
      if (analysis.word == word) return &analysis;
    }
    return nullptr;
  }

  // A passive clause: "aux:pass", or a passive subject without an active one (a parser that
  // gives "Field Marshal X has called" both nsubj:pass and nsubj is read as active).
  bool IsPassive(int verb) const {
    // "were engaged in fighting", "is involved in the attacks": the subject acts.
    if ((tree_.lemma(verb) == "engage" || tree_.lemma(verb) == "involve") && HasObliqueWith(verb, "in")) return false;
    bool passive_subject = false;
    bool active_subject = false;
    for (int kid : tree_.kids(verb)) {
      std::string_view rel = tree_.rel(kid);
      if (rel == "aux:pass") return true;
      passive_subject = passive_subject || rel == "nsubj:pass" || rel == "csubj:pass";
      active_subject = active_subject || rel == "nsubj" || rel == "csubj";
    }
    return passive_subject && !active_subject;
  }

  bool HasObliqueWith(int verb, std::string_view marker) const {
    for (int kid : tree_.kids(verb)) {
      if (tree_.base(kid) == "obl" && tree_.CaseOf(kid) == marker) return true;
    }
    return false;
  }

  int Agent(int verb) const {
    for (int kid : tree_.kids(verb)) {
      if (tree_.rel(kid) == "obl:agent" || (tree_.base(kid) == "obl" && tree_.CaseOf(kid) == "by")) return kid;
    }
    return -1;
  }

  // The grammatical subject of a clause (active or passive), climbing through control,
  // raising and coordination when the clause has none of its own.
  int Subject(int verb, bool* own) const {
    *own = false;
    for (int at = verb, steps = 0; at >= 0 && steps < tree_.size(); ++steps) {
      const std::vector<int>& kids = tree_.kids(at);
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) {  // the last subject is the head
        int kid = *it;
        if (tree_.base(kid) == "nsubj" || tree_.base(kid) == "csubj") {
          if (at == verb) *own = true;
          if (at == verb && IsPronoun(tree_, kid) && IsComplement(tree_, verb)) {
            *own = false;
            break;  // "X indicated it would act": the pronoun is X
          }
          return kid;
        }
      }
      std::string_view base = tree_.base(at);
      if (base == "acl") {
        int noun = tree_.head(at);
        return noun;
      }
      if (base == "appos" && at == verb && IsNominal(tree_.head(at)) && tree_.head(at) < verb &&
          tree_.Kid(verb, "obj") >= 0) {
        return tree_.head(at);  // a parse of "the leader Khomeini rejected the proposal" as an apposition
      }
      if (base == "xcomp" && at != verb) {
        int object = tree_.Kid(tree_.head(at), "obj");
        if (object >= 0) return object;
      }
      if (base != "xcomp" && base != "conj" && base != "advcl" && base != "ccomp") return -1;
      if (base == "xcomp" && at == verb) {
        int object = tree_.Kid(tree_.head(at), "obj");
        if (object >= 0) return object;
      }
      at = tree_.head(at);
    }
    return -1;
  }

  bool IsNominal(int word) const {
    return word >= 0 && (tree_.upos(word) == doc::Upos::kNoun || tree_.upos(word) == doc::Upos::kPropn);
  }

  // Argument heads: the head and its conjuncts.
  std::vector<int> Conjuncts(int head) const {
    std::vector<int> heads = {head};
    for (size_t at = 0; at < heads.size(); ++at) {
      for (int kid : tree_.kids(heads[at])) {
        if (tree_.rel(kid) == "conj") heads.push_back(kid);
      }
    }
    return heads;
  }

  // "on X" or "against X" below a noun names whom the noun is aimed at ("the air strikes on
  // Libya killed ..."): never who a source is (a target may be: "said an embargo against
  // X would fail" is about X).
  bool IsAimedAt(int word) const {
    if (tree_.base(word) != "nmod") return false;
    std::string_view marker = tree_.CaseOf(word);
    return marker == "on" || marker == "against";
  }

  // A verb below a noun that starts a clause of its own; a verb the tagger put inside a
  // name ("the United States", amod) stays part of the argument.
  bool IsVerbalModifier(int word) const {
    if (tree_.upos(word) != doc::Upos::kVerb) return false;
    std::string_view base = tree_.base(word);
    return base != "amod" && base != "compound" && base != "flat";
  }

  // The actors of one argument head. A source leaves out what its noun is aimed at.
  std::vector<ResolvedActor> ResolveHead(int head, bool source, std::vector<int>* words_out) const {
    std::vector<int> words = tree_.Subtree(head, [&](int kid) {
      std::string_view base = tree_.base(kid);
      return (tree_.rel(kid) == "conj" && tree_.head(kid) == head) || base == "cc" || base == "punct" ||
             IsClausal(base) || IsVerbalModifier(kid) || (source && IsAimedAt(kid));
    });
    // A parser that splits "Bree President Romendacil" into two subjects: one argument.
    if (tree_.base(head) == "nsubj" && tree_.head(head) >= 0) {
      for (int sibling : tree_.kids(tree_.head(head))) {
        if (sibling == head || tree_.rel(sibling) != tree_.rel(head) || tree_.upos(sibling) == doc::Upos::kPron) continue;
        std::vector<int> extra = tree_.Subtree(sibling, [&](int kid) {
          std::string_view base = tree_.base(kid);
          return base == "cc" || base == "punct" || IsClausal(base) || IsVerbalModifier(kid);
        });
        words.insert(words.end(), extra.begin(), extra.end());
      }
      std::sort(words.begin(), words.end());
    }
    std::vector<doc::WordIndex> global;
    for (int word : words) global.push_back(tree_.Global(word));
    ArgumentWords argument{tree_.sentence(), tree_.Global(head), global};
    if (words_out != nullptr) *words_out = words;
    return resources_.resolver->Resolve(document_, argument, resources_.date);
  }

  doc::Span SpanOf(const std::vector<int>& words) const {
    return doc::Span{tree_.word(words.front()).span.begin, tree_.word(words.back()).span.end};
  }

  // Resolves an argument and its conjuncts; a conjunct naming only an agent borrows the
  // country of a sibling ("Danish media and government").
  Side Resolve(int head, bool source = false) const {
    Side side;
    side.head = head;
    if (head < 0) return side;
    std::string borrowed;
    for (int conjunct : Conjuncts(head)) {
      std::vector<int> words;
      for (ResolvedActor& actor : ResolveHead(conjunct, source, &words)) {
        if (borrowed.empty() && !actor.base_code.empty()) borrowed = actor.base_code;
        side.actors.push_back(std::move(actor));
        side.heads.push_back(conjunct);
        side.spans.push_back(SpanOf(words));
      }
      if (trace_ != nullptr) {
        doc::Span span = SpanOf(words);
        side.words = side.words.empty() ? span
                                        : doc::Span{std::min(side.words.begin, span.begin),
                                                    std::max(side.words.end, span.end)};
      }
    }
    for (ResolvedActor& actor : side.actors) {
      if (actor.base_code.empty() && !borrowed.empty()) {
        actor.base_code = borrowed;
        actor.code = borrowed + actor.code;
      }
    }
    return side;
  }

  // The default target: the object, else an oblique or the object's modifier naming an
  // actor, else the subject of a complement clause, else any actor after the verb.
  Side DefaultTarget(int verb, int source_head, const Side& source) const {
    std::vector<int> candidates;
    int object = tree_.Kid(verb, "obj");
    if (object >= 0) candidates.push_back(object);
    int indirect = tree_.Kid(verb, "iobj");
    if (indirect >= 0) candidates.push_back(indirect);
    if (object >= 0) {
      for (int kid : tree_.kids(object)) {
        if (tree_.base(kid) == "nmod" && tree_.rel(kid) != "nmod:poss") candidates.push_back(kid);
      }
    }
    for (int kid : tree_.kids(verb)) {
      if (tree_.base(kid) == "obl" && tree_.rel(kid) != "obl:agent" && tree_.rel(kid) != "obl:tmod") {
        candidates.push_back(kid);
      }
    }
    for (int kid : tree_.kids(verb)) {
      if (!IsComplement(tree_, kid)) continue;
      for (int grandkid : tree_.kids(kid)) {
        if (tree_.base(grandkid) == "nsubj") candidates.push_back(grandkid);
      }
    }
    for (int candidate : candidates) {
      if (candidate == source_head) continue;
      Side side = Resolve(candidate);
      if (!side.empty() && !SameActors(side, source)) return side;
    }
    // Anything after the verb in its clause ("abandoned efforts to stop an anti-Gondor parade").
    std::vector<int> after = tree_.Subtree(verb, [&](int kid) {
      std::string_view base = tree_.base(kid);
      return base == "parataxis" || base == "punct" || tree_.rel(kid) == "acl:relcl" || kid == source_head;
    });
    for (int word : after) {
      if (word <= verb || tree_.upos(word) == doc::Upos::kVerb) continue;
      if (tree_.upos(word) != doc::Upos::kPropn && tree_.upos(word) != doc::Upos::kNoun &&
          tree_.upos(word) != doc::Upos::kAdj) {
        continue;
      }
      Side side = Resolve(word);
      if (!side.empty() && !SameActors(side, source)) return side;
    }
    return Side();
  }

  // True when every actor of `side` is one of `other`'s: "X announced that he will act",
  // where coreference makes "he" X, has no target in the complement's subject.
  static bool SameActors(const Side& side, const Side& other) {
    for (const ResolvedActor& actor : side.actors) {
      bool found = false;
      for (const ResolvedActor& mine : other.actors) found = found || mine.code == actor.code;
      if (!found) return false;
    }
    return !other.actors.empty();
  }

  void Analyze(VerbAnalysis& analysis) {
    int verb = analysis.word;
    const dict::Verb& entry = verbs_.verbs()[analysis.verb];
    analysis.passive = IsPassive(verb);
    for (int kid : tree_.kids(verb)) {
      if (IsNegator(tree_, kid)) analysis.negated = true;
    }
    int subject = Subject(verb, &analysis.own_subject);
    int source_head = analysis.passive ? Agent(verb) : subject;
    int patient = analysis.passive ? subject : -1;

    analysis.choice = matcher_.Choose(verb, entry.block, subject);
    if (analysis.choice.pattern != nullptr) {
      analysis.code = analysis.choice.pattern->code;
      analysis.pattern_text = analysis.choice.pattern->text;
      analysis.pattern_source = verbs_.Where(*analysis.choice.pattern);
    } else {
      analysis.code = entry.code;
      analysis.pattern_text = entry.text;
      analysis.pattern_source = verbs_.Where(entry);
    }
    if (analysis.choice.source >= 0) source_head = analysis.choice.source;
    analysis.source = Resolve(source_head, /*source=*/true);
    if (analysis.choice.target >= 0) {
      analysis.target = Resolve(analysis.choice.target);
    } else if (patient >= 0) {
      analysis.target = Resolve(patient);
    } else if (IsMutual(analysis)) {
      analysis.target = Side();  // "X and Y met in Cairo": they met each other (Emit)
    } else {
      analysis.target = DefaultTarget(verb, source_head, analysis.source);
    }
  }

  // Coordinated subjects of a reciprocal verb with no object: the subjects are each other's
  // targets, and an oblique ("in Cairo", "over the past months") is not.
  bool IsMutual(const VerbAnalysis& analysis) const {
    if (analysis.source.actors.size() < 2 || !IsReciprocal(tree_.lemma(analysis.word))) return false;
    return tree_.Kid(analysis.word, "obj") < 0 && tree_.Kid(analysis.word, "iobj") < 0;
  }

  // True when the event has not taken place but is announced (CAMEO manual, "Ten
  // Commandments on Verb Phrases", 1: "provide" or "sign" need a WILL or IS_TO to code in
  // the 03s): the verb has a future auxiliary ("will", "would", "shall"), or it is governed,
  // through control clauses, by a readiness predicate ("ready to", "willing to", "plans
  // to") or by a verb that carries a future auxiliary ("will move to help"). Under
  // PETRARCH's rule (resources.future_is_intent false) only a reported future counts: a
  // future auxiliary in the complement of a statement ("said it would boycott").
  bool Intended(int verb) const {
    const bool main_future = resources_.future_is_intent;
    if (HasFutureAux(verb) && (main_future || IsReportedClause(verb))) return true;
    for (int at = verb, steps = 0; steps < 4 && IsComplement(tree_, at); ++steps) {
      int up = tree_.head(at);
      if (up < 0) return false;
      if (IsReadiness(tree_.lemma(up)) && AnalysisOfConst(up) == nullptr) return true;
      if (main_future && tree_.base(at) == "xcomp" && HasFutureAux(up)) return true;
      const VerbAnalysis* upper = AnalysisOfConst(up);
      if (upper != nullptr && !IsNull(upper->code)) return false;
      at = up;
    }
    return false;
  }

  // The complement of a statement verb (CAMEO 01: "said", "announced").
  bool IsReportedClause(int verb) const {
    if (!IsComplement(tree_, verb) || tree_.head(verb) < 0) return false;
    const VerbAnalysis* upper = AnalysisOfConst(tree_.head(verb));
    return upper != nullptr && !IsNull(upper->code) && RootNumber(upper->code.active) == 1;
  }

  // An "if" or "unless" clause hangs on the verb.
  bool IsConditional(int verb) const {
    for (int kid : tree_.kids(verb)) {
      if (tree_.base(kid) != "advcl") continue;
      std::string_view mark = tree_.CaseOf(kid);
      if (mark == "if" || mark == "unless") return true;
    }
    return false;
  }

  bool HasFutureAux(int verb) const {
    for (int kid : tree_.kids(verb)) {
      if (tree_.base(kid) == "aux" && IsFutureAux(tree_.lemma(kid))) return true;
    }
    return false;
  }

  bool HasAux(int verb, std::string_view lemma) const {
    for (int kid : tree_.kids(verb)) {
      if (tree_.base(kid) == "aux" && tree_.lemma(kid) == lemma) return true;
    }
    return false;
  }

  // Intent and modality (docs/formats/events.md, "Intent and modality"): "agree" with a
  // complement or "to" is an intent to cooperate (030, combined with the complement by the
  // ontology); a cooperative event (04-08) under "will"/"would"/"ready to" becomes the
  // matching 03x intent (0x3000 + its detail), a material-conflict event (14-20) the
  // matching 13x threat (0x6000 + its detail).
  void ApplyModality(VerbAnalysis& analysis) {
    int verb = analysis.word;
    const std::string& code = analysis.code.active;
    if (tree_.lemma(verb) == "agree" && code == verbs_.verbs()[analysis.verb].code.active &&
        RootNumber(code) == 5) {
      bool complement = false;
      for (int kid : tree_.kids(verb)) {
        bool infinitive = tree_.base(kid) == "xcomp" || (tree_.base(kid) == "advcl" && tree_.CaseOf(kid) == "to");
        if (infinitive || (tree_.base(kid) == "obl" && tree_.CaseOf(kid) == "to")) complement = true;
      }
      if (complement) {
        analysis.code = EventCode{"030", ""};
        analysis.pattern_text += " (intent)";
      }
      return;
    }
    if (HasAux(verb, "must") && !analysis.passive) analysis.demanded = true;
    if (!Intended(verb)) return;  // a paired code keeps only its active side: "will visit" is 036
    int root = RootNumber(code);
    std::string intent;
    if (root == 8 && IsConditional(verb)) {
      // "will withdraw its force unless the government agrees": a conditional promise to
      // take something away is a threat (130), not an intent to yield (035).
      intent = "130";
    } else if (root >= 4 && root <= 8) {
      intent = resources_.algebra->Combine("030", code);
      if (intent.empty()) intent = "030";
    } else if (root >= 14 && root <= 20) {
      intent = resources_.algebra->Combine("130", code);
      if (intent.empty()) intent = "130";
    }
    if (intent.empty()) return;
    analysis.code = EventCode{intent, ""};
    analysis.intent = true;
    analysis.pattern_text += " (intent)";
  }

  bool IsNull(const EventCode& code) const {
    return !CameoCodebook::IsEventCode(code.active) && !CameoCodebook::IsEventCode(code.passive);
  }

  // The code a transformation "~ a (b . LOWER) UPPER = ..." gives, or empty.
  std::string Transform(const VerbAnalysis& upper, const VerbAnalysis& lower, bool* swap) const {
    for (const dict::Transformation& rule : verbs_.transformations()) {
      if (rule.levels.size() != 2) continue;
      if (!VerbCodeMatches(rule.levels[0].verbs, upper.code.active) ||
          !VerbCodeMatches(rule.levels[1].verbs, lower.code.active)) {
        continue;
      }
      bool same_source = !upper.source.empty() && !lower.source.empty() &&
                         upper.source.actors[0].code == lower.source.actors[0].code;
      const std::string& outer = rule.levels[0].source;
      const std::string& inner = rule.levels[1].source;
      if (inner == outer && !same_source) continue;
      if (inner != outer && inner != "." && inner != "_" && same_source) continue;
      if (inner == "_" && !lower.source.empty()) continue;
      // "b" names the lower clause's own actor: an agentless "civilians were killed"
      // accuses nobody.
      if (inner != "_" && inner != "." && lower.source.empty()) continue;
      *swap = rule.result_source != outer;
      return rule.result_code == "Q" ? lower.code.active : rule.result_code;
    }
    return std::string();
  }

  bool VerbCodeMatches(const std::vector<std::string>& verbs, const std::string& code) const {
    for (const std::string& verb : verbs) {
      if (verb == "q") return true;
      std::vector<std::string> words = dict::SplitPhrase(verb);
      std::span<const uint32_t> forms = verbs_.verb_matcher().Lookup(words);
      if (!forms.empty() && verbs_.verbs()[verbs_.forms()[forms[0]].verb].code.active == code) return true;
    }
    return false;
  }

  // Folds complement clauses into the verbs that govern them, deepest first.
  // Complements whose verb the dictionary does not know (or codes nothing: "drop" with no
  // pattern) still carry meaning for the verb
  // above: "X declared that China must drop barriers" is a demand on China (100), and
  // "X demanded that the government end curbs" names its target in the clause's subject.
  void FoldUnknownComplements() {
    for (VerbAnalysis& upper : analyses_) {
      if (IsNull(upper.code) || upper.negated) continue;
      int root = RootNumber(upper.code.active);
      if (root != 1 && root != 10 && root != 12) continue;
      for (int kid : tree_.kids(upper.word)) {
        const VerbAnalysis* known = AnalysisOfConst(kid);
        if (!IsComplement(tree_, kid) || (known != nullptr && !IsNull(known->code))) continue;
        int subject = tree_.Kid(kid, "nsubj");
        if (subject < 0) continue;
        bool must = HasAux(kid, "must");
        if (root == 1 && !must) continue;
        Side target = Resolve(subject);
        if (target.empty() || SameActors(target, upper.source)) continue;
        if (root == 1) {
          upper.code = EventCode{"100", ""};
          upper.pattern_text += " > must";
        }
        if (root == 1 || upper.target.empty()) upper.target = std::move(target);
      }
    }
  }

  void Combine() {
    FoldUnknownComplements();
    std::vector<VerbAnalysis*> order;
    for (VerbAnalysis& analysis : analyses_) order.push_back(&analysis);
    std::sort(order.begin(), order.end(), [&](const VerbAnalysis* a, const VerbAnalysis* b) {
      return tree_.Depth(a->word) > tree_.Depth(b->word);
    });
    for (VerbAnalysis* lower : order) {
      if (!IsComplement(tree_, lower->word) && !IsDeniedGerund(lower->word)) continue;
      int up = tree_.head(lower->word);
      VerbAnalysis* upper = up >= 0 ? AnalysisOf(up) : nullptr;
      if (upper == nullptr) continue;
      CombineInto(*upper, *lower);
    }
  }

  // "denied attacking the port" parsed with the gerund as an unmarked adverbial clause: what
  // is denied or refused, as an xcomp would be.
  bool IsDeniedGerund(int word) const {
    int up = tree_.head(word);
    if (up < 0 || tree_.base(word) != "advcl") return false;
    if (!IsDenial(tree_.lemma(up)) && !IsRefusal(tree_.lemma(up))) return false;
    for (int kid : tree_.kids(word)) {
      if (tree_.rel(kid) == "mark") return false;
    }
    return true;
  }

  void CombineInto(VerbAnalysis& upper, VerbAnalysis& lower) {
    std::string_view lemma = tree_.lemma(upper.word);
    if (IsDenial(lemma) || IsRefusal(lemma)) {
      lower.negated = true;
      return;
    }
    int upper_root = IsNull(upper.code) ? -1 : RootNumber(upper.code.active);
    if (upper_root == 10 || upper_root == 12) {
      // A demand or rejection dominates its complement: "demanded elections" is 10x
      // whatever "elections" would code; the lower clause names the target.
      if (upper.target.empty()) upper.target = lower.own_subject ? lower.source : lower.target;
      if (upper.target.empty()) upper.target = lower.target;
      upper.pattern_text += " > " + lower.pattern_text;
      lower.absorbed_by = upper.word;
      return;
    }
    if (IsNull(upper.code)) {
      if (upper.negated) lower.negated = !lower.negated;
      if (lower.source.empty()) lower.source = upper.source;
      return;
    }
    if (IsNull(lower.code)) return;
    bool swap = false;
    std::string transformed = Transform(upper, lower, &swap);
    if (!transformed.empty()) {
      upper.code = EventCode{transformed, ""};
      if (upper.target.empty()) upper.target = swap ? lower.target : lower.source;
      upper.pattern_text += " ~ " + lower.pattern_text;
      lower.absorbed_by = upper.word;
      return;
    }
    if (lower.passive && lower.source.empty() && upper_root == 1) return;  // "police said three were killed"
    bool shared_agent = !lower.own_subject || lower.source.empty() ||
                        (!upper.source.empty() && upper.source.actors[0].code == lower.source.actors[0].code);
    if (!shared_agent) {
      if (lower.demanded && upper_root == 1 && !lower.source.empty()) {
        // "X said Y must return Z": X demands of Y.
        upper.code = EventCode{"100", ""};
        upper.target = lower.source;
        upper.pattern_text += " > must " + lower.pattern_text;
        lower.absorbed_by = upper.word;
        return;
      }
      // "X said Y attacked Z": two events; the upper's target is the clause's subject.
      if (upper.target.empty()) upper.target = lower.source;
      return;
    }
    if (lower.intent && upper_root == 1 && upper.choice.pattern == nullptr) {
      // "X said it would boycott Y": the intent (or threat) is the event, not the statement.
      upper.code = lower.negated ? EventCode{resources_.algebra->Negate(lower.code.active), ""} : lower.code;
      if (upper.code.active.empty()) upper.code = lower.code;
      if (!lower.target.empty()) upper.target = lower.target;
      upper.pattern_text += " > " + lower.pattern_text;
      lower.absorbed_by = upper.word;
      return;
    }
    std::string lower_code = lower.code.active;
    if (lower.negated) {
      std::string negated = resources_.algebra->Negate(lower_code);
      if (!negated.empty()) lower_code = negated;
    }
    if (upper.choice.pattern != nullptr && !resources_.algebra->IsCategoryOnly(upper.code.active)) {
      lower.absorbed_by = upper.word;
      return;
    }
    std::string combined = resources_.algebra->Combine(upper.code.active, lower_code);
    if (combined.empty()) return;
    upper.code = EventCode{combined, ""};
    if (upper.target.empty()) upper.target = lower.target;
    if (upper.source.empty()) upper.source = lower.source;
    upper.pattern_text += " + " + lower.pattern_text;
    lower.absorbed_by = upper.word;
  }

  doc::EventArgument Argument(const Side& side, size_t index) const {
    doc::EventArgument argument;
    argument.head = tree_.Global(side.heads[index]);
    argument.span = side.spans[index];
    argument.code = side.actors[index].code;
    argument.actor = side.actors[index].actor;
    return argument;
  }

  PushResult Push(const VerbAnalysis& analysis, const doc::EventArgument& source,
                  const doc::EventArgument& target, std::string code, std::vector<doc::Event>* events) const {
    if (!CameoCodebook::IsEventCode(code)) return PushResult::kNotACode;
    if (source.code == target.code) return PushResult::kSameActor;
    bool negated = analysis.negated;
    if (negated) {
      std::string negation = resources_.algebra->Negate(code);
      if (!negation.empty()) code = negation;
    }
    doc::Event event;
    event.sentence = tree_.sentence();
    event.verb = tree_.Global(analysis.word);
    event.source = source;
    event.target = target;
    event.root = CameoCodebook::Root(code);
    event.quad_class = CameoCodebook::QuadClass(code);
    event.goldstein = resources_.codebook->Goldstein(code);
    event.plover = resources_.codebook->Plover(code);
    event.cameo = std::move(code);
    event.negated = negated;
    event.pattern = analysis.pattern_text;
    event.pattern_source = analysis.pattern_source;
    for (const doc::Event& existing : *events) {
      if (existing.sentence == event.sentence && existing.cameo == event.cameo &&
          existing.source.code == event.source.code && existing.target.code == event.target.code) {
        return PushResult::kDuplicate;
      }
    }
    events->push_back(std::move(event));
    return PushResult::kPushed;
  }

  // Nominal events from the event-noun dictionary (overlay *.nouns.txt): "Haftar's attack
  // on Tripoli" is LBYMIL 190 LBY. The possessor or a "by" phrase is the source; an "on",
  // "against", "with", "to" or "into" phrase the target. Both must name actors, and the
  // noun's block code is the event's code. A noun in a clause dated by a discard is skipped.
  void CodeNominals(std::vector<doc::Event>* events) const {
    const dict::VerbDictionary& nouns = resources_.dictionaries->nouns;
    if (nouns.verbs().empty()) return;
    for (int word = 0; word < tree_.size(); ++word) {
      uint32_t noun_id = 0;
      if (tree_.upos(word) != doc::Upos::kNoun) continue;
      int dated = DiscardOf(word);
      if ((dated >= 0 && trace_ == nullptr) || !LookupNoun(word, &noun_id)) continue;
      const dict::Verb& entry = nouns.verbs()[noun_id];
      if (dated >= 0) {
        Record(Unanalysed(word, entry, nouns), entry, nouns, Outcome::kDiscardedClause, dated);
        continue;
      }
      int source_head = -1;
      int target_head = -1;
      for (int kid : tree_.kids(word)) {
        std::string_view marker = tree_.CaseOf(kid);
        if (source_head < 0 && (tree_.rel(kid) == "nmod:poss" || (tree_.base(kid) == "nmod" && marker == "by"))) {
          source_head = kid;
        } else if (target_head < 0 && tree_.base(kid) == "nmod" &&
                   (marker == "on" || marker == "against" || marker == "with" || marker == "to" || marker == "into")) {
          target_head = kid;
        }
      }
      if (source_head < 0 || target_head < 0) {
        if (trace_ != nullptr) {
          VerbAnalysis nominal = Unanalysed(word, entry, nouns);
          nominal.source = Resolve(source_head, /*source=*/true);
          nominal.target = Resolve(target_head);
          Record(nominal, entry, nouns, source_head < 0 ? Outcome::kNoSource : Outcome::kNoTarget);
        }
        continue;
      }
      Side sources = Resolve(source_head, /*source=*/true);
      Side targets = Resolve(target_head);
      if (sources.empty() || targets.empty()) {
        if (trace_ != nullptr) {
          VerbAnalysis nominal = Unanalysed(word, entry, nouns);
          nominal.source = std::move(sources);
          nominal.target = std::move(targets);
          Record(nominal, entry, nouns, nominal.source.empty() ? Outcome::kNoSource : Outcome::kNoTarget);
        }
        continue;
      }
      VerbAnalysis nominal = Unanalysed(word, entry, nouns);
      PushTally tally;
      for (size_t s = 0; s < sources.actors.size(); ++s) {
        for (size_t t = 0; t < targets.actors.size(); ++t) {
          tally.Add(Push(nominal, Argument(sources, s), Argument(targets, t), entry.code.active, events));
        }
      }
      if (trace_ != nullptr) {
        nominal.source = std::move(sources);
        nominal.target = std::move(targets);
        Record(nominal, entry, nouns, tally.Result(Outcome::kNullCode));
      }
    }
  }

  // The event noun a word is: "air strike" (compound + noun), the form, or the lemma.
  bool LookupNoun(int word, uint32_t* noun_id) const {
    const dict::VerbDictionary& nouns = resources_.dictionaries->nouns;
    std::vector<std::vector<std::string>> candidates;
    for (int kid : tree_.kids(word)) {
      if (tree_.rel(kid) == "compound" && kid + 1 == word) candidates.push_back({tree_.form(kid), tree_.form(word)});
    }
    candidates.push_back({tree_.form(word)});
    candidates.push_back({tree_.lemma(word)});
    return FirstListed(nouns, candidates, noun_id);
  }

  // Verbs whose coordinated subjects act on each other ("Arnor and Gondor met").
  static bool IsReciprocal(std::string_view lemma) {
    return lemma == "meet" || lemma == "agree" || lemma == "sign" || lemma == "negotiate" ||
           lemma == "talk" || lemma == "cooperate" || lemma == "discuss" || lemma == "upgrade" ||
           lemma == "renew" || lemma == "resume" || lemma == "restore" || lemma == "establish" ||
           lemma == "hold" || lemma == "reach" || lemma == "conclude";
  }

  // An event with no target: coordinated subjects of a reciprocal verb or of a symmetric
  // paired code ([057:057]) act on each other, one event each way; otherwise the source
  // alone carries no event (null-target events are not emitted: an event needs a dyad).
  Outcome EmitWithoutTarget(const VerbAnalysis& analysis, std::vector<doc::Event>* events) const {
    const Side& sources = analysis.source;
    const EventCode& code = analysis.code;
    bool symmetric = code.active == code.passive || IsReciprocal(tree_.lemma(analysis.word));
    if (sources.actors.size() >= 2 && symmetric) {
      PushTally tally;
      for (size_t a = 0; a < sources.actors.size(); ++a) {
        for (size_t b = 0; b < sources.actors.size(); ++b) {
          if (a != b) tally.Add(Push(analysis, Argument(sources, a), Argument(sources, b), code.active, events));
        }
      }
      return tally.Result(Outcome::kNoTarget);
    }
    if (!sources.empty() && RootNumber(code.active) == 14) return EmitProtest(analysis, events);
    return sources.empty() ? Outcome::kNoSource : Outcome::kNoTarget;
  }

  // A protest with no named target ("landowners began a hunger strike", "Albanians
  // demonstrated in Serbia") is aimed at the authorities of the place it happens in: the
  // country of an "in", "at", "outside" or "near" phrase, else the government of the
  // protesters' own country (CAMEO's domestic-protest convention), which the sentence
  // implies and does not write: that target has no text.
  Outcome EmitProtest(const VerbAnalysis& analysis, std::vector<doc::Event>* events) const {
    const Side& sources = analysis.source;
    Side place = PlaceOf(analysis.word);
    PushTally tally;
    for (size_t s = 0; s < sources.actors.size(); ++s) {
      doc::EventArgument source = Argument(sources, s);
      if (!place.empty()) {
        for (size_t t = 0; t < place.actors.size(); ++t) {
          tally.Add(Push(analysis, source, Argument(place, t), analysis.code.active, events));
        }
        continue;
      }
      std::string_view country = doc::EventCountry(source);
      if (country.empty()) continue;
      doc::EventArgument government;
      government.head = source.head;
      government.code = std::string(country) + "GOV";
      government.actor = source.actor;
      tally.Add(Push(analysis, source, government, analysis.code.active, events));
    }
    return tally.Result(Outcome::kNoTarget);
  }

  // The actors of a verb's place phrases ("in Serbia", "outside Parliament").
  Side PlaceOf(int verb) const {
    for (int kid : tree_.kids(verb)) {
      std::string_view marker = tree_.CaseOf(kid);
      if (tree_.base(kid) != "obl" ||
          (marker != "in" && marker != "at" && marker != "outside" && marker != "near")) {
        continue;
      }
      Side place = Resolve(kid);
      if (!place.empty()) return place;
    }
    return Side{};
  }

  // "Three civilians were killed in a car bombing": violence (18x-20x) done to a named
  // victim by nobody the sentence names is still an event, with an unknown source, as
  // ACLED and the PLOVER gold record it. Only agentless passives qualify: an active verb
  // with no subject is a parse the coder cannot trust.
  bool IsUnattributedViolence(const VerbAnalysis& analysis) const {
    int root = RootNumber(analysis.code.active);
    return analysis.passive && !analysis.negated && root >= 18 && root <= 20 && !InBackgroundClause(analysis.word);
  }

  // Whether a verb sits in a relative clause ("raids in which 20 were killed") or a
  // condition ("if it is attacked"), at any depth: background, not a reported act.
  bool InBackgroundClause(int word) const {
    for (int at = word, steps = 0; at >= 0 && steps < tree_.size(); at = tree_.head(at), ++steps) {
      if (tree_.base(at) == "acl") return true;
      for (int kid : tree_.kids(at)) {
        std::string_view mark = tree_.lemma(kid);
        if (tree_.rel(kid) == "mark" && (mark == "if" || mark == "unless")) return true;
      }
    }
    return false;
  }

  // Pushes the events of a verb; returns what became of it.
  Outcome Emit(const VerbAnalysis& analysis, std::vector<doc::Event>* events) const {
    if (analysis.absorbed()) return Outcome::kAbsorbed;
    if (IsNull(analysis.code)) return Outcome::kNullCode;
    const Side& sources = analysis.source;
    PushTally tally;
    if (analysis.choice.compound) {
      for (size_t a = 0; a < sources.actors.size(); ++a) {
        for (size_t b = 0; b < sources.actors.size(); ++b) {
          if (a != b) tally.Add(Push(analysis, Argument(sources, a), Argument(sources, b), analysis.code.active, events));
        }
      }
      return tally.Result(sources.empty() ? Outcome::kNoSource : Outcome::kNoTarget);
    }
    const Side& targets = analysis.target;
    if (targets.empty()) return EmitWithoutTarget(analysis, events);
    if (sources.empty() && IsUnattributedViolence(analysis)) {
      for (size_t t = 0; t < targets.actors.size(); ++t) {
        tally.Add(Push(analysis, doc::EventArgument{}, Argument(targets, t), analysis.code.active, events));
      }
      return tally.Result(Outcome::kNoSource);
    }
    for (size_t s = 0; s < sources.actors.size(); ++s) {
      for (size_t t = 0; t < targets.actors.size(); ++t) {
        doc::EventArgument source = Argument(sources, s);
        doc::EventArgument target = Argument(targets, t);
        tally.Add(Push(analysis, source, target, analysis.code.active, events));
        tally.Add(Push(analysis, target, source, analysis.code.passive, events));
      }
    }
    return tally.Result(Outcome::kNoSource);
  }

  const doc::Document& document_;
  SentenceTree tree_;
  const CoderResources& resources_;
  const dict::VerbDictionary& verbs_;
  PatternMatcher matcher_;
  std::vector<VerbAnalysis> analyses_;
  std::vector<int> discarded_clauses_;  // clause heads dated by a discard phrase
  SentenceTrace* trace_;                // nullptr: no trace
};

}  // namespace

DiscardTrace MakeDiscardTrace(const dict::DiscardList& discards, uint32_t discard, uint32_t sentence) {
  const dict::Discard& entry = discards.discards()[discard];
  DiscardTrace out;
  out.phrase = entry.phrase;
  out.where = std::string(Basename(discards.file())) + ":" + std::to_string(entry.line);
  out.story = entry.scope == dict::DiscardScope::kStory;
  out.sentence = sentence;
  return out;
}

void CodeSentence(const doc::Document& document, uint32_t sentence, const CoderResources& resources,
                  std::vector<doc::Event>* events, SentenceTrace* trace) {
  Coder(document, sentence, resources, trace).Run(events);
}

void TraceDiscardedSentence(const doc::Document& document, uint32_t sentence,
                            const CoderResources& resources, const DiscardTrace& discard,
                            SentenceTrace* trace) {
  trace->discard = discard;
  Coder coder(document, sentence, resources, trace);
  coder.TraceDiscarded(discard);
}

}  // namespace khabar::events::internal
