#include "khabar/dict/internal/verb_compiler.h"

#include <utility>

#include "khabar/dict/internal/inflect.h"

namespace khabar::dict::internal {
namespace {

// Nested synsets multiply; a synset stops growing at this many phrases, and all synsets
// together at kMaxTotalSynsetPhrases (CAMEO.2.0.txt has about 1,500).
constexpr size_t kMaxSynsetPhrases = 5000;
constexpr size_t kMaxTotalSynsetPhrases = 100000;
// A pattern anchored on a synset larger than this is kept unanchored (always a candidate)
// rather than indexed under every member; likewise once the anchor index holds
// kMaxAnchorPhrases entries.
constexpr size_t kMaxAnchorSynsetPhrases = 1000;
constexpr size_t kMaxAnchorPhrases = 1000000;

using Phrase = std::vector<std::string>;

// Flattens synsets into their phrases (plurals included), following nested references
// once each and breaking cycles.
class SynsetFlattener {
 public:
  SynsetFlattener(const std::vector<Synset>& synsets, WarningSink& warnings)
      : synsets_(synsets),
        warnings_(warnings),
        state_(synsets.size(), State::kNew),
        phrases_(synsets.size()) {}

  std::vector<std::vector<Phrase>> Run() && {
    for (uint32_t id = 0; id < synsets_.size(); ++id) Visit(id);
    return std::move(phrases_);
  }

 private:
  enum class State : uint8_t { kNew, kVisiting, kDone };

  void Visit(uint32_t id) {
    if (state_[id] != State::kNew) return;
    state_[id] = State::kVisiting;
    std::vector<Phrase>& out = phrases_[id];
    for (const SynsetMember& member : synsets_[id].members) {
      if (member.synset == kNoId) {
        Append(id, member.words);
        if (member.plural) {
          Phrase plural = member.words;
          plural.back() = RegularPlural(plural.back());
          Append(id, std::move(plural));
        }
        continue;
      }
      if (state_[member.synset] == State::kVisiting) {
        warnings_.Add(member.line, "synset &" + synsets_[id].name + " includes itself through &" +
                                       synsets_[member.synset].name + "; member ignored");
        continue;
      }
      Visit(member.synset);
      for (size_t index = 0; index < phrases_[member.synset].size(); ++index) {
        if (out.size() >= kMaxSynsetPhrases) break;
        Append(id, phrases_[member.synset][index]);
      }
    }
    state_[id] = State::kDone;
  }

  void Append(uint32_t id, Phrase phrase) {
    if (phrases_[id].size() >= kMaxSynsetPhrases || total_ >= kMaxTotalSynsetPhrases) return;
    phrases_[id].push_back(std::move(phrase));
    ++total_;
    if (phrases_[id].size() == kMaxSynsetPhrases || total_ == kMaxTotalSynsetPhrases) {
      warnings_.Add(synsets_[id].line, "synset &" + synsets_[id].name +
                                           " makes too many phrases; the rest are ignored");
    }
  }

  const std::vector<Synset>& synsets_;
  WarningSink& warnings_;
  std::vector<State> state_;
  std::vector<std::vector<Phrase>> phrases_;
  size_t total_ = 0;
};

bool IsAnchorable(const PatternWord& word) {
  return word.kind == PatternWordKind::kWord || word.kind == PatternWordKind::kSynset;
}

// The pattern's rarest-looking required word: a noun head after the verb, else before it,
// else a preposition; null when the pattern has only markers.
const PatternWord* AnchorWord(const Pattern& pattern) {
  for (const auto* side : {&pattern.after_verb, &pattern.before_verb}) {
    for (const PatternConstituent& constituent : *side) {
      for (const PatternNoun& noun : constituent.nouns) {
        if (IsAnchorable(noun.head())) return &noun.head();
      }
    }
  }
  for (const auto* side : {&pattern.after_verb, &pattern.before_verb}) {
    for (const PatternConstituent& constituent : *side) {
      if (constituent.kind == PatternConstituent::Kind::kPreposition &&
          IsAnchorable(constituent.preposition)) {
        return &constituent.preposition;
      }
    }
  }
  return nullptr;
}

// Sets each "&NAME" word's id; false (with a warning) if one is undefined.
bool ResolvePatternWords(const VerbDictionary& dictionary, Pattern* pattern,
                         WarningSink& warnings) {
  auto resolve = [&](PatternWord& word) {
    if (word.kind != PatternWordKind::kSynset) return true;
    word.synset = dictionary.FindSynset(word.text);
    if (word.synset != kNoId) return true;
    // The pattern's own file: an overlay's pattern is reported against the overlay.
    const std::string& file = dictionary.files()[pattern->file];
    std::string message = "pattern " + Quote(pattern->text) + " uses undefined synset &" + word.text + "; skipped";
    if (file == warnings.file()) {
      warnings.Add(pattern->line, std::move(message));
    } else {
      WarningSink(file, warnings.out()).Add(pattern->line, std::move(message));
    }
    return false;
  };
  for (auto* side : {&pattern->before_verb, &pattern->after_verb}) {
    for (PatternConstituent& constituent : *side) {
      if (constituent.kind == PatternConstituent::Kind::kPreposition &&
          !resolve(constituent.preposition)) {
        return false;
      }
      for (PatternNoun& noun : constituent.nouns) {
        for (PatternWord& word : noun.words) {
          if (!resolve(word)) return false;
        }
      }
    }
  }
  return true;
}

// Resolves "+&NAME" members; drops (with a warning) those naming no synset.
void ResolveSynsetMembers(const VerbDictionary& dictionary, std::vector<Synset>* synsets,
                          WarningSink& warnings) {
  for (Synset& synset : *synsets) {
    std::vector<SynsetMember> kept;
    for (SynsetMember& member : synset.members) {
      if (!member.reference.empty()) {
        member.synset = dictionary.FindSynset(member.reference);
        if (member.synset == kNoId) {
          warnings.Add(member.line,
                       "synset member &" + member.reference + " is undefined; skipped");
          continue;
        }
      }
      kept.push_back(std::move(member));
    }
    synset.members = std::move(kept);
  }
}

// The patterns whose synsets all exist, in order.
std::vector<Pattern> ResolvablePatterns(const VerbDictionary& dictionary,
                                        std::vector<Pattern> patterns, WarningSink& warnings) {
  std::vector<Pattern> kept;
  for (Pattern& pattern : patterns) {
    if (ResolvePatternWords(dictionary, &pattern, warnings)) kept.push_back(std::move(pattern));
  }
  return kept;
}

// Lists each pattern under its block and indexes it under its anchor phrases.
void IndexPatterns(const std::vector<Pattern>& patterns,
                   const std::vector<std::vector<Phrase>>& synset_phrases,
                   std::vector<VerbBlock>* blocks, PhraseMatcher* anchors,
                   std::vector<uint32_t>* unanchored) {
  size_t indexed = 0;
  for (uint32_t id = 0; id < patterns.size(); ++id) {
    (*blocks)[patterns[id].block].patterns.push_back(id);
    const PatternWord* anchor = AnchorWord(patterns[id]);
    if (anchor != nullptr && anchor->kind == PatternWordKind::kWord) {
      anchors->Add(Phrase{anchor->text}, id);
      ++indexed;
      continue;
    }
    size_t count = anchor == nullptr ? 0 : synset_phrases[anchor->synset].size();
    if (count == 0 || count > kMaxAnchorSynsetPhrases || indexed + count > kMaxAnchorPhrases) {
      unanchored->push_back(id);
      continue;
    }
    for (const Phrase& phrase : synset_phrases[anchor->synset]) anchors->Add(phrase, id);
    indexed += count;
  }
}

// The transformations whose verbs are all verb forms of the dictionary (or "q").
std::vector<Transformation> KnownVerbTransformations(std::vector<Transformation> transformations,
                                                     const PhraseMatcher& verbs,
                                                     WarningSink& warnings) {
  std::vector<Transformation> kept;
  for (Transformation& transformation : transformations) {
    std::string unknown;
    for (const TransformationLevel& level : transformation.levels) {
      for (const std::string& verb : level.verbs) {
        if (verb != "q" && verbs.Lookup(Phrase{verb}).empty()) unknown = verb;
      }
    }
    if (unknown.empty()) {
      kept.push_back(std::move(transformation));
    } else {
      warnings.Add(transformation.line,
                   "transformation uses unknown verb " + Quote(unknown) + "; skipped");
    }
  }
  return kept;
}

}  // namespace

// Friend of VerbDictionary; each step needs the previous one.
void CompileVerbDictionary(VerbDictionary* dictionary, WarningSink& warnings) {
  ResolveSynsetMembers(*dictionary, &dictionary->synsets_, warnings);
  std::vector<std::vector<Phrase>> phrases = SynsetFlattener(dictionary->synsets_, warnings).Run();
  for (uint32_t id = 0; id < phrases.size(); ++id) {
    for (const Phrase& phrase : phrases[id]) dictionary->synset_matcher_.Add(phrase, id);
  }
  dictionary->patterns_ =
      ResolvablePatterns(*dictionary, std::move(dictionary->patterns_), warnings);
  IndexPatterns(dictionary->patterns_, phrases, &dictionary->blocks_, &dictionary->anchor_matcher_,
                &dictionary->unanchored_patterns_);
  dictionary->transformations_ = KnownVerbTransformations(std::move(dictionary->transformations_),
                                                          dictionary->verb_matcher_, warnings);
}

}  // namespace khabar::dict::internal
