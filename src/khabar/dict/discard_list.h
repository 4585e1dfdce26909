// Discard lists (PETRARCH ".discards" files): phrases that mark a sentence or a whole
// story as not to be coded (sports results, historical chronologies).
//
//   CROQUET           sentence discard; "CROQUET" is a stem, so "croquets" matches too
//   +GRAND PRIX       story discard ('+')
//   TABLE_TENNIS_     a trailing '_' means the last word must match whole
//
//   KH_ASSIGN_OR_RETURN(dict::DiscardList discards, dict::DiscardList::Load(path, &warnings));
//   for (const dict::PhraseMatch& match : discards.FindDiscards(tokens))
//     if (discards.discards()[match.values[0]].scope == dict::DiscardScope::kStory) SkipStory();
//
// Matching is case-insensitive on whole tokens (NormalizeKey); words of a phrase are
// consecutive tokens. Duplicates: a repeated phrase keeps its first entry, silently.
//
// Thread-safety: immutable after loading; const methods may run from many threads.
#ifndef KHABAR_DICT_DISCARD_LIST_H_
#define KHABAR_DICT_DISCARD_LIST_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/dict/phrase_matcher.h"
#include "khabar/dict/source.h"
#include "khabar/dict/warning.h"

namespace khabar::dict {

enum class DiscardScope : uint8_t { kSentence, kStory };

struct Discard {
  uint32_t line = 0;
  std::string phrase;  // as written, without the leading '+'
  DiscardScope scope = DiscardScope::kSentence;
  bool whole_word = false;  // trailing '_': the last word is not a stem
};

class DiscardList {
 public:
  // Never fails: each bad line becomes a warning and is skipped.
  static DiscardList Parse(std::string_view bytes, std::string_view file_name, Warnings* warnings);
  static StatusOr<DiscardList> Load(const std::string& path, Warnings* warnings);

  const std::vector<Discard>& discards() const { return discards_; }
  const std::string& file() const { return file_; }

  // Every discard phrase occurring in the tokens; values are discard ids.
  std::vector<PhraseMatch> FindDiscards(std::span<const std::string_view> tokens) const {
    return matcher_.FindAll(tokens);
  }
  const PhraseMatcher& matcher() const { return matcher_; }
  size_t duplicate_phrases() const { return duplicate_phrases_; }

 private:
  std::string file_;
  std::vector<Discard> discards_;
  PhraseMatcher matcher_;
  size_t duplicate_phrases_ = 0;
};

}  // namespace khabar::dict

#endif  // KHABAR_DICT_DISCARD_LIST_H_
