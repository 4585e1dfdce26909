// Test-only helper: runs an Ingestor over bytes and collects what its callbacks report.
#ifndef KHABAR_INGEST_INTERNAL_COLLECT_FOR_TEST_H_
#define KHABAR_INGEST_INTERNAL_COLLECT_FOR_TEST_H_

#include <string>
#include <string_view>
#include <vector>

#include "khabar/ingest/ingestor.h"

namespace khabar::ingest::internal {

struct Collected {
  std::vector<doc::Document> documents;
  std::vector<IngestError> errors;
  std::vector<IngestError> warnings;

  std::vector<std::string> ErrorStrings() const {
    std::vector<std::string> out;
    for (const IngestError& error : errors) out.push_back(error.ToString());
    return out;
  }
  std::vector<std::string> WarningStrings() const {
    std::vector<std::string> out;
    for (const IngestError& warning : warnings) out.push_back(warning.ToString());
    return out;
  }
};

inline Collected CollectBytes(const Ingestor& ingestor, std::string_view bytes,
                              std::string_view path, Format format = Format::kAuto) {
  Collected collected;
  ingestor.ReadBytes(
      bytes, path, format,
      [&](doc::Document&& document) { collected.documents.push_back(std::move(document)); },
      [&](const IngestError& error) { collected.errors.push_back(error); },
      [&](const IngestError& warning) { collected.warnings.push_back(warning); });
  return collected;
}

inline Collected CollectBytes(std::string_view bytes, std::string_view path,
                              Format format = Format::kAuto) {
  StatusOr<Ingestor> ingestor = Ingestor::Create({});
  return CollectBytes(*ingestor, bytes, path, format);
}

inline Collected CollectPath(const Ingestor& ingestor, const std::string& path) {
  Collected collected;
  ingestor.ReadPath(
      path, [&](doc::Document&& document) { collected.documents.push_back(std::move(document)); },
      [&](const IngestError& error) { collected.errors.push_back(error); },
      [&](const IngestError& warning) { collected.warnings.push_back(warning); });
  return collected;
}

}  // namespace khabar::ingest::internal

#endif  // KHABAR_INGEST_INTERNAL_COLLECT_FOR_TEST_H_
