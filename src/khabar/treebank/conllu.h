// Word-level CoNLL-U reading and writing (https://universaldependencies.org/format.html),
// for training and evaluating the tagger, lemmatizer and parser.
//
// Every column of every word is kept, plus multiword token ranges ("1-2 don't"), empty
// nodes ("8.1", kept verbatim) and comment lines, so that Write(Parse(x)) == x for any
// well-formed file whose lines end in '\n'. Fields are string_views into the bytes the
// Treebank owns; a caller may point a field at its own storage (a predicted tag, a
// lemma) before writing, as long as that storage outlives the write. This is separate
// from eval/conllu.h, which keeps surface tokens only.
//
//   KH_ASSIGN_OR_RETURN(treebank::Treebank gold, treebank::ReadTreebank(path));
//   for (const treebank::Sentence& sentence : gold.sentences())
//     for (const treebank::Word& word : gold.Words(sentence)) Count(word.upos);
//   std::string out = treebank::WriteTreebank(gold);
//
// Thread-safety: a Treebank is immutable after parsing except through mutable_words();
// const access from many threads is safe.
#ifndef KHABAR_TREEBANK_CONLLU_H_
#define KHABAR_TREEBANK_CONLLU_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"

namespace khabar::treebank {

// HEAD when the column is "_".
inline constexpr int32_t kNoHead = -1;

// One syntactic word (an integer ID line).
struct Word {
  uint32_t id = 0;  // 1-based position in the sentence
  std::string_view form;
  std::string_view lemma;
  std::string_view upos;
  std::string_view xpos;
  std::string_view feats;
  int32_t head = kNoHead;  // 0 for the root, kNoHead for "_"
  std::string_view deprel;
  std::string_view deps;
  std::string_view misc;
};

// A multiword token range "first-last FORM ... MISC": one surface token for words
// [first, last].
struct MultiwordToken {
  uint32_t first = 0;
  uint32_t last = 0;
  std::string_view form;
  std::string_view misc;
  std::string_view line;  // the whole line, written back verbatim
};

// An empty node "major.minor ..." of the enhanced graph, kept as its verbatim line.
struct EmptyNode {
  uint32_t after_word = 0;  // the major number: it follows word `after_word` (0: first)
  std::string_view line;
};

struct Sentence {
  // Ranges into the Treebank's vectors.
  uint32_t comment_begin = 0, comment_end = 0;
  uint32_t word_begin = 0, word_end = 0;
  uint32_t multiword_begin = 0, multiword_end = 0;
  uint32_t empty_begin = 0, empty_end = 0;

  uint32_t word_count() const { return word_end - word_begin; }
};

class Treebank {
 public:
  Treebank() : contents_(std::make_unique<std::string>()) {}
  Treebank(Treebank&&) noexcept = default;
  Treebank& operator=(Treebank&&) noexcept = default;

  // Parses `contents` (the bytes are moved in and owned). `name` prefixes error
  // messages. InvalidArgument ("name:line: ...") for a word line without 10 columns, a
  // bad ID, IDs out of sequence, a bad HEAD, or a range that does not cover the
  // following words.
  static StatusOr<Treebank> Parse(std::string contents, std::string_view name);

  const std::vector<Sentence>& sentences() const { return sentences_; }
  std::span<const Word> Words(const Sentence& sentence) const {
    return std::span<const Word>(words_).subspan(sentence.word_begin, sentence.word_count());
  }
  std::span<const MultiwordToken> Multiwords(const Sentence& sentence) const {
    return std::span<const MultiwordToken>(multiwords_)
        .subspan(sentence.multiword_begin, sentence.multiword_end - sentence.multiword_begin);
  }
  std::span<const std::string_view> Comments(const Sentence& sentence) const {
    return std::span<const std::string_view>(comments_).subspan(
        sentence.comment_begin, sentence.comment_end - sentence.comment_begin);
  }
  std::span<const EmptyNode> EmptyNodes(const Sentence& sentence) const {
    return std::span<const EmptyNode>(empty_nodes_)
        .subspan(sentence.empty_begin, sentence.empty_end - sentence.empty_begin);
  }

  const std::vector<Word>& words() const { return words_; }
  // For replacing columns with predictions before writing. The views put in must
  // outlive every use of this Treebank.
  std::vector<Word>& mutable_words() { return words_; }
  const std::vector<MultiwordToken>& multiwords() const { return multiwords_; }
  size_t word_count() const { return words_.size(); }

 private:
  friend class TreebankParser;

  std::unique_ptr<std::string> contents_;  // stable address: the views below point into it
  std::vector<std::string_view> comments_;
  std::vector<Word> words_;
  std::vector<MultiwordToken> multiwords_;
  std::vector<EmptyNode> empty_nodes_;
  std::vector<Sentence> sentences_;
};

// Reads and parses a file of at most 512 MiB.
StatusOr<Treebank> ReadTreebank(const std::string& path);

// Writes one sentence: comments, then the words with each range line before its first
// word and each empty node after its word, then a blank line.
void AppendSentence(const Treebank& treebank, const Sentence& sentence, std::string& out);
// The whole treebank in CoNLL-U.
std::string WriteTreebank(const Treebank& treebank);

// True unless MISC holds the item "SpaceAfter=No".
bool SpaceAfter(std::string_view misc);

}  // namespace khabar::treebank

#endif  // KHABAR_TREEBANK_CONLLU_H_
