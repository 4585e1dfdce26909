// Document: one article and every annotation the pipeline adds to it.
//
// Ingest fills the metadata and `raw` (the article text as extracted, valid UTF-8).
// The text stage fills `text` (NFC, quotes/dashes/spaces folded), `offsets` (text -> raw),
// `tokens` and `sentences`; the tag and parse stages fill `words`, the events stage
// `events`. Later stages add their annotations by offsets into `text`, never by copying
// strings.
//
//   doc::Document document;
//   document.id = "000";
//   document.raw = "Haftar met Sisi. They talked.";
//   text_stage.Process(document);
//   for (const doc::Sentence& sentence : document.sentences) Print(document.SentenceText(sentence));
//
// Thread-compatible: a Document is processed by one thread at a time. Movable, not copyable.
#ifndef KHABAR_DOC_DOCUMENT_H_
#define KHABAR_DOC_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/arena.h"
#include "khabar/doc/offset_map.h"
#include "khabar/doc/entities.h"
#include "khabar/doc/events.h"
#include "khabar/doc/span.h"
#include "khabar/doc/words.h"

namespace khabar::doc {

// Index of a token within Document::tokens.
using TokenIndex = uint32_t;

struct Token {
  Span span;                 // bytes of Document::text
  bool space_after = true;   // whitespace follows in the text
  bool paragraph_start = false;  // first token after a blank line (or of the document)
};

struct Sentence {
  TokenIndex token_begin = 0;  // [token_begin, token_end) into Document::tokens
  TokenIndex token_end = 0;
  Span span;                   // bytes of Document::text, first token's begin to last's end

  uint32_t token_count() const { return token_end - token_begin; }
};

// Where the publication date came from.
enum class DateSource : uint8_t { kNone = 0, kInput = 1, kSidecar = 2, kDateline = 3, kMetaTag = 4 };
std::string_view DateSourceName(DateSource source);

// A problem with the input that did not stop the document (e.g. repaired UTF-8).
struct Diagnostic {
  uint64_t byte_offset = 0;  // in the input file
  std::string message;
};

class Document {
 public:
  Document() = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Document(Document&&) noexcept = default;
  Document& operator=(Document&&) noexcept = default;

  // Metadata.
  std::string id;                 // JSONL id, or the file's base name
  std::string outlet;
  std::string url;
  std::string title;
  std::string published;          // "YYYY-MM-DD", or empty when unknown
  std::string published_precision;  // "day", "approximate", ... as given; empty when unknown
  DateSource published_from = DateSource::kNone;
  std::string source_path;        // file the document came from
  uint64_t source_line = 0;       // 1-based line in a JSONL file, item index in a feed, else 0

  // Text.
  std::string raw;                // article text as ingested, valid UTF-8
  std::string text;               // normalised text; empty until the text stage runs
  OffsetMap offsets;              // text -> raw

  // Near-duplicate detection (ingest).
  uint64_t content_hash = 0;      // hash of the normalised-for-hashing text
  std::string minhash;  // serialised MinHash signature (ingest/near_duplicate.h)
  std::string near_duplicate_of;  // id of an earlier near-identical document, or empty

  // Tokens and sentences (text stage).
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  // Syntactic words, tags, lemmas (tag stage) and dependencies (parse stage).
  WordLayer words;

  // Named-entity mentions over the words (ner stage).
  EntityLayer entities;

  // Who did what to whom, coded in CAMEO (events stage).
  EventLayer events;

  std::vector<Diagnostic> diagnostics;

  // Scratch storage for variable-size annotations of later stages.
  base::Arena arena;

  std::string_view TokenText(TokenIndex index) const { return tokens[index].span.In(text); }
  std::string_view SentenceText(const Sentence& sentence) const { return sentence.span.In(text); }
  // The raw bytes a span of `text` came from.
  std::string_view RawText(Span text_span) const { return offsets.ToRawSpan(text_span).In(raw); }
};

}  // namespace khabar::doc

#endif  // KHABAR_DOC_DOCUMENT_H_
