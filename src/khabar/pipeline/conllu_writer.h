// CoNLL-U output of an analysed Document (docs/formats/conllu.md): one block per sentence
// with `# sent_id` and `# text`, forms as the article wrote them (Document::raw, so that
// curly quotes stay curly), a range line for each token that splits into several
// words ("1-2 don't"), and for each word its lemma, UPOS, XPOS, head and relation when the
// tag and parse stages have run ("_" otherwise). MISC gives SpaceAfter=No and the token's
// TokenRange=begin:end in bytes of Document::raw.
//
//   std::string out;
//   pipeline::AppendConllu(document, out);
//
// Thread-safety: a pure function.
#ifndef KHABAR_PIPELINE_CONLLU_WRITER_H_
#define KHABAR_PIPELINE_CONLLU_WRITER_H_

#include <string>

#include "khabar/doc/document.h"

namespace khabar::pipeline {

// Appends "# newdoc id = ..." and every sentence of `document` to `out`.
void AppendConllu(const doc::Document& document, std::string& out);

}  // namespace khabar::pipeline

#endif  // KHABAR_PIPELINE_CONLLU_WRITER_H_
