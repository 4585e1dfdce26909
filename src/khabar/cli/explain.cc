#include "khabar/cli/explain.h"

#include <algorithm>
#include <span>
#include <utility>

#include "khabar/dict/normalize.h"
#include "khabar/events/event_stage.h"

namespace khabar::cli {
namespace {

std::string_view Basename(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view BaseRelation(std::string_view relation) {
  return relation.substr(0, relation.find(':'));
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

// The dictionary verb a word is, tried as the coder does (docs/formats/events.md, "Verbs"):
// form or lemma + particle, form or lemma + the next ADP/ADV/PART, previous word + form,
// the form alone. dict::kNoId when none.
uint32_t LookupVerb(const LocalTree& tree, uint32_t local, const dict::VerbDictionary& verbs) {
  auto key = [](std::string_view word) { return dict::NormalizeKey(word); };
  std::vector<std::vector<std::string>> candidates;
  for (uint32_t kid : tree.kids(local)) {
    if (tree.relation(kid) != "compound:prt") continue;
    candidates.push_back({key(tree.form(local)), key(tree.form(kid))});
    candidates.push_back({key(tree.lemma(local)), key(tree.form(kid))});
  }
  if (local + 1 < tree.size()) {
    doc::Upos next = tree.word(local + 1).upos;
    if (next == doc::Upos::kAdp || next == doc::Upos::kAdv || next == doc::Upos::kPart) {
      candidates.push_back({key(tree.form(local)), key(tree.form(local + 1))});
      candidates.push_back({key(tree.lemma(local)), key(tree.form(local + 1))});
    }
  }
  if (local > 0 && (tree.Head(local - 1) == static_cast<int>(local) ||
                    tree.Head(local) == static_cast<int>(local - 1))) {
    candidates.push_back({key(tree.form(local - 1)), key(tree.form(local))});
  }
  candidates.push_back({key(tree.form(local))});
  for (const std::vector<std::string>& words : candidates) {
    std::span<const uint32_t> forms = verbs.verb_matcher().Lookup(words);
    if (!forms.empty()) return verbs.forms()[forms[0]].verb;
  }
  return dict::kNoId;
}

bool IsPredicate(const LocalTree& tree, uint32_t local) {
  doc::Upos upos = tree.word(local).upos;
  std::string_view base = BaseRelation(tree.relation(local));
  return upos == doc::Upos::kVerb || (upos == doc::Upos::kAux && base != "aux" && base != "cop");
}

// What an argument relation is called in the explanation; empty for other relations.
std::string_view ArgumentRole(std::string_view relation) {
  static constexpr std::pair<std::string_view, std::string_view> kRoles[] = {
      {"nsubj", "subject"},      {"nsubj:pass", "passive subject"}, {"csubj", "subject"},
      {"obj", "object"},         {"iobj", "indirect object"},       {"obl", "oblique"},
      {"obl:agent", "by-agent"},
  };
  for (const auto& [name, role] : kRoles) {
    if (relation == name) return role;
  }
  return BaseRelation(relation) == "obl" ? "oblique" : "";
}

// The argument's words as the coder takes them: the subtree without conjuncts, `cc`,
// punctuation and clauses.
void CollectArgument(const LocalTree& tree, uint32_t local, std::vector<doc::WordIndex>& words) {
  static constexpr std::string_view kSkipped[] = {"conj",  "cc",    "punct", "acl",
                                                  "advcl", "ccomp", "xcomp", "parataxis"};
  words.push_back(tree.global(local));
  for (uint32_t kid : tree.kids(local)) {
    std::string_view base = BaseRelation(tree.relation(kid));
    if (std::find(std::begin(kSkipped), std::end(kSkipped), base) != std::end(kSkipped)) continue;
    CollectArgument(tree, kid, words);
  }
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

}  // namespace

SentenceExplainer::SentenceExplainer(const dict::Dictionaries& dictionaries)
    : dictionaries_(&dictionaries), resolver_(dictionaries.actors, dictionaries.agents) {
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
                                               uint32_t sentence) const {
  SentenceExplanation out;
  out.doc_id = document.id;
  out.published = document.published;
  out.number = sentence + 1;
  out.count = static_cast<uint32_t>(document.sentences.size());
  out.raw_span = document.offsets.ToRawSpan(document.sentences[sentence].span);
  out.text = out.raw_span.In(document.raw);
  out.discard = FindDiscard(document, sentence);
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
    out.events.push_back(std::move(explained));
  }
  for (ExplainedWord& word : out.words) {
    for (const ExplainedEvent& event : out.events) {
      if (event.verb_index == word.index) word.events.push_back(event.number);
    }
  }
  out.uncoded_verbs = FindUncodedVerbs(document, sentence, out.events);
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

std::vector<UncodedVerb> SentenceExplainer::FindUncodedVerbs(
    const doc::Document& document, uint32_t sentence,
    const std::vector<ExplainedEvent>& events) const {
  const dict::VerbDictionary& verbs = dictionaries_->verbs;
  LocalTree tree(document, sentence);
  std::vector<UncodedVerb> out;
  for (uint32_t local = 0; local < tree.size(); ++local) {
    bool has_event = std::any_of(events.begin(), events.end(), [&](const ExplainedEvent& event) {
      return event.verb_index == local + 1;
    });
    if (has_event || !IsPredicate(tree, local)) continue;
    uint32_t verb_id = LookupVerb(tree, local, verbs);
    if (verb_id == dict::kNoId) continue;
    const dict::Verb& verb = verbs.verbs()[verb_id];
    const dict::VerbBlock& block = verbs.blocks()[verb.block];
    UncodedVerb uncoded;
    uncoded.index = local + 1;
    uncoded.form = tree.form(local);
    uncoded.entry = verb.text;
    uncoded.code = verb.code.ToString();
    uncoded.block = block.name + " [" + block.code.ToString() + "]";
    uncoded.where = std::string(Basename(verbs.file())) + ":" + std::to_string(verb.line);
    uncoded.arguments = ArgumentsOf(document, sentence, tree.global(local));
    out.push_back(std::move(uncoded));
  }
  return out;
}

std::vector<VerbArgument> SentenceExplainer::ArgumentsOf(const doc::Document& document,
                                                         uint32_t sentence,
                                                         doc::WordIndex verb) const {
  LocalTree tree(document, sentence);
  const dict::Date date = events::ArticleDate(document);
  const uint32_t verb_local = verb - tree.global(0);
  std::vector<VerbArgument> out;
  for (uint32_t kid : tree.kids(verb_local)) {
    std::string_view role = ArgumentRole(tree.relation(kid));
    if (role.empty()) continue;
    std::vector<doc::WordIndex> words;
    CollectArgument(tree, kid, words);
    std::sort(words.begin(), words.end());
    doc::Span span{document.words.words[words.front()].span.begin,
                   document.words.words[words.back()].span.end};
    VerbArgument argument{std::string(role), std::string(document.RawText(span)), ""};
    events::ArgumentWords argument_words{sentence, tree.global(kid), words};
    for (const events::ResolvedActor& actor : resolver_.Resolve(document, argument_words, date)) {
      argument.code += (argument.code.empty() ? "" : ", ") + actor.code;
    }
    out.push_back(std::move(argument));
  }
  return out;
}

std::string SentenceExplainer::FindDiscard(const doc::Document& document, uint32_t sentence) const {
  const dict::DiscardList& discards = dictionaries_->discards;
  // A story-level phrase anywhere stops the whole article; a sentence-level one its sentence.
  for (uint32_t other = 0; other < document.words.sentences.size(); ++other) {
    LocalTree tree(document, other);
    std::vector<std::string_view> tokens;
    for (uint32_t local = 0; local < tree.size(); ++local) tokens.push_back(tree.form(local));
    for (const dict::PhraseMatch& match : discards.FindDiscards(tokens)) {
      const dict::Discard& discard = discards.discards()[match.values[0]];
      bool story = discard.scope == dict::DiscardScope::kStory;
      if (other != sentence && !story) continue;
      std::string where =
          std::string(Basename(discards.file())) + ":" + std::to_string(discard.line);
      if (story)
        return "story discard \"" + discard.phrase + "\" in sentence " + std::to_string(other + 1) +
               " (" + where + ")";
      return "sentence discard \"" + discard.phrase + "\" (" + where + ")";
    }
  }
  return "";
}

}  // namespace khabar::cli
