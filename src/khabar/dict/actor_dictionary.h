// Actor dictionaries (PETRARCH/TABARI ".actors" files): named actors, their "+" aliases
// and their CAMEO actor codes, possibly bounded in time.
//
//   ORLA_MENDEZ_VARGA               primary phrase (optionally followed by "[CODE]" groups)
//   +GENERAL_MENDEZ                 alias
//       [VRDMIL 770101-120812]      role between two dates (inclusive)
//       [VRDGOV >140608]            role from a date on
//       [VRDELI]                    default role
//
//   dict::Warnings warnings;
//   KH_ASSIGN_OR_RETURN(dict::ActorDictionary actors,
//                       dict::ActorDictionary::Load({countries_path, igo_path}, &warnings));
//   for (const dict::PhraseMatch& match : actors.FindActors(tokens))
//     for (uint32_t id : match.values) Use(actors.CodeOn(id, article_date));
//
// Date-bounded roles: the first dated role (in file order) whose range holds the date
// wins; otherwise the first undated role ("[CODE]" on its own, or on the primary line) is
// the default; an actor without one has no code on that date. Both bounds are inclusive
// ("or equal to", as dictionaries.rst says), so on a day where two ranges meet the role
// listed first wins. "<D" is [-inf, D], ">D" is [D, +inf], "D1-D2" is [D1, D2]; a bare
// "D" is read as ">D". Dates: see dict/date.h.
//
// Duplicates: a phrase names the first actor that defines it. A later actor repeating
// the phrase does not get it; when the two actors' roles are identical (the same person
// entered twice) this is only counted (duplicate_phrases()), otherwise it is a warning.
//
// Overlays (Khabar's own files, dictionaries/*.actors.txt): Parse(files, overlays, ...)
// reads the overlays first, so an overlay actor owns every phrase it defines and a base
// (Phoenix) actor repeating it loses it without a warning (overridden_phrases()). The
// base actor keeps its other phrases. Overlay actors therefore have the smallest ids;
// files() still lists the base files first, then the overlays.
//
// Transliteration: FindActors matches on the exact key (NormalizeKey) and, for
// capitalised names, on the transliteration key too (dict/normalize.h), so "Hifter",
// "Hafter" and "al-Ashmawy" find the actors written HAFTAR and ASHMAWY. Each phrase is
// indexed with its article ("al-"/"el-", as a separate word) and, unless that leaves a
// single word after a separate "AL"/"EL" (EL_SALVADOR), without it; the tokens are looked
// up both with and without their articles. Base (non-overlay) phrases are indexed this way
// only when they have two keys or more: one-word Phoenix names are what capitalised
// English words collide with ("Taxes" and TEXAS). A transliteration key names the first
// actor that produced it (overlays first). An exact match beats a transliteration match of
// the same tokens.
//
// Thread-safety: immutable after loading; const methods may run from many threads.
#ifndef KHABAR_DICT_ACTOR_DICTIONARY_H_
#define KHABAR_DICT_ACTOR_DICTIONARY_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/dict/date.h"
#include "khabar/dict/phrase_matcher.h"
#include "khabar/dict/source.h"
#include "khabar/dict/warning.h"

namespace khabar::dict {

// One "[CODE ...]" group: the code held between two dates, both inclusive.
struct ActorRole {
  std::string code;  // e.g. "VRDGOV"; "---" is the null code
  Date first = Date::Min();
  Date last = Date::Max();

  bool dated() const { return first != Date::Min() || last != Date::Max(); }
  bool Holds(Date date) const { return first <= date && date <= last; }
  bool operator==(const ActorRole&) const = default;
};

struct Actor {
  uint32_t file = 0;                 // index into ActorDictionary::files()
  uint32_t line = 0;                 // line of the primary phrase
  std::string name;                  // the primary phrase as written
  std::vector<std::string> aliases;  // the "+" phrases as written, in file order
  std::vector<ActorRole> roles;      // in file order
};

class ActorDictionary {
 public:
  // Parses the files in order (ids continue across files). Never fails: each bad line
  // becomes a warning and is skipped.
  static ActorDictionary Parse(std::span<const DictionarySource> files, Warnings* warnings);

  // Parses `overlays` and then `files` (see "Overlays" above); ids continue across both.
  // files()[i] is files[i] for i < files.size(), then the overlays in order.
  static ActorDictionary Parse(std::span<const DictionarySource> files,
                               std::span<const DictionarySource> overlays, Warnings* warnings);

  // Reads and parses the files; fails only when a file cannot be read (ReadDictionaryFile).
  static StatusOr<ActorDictionary> Load(std::span<const std::string> paths, Warnings* warnings);

  const std::vector<Actor>& actors() const { return actors_; }
  const std::vector<std::string>& files() const { return files_; }
  // Actors defined in files()[file].
  size_t ActorCount(uint32_t file) const;
  // "file:line" of an actor, for messages.
  std::string Where(const Actor& actor) const;

  // The code of actors()[actor_id] on `date` (see the header comment); empty if none.
  // REQUIRES: actor_id < actors().size().
  std::string_view CodeOn(uint32_t actor_id, Date date) const;

  // Whether the actor comes from an overlay file.
  bool IsOverlay(const Actor& actor) const { return actor.file >= overlay_begin_; }

  // Longest non-overlapping actor phrases in the tokens (raw sentence tokens, as the
  // tokenizer writes them: case matters for transliteration matches); values are actor
  // ids. Leftmost first; at one start the longest match wins, an exact match before a
  // transliteration match of the same length. A transliteration match is kept only when
  // every token it covers is capitalised (an uppercase or uncased letter first), an
  // article, a hyphen or one of "of the and for in on de bin ibn bint abu abd", and at
  // least one is capitalised.
  std::vector<PhraseMatch> FindActors(std::span<const std::string_view> tokens) const;
  // The exact-key matcher; FindActors also uses transliteration_matcher().
  const PhraseMatcher& matcher() const { return matcher_; }
  const PhraseMatcher& transliteration_matcher() const { return transliteration_matcher_; }

  // Phrases repeated by an actor with identical roles, merged without a warning.
  size_t duplicate_phrases() const { return duplicate_phrases_; }
  // Base phrases that an overlay actor had already taken.
  size_t overridden_phrases() const { return overridden_phrases_; }

 private:
  class Parser;

  void ParseFile(const DictionarySource& source, uint32_t file, Warnings* warnings);
  // Indexes the transliteration keys of one phrase (exact keys) for `actor`.
  void IndexTransliterated(const std::vector<std::string>& words, uint32_t actor);

  std::vector<Actor> actors_;
  std::vector<std::string> files_;
  uint32_t overlay_begin_ = 0xFFFFFFFFu;  // index of the first overlay in files_
  PhraseMatcher matcher_;
  PhraseMatcher transliteration_matcher_;
  size_t duplicate_phrases_ = 0;
  size_t overridden_phrases_ = 0;
};

}  // namespace khabar::dict

#endif  // KHABAR_DICT_ACTOR_DICTIONARY_H_
