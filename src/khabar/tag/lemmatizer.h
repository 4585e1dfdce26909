// Lemmatizer: the lemma of a word given its form and XPOS tag.
//
// A lemma is produced by an edit script: optionally lowercase the form, strip N bytes
// from its end, append a string ("running" -> lower, strip 4, "" -> "run"; "went" ->
// strip 4, "go"). Scripts are chosen, in order, from
//   1. the treebank lexicon: (form, XPOS) -> the script seen most often, looked up with the
//      form as written first (so "i" -> "I" while "I" stays "I") and then lowercased;
//   2. exception lists (WordNet's *.exc files) for pairs the treebank never showed;
//   3. suffix rules learned from the treebank's word types: (XPOS, last k bytes) -> the
//      kMaxRuleScripts most frequent scripts; trying the longest matching suffix first
//      and then ever shorter ones (whose scripts must strip less than the longest
//      suffix's most frequent one), the first script whose lemma is a known lemma (a
//      treebank lemma or a WordNet lemma) wins, else the most frequent script of the
//      longest suffix;
//   4. the form itself.
// This is the edit-script approach of Chrupała (2006) and UDPipe, picked by frequency.
//
//   Lemmatizer::Builder builder(/*xpos_count=*/3);
//   builder.AddWord("running", kVbg, "run");
//   Lemmatizer lemmatizer = builder.Build({});
//   std::string lemma;
//   lemmatizer.Lemmatize("Running", kVbg, lemma);  // "run"
//
// Thread-safety: immutable after Build/Decode; Lemmatize may run from many threads.
#ifndef KHABAR_TAG_LEMMATIZER_H_
#define KHABAR_TAG_LEMMATIZER_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/model/coding.h"
#include "khabar/tag/internal/hash_index.h"

namespace khabar::tag {

inline constexpr size_t kMaxRuleSuffix = 6;
inline constexpr size_t kMaxRuleScripts = 3;

class Lemmatizer {
 public:
  struct Options {
    uint32_t min_rule_count = 2;  // word types that must support a suffix rule
  };

  class Builder {
   public:
    // A treebank word. Words whose lemma is "_" or empty are ignored.
    void AddWord(std::string_view form, uint16_t xpos, std::string_view lemma);
    // An exception-list entry, used only for (form, xpos) pairs AddWord never gave.
    void AddException(std::string_view form, uint16_t xpos, std::string_view lemma);
    // A word that is a lemma of something (a WordNet lemma). Treebank lemmas are added by
    // AddWord.
    void AddKnownLemma(std::string_view lemma);
    Lemmatizer Build(const Options& options) const;

   private:
    using Key = std::pair<std::string, uint16_t>;  // lowercased form, xpos
    struct ScriptKey {
      bool lower;
      uint32_t strip;
      std::string append;
      auto operator<=>(const ScriptKey&) const = default;
    };
    static ScriptKey MakeScript(std::string_view form, std::string_view lemma);

    std::map<Key, std::map<ScriptKey, uint32_t>> words_;        // lowercased forms
    std::map<Key, std::map<ScriptKey, uint32_t>> exact_words_;  // forms as written
    std::map<Key, ScriptKey> exceptions_;
    std::vector<uint64_t> known_lemmas_;
  };

  // Appends the lemma of `form` tagged `xpos` to `out`. Never allocates beyond `out`.
  void Lemmatize(std::string_view form, uint16_t xpos, std::string& out) const;

  size_t form_count() const { return forms_.size(); }
  size_t rule_count() const { return suffixes_.size(); }

  void Encode(model::Encoder& out) const;
  // DataLoss on truncation or an invalid table.
  static StatusOr<Lemmatizer> Decode(model::Decoder& in);

 private:
  struct Script {
    bool lower = false;
    uint32_t strip = 0;
    uint32_t append_begin = 0, append_end = 0;  // in append_text_
  };
  uint32_t FindScript(std::string_view form, std::string_view lower, uint16_t xpos) const;
  uint32_t FindRule(std::string_view lower, uint16_t xpos) const;
  bool Known(const Script& script, std::string_view lower) const;
  void Apply(const Script& script, std::string_view form, std::string& out) const;

  std::vector<Script> scripts_;
  std::string append_text_;
  internal::HashIndex forms_;     // (form as written or lowercased, xpos) -> script
  internal::HashIndex suffixes_;  // (suffix, xpos) -> rule_scripts_ offset * 4 + count
  std::vector<uint32_t> rule_scripts_;
  internal::HashIndex known_;  // lowercased known lemmas -> 0
};

}  // namespace khabar::tag

#endif  // KHABAR_TAG_LEMMATIZER_H_
