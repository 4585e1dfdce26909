// Fuzzes the word-level CoNLL-U reader: any input either fails cleanly or parses, and a
// parsed treebank written back parses again to the same text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "khabar/treebank/conllu.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  constexpr size_t kMaxInputBytes = 1 << 16;
  if (size > kMaxInputBytes) return 0;
  auto parsed = khabar::treebank::Treebank::Parse(
      std::string(reinterpret_cast<const char*>(data), size), "fuzz");
  if (!parsed.ok()) return 0;
  std::string written = khabar::treebank::WriteTreebank(*parsed);
  auto reparsed = khabar::treebank::Treebank::Parse(written, "fuzz");
  if (!reparsed.ok() || khabar::treebank::WriteTreebank(*reparsed) != written) std::abort();
  return 0;
}
