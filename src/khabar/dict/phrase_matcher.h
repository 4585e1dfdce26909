// PhraseMatcher: finds dictionary phrases (sequences of normalised words) in a sentence's
// tokens. A token trie: each token is interned once per call, then every start position
// walks the trie for at most max_phrase_words() steps, so a sentence of n tokens costs
// O(n * max_phrase_words()) hash probes and no per-token allocation beyond one id array.
//
//   PhraseMatcher matcher;
//   matcher.Add(SplitPhrase("ORLA_MENDEZ_VARGA"), /*value=*/7);
//   matcher.Add(SplitPhrase("VARGA_"), 7);
//   std::vector<std::string_view> tokens = {"president", "varga", "said"};
//   for (const PhraseMatch& match : matcher.FindLongest(tokens))
//     Use(match.begin, match.end, match.values);  // [1, 2), {7}
//
// Each phrase stores a set of uint32_t values (entry ids of the owning dictionary). Tokens
// are passed through NormalizeKey (dict/normalize.h) when they are not keys already, so
// callers may pass lowercased or raw tokens.
//
// Thread-safety: Add is not thread-safe; once built, the const methods may run from many
// threads. PhraseMatch::values points into the matcher and lives as long as it does.
#ifndef KHABAR_DICT_PHRASE_MATCHER_H_
#define KHABAR_DICT_PHRASE_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "khabar/dict/internal/edge_map.h"

namespace khabar::dict {

struct PhraseMatch {
  uint32_t begin = 0;                // first token of the match
  uint32_t end = 0;                  // one past its last token
  std::span<const uint32_t> values;  // the values stored for the phrase; never empty
};

class PhraseMatcher {
 public:
  PhraseMatcher();

  // Adds `words` (normalised keys, e.g. from SplitPhrase) with `value`. Returns false if
  // this phrase already holds `value`. REQUIRES: words non-empty, no word empty.
  bool Add(std::span<const std::string> words, uint32_t value);

  // Like Add, but the last word is a stem matching every token it is a prefix of
  // ("baseball" matches "baseballs").
  bool AddWithStem(std::span<const std::string> words, uint32_t value);

  // The values stored for exactly `words` (stems not considered); empty if none.
  std::span<const uint32_t> Lookup(std::span<const std::string> words) const;

  // Every occurrence of every phrase, ordered by begin then end.
  std::vector<PhraseMatch> FindAll(std::span<const std::string_view> tokens) const;

  // Leftmost-longest matches that do not overlap: scanning left to right, the longest
  // phrase starting at the current token is taken and the scan resumes after it.
  std::vector<PhraseMatch> FindLongest(std::span<const std::string_view> tokens) const;

  size_t phrase_count() const { return terminals_.size(); }
  size_t node_count() const { return node_terminal_.size(); }
  size_t max_phrase_words() const { return max_phrase_words_; }

 private:
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  struct StemEdge {
    std::string stem;
    uint32_t terminal;
  };
  static constexpr uint32_t kNone = 0xFFFFFFFFu;

  uint32_t InternWord(const std::string& word);
  uint32_t FindWord(std::string_view word) const;
  uint32_t Child(uint32_t node, uint32_t word) const;
  uint32_t AddPath(std::span<const std::string> words);
  bool AddValue(uint32_t* terminal, uint32_t value);
  // Word ids of the tokens (kNone when unknown) and their keys, which view the tokens or
  // *scratch.
  void Intern(std::span<const std::string_view> tokens, std::vector<uint32_t>* ids,
              std::vector<std::string_view>* keys, std::string* scratch) const;
  // Calls emit(end, terminal) for every phrase starting at `start`.
  template <typename Emit>
  void WalkFrom(size_t start, const std::vector<uint32_t>& ids,
                const std::vector<std::string_view>& keys, Emit emit) const;

  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> vocabulary_;
  internal::EdgeMap edges_;                                    // (node + 1) << 32 | word -> child
  std::vector<uint32_t> node_terminal_;                        // per node: index into terminals_
  std::vector<std::vector<uint32_t>> terminals_;               // values of each phrase
  std::unordered_map<uint32_t, std::vector<StemEdge>> stems_;  // node -> stems after it
  size_t max_phrase_words_ = 0;
};

}  // namespace khabar::dict

#endif  // KHABAR_DICT_PHRASE_MATCHER_H_
