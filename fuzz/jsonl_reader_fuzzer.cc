// Fuzz target for the ingest jsonl reader: arbitrary bytes read as jsonl (in memory).
#include <cstddef>
#include <cstdint>

#include "khabar/ingest/internal/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return khabar::ingest::internal::FuzzReader(data, size, "fuzz.jsonl",
                                              khabar::ingest::Format::kJsonl);
}
