// Fuzz target for the sidecar (--meta) parser: arbitrary bytes parsed as sidecar JSONL.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "khabar/ingest/internal/fuzz_check.h"
#include "khabar/ingest/sidecar.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using khabar::ingest::internal::FuzzCheck;
  if (size > khabar::ingest::internal::kMaxFuzzInputBytes) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  khabar::StatusOr<khabar::ingest::Sidecar> sidecar =
      khabar::ingest::Sidecar::Parse(bytes, "fuzz.meta.jsonl");
  if (!sidecar.ok()) {
    FuzzCheck(sidecar.status().message().starts_with("fuzz.meta.jsonl:"),
              "error does not name file:line");
    return 0;
  }
  if (const khabar::ingest::SidecarEntry* entry = sidecar->Find("a.txt")) {
    FuzzCheck(entry->published.empty() || entry->published.size() == 10,
              "published is not YYYY-MM-DD");
  }
  return 0;
}
