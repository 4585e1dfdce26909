// JSON Lines reader: one {id,title,date,url,source,text} object a line.
#include <string>

#include "khabar/base/utf8.h"
#include "khabar/ingest/boilerplate.h"
#include "khabar/ingest/dates.h"
#include "khabar/ingest/internal/json_util.h"
#include "khabar/ingest/internal/readers.h"
#include "khabar/ingest/sidecar.h"

namespace khabar::ingest::internal {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// The first string found among `keys` ("source", then "outlet"...).
Status GetFirstField(const nlohmann::json& object, std::initializer_list<std::string_view> keys,
                     std::string* out) {
  for (std::string_view key : keys) {
    KH_RETURN_IF_ERROR(GetStringField(object, key, out));
    if (!out->empty()) break;
  }
  return Status();
}

Status FillDate(const nlohmann::json& object, doc::Document& document) {
  std::string date;
  KH_RETURN_IF_ERROR(GetFirstField(object, {"date", "published"}, &date));
  if (date.empty()) return Status();
  std::optional<ParsedDate> parsed = ParseDate(date);
  if (!parsed) return InvalidArgumentError("bad \"date\" \"" + date.substr(0, 40) + "\"");
  document.published = parsed->ymd;
  document.published_precision = parsed->precision;
  document.published_from = doc::DateSource::kInput;
  return Status();
}

StatusOr<Draft> ParseArticle(std::string_view line, std::string_view path, uint64_t line_number) {
  KH_ASSIGN_OR_RETURN(nlohmann::json object, ParseJson(line));
  if (!object.is_object()) return InvalidArgumentError("expected a JSON object");
  Draft draft;
  doc::Document& document = draft.document;
  KH_RETURN_IF_ERROR(GetStringField(object, "id", &document.id));
  KH_RETURN_IF_ERROR(GetStringField(object, "title", &document.title));
  KH_RETURN_IF_ERROR(GetStringField(object, "url", &document.url));
  KH_RETURN_IF_ERROR(GetFirstField(object, {"source", "outlet"}, &document.outlet));
  KH_RETURN_IF_ERROR(FillDate(object, document));
  std::string text;
  KH_RETURN_IF_ERROR(GetStringField(object, "text", &text));
  if (IsBlank(text)) return InvalidArgumentError("no \"text\"");
  draft.paragraphs = SplitParagraphs(text);
  if (document.id.empty()) {
    std::string_view name = BaseName(path);
    size_t dot = name.rfind('.');
    if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
    document.id = std::string(name) + ":" + std::to_string(line_number);
  }
  document.source_line = line_number;
  draft.line = line_number;
  return draft;
}

// Repairs one line, warning (with the file offset) for each replaced sequence.
std::string RepairLine(const Line& line, uint64_t line_number, const ReadContext& context,
                       std::vector<doc::Diagnostic>& diagnostics) {
  base::Utf8Repair repair = base::RepairUtf8(line.text);
  for (uint64_t offset : repair.invalid_offsets) {
    uint64_t file_offset = line.offset + offset;
    std::string message =
        "invalid UTF-8 at byte " + std::to_string(file_offset) + " replaced with U+FFFD";
    diagnostics.push_back(doc::Diagnostic{file_offset, message});
    context.on_warning(
        IngestError{std::string(context.path), line_number, file_offset, DataLossError(message)});
  }
  return std::move(repair.text);
}

}  // namespace

void ReadJsonl(std::string_view bytes, const ReadContext& context) {
  uint64_t line_number = 0;
  for (Line line : SplitLinesWithOffsets(bytes)) {
    ++line_number;
    if (line_number == 1 && line.text.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
      line.text.remove_prefix(kUtf8Bom.size());
      line.offset += kUtf8Bom.size();
    }
    if (IsBlank(line.text)) continue;
    std::vector<doc::Diagnostic> diagnostics;
    std::string text = RepairLine(line, line_number, context, diagnostics);
    StatusOr<Draft> draft = ParseArticle(text, context.path, line_number);
    if (!draft.ok()) {
      context.Error(line_number, line.offset, std::move(draft).status());
      continue;
    }
    draft->document.diagnostics = std::move(diagnostics);
    context.on_draft(std::move(draft).value());
  }
}

}  // namespace khabar::ingest::internal
