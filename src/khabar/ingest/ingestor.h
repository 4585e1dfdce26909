// Ingest: turns input files (plain text, JSON Lines, HTML pages, RSS/Atom feeds, or directories
// of them) into doc::Documents with metadata and clean article text.
//
//   KH_ASSIGN_OR_RETURN(ingest::Ingestor ingestor, ingest::Ingestor::Create({.meta_path = meta}));
//   ingestor.ReadPath("corpus/",
//       [&](doc::Document&& document) { pipeline.Add(std::move(document)); },
//       [&](const ingest::IngestError& error) { Report(error.ToString()); },
//       [&](const ingest::IngestError& warning) { Report(warning.ToString()); });
//
// Bad input never stops a batch: each problem is reported through on_error (the document, or
// the JSONL line, is skipped) or on_warning (the document is still produced, and the problem is
// also recorded in Document::diagnostics). Formats, precedence rules and messages are specified
// in docs/formats/ingest.md.
//
// Every produced Document has a non-empty id, source_path, valid UTF-8 `raw` with paragraphs
// separated by "\n\n", content_hash and minhash (a serialised MinHash signature of raw).
// near_duplicate_of is left for the caller (see near_duplicate.h).
#ifndef KHABAR_INGEST_INGESTOR_H_
#define KHABAR_INGEST_INGESTOR_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "khabar/base/file.h"
#include "khabar/base/status.h"
#include "khabar/doc/document.h"
#include "khabar/ingest/ingest_error.h"
#include "khabar/ingest/sidecar.h"

namespace khabar::ingest {

enum class Format { kAuto, kText, kJsonl, kHtml, kFeed };
std::string_view FormatName(Format format);

// Chooses a format from the extension of `path_hint` (.jsonl/.ndjson, .html/.htm/.xhtml,
// .rss/.atom/.xml, .txt) and, for other or missing extensions, by sniffing the first bytes
// (an RSS/Atom root element, an HTML doctype or <html> tag, a leading '{'). Never kAuto.
Format DetectFormat(std::string_view path_hint, std::string_view bytes);

// True for files a directory walk skips: sidecars (*.meta.jsonl) and READMEs (README, README.*).
// Files named explicitly on the command line are always read.
bool SkippedInDirectoryWalk(std::string_view path);

struct IngestOptions {
  uint64_t max_file_bytes = base::kDefaultMaxFileBytes;
  std::string meta_path;  // sidecar JSONL; empty for none
};

using DocumentCallback = std::function<void(doc::Document&&)>;
using ErrorCallback = std::function<void(const IngestError&)>;

// Thread-compatible; immutable after Create, so one Ingestor may be shared by threads that
// each call ReadPath/ReadBytes with their own callbacks.
class Ingestor {
 public:
  // Loads the sidecar named by options.meta_path, if any. Errors name "file:line".
  static StatusOr<Ingestor> Create(IngestOptions options);

  // Reads a file, or every file below a directory (recursively, sorted by path, skipping
  // hidden entries, the sidecar itself and SkippedInDirectoryWalk files).
  void ReadPath(const std::string& path, const DocumentCallback& on_document,
                const ErrorCallback& on_error, const ErrorCallback& on_warning) const;

  // Reads bytes as if they were the contents of the file `path_hint` (which is used for the
  // extension, the sidecar lookup, the id fallback and messages; it is never opened).
  // kAuto detects the format with DetectFormat.
  void ReadBytes(std::string_view bytes, std::string_view path_hint, Format format,
                 const DocumentCallback& on_document, const ErrorCallback& on_error,
                 const ErrorCallback& on_warning) const;

  const Sidecar& sidecar() const { return sidecar_; }

 private:
  explicit Ingestor(IngestOptions options, Sidecar sidecar)
      : options_(std::move(options)), sidecar_(std::move(sidecar)) {}

  IngestOptions options_;
  Sidecar sidecar_;
};

}  // namespace khabar::ingest

#endif  // KHABAR_INGEST_INGESTOR_H_
