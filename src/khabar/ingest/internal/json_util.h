// Exception-free helpers around nlohmann::json, shared by the JSONL and sidecar readers.
// Stateless; safe from any thread.
#ifndef KHABAR_INGEST_INTERNAL_JSON_UTIL_H_
#define KHABAR_INGEST_INTERNAL_JSON_UTIL_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"

namespace khabar::ingest::internal {

// Parses one JSON value. InvalidArgument "malformed JSON: <parser message>" on failure.
StatusOr<nlohmann::json> ParseJson(std::string_view text);

// Reads the string member `key` of `object` into *out. A missing or null member leaves *out
// unchanged; a number is written in decimal; any other type is InvalidArgument naming the key.
// REQUIRES: object.is_object().
Status GetStringField(const nlohmann::json& object, std::string_view key, std::string* out);

// The lines of `bytes` without their "\n" (or "\r\n"), each with its byte offset.
struct Line {
  std::string_view text;
  uint64_t offset = 0;
};
std::vector<Line> SplitLinesWithOffsets(std::string_view bytes);

}  // namespace khabar::ingest::internal

#endif  // KHABAR_INGEST_INTERNAL_JSON_UTIL_H_
