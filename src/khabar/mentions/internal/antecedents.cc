#include "khabar/mentions/internal/antecedents.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "khabar/dict/normalize.h"
#include "khabar/mentions/internal/find_mentions.h"
#include "khabar/mentions/internal/lexicon.h"

namespace khabar::mentions::internal {
namespace {

using doc::WordIndex;

// The candidate chains of one mention: for each chain (by its first mention), the most
// recent mention of it seen so far and how well it fits.
struct Candidates {
  struct Entry {
    MentionIndex chain = kNoMention;
    MentionIndex latest = kNoMention;
    int score = 0;
  };
  std::vector<Entry> entries;

  void Add(MentionIndex chain, MentionIndex mention, int score) {
    for (Entry& entry : entries) {
      if (entry.chain != chain) continue;
      entry.latest = std::max(entry.latest, mention);
      entry.score = std::max(entry.score, score);
      return;
    }
    entries.push_back(Entry{chain, mention, score});
  }
  // The most recent mention of the one best-scoring chain; kNoMention on a tie or when empty.
  MentionIndex Best() const {
    const Entry* best = nullptr;
    bool tie = false;
    for (const Entry& entry : entries) {
      if (best == nullptr || entry.score > best->score) {
        best = &entry;
        tie = false;
      } else if (entry.score == best->score) {
        tie = true;
      }
    }
    return best == nullptr || tie ? kNoMention : best->latest;
  }
};

std::vector<std::string> NameKeys(const doc::Document& document, const Mention& mention) {
  std::vector<std::string_view> tokens;
  for (WordIndex word = mention.word_begin; word < mention.word_end; ++word)
    tokens.push_back(FormOf(document, word));
  dict::TransliteratedTokens keys;
  dict::TransliterateTokens(tokens, dict::ArticleMode::kDrop, &keys);
  return std::move(keys.keys);
}

bool EndsWith(const std::vector<std::string>& whole, const std::vector<std::string>& tail) {
  return !tail.empty() && tail.size() <= whole.size() &&
         std::equal(tail.rbegin(), tail.rend(), whole.rbegin());
}

// Two names the dictionaries give different codes are different actors, whatever they share.
bool CodesConflict(const Mention& a, const Mention& b) {
  return !a.name_code.empty() && !b.name_code.empty() && a.name_code != b.name_code;
}

bool InReach(const Mention& candidate, const Mention& mention, uint32_t sentences_back) {
  return candidate.sentence <= mention.sentence &&
         candidate.sentence + sentences_back >= mention.sentence;
}

// Co-arguments of one verb cannot corefer with a non-possessive pronoun ("Sisi called him").
bool Bound(const doc::Document& document, const Mention& candidate, const Mention& pronoun) {
  if (candidate.sentence != pronoun.sentence || DeprelOf(document, pronoun.head) == "nmod:poss")
    return false;
  return document.words.words[candidate.head].head == document.words.words[pronoun.head].head;
}

// Whether the pronoun stands inside a quotation: an odd number of '"' before it in its
// sentence (the normaliser folds curly quotes to '"'). Quoted speech shifts who "him" is.
bool InQuotation(const doc::Document& document, const Mention& pronoun) {
  if (pronoun.sentence >= document.sentences.size()) return false;
  const doc::Span& sentence = document.sentences[pronoun.sentence].span;
  if (pronoun.span.begin < sentence.begin) return false;
  std::string_view before =
      std::string_view(document.text).substr(sentence.begin, pronoun.span.begin - sentence.begin);
  return std::count(before.begin(), before.end(), '"') % 2 == 1;
}

// The subject of the sentence's root, not coordinated with another ("A and B met").
bool IsMainSubject(const doc::Document& document, const Mention& mention) {
  std::string_view rel = DeprelOf(document, mention.head);
  WordIndex verb = document.words.words[mention.head].head;
  return (rel == "nsubj" || rel == "nsubj:pass") && verb != doc::kRootHead &&
         verb != doc::kNoHead && document.words.words[verb].head == doc::kRootHead &&
         ChildWith(document, mention.sentence, mention.head, "conj") == doc::kNoHead;
}

// Applies the rules to the mentions in document order. Mentions before the current one are
// final; `person_` says which chains hold a name or nominal of a person so far.
class Linker {
 public:
  Linker(const doc::Document& document, std::vector<Mention>& mentions)
      : document_(document),
        mentions_(mentions),
        keys_(mentions.size()),
        person_(mentions.size(), false) {
    for (MentionIndex index = 0; index < mentions_.size(); ++index) {
      Mention& mention = mentions_[index];
      mention.chain = index;
      mention.antecedent = kNoMention;
      if (mention.kind == MentionKind::kName) keys_[index] = NameKeys(document_, mention);
      person_[index] =
          mention.kind != MentionKind::kPronoun && mention.type == MentionType::kPerson;
    }
  }

  void Run() {
    for (MentionIndex index = 0; index < mentions_.size(); ++index) LinkOne(index);
  }

 private:
  void LinkOne(MentionIndex mention) {
    const Mention& current = mentions_[mention];
    switch (current.kind) {
      case MentionKind::kName:
        LinkName(mention);
        break;
      case MentionKind::kNominal:
        if (current.type != MentionType::kPerson) {
          if (IsGroupNoun(LemmaOf(document_, current.head))) LinkGroupNominal(mention);
        } else if (!current.agent_code().empty() || current.nationality != doc::kNoHead) {
          LinkTitleNominal(mention);
        }
        break;
      case MentionKind::kPronoun:
        if (current.type == MentionType::kPerson) {
          LinkPersonPronoun(mention);
        } else {
          LinkThingPronoun(mention);
        }
        break;
    }
  }

  void Link(MentionIndex mention, MentionIndex antecedent) {
    if (antecedent == kNoMention) return;
    Mention& current = mentions_[mention];
    current.antecedent = antecedent;
    current.chain = mentions_[antecedent].chain;
    if (person_[current.chain] && current.kind == MentionKind::kName &&
        current.type == MentionType::kUnknown) {
      current.type = MentionType::kPerson;  // "Zeidan" after "Tarek Zaidan"
    }
    if (current.kind != MentionKind::kPronoun && current.type == MentionType::kPerson)
      person_[current.chain] = true;
  }

  // The first mention at most `sentences_back` sentences before `mention`'s.
  MentionIndex WindowBegin(MentionIndex mention, uint32_t sentences_back) const {
    MentionIndex begin = mention;
    while (begin > 0 && InReach(mentions_[begin - 1], mentions_[mention], sentences_back)) --begin;
    return begin;
  }

  // A name repeats an earlier name, or is its last words ("Hafter" after "Khalifa Hafter"),
  // comparing transliteration keys without articles; the earlier name must be a person's
  // for a partial match.
  void LinkName(MentionIndex mention) {
    const std::vector<std::string>& own = keys_[mention];
    Candidates candidates;
    for (MentionIndex earlier = 0; earlier < mention; ++earlier) {
      const Mention& other = mentions_[earlier];
      if (other.kind != MentionKind::kName || CodesConflict(other, mentions_[mention])) continue;
      bool repeat = keys_[earlier] == own;
      bool surname = own.size() < keys_[earlier].size() && EndsWith(keys_[earlier], own) &&
                     person_[other.chain];
      if (repeat || surname) candidates.Add(other.chain, earlier, 0);
    }
    Link(mention, candidates.Best());
  }

  // How well the chain of `candidate` fits a title nominal; negative when it cannot: the
  // same title next to a name scores 2, the same agent 1, an agreeing role code 1 and an
  // agreeing country 1; a nominal's nationality must match the chain's country.
  int TitleFit(MentionIndex nominal_index, MentionIndex candidate) const {
    const Mention& nominal = mentions_[nominal_index];
    std::string_view agent = nominal.agent_code();
    MentionIndex chain = mentions_[candidate].chain;
    int score = -1;
    for (MentionIndex index = chain; index < nominal_index; ++index) {
      const Mention& other = mentions_[index];
      if (other.chain != chain || other.kind != MentionKind::kName || other.title == doc::kNoHead)
        continue;
      if (EqualsIgnoreCase(FormOf(document_, other.title), LemmaOf(document_, nominal.head))) {
        score = std::max(score, 2);
      } else if (!agent.empty() && other.agent_code() == agent) {
        score = std::max(score, 1);
      }
    }
    const events::ResolvedActor* actor = ChainActorIn(mentions_, candidate);
    if (actor != nullptr && !agent.empty() && actor->code.find(agent, 3) != std::string::npos) {
      score = std::max(score, 0) + 1;
    }
    if (score < 0 || nominal.nationality == doc::kNoHead) return score;
    if (!nominal.actor || actor == nullptr || CountryOf(*nominal.actor) != CountryOf(*actor))
      return -1;
    return score + 1;
  }

  // "the general", "the Egyptian president": the best-fitting earlier person, if only one.
  void LinkTitleNominal(MentionIndex mention) {
    Candidates candidates;
    for (MentionIndex earlier = 0; earlier < mention; ++earlier) {
      const Mention& other = mentions_[earlier];
      if (other.kind != MentionKind::kName || other.type != MentionType::kPerson) continue;
      int score = TitleFit(mention, earlier);
      if (score >= 0) candidates.Add(other.chain, earlier, score);
    }
    Link(mention, candidates.Best());
  }

  // "the group": the one named organisation (or name of undecided type) with an actor code
  // in this or the two previous sentences.
  void LinkGroupNominal(MentionIndex mention) {
    constexpr uint32_t kGroupReach = 2;
    Candidates candidates;
    for (MentionIndex earlier = WindowBegin(mention, kGroupReach); earlier < mention; ++earlier) {
      const Mention& other = mentions_[earlier];
      bool group_like = other.type == MentionType::kGroup ||
                        (other.type == MentionType::kUnknown && !other.name_code.empty());
      if (other.kind == MentionKind::kName && group_like && other.actor)
        candidates.Add(other.chain, earlier, 0);
    }
    Link(mention, candidates.Best());
  }

  // he/she/his/her/him: the one person subject in this or the previous sentence; else the
  // main-clause subject of the previous sentence when this one offers none. Not inside a
  // quotation.
  void LinkPersonPronoun(MentionIndex mention) {
    const Mention& pronoun = mentions_[mention];
    if (InQuotation(document_, pronoun)) return;
    Candidates window;
    Candidates main_subject;
    bool same_sentence = false;
    for (MentionIndex earlier = WindowBegin(mention, 1); earlier < mention; ++earlier) {
      const Mention& other = mentions_[earlier];
      bool usable = other.subject &&
                    (other.kind == MentionKind::kName || other.antecedent != kNoMention) &&
                    person_[other.chain];
      if (!usable || Bound(document_, other, pronoun)) continue;
      window.Add(other.chain, earlier, 0);
      same_sentence |= other.sentence == pronoun.sentence;
      if (other.sentence + 1 == pronoun.sentence && IsMainSubject(document_, other)) {
        main_subject.Add(other.chain, earlier, 0);
      }
    }
    MentionIndex antecedent = window.Best();
    if (antecedent == kNoMention && !same_sentence) antecedent = main_subject.Best();
    Link(mention, antecedent);
  }

  // it/its/they/them/their: the one non-person subject with an actor code in this or the
  // previous sentence; "it" wants a singular one, "they" a plural one or a group. Another
  // agreeing actor in reach, subject or not, makes the case unclear ("Norway will defend
  // Saudi Arabia if it is attacked").
  void LinkThingPronoun(MentionIndex mention) {
    const Mention& pronoun = mentions_[mention];
    if (InQuotation(document_, pronoun) ||
        (!pronoun.plural && IsPleonasticIt(document_, pronoun.head)))
      return;
    Candidates subjects;
    Candidates all;
    for (MentionIndex earlier = WindowBegin(mention, 1); earlier < mention; ++earlier) {
      const Mention& other = mentions_[earlier];
      if (other.kind == MentionKind::kPronoun || person_[other.chain] ||
          Bound(document_, other, pronoun))
        continue;
      if (ChainActorIn(mentions_, earlier) == nullptr) continue;
      bool agrees =
          pronoun.plural ? other.plural || other.type == MentionType::kGroup : !other.plural;
      if (!agrees) continue;
      all.Add(other.chain, earlier, 0);
      if (other.subject) subjects.Add(other.chain, earlier, 0);
    }
    if (all.entries.size() == 1) Link(mention, subjects.Best());
  }

  const doc::Document& document_;
  std::vector<Mention>& mentions_;
  std::vector<std::vector<std::string>> keys_;  // transliteration keys of names
  std::vector<bool> person_;                    // by chain
};

}  // namespace

bool IsPleonasticIt(const doc::Document& document, WordIndex word) {
  if (!EqualsIgnoreCase(FormOf(document, word), "it")) return false;
  std::string_view rel = DeprelOf(document, word);
  if (rel == "expl") return true;
  WordIndex head = document.words.words[word].head;
  if (head == doc::kRootHead || head == doc::kNoHead) return false;
  if (IsPleonasticVerb(LemmaOf(document, head))) return true;
  uint32_t sentence = 0;
  while (sentence + 1 < document.words.sentences.size() &&
         document.words.sentences[sentence].word_end <= word) {
    ++sentence;
  }
  if (ChildWith(document, sentence, head, "cop") != doc::kNoHead) return true;
  bool clause = ChildWith(document, sentence, head, "ccomp") != doc::kNoHead ||
                ChildWith(document, sentence, head, "csubj") != doc::kNoHead ||
                ChildWith(document, sentence, head, "xcomp") != doc::kNoHead;
  return rel == "nsubj:pass" && clause;
}

const events::ResolvedActor* ChainActorIn(std::span<const Mention> mentions, MentionIndex mention) {
  const events::ResolvedActor* agent_only = nullptr;
  for (MentionIndex index = mention; index != kNoMention; index = mentions[index].antecedent) {
    const std::optional<events::ResolvedActor>& actor = mentions[index].actor;
    if (!actor) continue;
    if (!actor->base_code.empty()) return &*actor;
    if (agent_only == nullptr) agent_only = &*actor;
  }
  return agent_only;
}

void LinkAntecedents(const doc::Document& document, std::vector<Mention>& mentions) {
  Linker(document, mentions).Run();
}

}  // namespace khabar::mentions::internal
