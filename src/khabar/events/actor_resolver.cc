#include "khabar/events/actor_resolver.h"

#include <algorithm>
#include <limits>
#include <string_view>

namespace khabar::events {
namespace {

struct Match {
  size_t begin = 0;  // positions in ArgumentWords::words
  size_t end = 0;
  uint32_t id = 0;
  doc::WordIndex root = doc::kNoHead;  // the match's word whose head lies outside it
  int depth = 0;                       // tree distance from the argument head
};

bool IsConj(const doc::Document& document, doc::WordIndex word) {
  std::string_view rel = document.words.DeprelName(document.words.words[word]);
  return rel == "conj";
}

// Steps from `word` up to `head`; a large number when `head` is not an ancestor.
int Depth(const doc::Document& document, doc::WordIndex word, doc::WordIndex head) {
  constexpr int kMaxDepth = 64;
  for (int depth = 0; depth < kMaxDepth; ++depth) {
    if (word == head) return depth;
    doc::WordIndex up = document.words.words[word].head;
    if (up == doc::kRootHead || up == doc::kNoHead) break;
    word = up;
  }
  return std::numeric_limits<int>::max() / 2;
}

void SetRoot(const doc::Document& document, const ArgumentWords& argument, Match& match) {
  std::span<const doc::WordIndex> words = argument.words.subspan(match.begin, match.end - match.begin);
  match.root = words.front();
  for (doc::WordIndex word : words) {
    doc::WordIndex up = document.words.words[word].head;
    if (std::find(words.begin(), words.end(), up) == words.end()) {
      match.root = word;
      break;
    }
  }
  match.depth = Depth(document, match.root, argument.head);
}

// Whether two matches' roots are conjuncts of each other (or of one head).
bool Coordinated(const doc::Document& document, doc::WordIndex a, doc::WordIndex b) {
  const auto& words = document.words.words;
  if (IsConj(document, a) && words[a].head == b) return true;
  if (IsConj(document, b) && words[b].head == a) return true;
  return IsConj(document, a) && IsConj(document, b) && words[a].head == words[b].head;
}

doc::Span SpanOf(const doc::Document& document, const ArgumentWords& argument, size_t begin, size_t end) {
  const auto& words = document.words.words;
  return doc::Span{words[argument.words[begin]].span.begin, words[argument.words[end - 1]].span.end};
}

bool Overlaps(const Match& a, const Match& b) { return a.begin < b.end && b.begin < a.end; }

}  // namespace

std::vector<ResolvedActor> DictionaryActorResolver::Resolve(const doc::Document& document,
                                                            const ArgumentWords& argument,
                                                            dict::Date date) const {
  std::vector<std::string_view> tokens;
  tokens.reserve(argument.words.size());
  for (doc::WordIndex word : argument.words) {
    tokens.push_back(document.words.Form(document.text, document.words.words[word]));
  }
  std::vector<Match> actor_matches;
  for (const dict::PhraseMatch& phrase : actors_->FindActors(tokens)) {
    Match match{phrase.begin, phrase.end, phrase.values[0]};
    std::string_view code = actors_->CodeOn(match.id, date);
    if (code.empty() || code == "---") continue;  // a null-coded actor names nobody
    SetRoot(document, argument, match);
    actor_matches.push_back(match);
  }
  std::vector<Match> agent_matches;
  for (const dict::PhraseMatch& phrase : agents_->FindAgents(tokens)) {
    Match match{phrase.begin, phrase.end, phrase.values[0]};
    bool inside_actor = std::any_of(actor_matches.begin(), actor_matches.end(),
                                    [&](const Match& actor) { return Overlaps(actor, match); });
    if (!inside_actor) agent_matches.push_back(match);
  }

  std::string before, after;
  for (const Match& agent : agent_matches) {
    const dict::Agent& entry = agents_->agents()[agent.id];
    std::string& side = entry.placement == dict::AgentCodePlacement::kBeforeActor ? before : after;
    if (side.find(entry.code) == std::string::npos) side += entry.code;
  }
  std::vector<ResolvedActor> resolved;
  if (actor_matches.empty()) {
    if (agent_matches.empty()) return resolved;
    ResolvedActor only;
    only.code = before + after;
    only.agents = after;
    only.span = SpanOf(document, argument, agent_matches.front().begin, agent_matches.back().end);
    resolved.push_back(std::move(only));
    return resolved;
  }

  const Match* primary = &*std::min_element(
      actor_matches.begin(), actor_matches.end(),
      [](const Match& a, const Match& b) { return a.depth < b.depth || (a.depth == b.depth && a.begin < b.begin); });
  std::vector<const Match*> group = {primary};
  for (bool grew = true; grew;) {
    grew = false;
    for (const Match& match : actor_matches) {
      if (std::find(group.begin(), group.end(), &match) != group.end()) continue;
      for (const Match* member : group) {
        if (Coordinated(document, match.root, member->root)) {
          group.push_back(&match);
          grew = true;
          break;
        }
      }
    }
  }
  std::sort(group.begin(), group.end(), [](const Match* a, const Match* b) { return a->begin < b->begin; });
  for (const Match* match : group) {
    ResolvedActor actor;
    actor.base_code = std::string(actors_->CodeOn(match->id, date));
    std::string suffix;
    for (size_t at = 0; at < after.size(); at += 3) {
      std::string_view piece = std::string_view(after).substr(at, 3);
      if (actor.base_code.find(piece) == std::string::npos) suffix += piece;
    }
    actor.code = before + actor.base_code + suffix;
    actor.agents = suffix;
    actor.actor = actors_->actors()[match->id].name;
    actor.span = SpanOf(document, argument, match->begin, match->end);
    resolved.push_back(std::move(actor));
  }
  return resolved;
}

}  // namespace khabar::events
