// Fuzz target for the ingest text reader: arbitrary bytes read as text (in memory).
#include <cstddef>
#include <cstdint>

#include "khabar/ingest/internal/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return khabar::ingest::internal::FuzzReader(data, size, "fuzz.txt",
                                              khabar::ingest::Format::kText);
}
