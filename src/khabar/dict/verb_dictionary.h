// The CAMEO verb dictionary in PETRARCH-2 format (CAMEO.2.0.txt): synonym sets, verb
// blocks with their verbs and patterns, and verb-verb transformations.
//
//   &BEVERAGE                 synset: "+" lines are words or phrases ('_' joins words);
//   +HOT_CHOCOLATE            plurals are added unless the member or the label ends in '_'
//   --- OFFER [050] ---       verb block with its primary code
//   SERVE {SERVES SERVED SERVING}  verb with irregular forms (else -s, -ed, -ing are made)
//   +POUR_OUT [051]           compound verb; '+' marks the word the parser sees as the verb
//   - $ * &BEVERAGE (TO +) [058:059]  pattern: pre-verb part, '*', post-verb part, code
//   ~ a (b . THREATEN) OFFER = a b 138  transformation: "a offers that b threatens" -> a 138 b
//
// Patterns (PETRARCH-2 syntax): single words are the heads of noun phrases; "{A B HEAD}"
// is a noun phrase whose last word is its head; "(PREP noun...)" is a prepositional phrase;
// "&NAME" is a synset; '$' marks the source, '+' the target, '^' a skipped word and '%' a
// compound actor. Codes are "[ACTIVE]" or "[ACTIVE:PASSIVE]" (either part may be empty;
// "---" is the null code).
//
//   KH_ASSIGN_OR_RETURN(dict::VerbDictionary verbs, dict::VerbDictionary::Load(path, &warnings));
//   for (const dict::PhraseMatch& match : verbs.FindVerbs(tokens)) {
//     const dict::Verb& verb = verbs.verbs()[verbs.forms()[match.values[0]].verb];
//     for (uint32_t id : verbs.blocks()[verb.block].patterns) Try(verbs.patterns()[id]);
//   }
//
// Duplicates: a verb form belongs to the first verb that defines it (as in PETRARCH); a
// later block repeating an explicit form gets a warning. A synset defined twice merges its
// members. Undefined synsets drop the patterns using them (warning), as PETRARCH does.
//
// Thread-safety: immutable after loading; const methods may run from many threads.
#ifndef KHABAR_DICT_VERB_DICTIONARY_H_
#define KHABAR_DICT_VERB_DICTIONARY_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/dict/phrase_matcher.h"
#include "khabar/dict/source.h"
#include "khabar/dict/warning.h"

namespace khabar::dict {

inline constexpr uint32_t kNoId = 0xFFFFFFFFu;

class VerbDictionary;
namespace internal {
// Resolves synsets and builds the matchers once the whole file is read (verb_compiler.cc).
void CompileVerbDictionary(VerbDictionary* dictionary, WarningSink& warnings);
}  // namespace internal

// A CAMEO event code pair "[ACTIVE:PASSIVE]" as written: `active` codes the event when the
// pattern's source acts, `passive` when the roles are reversed. Either may be empty.
struct EventCode {
  std::string active;
  std::string passive;

  bool operator==(const EventCode&) const = default;
  // "070", "042:043" or ":173".
  std::string ToString() const;
};

struct VerbBlock {
  uint32_t line = 0;
  std::string name;                // "OFFER" in "--- OFFER [050] ---"
  EventCode code;                  // {"---", ""} when the header gives none
  std::vector<uint32_t> verbs;     // ids into VerbDictionary::verbs()
  std::vector<uint32_t> patterns;  // ids into VerbDictionary::patterns()
};

// One spelling of a verb: its words (normalised) and which of them is the verb proper.
struct VerbForm {
  uint32_t verb = 0;  // id into VerbDictionary::verbs()
  std::vector<std::string> words;
  uint32_t head = 0;  // index in `words` of the inflected word
};

struct Verb {
  uint32_t line = 0;
  uint32_t file = 0;            // index into VerbDictionary::files()
  uint32_t block = 0;           // id into VerbDictionary::blocks()
  std::string text;             // the line as written, comment removed
  EventCode code;               // its own "[...]" code, else the block's
  std::vector<uint32_t> forms;  // ids into VerbDictionary::forms(); the base form first
};

struct SynsetMember {
  uint32_t line = 0;
  std::vector<std::string> words;  // normalised; empty for a reference
  std::string reference;           // "TIETYPES" for "+&TIETYPES", a nested synset
  uint32_t synset = kNoId;         // the referenced synset's id
  bool plural = true;              // whether the regular plural is indexed too
};

struct Synset {
  uint32_t line = 0;
  std::string name;  // without '&' and without a trailing '_', e.g. "BEVERAGE"
  std::vector<SynsetMember> members;
};

enum class PatternWordKind : uint8_t {
  kWord,      // a literal, normalised
  kSynset,    // "&NAME"
  kSource,    // '$'
  kTarget,    // '+'
  kSkip,      // '^'
  kCompound,  // '%'
};

struct PatternWord {
  PatternWordKind kind = PatternWordKind::kWord;
  std::string text;         // the normalised word, or the synset name
  uint32_t synset = kNoId;  // for kSynset: id into VerbDictionary::synsets()
};

// A noun or "{...}" noun phrase; the head is the last word.
struct PatternNoun {
  std::vector<PatternWord> words;
  const PatternWord& head() const { return words.back(); }
};

struct PatternConstituent {
  enum class Kind : uint8_t { kNoun, kPreposition };
  Kind kind = Kind::kNoun;
  PatternWord preposition;         // kPreposition only
  std::vector<PatternNoun> nouns;  // kNoun: one; kPreposition: its objects (maybe none)
};

struct Pattern {
  uint32_t line = 0;
  uint32_t file = 0;  // index into VerbDictionary::files()
  uint32_t block = 0;
  std::string text;  // the pattern as written, comment removed: "- * &FOOD [073]"
  std::vector<PatternConstituent> before_verb;
  std::vector<PatternConstituent> after_verb;
  EventCode code;
};

// "~ a (b . THREATEN) OFFER = a b 138": levels outermost first.
struct TransformationLevel {
  std::string source;              // an actor variable ("a"), '.' (any) or '_' (none)
  std::vector<std::string> verbs;  // normalised verb words joined by '_', or {"q"} (any)
};

struct Transformation {
  uint32_t line = 0;
  std::string text;
  std::vector<TransformationLevel> levels;
  std::string target;  // target variable of the innermost event
  std::string result_source;
  std::string result_target;
  std::string result_code;  // CAMEO code, or "Q": the innermost verb's code
};

class VerbDictionary {
 public:
  // Never fails: each bad line becomes a warning and is skipped.
  static VerbDictionary Parse(std::string_view bytes, std::string_view file_name,
                              Warnings* warnings);
  // The base file, then overlays in order. An overlay's block header naming a block that
  // already exists ("--- REFUSE [---] ---") reopens it: the verbs and patterns that follow
  // join that block. Any other block, synset or transformation is added as in the base.
  static VerbDictionary Parse(std::span<const DictionarySource> sources, Warnings* warnings);
  static StatusOr<VerbDictionary> Load(const std::string& path, Warnings* warnings);

  // The base file's name (files().front()).
  const std::string& file() const { return files_.front(); }
  const std::vector<std::string>& files() const { return files_; }
  const std::vector<VerbBlock>& blocks() const { return blocks_; }
  const std::vector<Verb>& verbs() const { return verbs_; }
  const std::vector<VerbForm>& forms() const { return forms_; }
  const std::vector<Synset>& synsets() const { return synsets_; }
  const std::vector<Pattern>& patterns() const { return patterns_; }
  const std::vector<Transformation>& transformations() const { return transformations_; }

  // Synset id by name (with or without '&' and a trailing '_'), or kNoId.
  uint32_t FindSynset(std::string_view name) const;
  // "CAMEO.2.0.txt:719", for explaining which pattern produced an event.
  std::string Where(const Pattern& pattern) const;
  std::string Where(const Verb& verb) const;

  // Verb forms in the tokens (longest first, no overlaps); values are form ids.
  std::vector<PhraseMatch> FindVerbs(std::span<const std::string_view> tokens) const {
    return verb_matcher_.FindLongest(tokens);
  }
  // Every synset member phrase in the tokens; values are synset ids (nested synsets
  // report the outer ones too).
  std::vector<PhraseMatch> FindSynsetMembers(std::span<const std::string_view> tokens) const {
    return synset_matcher_.FindAll(tokens);
  }
  // Every pattern anchor in the tokens; values are pattern ids. A pattern can only match
  // a sentence containing its anchor (its first literal word after the verb, else before
  // it; synset members count), so these plus unanchored_patterns() are the candidates.
  std::vector<PhraseMatch> FindPatternAnchors(std::span<const std::string_view> tokens) const {
    return anchor_matcher_.FindAll(tokens);
  }
  const std::vector<uint32_t>& unanchored_patterns() const { return unanchored_patterns_; }

  const PhraseMatcher& verb_matcher() const { return verb_matcher_; }
  const PhraseMatcher& synset_matcher() const { return synset_matcher_; }
  const PhraseMatcher& anchor_matcher() const { return anchor_matcher_; }

 private:
  class Parser;
  friend void internal::CompileVerbDictionary(VerbDictionary* dictionary, WarningSink& warnings);

  std::vector<std::string> files_ = {""};
  std::vector<VerbBlock> blocks_;
  std::vector<Verb> verbs_;
  std::vector<VerbForm> forms_;
  std::vector<Synset> synsets_;
  std::vector<Pattern> patterns_;
  std::vector<Transformation> transformations_;
  std::unordered_map<std::string, uint32_t> synset_index_;
  PhraseMatcher verb_matcher_;
  PhraseMatcher synset_matcher_;
  PhraseMatcher anchor_matcher_;
  std::vector<uint32_t> unanchored_patterns_;
};

}  // namespace khabar::dict

#endif  // KHABAR_DICT_VERB_DICTIONARY_H_
