#include "khabar/ingest/internal/json_util.h"

namespace khabar::ingest::internal {
namespace {

// nlohmann prefixes messages with "[json.exception.parse_error.101] "; drop it.
std::string_view StripExceptionTag(std::string_view message) {
  if (!message.empty() && message.front() == '[') {
    size_t close = message.find("] ");
    if (close != std::string_view::npos) message.remove_prefix(close + 2);
  }
  return message;
}

}  // namespace

StatusOr<nlohmann::json> ParseJson(std::string_view text) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& error) {
    return InvalidArgumentError("malformed JSON: " + std::string(StripExceptionTag(error.what())));
  } catch (const std::exception& error) {
    return InvalidArgumentError("malformed JSON: " + std::string(error.what()));
  }
}

Status GetStringField(const nlohmann::json& object, std::string_view key, std::string* out) {
  auto found = object.find(key);
  if (found == object.end() || found->is_null()) return Status();
  if (found->is_string()) {
    *out = found->get_ref<const std::string&>();
  } else if (found->is_number_integer() || found->is_number_unsigned()) {
    *out = found->dump();
  } else {
    return InvalidArgumentError("field \"" + std::string(key) + "\" is not a string");
  }
  return Status();
}

std::vector<Line> SplitLinesWithOffsets(std::string_view bytes) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start < bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(Line{line, start});
    start = end + 1;
  }
  return lines;
}

}  // namespace khabar::ingest::internal
