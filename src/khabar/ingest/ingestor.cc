#include "khabar/ingest/ingestor.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "khabar/base/utf8.h"
#include "khabar/ingest/boilerplate.h"
#include "khabar/ingest/internal/charset.h"
#include "khabar/ingest/internal/readers.h"
#include "khabar/ingest/near_duplicate.h"

namespace khabar::ingest {
namespace {

constexpr size_t kSniffBytes = 1024;
constexpr size_t kMaxUtf8Warnings = 16;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

std::string Extension(std::string_view path) {
  std::string_view name = BaseName(path);
  size_t dot = name.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? "" : Lower(name.substr(dot + 1));
}

// The base name without its last extension: "a/001_x.txt" -> "001_x".
std::string Stem(std::string_view path) {
  std::string_view name = BaseName(path);
  size_t dot = name.rfind('.');
  return std::string(dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot));
}

Format SniffFormat(std::string_view bytes) {
  if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) bytes.remove_prefix(kUtf8Bom.size());
  size_t start = bytes.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return Format::kText;
  std::string head = Lower(bytes.substr(start, kSniffBytes));
  if (head[0] == '{') return Format::kJsonl;
  if (head[0] != '<') return Format::kText;
  if (head.find("<rss") != std::string::npos || head.find("<feed") != std::string::npos ||
      head.find("<rdf:rdf") != std::string::npos) {
    return Format::kFeed;
  }
  return Format::kHtml;
}

bool IsBlank(std::string_view bytes) {
  return bytes.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

// Fills what the input lacks from the sidecar entry for the document's file.
void ApplySidecar(const SidecarEntry* entry, doc::Document& document) {
  if (entry == nullptr) return;
  if (document.outlet.empty()) document.outlet = entry->outlet;
  if (document.title.empty()) document.title = entry->title;
  if (document.url.empty()) document.url = entry->url;
  if (document.published.empty() && !entry->published.empty()) {
    document.published = entry->published;
    document.published_precision = entry->published_precision;
    document.published_from = doc::DateSource::kSidecar;
  }
}

std::string JoinParagraphs(const std::vector<std::string>& paragraphs) {
  std::string raw;
  for (const std::string& paragraph : paragraphs) {
    if (!raw.empty()) raw += "\n\n";
    raw += paragraph;
  }
  return raw;
}

// base::ReadFile and ListFilesRecursive messages start with the path; IngestError adds it again.
Status WithoutPathPrefix(const Status& status, const std::string& path) {
  std::string message(status.message());
  if (message.starts_with(path + ": ")) message.erase(0, path.size() + 2);
  return Status(status.code(), message);
}

struct FileState {
  std::string_view path;
  const SidecarEntry* sidecar_entry = nullptr;
  std::vector<doc::Diagnostic> diagnostics;  // shared by every document of the file
};

// Sidecar, headline, boilerplate, dateline, id, hashes; then hands the document on (or
// reports why not).
void Finish(internal::Draft&& draft, const FileState& file, const internal::ReadContext& context,
            const DocumentCallback& on_document) {
  doc::Document& document = draft.document;
  document.source_path = std::string(file.path);
  ApplySidecar(file.sidecar_entry, document);
  if (document.title.empty()) document.title = std::move(draft.headline);
  CleanupResult cleaned =
      RemoveBoilerplate(std::move(draft.paragraphs), document.title, document.outlet);
  document.title = std::move(cleaned.title);
  if (document.published.empty() && cleaned.dateline) {
    document.published = cleaned.dateline->ymd;
    document.published_precision = cleaned.dateline->precision;
    document.published_from = doc::DateSource::kDateline;
  }
  document.raw = JoinParagraphs(cleaned.paragraphs);
  if (document.raw.empty()) {
    context.Error(draft.line, 0, InvalidArgumentError("no article text"));
    return;
  }
  if (document.id.empty()) document.id = Stem(file.path);
  document.content_hash = ContentHash(document.raw);
  document.minhash = SerializeSignature(ComputeMinHash(document.raw));
  document.diagnostics.insert(document.diagnostics.end(), file.diagnostics.begin(),
                              file.diagnostics.end());
  on_document(std::move(document));
}

// Repairs invalid UTF-8, reporting each replaced sequence (up to a cap) as a warning.
std::string RepairAndWarn(std::string_view bytes, FileState& file,
                          const ErrorCallback& on_warning) {
  base::Utf8Repair repair = base::RepairUtf8(bytes);
  size_t reported = 0;
  for (uint64_t offset : repair.invalid_offsets) {
    if (reported == kMaxUtf8Warnings) {
      std::string message = std::to_string(repair.invalid_offsets.size() - reported) +
                            " more invalid UTF-8 sequences replaced with U+FFFD";
      file.diagnostics.push_back(doc::Diagnostic{offset, message});
      on_warning(IngestError{std::string(file.path), 0, offset, DataLossError(message)});
      break;
    }
    std::string message = "invalid UTF-8 replaced with U+FFFD";
    file.diagnostics.push_back(doc::Diagnostic{offset, message});
    on_warning(IngestError{std::string(file.path), 0, offset, DataLossError(message)});
    ++reported;
  }
  return std::move(repair.text);
}

void ReadText(std::string_view text, const internal::ReadContext& context) {
  internal::Draft draft;
  draft.paragraphs = SplitParagraphs(text);
  draft.headline = FindTextHeadline(text);
  context.on_draft(std::move(draft));
}

}  // namespace

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kAuto:
      return "auto";
    case Format::kText:
      return "text";
    case Format::kJsonl:
      return "jsonl";
    case Format::kHtml:
      return "html";
    case Format::kFeed:
      return "feed";
  }
  return "auto";
}

Format DetectFormat(std::string_view path_hint, std::string_view bytes) {
  std::string extension = Extension(path_hint);
  if (extension == "jsonl" || extension == "ndjson") return Format::kJsonl;
  if (extension == "html" || extension == "htm" || extension == "xhtml") return Format::kHtml;
  if (extension == "rss" || extension == "atom") return Format::kFeed;
  Format sniffed = SniffFormat(bytes);
  if (extension == "txt" || extension == "text") {
    return sniffed == Format::kHtml || sniffed == Format::kFeed ? sniffed : Format::kText;
  }
  return sniffed;
}

bool SkippedInDirectoryWalk(std::string_view path) {
  std::string name = Lower(BaseName(path));
  return (name.size() > 11 && name.ends_with(".meta.jsonl")) || name == "readme" ||
         name.starts_with("readme.");
}

StatusOr<Ingestor> Ingestor::Create(IngestOptions options) {
  Sidecar sidecar;
  if (!options.meta_path.empty()) {
    KH_ASSIGN_OR_RETURN(std::string bytes,
                        base::ReadFile(options.meta_path, options.max_file_bytes));
    KH_ASSIGN_OR_RETURN(sidecar, Sidecar::Parse(bytes, options.meta_path));
  }
  return Ingestor(std::move(options), std::move(sidecar));
}

void Ingestor::ReadPath(const std::string& path, const DocumentCallback& on_document,
                        const ErrorCallback& on_error, const ErrorCallback& on_warning) const {
  StatusOr<std::vector<std::string>> files = base::ListFilesRecursive(path);
  if (!files.ok()) {
    on_error(IngestError{path, 0, 0, WithoutPathPrefix(files.status(), path)});
    return;
  }
  std::error_code error;
  bool walking = std::filesystem::is_directory(path, error);
  for (const std::string& file : *files) {
    if (walking && (SkippedInDirectoryWalk(file) ||
                    (!options_.meta_path.empty() &&
                     std::filesystem::equivalent(file, options_.meta_path, error)))) {
      continue;
    }
    StatusOr<std::string> bytes = base::ReadFile(file, options_.max_file_bytes);
    if (!bytes.ok()) {
      on_error(IngestError{file, 0, 0, WithoutPathPrefix(bytes.status(), file)});
      continue;
    }
    ReadBytes(*bytes, file, Format::kAuto, on_document, on_error, on_warning);
  }
}

void Ingestor::ReadBytes(std::string_view bytes, std::string_view path_hint, Format format,
                         const DocumentCallback& on_document, const ErrorCallback& on_error,
                         const ErrorCallback& on_warning) const {
  std::string path(path_hint);
  if (bytes.size() > options_.max_file_bytes) {
    on_error(
        IngestError{path, 0, 0,
                    ResourceExhaustedError("larger than the limit of " +
                                           std::to_string(options_.max_file_bytes) + " bytes")});
    return;
  }
  if (IsBlank(bytes)) {
    on_error(IngestError{path, 0, 0, InvalidArgumentError("empty file")});
    return;
  }
  if (base::LooksBinary(bytes)) {
    on_error(IngestError{path, 0, 0, InvalidArgumentError("binary file")});
    return;
  }
  if (format == Format::kAuto) format = DetectFormat(path, bytes);
  FileState file{path, sidecar_.Find(path), {}};
  internal::ReadContext context;
  context.path = path;
  context.on_error = [&](IngestError&& error) { on_error(error); };
  context.on_warning = [&](IngestError&& warning) { on_warning(warning); };
  context.on_draft = [&](internal::Draft&& draft) {
    Finish(std::move(draft), file, context, on_document);
  };
  if (format == Format::kJsonl) {
    internal::ReadJsonl(bytes, context);
    return;
  }
  // Pages and feeds that declare Latin-1/Windows-1252 and are not valid UTF-8 are decoded;
  // anything else is taken as UTF-8 and repaired.
  bool legacy = (format == Format::kHtml || format == Format::kFeed) &&
                base::FindInvalidUtf8(bytes) != std::string_view::npos &&
                internal::DeclaresWindows1252(bytes);
  std::string text =
      legacy ? internal::Windows1252ToUtf8(bytes) : RepairAndWarn(bytes, file, on_warning);
  std::string_view body = text;
  if (body.substr(0, kUtf8Bom.size()) == kUtf8Bom) body.remove_prefix(kUtf8Bom.size());
  if (format == Format::kHtml) {
    internal::ReadHtml(body, context);
  } else if (format == Format::kFeed) {
    internal::ReadFeed(body, context);
  } else {
    ReadText(body, context);
  }
}

}  // namespace khabar::ingest
