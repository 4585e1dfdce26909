#include "khabar/model/container.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string_view>
#include <utility>

#include "khabar/base/check.h"
#include "khabar/base/file.h"
#include "khabar/model/coding.h"
#include "khabar/model/crc32c.h"

#ifndef KH_PROJECT_VERSION
#define KH_PROJECT_VERSION "unknown"
#endif

namespace khabar::model {
namespace {

constexpr std::string_view kMagicBytes(kMagic, 4);
// magic, format_version, header_length.
constexpr size_t kPreambleBytes = 12;
constexpr size_t kHeaderLengthOffset = 8;
constexpr size_t kCrcBytes = 4;
// Smallest table row: varint id (1 byte), fixed64 offset, fixed64 length, fixed32 crc.
constexpr size_t kMinSectionEntryBytes = 1 + 8 + 8 + 4;

using SectionEntry = ModelReader::SectionEntry;

uint64_t AlignUp(uint64_t offset) {
  return (offset + kSectionAlignment - 1) / kSectionAlignment * kSectionAlignment;
}

std::string Hex(uint32_t v) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "0x%08x", v);
  return buffer;
}

std::string TodayUtc() {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day date(today);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

}  // namespace

std::string ComponentKindName(ComponentKind kind) {
  switch (kind) {
    case ComponentKind::kTokenizer:
      return "tokenizer";
    case ComponentKind::kTagger:
      return "tagger";
    case ComponentKind::kParser:
      return "parser";
    case ComponentKind::kNer:
      return "ner";
    case ComponentKind::kLemmatizer:
      return "lemmatizer";
  }
  return "unknown(" + std::to_string(static_cast<uint32_t>(kind)) + ")";
}

// ---------------------------------------------------------------------------------------
// ModelWriter

ModelWriter::ModelWriter(ComponentKind kind, uint32_t schema_version, std::string training_data) {
  header_.kind = kind;
  header_.schema_version = schema_version;
  header_.producer_version = std::string("khabar ") + KH_PROJECT_VERSION;
  header_.build_date = TodayUtc();
  header_.training_data = std::move(training_data);
}

void ModelWriter::set_build_date(std::string yyyy_mm_dd) {
  header_.build_date = std::move(yyyy_mm_dd);
}

void ModelWriter::set_producer_version(std::string producer) {
  header_.producer_version = std::move(producer);
}

void ModelWriter::AddSection(uint32_t section_id, std::string bytes) {
  KH_CHECK(std::none_of(sections_.begin(), sections_.end(),
                        [section_id](const Section& s) { return s.id == section_id; }));
  sections_.push_back({section_id, std::move(bytes)});
}

std::string ModelWriter::SerializeHeaderBody(uint64_t first_section_offset) const {
  Encoder body;
  body.PutVarint32(static_cast<uint32_t>(header_.kind));
  body.PutVarint32(header_.schema_version);
  body.PutString(header_.producer_version);
  body.PutString(header_.build_date);
  body.PutString(header_.training_data);
  body.PutVarint32(static_cast<uint32_t>(sections_.size()));
  uint64_t offset = first_section_offset;
  for (const Section& section : sections_) {
    offset = AlignUp(offset);
    body.PutVarint32(section.id);
    body.PutFixed64(offset);
    body.PutFixed64(section.bytes.size());
    body.PutFixed32(Crc32c(section.bytes));
    offset += section.bytes.size();
  }
  return body.Release();
}

std::string ModelWriter::Serialize() const {
  // Offsets and lengths are fixed-width, so the body's size does not depend on them.
  const size_t body_size = SerializeHeaderBody(0).size();
  const uint64_t header_end = kPreambleBytes + body_size + kCrcBytes;
  Encoder out;
  out.PutBytes(kMagicBytes);
  out.PutFixed32(kFormatVersion);
  out.PutFixed32(static_cast<uint32_t>(body_size));
  out.PutBytes(SerializeHeaderBody(header_end));
  out.PutFixed32(Crc32c(out.data()));
  for (const Section& section : sections_) {
    out.PutBytes(std::string(AlignUp(out.size()) - out.size(), '\0'));
    out.PutBytes(section.bytes);
  }
  return out.Release();
}

Status ModelWriter::WriteToFile(const std::string& path) const {
  return base::WriteFile(path, Serialize());
}

// ---------------------------------------------------------------------------------------
// ModelReader validation, in file order. Each step assumes the previous ones passed.
namespace {

// Checks magic and format version; returns the end of the header body.
StatusOr<uint64_t> CheckPreamble(std::string_view bytes) {
  if (bytes.size() < kMagicBytes.size() && kMagicBytes.starts_with(bytes)) {
    return DataLossError("truncated: " + std::to_string(bytes.size()) + " bytes");
  }
  if (!bytes.starts_with(kMagicBytes)) return InvalidArgumentError("not a .khm file (bad magic)");
  if (bytes.size() < kPreambleBytes) {
    return DataLossError("truncated preamble: " + std::to_string(bytes.size()) + " bytes");
  }
  const uint32_t version = DecodeFixed32(bytes.data() + kMagicBytes.size());
  if (version < kMinReadableFormatVersion || version > kMaxReadableFormatVersion) {
    return InvalidArgumentError("unsupported format version " + std::to_string(version) +
                                " (this build reads " + std::to_string(kMinReadableFormatVersion) +
                                " to " + std::to_string(kMaxReadableFormatVersion) + ")");
  }
  const uint64_t body_end = kPreambleBytes + DecodeFixed32(bytes.data() + kHeaderLengthOffset);
  if (body_end + kCrcBytes > bytes.size()) {
    return DataLossError("truncated header: needs " + std::to_string(body_end + kCrcBytes) +
                         " bytes, file has " + std::to_string(bytes.size()));
  }
  const uint32_t stored = DecodeFixed32(bytes.data() + body_end);
  const uint32_t computed = Crc32c(bytes.substr(0, body_end));
  if (stored != computed) {
    return DataLossError("header checksum mismatch (stored " + Hex(stored) + ", computed " +
                         Hex(computed) + ")");
  }
  return body_end;
}

Status ParseHeaderFields(Decoder* in, ModelHeader* header) {
  uint32_t kind;
  std::string_view producer, date, training;
  if (!in->GetVarint32(&kind) || !in->GetVarint32(&header->schema_version) ||
      !in->GetString(&producer) || !in->GetString(&date) || !in->GetString(&training)) {
    return DataLossError("malformed header fields");
  }
  header->kind = static_cast<ComponentKind>(kind);
  header->producer_version = producer;
  header->build_date = date;
  header->training_data = training;
  return Status();
}

// Reads the section table; later format revisions may append fields after it.
StatusOr<std::vector<SectionEntry>> ParseSectionTable(Decoder* in) {
  uint32_t count;
  if (!in->GetVarint32(&count)) return DataLossError("malformed section count");
  // Bound the allocation by the bytes actually present.
  if (count > in->remaining() / kMinSectionEntryBytes) {
    return DataLossError("section count " + std::to_string(count) + " exceeds the header size");
  }
  std::vector<SectionEntry> entries(count);
  for (SectionEntry& entry : entries) {
    if (!in->GetVarint32(&entry.id) || !in->GetFixed64(&entry.offset) ||
        !in->GetFixed64(&entry.length) || !in->GetFixed32(&entry.crc32c)) {
      return DataLossError("malformed section table");
    }
  }
  return entries;
}

Status CheckIdentity(const ModelHeader& header, ComponentKind expected_kind, uint32_t min_schema,
                     uint32_t max_schema) {
  if (header.kind != expected_kind) {
    return InvalidArgumentError("holds a " + ComponentKindName(header.kind) + " model, expected " +
                                ComponentKindName(expected_kind));
  }
  if (header.schema_version < min_schema || header.schema_version > max_schema) {
    return InvalidArgumentError(ComponentKindName(header.kind) + " schema version " +
                                std::to_string(header.schema_version) + " is outside the range " +
                                std::to_string(min_schema) + " to " + std::to_string(max_schema) +
                                " this build reads");
  }
  return Status();
}

Status CheckUniqueIds(const std::vector<SectionEntry>& entries) {
  std::vector<uint32_t> ids;
  ids.reserve(entries.size());
  for (const SectionEntry& entry : entries) ids.push_back(entry.id);
  std::sort(ids.begin(), ids.end());
  auto duplicate = std::adjacent_find(ids.begin(), ids.end());
  if (duplicate != ids.end()) {
    return DataLossError("section " + std::to_string(*duplicate) + " appears twice");
  }
  return Status();
}

// Sections must follow the header in table order, each at the next aligned offset after
// the previous one, with zero padding and no trailing bytes; so every byte is checked.
Status CheckLayout(std::string_view bytes, uint64_t header_end,
                   const std::vector<SectionEntry>& entries) {
  uint64_t end = header_end;
  for (const SectionEntry& entry : entries) {
    const std::string where = "section " + std::to_string(entry.id) + ": ";
    if (entry.offset != AlignUp(end)) {
      return DataLossError(where + "offset " + std::to_string(entry.offset) + ", expected " +
                           std::to_string(AlignUp(end)));
    }
    if (entry.offset > bytes.size() || entry.length > bytes.size() - entry.offset) {
      return DataLossError(where + "extends past the end of the file (" +
                           std::to_string(bytes.size()) + " bytes)");
    }
    const std::string_view padding = bytes.substr(end, entry.offset - end);
    if (padding.find_first_not_of('\0') != std::string_view::npos) {
      return DataLossError(where + "non-zero padding");
    }
    end = entry.offset + entry.length;
  }
  if (end != bytes.size()) {
    return DataLossError(std::to_string(bytes.size() - end) + " unexpected trailing bytes");
  }
  return Status();
}

Status CheckSectionCrcs(std::string_view bytes, const std::vector<SectionEntry>& entries) {
  for (const SectionEntry& entry : entries) {
    const uint32_t computed = Crc32c(bytes.substr(entry.offset, entry.length));
    if (computed != entry.crc32c) {
      return DataLossError("section " + std::to_string(entry.id) + ": checksum mismatch (stored " +
                           Hex(entry.crc32c) + ", computed " + Hex(computed) + ")");
    }
  }
  return Status();
}

}  // namespace

StatusOr<ModelReader> ModelReader::Parse(std::string bytes, std::string_view name,
                                         ComponentKind expected_kind, uint32_t min_schema,
                                         uint32_t max_schema) {
  const std::string_view view(bytes);
  StatusOr<uint64_t> body_end = CheckPreamble(view);
  if (!body_end.ok()) return body_end.status().WithPrefix(name);
  Decoder in(view.substr(kPreambleBytes, *body_end - kPreambleBytes));
  ModelReader reader;
  reader.header_.format_version = DecodeFixed32(view.data() + kMagicBytes.size());
  Status status = ParseHeaderFields(&in, &reader.header_);
  if (status.ok()) status = CheckIdentity(reader.header_, expected_kind, min_schema, max_schema);
  if (!status.ok()) return status.WithPrefix(name);
  StatusOr<std::vector<SectionEntry>> entries = ParseSectionTable(&in);
  if (!entries.ok()) return entries.status().WithPrefix(name);
  status = CheckUniqueIds(*entries);
  if (status.ok()) status = CheckLayout(view, *body_end + kCrcBytes, *entries);
  if (status.ok()) status = CheckSectionCrcs(view, *entries);
  if (!status.ok()) return status.WithPrefix(name);
  reader.sections_ = std::move(entries).value();
  reader.bytes_ = std::make_unique<const std::string>(std::move(bytes));
  return reader;
}

StatusOr<ModelReader> ModelReader::FromBytes(std::string bytes, ComponentKind expected_kind,
                                             uint32_t min_schema, uint32_t max_schema) {
  return Parse(std::move(bytes), "<memory>", expected_kind, min_schema, max_schema);
}

StatusOr<ModelReader> ModelReader::Load(const std::string& path, ComponentKind expected_kind,
                                        uint32_t min_schema, uint32_t max_schema) {
  KH_ASSIGN_OR_RETURN(std::string bytes, base::ReadFile(path, kMaxModelFileBytes));
  return Parse(std::move(bytes), path, expected_kind, min_schema, max_schema);
}

StatusOr<std::string_view> ModelReader::Section(uint32_t section_id) const {
  for (const SectionEntry& entry : sections_) {
    if (entry.id == section_id) {
      return std::string_view(*bytes_).substr(entry.offset, entry.length);
    }
  }
  return NotFoundError("no section " + std::to_string(section_id) + " in this " +
                       ComponentKindName(header_.kind) + " model");
}

std::vector<uint32_t> ModelReader::SectionIds() const {
  std::vector<uint32_t> ids;
  ids.reserve(sections_.size());
  for (const SectionEntry& entry : sections_) ids.push_back(entry.id);
  return ids;
}

}  // namespace khabar::model
