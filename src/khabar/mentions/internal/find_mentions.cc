#include "khabar/mentions/internal/find_mentions.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "khabar/dict/normalize.h"
#include "khabar/mentions/internal/lexicon.h"

namespace khabar::mentions::internal {
namespace {

using doc::WordIndex;

struct Context {
  const doc::Document& document;
  const events::ActorResolver& base;
  dict::Date date;
  uint32_t sentence = 0;
  doc::SentenceWords range;
};

doc::Upos UposOf(const doc::Document& document, WordIndex word) {
  return document.words.words[word].upos;
}

doc::Span SpanOfWords(const doc::Document& document, WordIndex begin, WordIndex end) {
  return doc::Span{document.words.words[begin].span.begin, document.words.words[end - 1].span.end};
}

// The word of [begin, end) whose head lies outside it.
WordIndex RunHead(const doc::Document& document, WordIndex begin, WordIndex end) {
  for (WordIndex word = begin; word < end; ++word) {
    WordIndex head = document.words.words[word].head;
    if (head < begin || head >= end) return word;
  }
  return end - 1;
}

// The dictionary resolver's primary actor for words [begin, end) headed by `head`.
std::optional<events::ResolvedActor> ResolveWords(const Context& context, WordIndex begin,
                                                  WordIndex end, WordIndex head) {
  std::vector<WordIndex> words;
  for (WordIndex word = begin; word < end; ++word) words.push_back(word);
  events::ArgumentWords argument{context.sentence, head, words};
  std::vector<events::ResolvedActor> resolved =
      context.base.Resolve(context.document, argument, context.date);
  if (resolved.empty()) return std::nullopt;
  return std::move(resolved.front());
}

// "in Tunis", "on Monday": where or when, not who.
bool IsPlaceOrTimeModifier(const Context& context, WordIndex word) {
  constexpr std::array<std::string_view, 10> kPrepositions = {
      "in", "at", "on", "near", "during", "after", "before", "outside", "inside", "around"};
  WordIndex preposition = ChildWith(context.document, context.sentence, word, "case");
  if (preposition == doc::kNoHead) return false;
  std::string_view form = FormOf(context.document, preposition);
  return std::any_of(kPrepositions.begin(), kPrepositions.end(),
                     [&](std::string_view entry) { return EqualsIgnoreCase(entry, form); });
}

// Whether `word` (and what hangs under it) stays out of a mention's phrase: what the event
// coder leaves out of an argument (a clause, punctuation, a coordinator, a verb or a
// conjunct; events/internal/sentence_coder.cc), and place or time modifiers.
bool LeftOutOfPhrase(const Context& context, WordIndex word) {
  std::string_view rel = DeprelOf(context.document, word);
  std::string_view base = rel.substr(0, rel.find(':'));
  if (base == "nmod") return IsPlaceOrTimeModifier(context, word);
  return base == "conj" || base == "cc" || base == "punct" || base == "acl" || base == "advcl" ||
         base == "ccomp" || base == "xcomp" || base == "parataxis" || base == "csubj" ||
         UposOf(context.document, word) == doc::Upos::kVerb;
}

// The words of the phrase headed by `head`, as the event coder gathers an argument, plus
// [extra_begin, extra_end) (a title or nationality before a name), in text order.
std::vector<WordIndex> PhraseWords(const Context& context, WordIndex head, WordIndex extra_begin,
                                   WordIndex extra_end) {
  constexpr int kMaxDepth = 64;
  std::vector<WordIndex> words;
  for (WordIndex word = context.range.word_begin; word < context.range.word_end; ++word) {
    bool inside = word >= extra_begin && word < extra_end;
    WordIndex at = word;
    for (int depth = 0; !inside && depth < kMaxDepth && at != doc::kRootHead && at != doc::kNoHead;
         ++depth) {
      if (at == head) {
        inside = true;
      } else if (LeftOutOfPhrase(context, at)) {
        break;
      } else {
        at = context.document.words.words[at].head;
      }
    }
    if (inside) words.push_back(word);
  }
  return words;
}

std::optional<events::ResolvedActor> ResolvePhrase(const Context& context, WordIndex head,
                                                   WordIndex extra_begin, WordIndex extra_end) {
  std::vector<WordIndex> words = PhraseWords(context, head, extra_begin, extra_end);
  events::ArgumentWords argument{context.sentence, head, words};
  std::vector<events::ResolvedActor> resolved =
      context.base.Resolve(context.document, argument, context.date);
  if (resolved.empty()) return std::nullopt;
  return std::move(resolved.front());
}

// Whether `word` alone names a country (or other bare actor code): "Libyan", "Egypt".
bool IsNationality(const Context& context, WordIndex word) {
  doc::Upos upos = UposOf(context.document, word);
  if (upos != doc::Upos::kAdj && upos != doc::Upos::kPropn) return false;
  std::optional<events::ResolvedActor> actor = ResolveWords(context, word, word + 1, word);
  return actor && actor->base_code.size() == 3 && actor->agents.empty() &&
         actor->code == actor->base_code;
}

void SetAgent(std::string_view agent, Mention& mention) {
  size_t size = std::min<size_t>(agent.size(), sizeof(mention.agent) - 1);
  std::memcpy(mention.agent, agent.data(), size);
  mention.agent[size] = '\0';
}

bool IsNameWord(const doc::Document& document, WordIndex word) {
  return UposOf(document, word) == doc::Upos::kPropn;
}

// The end of the proper-name run starting at `begin`: proper nouns, and the connectors of
// Arabic names ("al", "-", "bin") between two of them.
WordIndex RunEnd(const Context& context, WordIndex begin) {
  WordIndex end = begin;
  while (end < context.range.word_end) {
    if (IsNameWord(context.document, end)) {
      ++end;
      continue;
    }
    WordIndex next = end;
    while (next < context.range.word_end && IsNameConnector(FormOf(context.document, next))) ++next;
    if (next == end || next >= context.range.word_end || !IsNameWord(context.document, next)) break;
    end = next;
  }
  return end;
}

bool StartsRun(const Context& context, WordIndex word) {
  if (IsNameWord(context.document, word)) return true;
  // "el-Sisi" at the start of a name: "el" "-" "Sisi".
  return dict::IsArticle(FormOf(context.document, word)) && RunEnd(context, word) > word + 1;
}

MentionType TypeFromEntities(const doc::Document& document, WordIndex head) {
  for (const doc::EntityMention& entity : document.entities.mentions) {
    if (entity.word_begin <= head && head < entity.word_end) {
      switch (entity.type) {
        case doc::EntityType::kPer:
          return MentionType::kPerson;
        case doc::EntityType::kOrg:
          return MentionType::kGroup;
        case doc::EntityType::kLoc:
          return MentionType::kPlace;
        case doc::EntityType::kNone:
          break;
      }
    }
  }
  return MentionType::kUnknown;
}

bool HasFlat(const doc::Document& document, WordIndex begin, WordIndex end) {
  for (WordIndex word = begin; word < end; ++word) {
    if (DeprelOf(document, word) == "flat") return true;
  }
  return false;
}

bool HasOrganisationWord(const doc::Document& document, const Mention& mention,
                         const std::optional<events::ResolvedActor>& name) {
  for (WordIndex word = mention.word_begin; word < mention.word_end; ++word) {
    if (IsOrganisationWord(FormOf(document, word))) return true;
  }
  if (!name) return false;
  for (const std::string& part : dict::SplitPhrase(name->actor)) {
    if (IsOrganisationWord(part)) return true;
  }
  return false;
}

// A code with a state role after the country ("LBYMIL", "EGYGOV") for an actor whose
// dictionary name has two words or more ("KHALIFA_HAFTAR"): a person's (the caller has
// ruled out organisation words).
bool IsPersonCode(const events::ResolvedActor& actor, uint32_t words) {
  constexpr size_t kCountry = 3;
  bool state_role =
      actor.code.size() > kCountry && (actor.code.find("GOV", kCountry) != std::string::npos ||
                                       actor.code.find("MIL", kCountry) != std::string::npos);
  return state_role && (words >= 2 || dict::SplitPhrase(actor.actor).size() >= 2);
}

// Without an NER label: a title makes a person, an organisation word a group, a lone
// country code a place, a name coded as a person (IsPersonCode) a person, and so does a
// name the dictionaries do not know of two or more words joined by `flat` (UD's relation
// for personal names). `name` is what the dictionaries say of the name's own words.
MentionType GuessNameType(const doc::Document& document, const Mention& mention,
                          const std::optional<events::ResolvedActor>& name) {
  if (mention.title != doc::kNoHead) return MentionType::kPerson;
  if (HasOrganisationWord(document, mention, name)) return MentionType::kGroup;
  uint32_t words = mention.word_end - mention.word_begin;
  const events::ResolvedActor* actor = name ? &*name : nullptr;
  if (actor != nullptr && words == 1 && actor->code.size() == 3) return MentionType::kPlace;
  if (actor != nullptr && IsPersonCode(*actor, words)) return MentionType::kPerson;
  // A known name with another code may be a person or a group ("EGYREB"): undecided.
  bool flat = words >= 2 && HasFlat(document, mention.word_begin, mention.word_end);
  return flat && actor == nullptr ? MentionType::kPerson : MentionType::kUnknown;
}

// Strips leading titles ("Field Marshal", "General") from the run [*begin, end) and looks
// for one just before it ("general Hafter"); records the title and its agent.
void TakeTitle(const Context& context, WordIndex& begin, WordIndex end, Mention& mention) {
  while (begin + 1 < end) {
    std::optional<Title> title = TitleOf(FormOf(context.document, begin));
    if (!title || !title->before_name) break;
    if (title->prefix && !TitleOf(FormOf(context.document, begin + 1))) break;
    if (mention.title == doc::kNoHead) mention.title = begin;
    if (!title->prefix && !title->agent.empty()) SetAgent(title->agent, mention);
    ++begin;
  }
  if (mention.title != doc::kNoHead || begin == context.range.word_begin) return;
  std::optional<Title> before = TitleOf(FormOf(context.document, begin - 1));
  if (before && before->before_name && UposOf(context.document, begin - 1) == doc::Upos::kNoun) {
    mention.title = begin - 1;
    SetAgent(before->agent, mention);
  }
}

// The nationality before a name or title: "Libyan", or "Egypt" in "Egypt's".
WordIndex NationalityBefore(const Context& context, WordIndex first) {
  if (first == context.range.word_begin) return doc::kNoHead;
  WordIndex word = first - 1;
  if (FormOf(context.document, word) == "'s" && word > context.range.word_begin) --word;
  return IsNationality(context, word) ? word : doc::kNoHead;
}

Mention NameMention(const Context& context, WordIndex begin, WordIndex end) {
  Mention mention;
  mention.kind = MentionKind::kName;
  mention.sentence = context.sentence;
  TakeTitle(context, begin, end, mention);
  mention.word_begin = begin;
  mention.word_end = end;
  mention.head = RunHead(context.document, begin, end);
  mention.span = SpanOfWords(context.document, begin, end);
  mention.subject = IsSubject(context.document, mention.head);
  mention.plural =
      context.document.words.XposName(context.document.words.words[mention.head]) == "NNPS";
  WordIndex first = mention.title != doc::kNoHead ? std::min(mention.title, begin) : begin;
  mention.nationality = NationalityBefore(context, first);
  WordIndex from = mention.nationality != doc::kNoHead ? mention.nationality : first;
  std::optional<events::ResolvedActor> name = ResolveWords(context, from, end, mention.head);
  if (name) mention.name_code = name->base_code;
  mention.type = TypeFromEntities(context.document, mention.head);
  if (mention.type == MentionType::kUnknown)
    mention.type = GuessNameType(context.document, mention, name);
  // A known name is its own actor ("Egypt" is EGY whatever its phrase holds); an unknown
  // one takes what its phrase says ("Tarek Zaidan, a lawyer from Misrata").
  mention.actor = name ? std::move(name) : ResolvePhrase(context, mention.head, from, end);
  if (mention.actor && mention.title != doc::kNoHead) {
    ComposeTitle(mention.agent_code(), context.document.words.words[mention.title].span,
                 *mention.actor);
  }
  return mention;
}

// "Libyan National Army": the tagger makes the first words adjectives (XPOS NNP). They join
// the run when the dictionary knows the longer name, and only then.
WordIndex ExtendLeft(const Context& context, WordIndex begin, WordIndex end) {
  constexpr int kMaxExtension = 3;
  WordIndex extended = begin;
  for (int step = 0; step < kMaxExtension && extended > context.range.word_begin; ++step) {
    WordIndex word = extended - 1;
    if (UposOf(context.document, word) != doc::Upos::kAdj ||
        context.document.words.XposName(context.document.words.words[word]) != "NNP") {
      break;
    }
    extended = word;
  }
  if (extended == begin) return begin;
  std::optional<events::ResolvedActor> actor =
      ResolveWords(context, extended, end, RunHead(context.document, begin, end));
  // The dictionary phrase must start on an extension word and reach into the run.
  if (!actor || actor->span.end <= context.document.words.words[begin].span.begin) return begin;
  for (WordIndex word = extended; word < begin; ++word) {
    if (actor->span.begin == context.document.words.words[word].span.begin) return word;
  }
  return begin;
}

void FindNames(const Context& context, std::vector<Mention>& out) {
  for (WordIndex word = context.range.word_begin; word < context.range.word_end;) {
    if (!StartsRun(context, word)) {
      ++word;
      continue;
    }
    WordIndex end = RunEnd(context, word);
    if (end == word) end = word + 1;
    Mention mention = NameMention(context, ExtendLeft(context, word, end), end);
    if (mention.word_begin < mention.word_end && IsNameWord(context.document, mention.head)) {
      out.push_back(std::move(mention));
    }
    word = end;
  }
}

bool HasDefiniteArticle(const Context& context, WordIndex head) {
  WordIndex det = ChildWith(context.document, context.sentence, head, "det");
  return det != doc::kNoHead && EqualsIgnoreCase(FormOf(context.document, det), "the");
}

// The leftmost word of the noun phrase before `head`: its determiner or first modifier
// (not a preposition or punctuation attached to it).
WordIndex NominalBegin(const Context& context, WordIndex head) {
  WordIndex begin = head;
  while (begin > context.range.word_begin) {
    WordIndex up = context.document.words.words[begin - 1].head;
    std::string_view rel = DeprelOf(context.document, begin - 1);
    if (up == doc::kRootHead || up < begin || up > head || rel == "case" || rel == "punct" ||
        rel == "cc" || rel == "mark") {
      break;
    }
    --begin;
  }
  return begin;
}

WordIndex NationalityAmong(const Context& context, WordIndex begin, WordIndex head) {
  for (WordIndex word = begin; word < head; ++word) {
    std::string_view rel = DeprelOf(context.document, word);
    if ((rel == "amod" || rel == "nmod:poss" || rel == "compound") && IsNationality(context, word))
      return word;
  }
  return doc::kNoHead;
}

// "the general", "the Egyptian president", "the group", "the militants": a definite noun
// headed by a title or group noun, or one the dictionaries give a code to.
std::optional<Mention> NominalMention(const Context& context, WordIndex head) {
  if (UposOf(context.document, head) != doc::Upos::kNoun || !HasDefiniteArticle(context, head))
    return std::nullopt;
  if (ChildWith(context.document, context.sentence, head, "appos") != doc::kNoHead ||
      ChildWith(context.document, context.sentence, head, "flat") != doc::kNoHead) {
    return std::nullopt;  // "the general, Khalifa Hafter": the name is the mention
  }
  std::string_view lemma = LemmaOf(context.document, head);
  std::optional<Title> title = TitleOf(lemma);
  bool person = title && title->heads_nominal;
  Mention mention;
  mention.kind = MentionKind::kNominal;
  mention.sentence = context.sentence;
  mention.head = head;
  mention.word_begin = NominalBegin(context, head);
  mention.word_end = head + 1;
  mention.span = SpanOfWords(context.document, mention.word_begin, mention.word_end);
  mention.subject = IsSubject(context.document, head);
  mention.plural = context.document.words.XposName(context.document.words.words[head]) == "NNS";
  mention.nationality = NationalityAmong(context, mention.word_begin, head);
  mention.actor = ResolvePhrase(context, head, mention.word_begin, mention.word_end);
  if (person) {
    mention.title = head;
    std::string_view agent = title->agent;
    if (agent.empty() && mention.actor && mention.actor->base_code.empty())
      agent = mention.actor->agents;
    SetAgent(agent.substr(0, 3), mention);
    if (mention.actor)
      ComposeTitle(mention.agent_code(), context.document.words.words[head].span, *mention.actor);
  }
  if (!person && !IsGroupNoun(lemma) && !mention.actor) return std::nullopt;
  mention.type = person ? MentionType::kPerson : MentionType::kGroup;
  return mention;
}

void FindNominalsAndPronouns(const Context& context, std::vector<Mention>& out) {
  for (WordIndex word = context.range.word_begin; word < context.range.word_end; ++word) {
    if (UposOf(context.document, word) == doc::Upos::kPron) {
      std::optional<Pronoun> pronoun = PronounOf(FormOf(context.document, word));
      if (!pronoun) continue;
      Mention mention;
      mention.kind = MentionKind::kPronoun;
      mention.sentence = context.sentence;
      mention.head = mention.word_begin = word;
      mention.word_end = word + 1;
      mention.span = context.document.words.words[word].span;
      mention.subject = IsSubject(context.document, word);
      mention.plural = pronoun->kind == PronounClass::kGroupOrPlural;
      mention.type =
          pronoun->kind == PronounClass::kPerson ? MentionType::kPerson : MentionType::kUnknown;
      out.push_back(std::move(mention));
    } else if (std::optional<Mention> nominal = NominalMention(context, word)) {
      out.push_back(std::move(*nominal));
    }
  }
}

}  // namespace

std::string_view FormOf(const doc::Document& document, WordIndex word) {
  return document.words.Form(document.text, document.words.words[word]);
}

std::string_view LemmaOf(const doc::Document& document, WordIndex word) {
  return document.words.Lemma(document.words.words[word]);
}

std::string_view DeprelOf(const doc::Document& document, WordIndex word) {
  return document.words.DeprelName(document.words.words[word]);
}

bool IsSubject(const doc::Document& document, WordIndex word) {
  constexpr int kMaxConjuncts = 16;
  for (int step = 0; step < kMaxConjuncts; ++step) {
    std::string_view rel = DeprelOf(document, word);
    if (rel == "nsubj" || rel == "nsubj:pass") return true;
    WordIndex head = document.words.words[word].head;
    if (rel != "conj" || head == doc::kRootHead || head == doc::kNoHead) return false;
    word = head;
  }
  return false;
}

WordIndex ChildWith(const doc::Document& document, uint32_t sentence, WordIndex head,
                    std::string_view deprel) {
  const doc::SentenceWords& range = document.words.sentences[sentence];
  for (WordIndex word = range.word_begin; word < range.word_end; ++word) {
    if (document.words.words[word].head == head && DeprelOf(document, word) == deprel) return word;
  }
  return doc::kNoHead;
}

std::string_view CountryOf(const events::ResolvedActor& actor) {
  constexpr size_t kCountryLength = 3;
  if (actor.base_code.size() < kCountryLength) return {};
  return std::string_view(actor.base_code).substr(0, kCountryLength);
}

bool ComposeTitle(std::string_view agent, doc::Span title_span, events::ResolvedActor& actor) {
  constexpr size_t kCountryLength = 3;
  if (agent.empty() || actor.base_code.size() != kCountryLength || actor.code != actor.base_code)
    return false;
  actor.code += agent;
  actor.agents = std::string(agent);
  actor.span = doc::Span{std::min(actor.span.begin, title_span.begin),
                         std::max(actor.span.end, title_span.end)};
  return true;
}

std::vector<Mention> FindMentions(const doc::Document& document, const events::ActorResolver& base,
                                  dict::Date date) {
  std::vector<Mention> found;
  for (uint32_t sentence = 0; sentence < document.words.sentences.size(); ++sentence) {
    Context context{document, base, date, sentence, document.words.sentences[sentence]};
    FindNames(context, found);
    FindNominalsAndPronouns(context, found);
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const Mention& a, const Mention& b) { return a.word_begin < b.word_begin; });
  return found;
}

}  // namespace khabar::mentions::internal
