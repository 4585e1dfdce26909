// Fuzz target for the ingest html reader: arbitrary bytes read as html (in memory).
#include <cstddef>
#include <cstdint>

#include "khabar/ingest/internal/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return khabar::ingest::internal::FuzzReader(data, size, "fuzz.html",
                                              khabar::ingest::Format::kHtml);
}
