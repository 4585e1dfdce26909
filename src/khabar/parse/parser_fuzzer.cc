// Fuzzes the parser model loader (Parser::FromBytes). An input is one of:
//  * a whole .khm file (it starts with "KHM1"): loaded as given, which exercises the
//    container, kind and schema checks, then again with every checksum recomputed, so that
//    mutations of the header fields and inside the sections reach the section decoders;
//  * anything else: cut at each "\xFF\xFE" into up to three parts that become sections
//    1..3 of a valid container (an empty part leaves its section out).
// A model that loads must parse sentences into trees (heads in range, labels below the
// label count, one word on the root) and save to bytes that load again into the same model.
// Corpus: fuzz/corpus/parser_model.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/model/coding.h"
#include "khabar/model/container.h"
#include "khabar/model/crc32c.h"
#include "khabar/parse/parser.h"

namespace {

using khabar::model::Crc32c;
using khabar::model::DecodeFixed32;
using khabar::model::Decoder;
using khabar::model::EncodeFixed32;

constexpr size_t kMaxInputBytes = 1 << 16;
constexpr size_t kPreambleBytes = 12;  // magic, format version, header length
constexpr uint32_t kSectionCount = 3;

// Recomputes the section CRCs in the table of the header body [body_begin, body_end)
// (best effort: stops at the first malformed row), as model_loader_fuzzer does.
void RepairSectionCrcs(std::string& bytes, size_t body_begin, size_t body_end) {
  Decoder in(std::string_view(bytes).substr(body_begin, body_end - body_begin));
  uint32_t skip32 = 0, count = 0;
  std::string_view skip;
  if (!in.GetVarint32(&skip32) || !in.GetVarint32(&skip32) || !in.GetString(&skip) ||
      !in.GetString(&skip) || !in.GetString(&skip) || !in.GetVarint32(&count)) {
    return;
  }
  for (uint32_t row = 0; row < count; ++row) {
    uint64_t offset = 0, length = 0;
    uint32_t crc = 0;
    if (!in.GetVarint32(&skip32) || !in.GetFixed64(&offset) || !in.GetFixed64(&length)) return;
    const size_t crc_at = body_begin + in.position();
    if (!in.GetFixed32(&crc)) return;
    if (offset > bytes.size() || length > bytes.size() - offset) continue;
    EncodeFixed32(bytes.data() + crc_at, Crc32c(std::string_view(bytes).substr(offset, length)));
  }
}

// Makes every checksum of a .khm file correct where its framing allows it.
void RepairChecksums(std::string& bytes) {
  if (bytes.size() < kPreambleBytes) return;
  const uint64_t body_end = kPreambleBytes + DecodeFixed32(bytes.data() + 8);
  if (body_end + 4 > bytes.size()) return;
  RepairSectionCrcs(bytes, kPreambleBytes, body_end);
  EncodeFixed32(bytes.data() + body_end, Crc32c(std::string_view(bytes).substr(0, body_end)));
}

// Sections 1..kSectionCount of a valid parser container, cut from `input` at "\xFF\xFE".
std::string ContainerFromParts(std::string_view input) {
  khabar::model::ModelWriter writer(khabar::model::ComponentKind::kParser,
                                    khabar::parse::kParserSchemaVersion, "fuzz");
  writer.set_build_date("2026-11-21");
  for (uint32_t section = 1; section <= kSectionCount && !input.empty(); ++section) {
    const size_t cut = input.find("\xFF\xFE");
    const std::string_view part = input.substr(0, cut);
    if (!part.empty()) writer.AddSection(section, std::string(part));
    input = cut == std::string_view::npos ? std::string_view() : input.substr(cut + 2);
  }
  return writer.Serialize();
}

void ParseAndCheck(const khabar::parse::Parser& parser,
                   const std::vector<khabar::parse::Word>& words,
                   khabar::parse::ParseScratch& scratch) {
  std::vector<int32_t> heads(words.size());
  std::vector<uint16_t> labels(words.size());
  parser.Parse(words, scratch, heads, labels);
  size_t roots = 0;
  for (size_t word_idx = 0; word_idx < words.size(); ++word_idx) {
    if (heads[word_idx] < 0 || heads[word_idx] > static_cast<int32_t>(words.size()) ||
        heads[word_idx] == static_cast<int32_t>(word_idx + 1) ||
        labels[word_idx] >= parser.label_count()) {
      std::abort();
    }
    roots += heads[word_idx] == 0 ? 1 : 0;
  }
  if (!words.empty() && roots != 1) std::abort();
}

void Check(std::string bytes) {
  auto parser = khabar::parse::Parser::FromBytes(std::move(bytes));
  if (!parser.ok()) return;
  khabar::parse::ParseScratch scratch;
  ParseAndCheck(*parser,
                {{"Rebels", 1, 1}, {"seized", 2, 2}, {"Derna", 65535, 65535}, {".", 0, 0}},
                scratch);
  ParseAndCheck(*parser, {{"Cats", parser->UposId("NOUN"), parser->XposId("NNS")}}, scratch);
  ParseAndCheck(*parser, {}, scratch);
  // Whatever loads must survive a save and load unchanged. Skipped for tables above 2^20
  // floats (the largest, 2^26, takes seconds under ASan and runs the same code).
  if (parser->parts().hash_bits > 20) return;
  auto again = khabar::parse::Parser::FromBytes(parser->Serialize("fuzz"));
  if (!again.ok()) std::abort();
  const khabar::parse::ParserParts& before = parser->parts();
  const khabar::parse::ParserParts& after = again->parts();
  if (after.upos_names != before.upos_names || after.xpos_names != before.xpos_names ||
      after.label_names != before.label_names || after.root_label != before.root_label ||
      after.hash_bits != before.hash_bits || after.weights.size() != before.weights.size()) {
    std::abort();
  }
  for (size_t idx = 0; idx < before.weights.size(); ++idx) {
    // Bit for bit (NaN included), except that -0 is saved as an absent entry, i.e. +0.
    if (before.weights[idx] == 0.0f && after.weights[idx] == 0.0f) continue;
    if (std::memcmp(&before.weights[idx], &after.weights[idx], sizeof(float)) != 0) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (input.starts_with(std::string_view(khabar::model::kMagic, 4))) {
    std::string bytes(input);
    Check(bytes);
    RepairChecksums(bytes);
    Check(std::move(bytes));
  } else {
    Check(ContainerFromParts(input));
  }
  return 0;
}
