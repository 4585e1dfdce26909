// CoNLL-U reading for evaluation and training (https://universaldependencies.org/format.html).
//
// Only what tokenisation needs is kept: document and paragraph starts, sentence ids, and
// the surface tokens (a multiword range "1-2 don't" is one surface token; its word lines
// are skipped) with their SpaceAfter flag. docs/formats/conllu.md describes both how
// Khabar writes CoNLL-U and how RebuildText() recovers raw text from a gold file.
//
//   KH_ASSIGN_OR_RETURN(eval::ConlluFile gold, eval::ReadConllu("en_ewt-ud-test.conllu"));
//   eval::RebuiltText text = eval::RebuildText(gold);
//
// Thread-safety: plain values.
#ifndef KHABAR_EVAL_CONLLU_H_
#define KHABAR_EVAL_CONLLU_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"
#include "khabar/doc/span.h"

namespace khabar::eval {

struct ConlluToken {
  std::string_view form;  // views ConlluFile::contents
  bool space_after = true;
};

struct ConlluSentence {
  std::string_view sent_id;
  bool new_document = false;
  bool new_paragraph = false;
  uint32_t token_begin = 0;  // [token_begin, token_end) into ConlluFile::tokens
  uint32_t token_end = 0;
};

struct ConlluFile {
  std::string contents;  // the file's bytes; tokens and ids view it
  std::vector<ConlluToken> tokens;
  std::vector<ConlluSentence> sentences;

  ConlluFile() = default;
  ConlluFile(const ConlluFile&) = delete;
  ConlluFile& operator=(const ConlluFile&) = delete;
  ConlluFile(ConlluFile&&) noexcept = default;  // views into a moved std::string stay valid
  ConlluFile& operator=(ConlluFile&&) noexcept = default;
};

// Parses CoNLL-U. InvalidArgument ("name:line: ...") on a token line with fewer than 10
// columns or a bad ID. Comments other than newdoc/newpar/sent_id are ignored.
StatusOr<ConlluFile> ParseConllu(std::string contents, std::string_view name);
// Reads and parses a file of at most 256 MiB.
StatusOr<ConlluFile> ReadConllu(const std::string& path);

// Raw text rebuilt from a gold file, as UD's conllu_to_text.pl does: tokens joined by a
// space unless SpaceAfter=No, sentences of a paragraph joined by a space, a blank line
// before each new paragraph or document. Spans are byte ranges of `text`.
struct RebuiltText {
  std::string text;
  std::vector<doc::Span> tokens;
  std::vector<doc::Span> sentences;
};
RebuiltText RebuildText(const ConlluFile& file);

}  // namespace khabar::eval

#endif  // KHABAR_EVAL_CONLLU_H_
