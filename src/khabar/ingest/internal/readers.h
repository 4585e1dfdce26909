// Format readers used by Ingestor. Each turns the bytes of one file into drafts (metadata plus
// paragraphs) and errors; Ingestor finishes the drafts (sidecar, boilerplate, dateline, ids,
// hashes). Stateless; safe from any thread.
#ifndef KHABAR_INGEST_INTERNAL_READERS_H_
#define KHABAR_INGEST_INTERNAL_READERS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/doc/document.h"
#include "khabar/ingest/ingest_error.h"

namespace khabar::ingest::internal {

// A document as read, before Ingestor::Finish. document.raw is empty; the text is in paragraphs.
struct Draft {
  doc::Document document;
  std::vector<std::string> paragraphs;
  uint64_t line = 0;  // where to report a problem with this draft (0: none)
  // Plain text only: a headline-like first line (FindTextHeadline), the title when neither
  // the input nor the sidecar gives one.
  std::string headline;
};

struct ReadContext {
  std::string_view path;
  std::function<void(Draft&&)> on_draft;
  std::function<void(IngestError&&)> on_error;
  std::function<void(IngestError&&)> on_warning;

  void Error(uint64_t line, uint64_t byte_offset, Status status) const {
    on_error(IngestError{std::string(path), line, byte_offset, std::move(status)});
  }
};

// JSON Lines, one article object a line. `bytes` are the file's bytes, not yet UTF-8 repaired:
// each line is repaired separately so that warnings carry the line's byte offsets.
void ReadJsonl(std::string_view bytes, const ReadContext& context);

// One HTML page. REQUIRES: `text` is valid UTF-8.
void ReadHtml(std::string_view text, const ReadContext& context);

// An RSS 2.0, RSS 1.0 (RDF) or Atom feed. REQUIRES: `text` is valid UTF-8.
void ReadFeed(std::string_view text, const ReadContext& context);

// Paragraphs of an HTML fragment (a feed item's description): block elements and <br> end
// paragraphs, scripts and styles are dropped, entities are decoded.
std::vector<std::string> HtmlFragmentParagraphs(std::string_view html);

}  // namespace khabar::ingest::internal

#endif  // KHABAR_INGEST_INTERNAL_READERS_H_
