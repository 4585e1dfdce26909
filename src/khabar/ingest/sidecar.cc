#include "khabar/ingest/sidecar.h"

#include "khabar/base/utf8.h"
#include "khabar/ingest/dates.h"
#include "khabar/ingest/internal/json_util.h"

namespace khabar::ingest {
namespace {

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

StatusOr<SidecarEntry> ParseEntry(std::string_view line) {
  if (base::FindInvalidUtf8(line) != std::string_view::npos) {
    return InvalidArgumentError("invalid UTF-8");
  }
  KH_ASSIGN_OR_RETURN(nlohmann::json object, internal::ParseJson(line));
  if (!object.is_object()) return InvalidArgumentError("expected a JSON object");
  SidecarEntry entry;
  KH_RETURN_IF_ERROR(internal::GetStringField(object, "file", &entry.file));
  if (entry.file.empty()) return InvalidArgumentError("missing \"file\"");
  entry.file = std::string(BaseName(entry.file));
  KH_RETURN_IF_ERROR(internal::GetStringField(object, "outlet", &entry.outlet));
  KH_RETURN_IF_ERROR(internal::GetStringField(object, "title", &entry.title));
  KH_RETURN_IF_ERROR(internal::GetStringField(object, "url", &entry.url));
  KH_RETURN_IF_ERROR(
      internal::GetStringField(object, "published_precision", &entry.published_precision));
  std::string published;
  KH_RETURN_IF_ERROR(internal::GetStringField(object, "published", &published));
  if (!published.empty()) {
    std::optional<ParsedDate> date = ParseDate(published);
    if (!date) return InvalidArgumentError("bad \"published\" date \"" + published + "\"");
    entry.published = date->ymd;
    if (entry.published_precision.empty()) entry.published_precision = date->precision;
  }
  return entry;
}

}  // namespace

std::string_view BaseName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

StatusOr<Sidecar> Sidecar::Parse(std::string_view bytes, std::string_view path) {
  Sidecar sidecar;
  uint64_t line_number = 0;
  for (const internal::Line& line : internal::SplitLinesWithOffsets(bytes)) {
    ++line_number;
    if (IsBlank(line.text)) continue;
    std::string location = std::string(path) + ":" + std::to_string(line_number);
    StatusOr<SidecarEntry> entry = ParseEntry(line.text);
    if (!entry.ok()) return entry.status().WithPrefix(location);
    std::string file = entry->file;
    if (!sidecar.entries_.emplace(file, std::move(entry).value()).second) {
      return InvalidArgumentError(location + ": \"" + file + "\" is listed twice");
    }
  }
  return sidecar;
}

const SidecarEntry* Sidecar::Find(std::string_view path) const {
  auto found = entries_.find(BaseName(path));
  return found == entries_.end() ? nullptr : &found->second;
}

}  // namespace khabar::ingest
