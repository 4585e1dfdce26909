// Fuzzes the parser model loader past the container checksums: the input is cut at each
// "\xFF\xFE" into up to three parts that become sections 1..3 of a valid container, which
// Parser::FromBytes then decodes. A model that loads must parse a sentence into a tree.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/model/container.h"
#include "khabar/parse/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  constexpr size_t kMaxInputBytes = 1 << 16;
  constexpr uint32_t kSectionCount = 3;
  if (size > kMaxInputBytes) return 0;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  khabar::model::ModelWriter writer(khabar::model::ComponentKind::kParser,
                                    khabar::parse::kParserSchemaVersion, "fuzz");
  writer.set_build_date("2026-11-21");
  for (uint32_t section = 1; section <= kSectionCount && !input.empty(); ++section) {
    const size_t cut = input.find("\xFF\xFE");
    const std::string_view part = input.substr(0, cut);
    if (!part.empty()) writer.AddSection(section, std::string(part));
    input = cut == std::string_view::npos ? std::string_view() : input.substr(cut + 2);
  }
  auto parser = khabar::parse::Parser::FromBytes(writer.Serialize());
  if (!parser.ok()) return 0;
  const std::vector<khabar::parse::Word> words = {
      {"Rebels", 1, 1}, {"seized", 2, 2}, {"Derna", 65535, 65535}, {".", 0, 0}};
  std::vector<int32_t> heads(words.size());
  std::vector<uint16_t> labels(words.size());
  khabar::parse::ParseScratch scratch;
  parser->Parse(words, scratch, heads, labels);
  for (size_t word_idx = 0; word_idx < words.size(); ++word_idx) {
    if (heads[word_idx] < 0 || labels[word_idx] >= parser->label_count()) std::abort();
  }
  return 0;
}
