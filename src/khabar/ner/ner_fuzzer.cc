// Fuzzes the NER model loader (Recognizer::FromBytes). An input is one of:
//  * a whole .khm file (it starts with "KHM1"): loaded as given, which exercises the
//    container, kind and schema checks, then again with every checksum recomputed, so that
//    mutations of the header fields and inside the sections reach the section decoders;
//  * anything else: cut at each "\xFF\xFE" into up to six parts that become sections 1..6
//    of a valid NER container (an empty part leaves its section out).
// A model that loads must label sentences (labels below kLabelCount, confidences in [0, 1])
// and serialise to bytes that load again and serialise the same. Corpus: fuzz/corpus/ner_model.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/model/coding.h"
#include "khabar/model/container.h"
#include "khabar/model/crc32c.h"
#include "khabar/ner/recognizer.h"

namespace {

using khabar::model::Crc32c;
using khabar::model::DecodeFixed32;
using khabar::model::Decoder;
using khabar::model::EncodeFixed32;

constexpr size_t kMaxInputBytes = 1 << 16;
constexpr size_t kPreambleBytes = 12;  // magic, format version, header length
constexpr uint32_t kSectionCount = 6;

// Recomputes the section CRCs in the table of the header body [body_begin, body_end)
// (best effort: stops at the first malformed row), as tagger_model_fuzzer does.
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

// Sections 1..kSectionCount of a valid NER container, cut from `input` at "\xFF\xFE".
std::string ContainerFromParts(std::string_view input) {
  khabar::model::ModelWriter writer(khabar::model::ComponentKind::kNer,
                                    khabar::ner::kNerSchemaVersion, "fuzz");
  writer.set_build_date("2026-11-21");
  for (uint32_t section = 1; section <= kSectionCount && !input.empty(); ++section) {
    const size_t cut = input.find("\xFF\xFE");
    const std::string_view part = input.substr(0, cut);
    if (!part.empty()) writer.AddSection(section, std::string(part));
    input = cut == std::string_view::npos ? std::string_view() : input.substr(cut + 2);
  }
  return writer.Serialize();
}

void CheckLabels(const khabar::ner::Recognizer& model,
                 const std::vector<khabar::ner::NerWord>& words) {
  std::vector<khabar::ner::BioLabel> labels(words.size());
  std::vector<float> confidence(words.size());
  khabar::ner::NerScratch scratch;
  model.Label(words, scratch, labels, confidence);
  for (size_t word_idx = 0; word_idx < words.size(); ++word_idx) {
    if (static_cast<uint32_t>(labels[word_idx]) >= khabar::ner::kLabelCount) std::abort();
    if (!(confidence[word_idx] >= 0.0f && confidence[word_idx] <= 1.0f)) std::abort();
  }
}

void Check(std::string bytes) {
  auto recognizer = khabar::ner::Recognizer::FromBytes(std::move(bytes));
  if (!recognizer.ok()) return;
  const khabar::ner::Recognizer& model = **recognizer;
  using khabar::doc::Upos;
  CheckLabels(model, {{"Khalifa", Upos::kPropn, "NNP"},
                      {"Haftar", Upos::kPropn, "NNP"},
                      {"met", Upos::kVerb, "VBD"},
                      {"officials", Upos::kNoun, "NNS"},
                      {"of", Upos::kAdp, "IN"},
                      {"the", Upos::kDet, "DT"},
                      {"New", Upos::kPropn, "NNP"},
                      {"York", Upos::kPropn, "NNP"},
                      {"", Upos::kNone, ""},
                      {"CITY", Upos::kX, "XX"},
                      {".", Upos::kPunct, "."}});
  CheckLabels(model, {{"x", Upos::kNone, ""}});
  CheckLabels(model, {});
  // Whatever loads must survive a save and load unchanged.
  const std::string saved = model.Serialize("fuzz", "2026-11-21");
  auto again = khabar::ner::Recognizer::FromBytes(saved);
  if (!again.ok() || (*again)->Serialize("fuzz", "2026-11-21") != saved) std::abort();
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
