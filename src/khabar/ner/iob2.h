// Reading the Universal NER IOB2 files (https://www.universalner.org/): one word per line,
// tab-separated columns `index word tag [- annotator]`, "#" comment lines, a blank line after
// each sentence. Words are UD syntactic words ("do", "n't"), 1-based and consecutive in each
// sentence. Tags are O, B-T or I-T (labels.h); types other than PER, ORG and LOC (UNER's
// OTH, the pre-release's stray "B-O") are read as O and counted.
//
//   KH_ASSIGN_OR_RETURN(ner::Iob2Corpus corpus, ner::ReadIob2(path));
//   for (const ner::Iob2Sentence& sentence : corpus.sentences) {
//     std::span<const std::string_view> forms = corpus.Forms(sentence);
//     std::span<const ner::BioLabel> labels = corpus.Labels(sentence);
//   }
//
// Errors are InvalidArgument "<file>:<line>: <what>". Thread-safety: a corpus is immutable
// after reading; const access from many threads is safe.
#ifndef KHABAR_NER_IOB2_H_
#define KHABAR_NER_IOB2_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/ner/labels.h"

namespace khabar::ner {

// Words [word_begin, word_end) of the corpus.
struct Iob2Sentence {
  uint32_t word_begin = 0;
  uint32_t word_end = 0;
  uint32_t line = 0;  // 1-based line of the sentence's first word

  uint32_t word_count() const { return word_end - word_begin; }
};

struct Iob2Corpus {
  std::unique_ptr<const std::string> contents;  // the file; `forms` view into it
  std::vector<std::string_view> forms;
  std::vector<BioLabel> labels;
  std::vector<Iob2Sentence> sentences;
  size_t other_type_words = 0;  // words tagged with a type we do not predict (read as O)

  std::span<const std::string_view> Forms(const Iob2Sentence& sentence) const {
    return std::span(forms).subspan(sentence.word_begin, sentence.word_count());
  }
  std::span<const BioLabel> Labels(const Iob2Sentence& sentence) const {
    return std::span(labels).subspan(sentence.word_begin, sentence.word_count());
  }
};

// Parses `contents`; `name` prefixes error messages. A last sentence without a trailing
// blank line is accepted; CRLF line ends are too.
StatusOr<Iob2Corpus> ParseIob2(std::string contents, std::string_view name);
// Reads and parses a file (NotFound if missing).
StatusOr<Iob2Corpus> ReadIob2(const std::string& path);

}  // namespace khabar::ner

#endif  // KHABAR_NER_IOB2_H_
