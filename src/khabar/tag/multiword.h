// MultiwordSplitter: splits a surface token into syntactic words where the treebank
// writes a multiword range ("don't" -> "do" + "n't", "gonna" -> "gon" + "na",
// "Sam's" -> "Sam" + "'s").
//
// Learned from treebank ranges: a table from the lowercased surface form to its most
// frequent word forms, kept when the form is split at least `min_split_ratio` of the
// times it occurs; plus clitic suffix rules ("n't", "'s", "'ll", ...) kept when tokens
// ending in the suffix are split there at least that often. Each word keeps its byte
// span inside the token when the word forms spell the token (ignoring ASCII case);
// otherwise every word spans the whole token and carries the table's form.
//
//   MultiwordSplitter::Builder builder;
//   builder.AddMultiword("don't", {"do", "n't"});
//   builder.AddSingleWord("dont");
//   MultiwordSplitter splitter = builder.Build({});
//   WordPiece pieces[kMaxWordsPerToken];
//   size_t count = splitter.Split("Don't", pieces);  // 2: "Do" [0,2), "n't" [2,5)
//
// Thread-safety: immutable after Build/Decode; Split may run from many threads.
#ifndef KHABAR_TAG_MULTIWORD_H_
#define KHABAR_TAG_MULTIWORD_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/doc/span.h"
#include "khabar/model/coding.h"

namespace khabar::tag {

inline constexpr size_t kMaxWordsPerToken = 8;
// Tokens longer than this (in bytes) are never split.
inline constexpr size_t kMaxMultiwordBytes = 64;

struct WordPiece {
  doc::Span span;             // bytes of the token, relative to its start
  std::string_view form;      // a view of the token, or of the splitter's table
  bool form_in_token = true;  // form == the token's bytes at `span`
};

class MultiwordSplitter {
 public:
  struct Options {
    double min_split_ratio = 0.5;
    uint32_t min_rule_count = 5;  // a suffix rule needs this many split tokens
  };

  class Builder {
   public:
    // A range of the treebank: `surface` was written as `words`.
    void AddMultiword(std::string_view surface, const std::vector<std::string_view>& words);
    // A word outside any range.
    void AddSingleWord(std::string_view form);
    MultiwordSplitter Build(const Options& options) const;

   private:
    std::map<std::string, std::map<std::vector<std::string>, uint32_t>> splits_;  // lowercased
    std::map<std::string, uint32_t> singles_;                                     // lowercased
    std::map<std::string, uint32_t> suffix_splits_;  // clitic -> split tokens
  };

  // Splits `token` into 1..kMaxWordsPerToken pieces written to `out`; an unsplit token
  // is one piece spanning it all.
  size_t Split(std::string_view token, WordPiece* out) const;

  size_t entry_count() const { return entries_.size(); }
  size_t rule_count() const { return suffixes_.size(); }

  void Encode(model::Encoder& out) const;
  // DataLoss on truncation or an invalid table.
  static StatusOr<MultiwordSplitter> Decode(model::Decoder& in);

 private:
  struct Entry {
    std::string surface;  // lowercased, sorted
    std::vector<std::string> words;
  };
  size_t SplitAsTable(std::string_view token, const Entry& entry, WordPiece* out) const;

  std::vector<Entry> entries_;
  std::vector<std::string> suffixes_;  // longest first
};

}  // namespace khabar::tag

#endif  // KHABAR_TAG_MULTIWORD_H_
