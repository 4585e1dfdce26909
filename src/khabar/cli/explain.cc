#include "khabar/cli/explain.h"

#include <algorithm>
#include <utility>

#include "khabar/events/event_stage.h"

namespace khabar::cli {
namespace {

std::string_view Basename(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// The words of one sentence as a tree, by sentence-local index (0-based).
class LocalTree {
 public:
  LocalTree(const doc::Document& document, uint32_t sentence)
      : document_(document), range_(document.words.sentences[sentence]) {
    kids_.resize(range_.word_count());
    for (uint32_t local = 0; local < size(); ++local) {
      int head = Head(local);
      if (head >= 0) kids_[head].push_back(local);
    }
  }

  uint32_t size() const { return range_.word_count(); }
  doc::WordIndex global(uint32_t local) const { return range_.word_begin + local; }
  const doc::Word& word(uint32_t local) const { return document_.words.words[global(local)]; }
  const std::vector<uint32_t>& kids(uint32_t local) const { return kids_[local]; }
  std::string_view relation(uint32_t local) const {
    return document_.words.DeprelName(word(local));
  }
  std::string_view form(uint32_t local) const {
    return document_.words.Form(document_.text, word(local));
  }
  std::string_view lemma(uint32_t local) const { return document_.words.Lemma(word(local)); }

  // The local index of the head, or -1 for a root (or a head outside the sentence).
  int Head(uint32_t local) const {
    doc::WordIndex head = word(local).head;
    if (head < range_.word_begin || head >= range_.word_end || head == global(local)) return -1;
    return static_cast<int>(head - range_.word_begin);
  }

 private:
  const doc::Document& document_;
  doc::SentenceWords range_;
  std::vector<std::vector<uint32_t>> kids_;
};

ExplainedWord MakeWord(const LocalTree& tree, uint32_t local, int depth) {
  ExplainedWord out;
  out.index = local + 1;
  out.head = static_cast<uint32_t>(tree.Head(local) + 1);
  out.depth = depth;
  out.form = tree.form(local);
  out.upos = doc::UposName(tree.word(local).upos);
  out.lemma = tree.lemma(local);
  out.relation = tree.relation(local);
  return out;
}

// Pre-order from each root, dependents in text order. Words the walk cannot reach (a cycle
// from a broken parse) follow at depth 0, so every word is shown once.
std::vector<ExplainedWord> TreeWords(const LocalTree& tree) {
  std::vector<ExplainedWord> out;
  std::vector<bool> seen(tree.size(), false);
  std::vector<std::pair<uint32_t, int>> stack;
  auto walk = [&](uint32_t root) {
    stack.push_back({root, 0});
    while (!stack.empty()) {
      auto [local, depth] = stack.back();
      stack.pop_back();
      if (seen[local]) continue;
      seen[local] = true;
      out.push_back(MakeWord(tree, local, depth));
      const std::vector<uint32_t>& kids = tree.kids(local);
      for (auto kid = kids.rbegin(); kid != kids.rend(); ++kid) stack.push_back({*kid, depth + 1});
    }
  };
  for (uint32_t local = 0; local < tree.size(); ++local) {
    if (tree.Head(local) < 0) walk(local);
  }
  for (uint32_t local = 0; local < tree.size(); ++local) {
    if (!seen[local]) walk(local);
  }
  return out;
}

std::string RoleDates(const dict::ActorRole& role) {
  if (!role.dated()) return "";
  if (role.first == dict::Date::Min()) return "until " + role.last.ToString();
  if (role.last == dict::Date::Max()) return "from " + role.first.ToString();
  return role.first.ToString() + " to " + role.last.ToString();
}

// The role that gives the actor its code on `date` (dict/actor_dictionary.h: the first
// dated role holding the date, else the first undated one), or nullptr.
const dict::ActorRole* RoleOn(const dict::Actor& actor, dict::Date date) {
  for (const dict::ActorRole& role : actor.roles) {
    if (role.dated() && role.Holds(date)) return &role;
  }
  for (const dict::ActorRole& role : actor.roles) {
    if (!role.dated()) return &role;
  }
  return nullptr;
}

// "+MIL" for agents after the actor's code, "NGO+" for agents before it.
std::string AgentsAround(std::string_view code, std::string_view role_code) {
  size_t at = code.find(role_code);
  if (role_code.empty() || at == std::string_view::npos) return "";
  std::string out(code.substr(0, at));
  if (!out.empty()) out += "+";
  std::string_view after = code.substr(at + role_code.size());
  if (!after.empty()) {
    out += '+';
    out.append(after);
  }
  return out;
}

// The words inside `span` that the actor dictionary matches to actor `id`, as written.
std::string MatchedPhrase(const doc::Document& document, uint32_t sentence, doc::Span span,
                          const dict::ActorDictionary& actors, uint32_t id) {
  const doc::WordLayer& layer = document.words;
  const doc::SentenceWords& range = layer.sentences[sentence];
  std::vector<doc::WordIndex> words;
  std::vector<std::string_view> tokens;
  for (doc::WordIndex word = range.word_begin; word < range.word_end; ++word) {
    doc::Span word_span = layer.words[word].span;
    if (word_span.begin < span.begin || word_span.end > span.end) continue;
    words.push_back(word);
    tokens.push_back(layer.Form(document.text, layer.words[word]));
  }
  for (const dict::PhraseMatch& match : actors.FindActors(tokens)) {
    if (std::find(match.values.begin(), match.values.end(), id) == match.values.end()) continue;
    doc::Span matched{layer.words[words[match.begin]].span.begin,
                      layer.words[words[match.end - 1]].span.end};
    return std::string(document.RawText(matched));
  }
  return "";
}

std::string WhyLine(const ExplainedActor& actor) {
  if (actor.actor.empty()) return "no dictionary actor; agents alone give " + actor.code;
  std::string why = "actor " + actor.actor;
  if (!actor.matched.empty()) why += " (\"" + actor.matched + "\")";
  why += ", " + (actor.role_code.empty() ? actor.code : actor.role_code);
  if (!actor.role_dates.empty()) why += " " + actor.role_dates;
  if (!actor.where.empty()) why += " (" + actor.where + ")";
  if (!actor.agents.empty()) why += ", agents " + actor.agents + " -> " + actor.code;
  return why;
}

std::string DiscardText(const events::DiscardTrace& discard) {
  if (discard.empty()) return "";
  if (discard.story) {
    return "story discard \"" + discard.phrase + "\" in sentence " +
           std::to_string(discard.sentence + 1) + " (" + discard.where + ")";
  }
  return "sentence discard \"" + discard.phrase + "\" (" + discard.where + ")";
}

TracedArgument TraceArgument(const doc::Document& document, doc::WordIndex first,
                             const events::ArgumentTrace& argument) {
  TracedArgument out;
  if (argument.head == doc::kNoHead) return out;
  out.head = argument.head - first + 1;
  out.text = argument.span.empty()
                 ? std::string(document.RawText(document.words.words[argument.head].span))
                 : std::string(document.RawText(argument.span));
  for (const std::string& code : argument.codes) out.codes += (out.codes.empty() ? "" : ", ") + code;
  return out;
}

std::string EventNumbers(const std::vector<int>& numbers) {
  std::string out = numbers.size() == 1 ? "event " : "events ";
  for (size_t at = 0; at < numbers.size(); ++at) {
    out += (at == 0 ? "" : ", ") + std::to_string(numbers[at]);
  }
  return out;
}

// Why the coder gave a verb or noun its outcome, in plain words.
std::string WhyText(const TracedVerb& out, const events::VerbTrace& verb,
                    const SentenceExplanation& explanation, doc::WordIndex first) {
  using events::Outcome;
  switch (verb.outcome) {
    case Outcome::kEvent:
      return out.events.empty() ? "coded" : "coded as " + EventNumbers(out.events);
    case Outcome::kAbsorbed: {
      uint32_t index = verb.absorbed_by - first + 1;
      std::string form;
      bool coded = false;
      for (const ExplainedWord& word : explanation.words) {
        if (word.index == index) form = std::string(word.form);
      }
      for (const ExplainedEvent& event : explanation.events) coded = coded || event.verb_index == index;
      std::string where = "\"" + form + "\" (word " + std::to_string(index) + ")";
      return coded ? "folded into the event of " + where
                   : "folded into " + where + ", the verb that governs it, which coded no event";
    }
    case Outcome::kNullCode:
      return "its code is null: neither its dictionary line nor a matching pattern gives one";
    case Outcome::kNoSource:
      if (out.nominal && out.source.head == 0) return "no possessor or \"by\" phrase says who acts";
      if (out.source.head == 0) return "no event without a source";
      return out.target.codes.empty() ? "neither the source nor a target names an actor"
                                      : "the source names no actor";
    case Outcome::kNoTarget:
      if (out.nominal && out.target.head == 0) {
        return "no \"on\", \"against\", \"with\", \"to\" or \"into\" phrase names a target";
      }
      return "no target names an actor; an event needs a source and a target";
    case Outcome::kSameActor:
      return "source and target are the same actor";
    case Outcome::kDuplicate:
      return "its events repeat events another word of the sentence already gave";
    case Outcome::kDiscardedClause:
      return "the clause is dated by \"" + verb.discard.phrase + "\" (" + verb.discard.where +
             "), and history is not coded";
    case Outcome::kDiscardedSentence:
      return std::string("not read: the ") + (verb.discard.story ? "story" : "sentence") +
             " discard \"" + verb.discard.phrase + "\" stops coding";
    case Outcome::kAttribution:
      return "a statement: its subject is who says so (attributed_to) of the events below it";
  }
  return "";
}

}  // namespace

SentenceExplainer::SentenceExplainer(const dict::Dictionaries& dictionaries)
    : dictionaries_(&dictionaries) {
  const std::vector<dict::Actor>& actors = dictionaries.actors.actors();
  for (uint32_t id = 0; id < actors.size(); ++id) actors_by_name_[actors[id].name].push_back(id);
  const dict::VerbDictionary& verbs = dictionaries.verbs;
  for (uint32_t id = 0; id < verbs.blocks().size(); ++id)
    block_by_line_[verbs.blocks()[id].line] = id;
  for (const dict::Verb& verb : verbs.verbs()) block_by_line_[verb.line] = verb.block;
  for (const dict::Pattern& pattern : verbs.patterns())
    block_by_line_[pattern.line] = pattern.block;
}

SentenceExplanation SentenceExplainer::Explain(const doc::Document& document,
                                               const events::SentenceTrace& trace) const {
  const uint32_t sentence = trace.sentence;
  SentenceExplanation out;
  out.doc_id = document.id;
  out.published = document.published;
  out.number = sentence + 1;
  out.count = static_cast<uint32_t>(document.sentences.size());
  out.raw_span = document.offsets.ToRawSpan(document.sentences[sentence].span);
  out.text = out.raw_span.In(document.raw);
  out.discard = DiscardText(trace.discard);
  LocalTree tree(document, sentence);
  out.words = TreeWords(tree);
  const doc::SentenceWords& range = document.words.sentences[sentence];
  const dict::Date date = events::ArticleDate(document);
  for (const doc::Event& event : document.events.events) {
    if (event.sentence != sentence) continue;
    ExplainedEvent explained;
    explained.number = static_cast<int>(out.events.size()) + 1;
    explained.event = &event;
    if (event.verb >= range.word_begin && event.verb < range.word_end) {
      explained.verb_index = event.verb - range.word_begin + 1;
      explained.verb_form = tree.form(event.verb - range.word_begin);
    }
    explained.block = BlockOf(event.pattern_source);
    explained.source = ExplainActor(document, sentence, event.source, date);
    explained.target = ExplainActor(document, sentence, event.target, date);
    if (!event.attributed_to.empty()) explained.attributed_to = std::string(document.RawText(event.attributed_to));
    if (event.date.from_text) explained.date_expression = document.RawText(event.date.span);
    out.events.push_back(std::move(explained));
  }
  for (ExplainedWord& word : out.words) {
    for (const ExplainedEvent& event : out.events) {
      if (event.verb_index == word.index) word.events.push_back(event.number);
    }
  }
  for (const events::VerbTrace& verb : trace.verbs) {
    out.verbs.push_back(ExplainVerb(document, verb, out));
  }
  return out;
}

ExplainedActor SentenceExplainer::ExplainActor(const doc::Document& document, uint32_t sentence,
                                               const doc::EventArgument& argument,
                                               dict::Date date) const {
  ExplainedActor out;
  out.text = std::string(document.RawText(argument.span));
  out.code = argument.code;
  out.actor = argument.actor;
  auto found = actors_by_name_.find(argument.actor);
  if (!argument.actor.empty() && found != actors_by_name_.end()) {
    const dict::ActorDictionary& actors = dictionaries_->actors;
    // Two actors may share a primary phrase (an overlay correcting a Phoenix actor): take
    // the one whose code on the date is part of the event's code.
    uint32_t id = found->second.front();
    for (uint32_t candidate : found->second) {
      std::string_view code = actors.CodeOn(candidate, date);
      if (!code.empty() && argument.code.find(code) != std::string::npos) {
        id = candidate;
        break;
      }
    }
    const dict::Actor& actor = actors.actors()[id];
    out.role_code = std::string(actors.CodeOn(id, date));
    const dict::ActorRole* role = RoleOn(actor, date);
    if (role != nullptr && role->code == out.role_code) out.role_dates = RoleDates(*role);
    out.where =
        std::string(Basename(actors.files()[actor.file])) + ":" + std::to_string(actor.line);
    out.agents = AgentsAround(out.code, out.role_code);
    out.matched = MatchedPhrase(document, sentence, argument.span, actors, id);
  }
  out.why = WhyLine(out);
  return out;
}

std::string SentenceExplainer::BlockOf(std::string_view pattern_source) const {
  const dict::VerbDictionary& verbs = dictionaries_->verbs;
  size_t colon = pattern_source.rfind(':');
  if (colon == std::string_view::npos ||
      Basename(pattern_source.substr(0, colon)) != Basename(verbs.file())) {
    return "";
  }
  uint32_t line = 0;
  for (char digit : pattern_source.substr(colon + 1)) {
    if (digit < '0' || digit > '9') return "";
    line = line * 10 + static_cast<uint32_t>(digit - '0');
  }
  auto found = block_by_line_.find(line);
  if (found == block_by_line_.end()) return "";
  const dict::VerbBlock& block = verbs.blocks()[found->second];
  return block.name + " [" + block.code.ToString() + "]";
}

TracedVerb SentenceExplainer::ExplainVerb(const doc::Document& document,
                                          const events::VerbTrace& verb,
                                          const SentenceExplanation& explanation) const {
  const doc::WordIndex first = document.words.sentences[explanation.number - 1].word_begin;
  TracedVerb out;
  out.index = verb.word - first + 1;
  out.form = document.words.Form(document.text, document.words.words[verb.word]);
  out.nominal = verb.nominal;
  out.entry = verb.entry;
  out.where = std::string(Basename(verb.entry_source));
  out.block = BlockOf(verb.entry_source);
  out.code = verb.code;
  if (verb.pattern != verb.entry || verb.pattern_source != verb.entry_source) {
    out.pattern = verb.pattern;
    out.pattern_where = std::string(Basename(verb.pattern_source));
  }
  out.negated = verb.negated;
  out.analysed = verb.outcome != events::Outcome::kDiscardedSentence;
  out.source = TraceArgument(document, first, verb.source);
  out.target = TraceArgument(document, first, verb.target);
  out.outcome = verb.outcome;
  for (const ExplainedEvent& event : explanation.events) {
    if (event.verb_index == out.index) out.events.push_back(event.number);
  }
  out.why = WhyText(out, verb, explanation, first);
  return out;
}

}  // namespace khabar::cli
