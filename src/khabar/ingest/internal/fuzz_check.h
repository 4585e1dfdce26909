// Shared body of the ingest reader fuzz targets (fuzz/*_reader_fuzzer.cc): reads the bytes with
// a fixed format, entirely in memory, and aborts if a produced Document breaks the Ingestor's
// contract (ingestor.h). Test-only header.
#ifndef KHABAR_INGEST_INTERNAL_FUZZ_CHECK_H_
#define KHABAR_INGEST_INTERNAL_FUZZ_CHECK_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "khabar/base/utf8.h"
#include "khabar/ingest/ingestor.h"

namespace khabar::ingest::internal {

// Inputs above this are skipped, so the targets find bugs rather than timeouts.
inline constexpr size_t kMaxFuzzInputBytes = 64 << 10;

inline void FuzzCheck(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "ingest fuzz invariant broken: %s\n", what);
    std::abort();
  }
}

inline void CheckDocument(const doc::Document& document) {
  FuzzCheck(!document.id.empty(), "empty id");
  FuzzCheck(!document.raw.empty(), "empty raw");
  FuzzCheck(base::FindInvalidUtf8(document.raw) == std::string_view::npos,
            "raw is not valid UTF-8");
  FuzzCheck(base::FindInvalidUtf8(document.title) == std::string_view::npos,
            "title is not valid UTF-8");
  FuzzCheck(document.raw.find("\n\n\n") == std::string::npos, "more than one blank line");
  FuzzCheck(document.raw.front() != '\n' && document.raw.back() != '\n',
            "raw starts or ends with a newline");
  FuzzCheck(document.published.empty() || document.published.size() == 10,
            "published is not YYYY-MM-DD");
}

inline int FuzzReader(const uint8_t* data, size_t size, std::string_view path_hint, Format format) {
  if (size > kMaxFuzzInputBytes) return 0;
  static const StatusOr<Ingestor> ingestor = Ingestor::Create({});
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ingestor->ReadBytes(
      bytes, path_hint, format, [](doc::Document&& document) { CheckDocument(document); },
      [](const IngestError& error) {
        FuzzCheck(!error.status.ok(), "OK status reported as error");
      },
      [](const IngestError& warning) {
        FuzzCheck(!warning.status.ok(), "OK status reported as warning");
      });
  return 0;
}

}  // namespace khabar::ingest::internal

#endif  // KHABAR_INGEST_INTERNAL_FUZZ_CHECK_H_
