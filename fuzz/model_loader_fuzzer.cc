// Fuzzes ModelReader::FromBytes. Each input is tried twice: as given, which mostly
// exercises the checks up to the first checksum, and after its checksums are recomputed,
// so the fuzzer also reaches the header fields, the section table and the layout checks.
// A reader that accepts an input must serve every section it lists.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include "khabar/model/coding.h"
#include "khabar/model/container.h"
#include "khabar/model/crc32c.h"

namespace {

using khabar::model::ComponentKind;
using khabar::model::Crc32c;
using khabar::model::DecodeFixed32;
using khabar::model::Decoder;
using khabar::model::EncodeFixed32;
using khabar::model::ModelReader;

constexpr size_t kMaxInputBytes = 1 << 16;
constexpr size_t kPreambleBytes = 12;

// Rewrites each section CRC in the table at `body` (best effort, stops at the first
// malformed row). Rows are: varint id, fixed64 offset, fixed64 length, fixed32 crc.
void RepairSectionCrcs(std::string* bytes, size_t body_begin, size_t body_end) {
  Decoder in(std::string_view(*bytes).substr(body_begin, body_end - body_begin));
  uint32_t skip32, count;
  std::string_view skip;
  if (!in.GetVarint32(&skip32) || !in.GetVarint32(&skip32) || !in.GetString(&skip) ||
      !in.GetString(&skip) || !in.GetString(&skip) || !in.GetVarint32(&count)) {
    return;
  }
  for (uint32_t row = 0; row < count; ++row) {
    uint64_t offset, length;
    uint32_t crc;
    if (!in.GetVarint32(&skip32) || !in.GetFixed64(&offset) || !in.GetFixed64(&length)) return;
    const size_t crc_at = body_begin + in.position();
    if (!in.GetFixed32(&crc)) return;
    if (offset > bytes->size() || length > bytes->size() - offset) continue;
    EncodeFixed32(bytes->data() + crc_at, Crc32c(std::string_view(*bytes).substr(offset, length)));
  }
}

// Makes every checksum in `bytes` correct where the framing allows it.
void RepairChecksums(std::string* bytes) {
  if (bytes->size() < kPreambleBytes) return;
  const uint64_t body_end = kPreambleBytes + DecodeFixed32(bytes->data() + 8);
  if (body_end + 4 > bytes->size()) return;
  RepairSectionCrcs(bytes, kPreambleBytes, body_end);
  EncodeFixed32(bytes->data() + body_end, Crc32c(std::string_view(*bytes).substr(0, body_end)));
}

// The kind stored in the header, so that inputs get past the kind check.
ComponentKind StoredKind(std::string_view bytes) {
  Decoder in(bytes.substr(std::min(bytes.size(), kPreambleBytes)));
  uint32_t kind = 1;
  if (!in.GetVarint32(&kind)) kind = 1;
  return static_cast<ComponentKind>(kind);
}

void Check(std::string bytes) {
  const ComponentKind kind = StoredKind(bytes);
  auto reader = ModelReader::FromBytes(std::move(bytes), kind, 0, UINT32_MAX);
  if (!reader.ok()) return;
  for (uint32_t id : reader->SectionIds()) {
    auto section = reader->Section(id);
    if (!section.ok()) std::abort();  // listed but not served: a loader bug
    volatile size_t sink = section->size();
    (void)sink;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return 0;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  Check(bytes);
  (void)ModelReader::FromBytes(bytes, ComponentKind::kTokenizer, 1, 1);
  RepairChecksums(&bytes);
  Check(std::move(bytes));
  return 0;
}
