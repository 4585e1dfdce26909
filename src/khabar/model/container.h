// The .khm model container: one file per trained component (tokenizer, tagger, parser,
// NER, lemmatizer) holding a versioned, checksummed header and numbered byte sections.
// docs/formats/model.md is the specification; this header only implements it.
//
//   ModelWriter writer(ComponentKind::kTagger, /*schema_version=*/2, "ud-ewt-2.13");
//   writer.AddSection(kVocabSection, vocab.Release());
//   KH_RETURN_IF_ERROR(writer.WriteToFile("tagger-en-ewt-261121.khm"));
//
//   KH_ASSIGN_OR_RETURN(ModelReader reader,
//                       ModelReader::Load(path, ComponentKind::kTagger, 1, 2));
//   KH_ASSIGN_OR_RETURN(std::string_view vocab, reader.Section(kVocabSection));
//   if (reader.header().schema_version < 2) { /* read the older layout */ }
//
// Section ids are chosen by each component (numbered from 1, never reused).
#ifndef KHABAR_MODEL_CONTAINER_H_
#define KHABAR_MODEL_CONTAINER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"

namespace khabar::model {

// Serialised; never renumber or reuse a value.
enum class ComponentKind : uint32_t {
  kTokenizer = 1,
  kTagger = 2,
  kParser = 3,
  kNer = 4,
  kLemmatizer = 5,
};

// "tokenizer", "tagger", ...; "unknown(<n>)" for values outside the enum.
std::string ComponentKindName(ComponentKind kind);

inline constexpr char kMagic[] = "KHM1";  // 4 bytes on disk, no terminator
// Container layouts this build writes and reads (see the changelog in model.md).
inline constexpr uint32_t kFormatVersion = 1;
inline constexpr uint32_t kMinReadableFormatVersion = 1;
inline constexpr uint32_t kMaxReadableFormatVersion = 1;
// Sections start at multiples of this, so arrays of fixed-width values inside them can be
// read in place. Padding bytes are zero.
inline constexpr uint64_t kSectionAlignment = 8;
// Largest file Load() reads.
inline constexpr uint64_t kMaxModelFileBytes = 1ull << 30;
// UDPipe's sentinel: a one-byte enumerator or revision field inside a section never takes
// this value for a real meaning. An incompatible change writes it followed by a varint32
// revision, so readers built before the change meet an unknown value and fail cleanly.
inline constexpr uint8_t kIncompatibleChangeMarker = 0x7F;

struct ModelHeader {
  uint32_t format_version = kFormatVersion;
  ComponentKind kind = ComponentKind::kTokenizer;
  uint32_t schema_version = 0;   // the component's own layout version
  std::string producer_version;  // "khabar 0.1.0"
  std::string build_date;        // "YYYY-MM-DD", UTC
  std::string training_data;     // e.g. "UD_English-EWT r2.13"
};

// Builds a container in memory. Not thread-safe; owns copies of everything it is given.
class ModelWriter {
 public:
  ModelWriter(ComponentKind kind, uint32_t schema_version, std::string training_data);

  // Overrides the build date (default: today in UTC). Use a fixed date for reproducible
  // files. REQUIRES: the form "YYYY-MM-DD".
  void set_build_date(std::string yyyy_mm_dd);
  // Overrides the producer string (default: "khabar <project version>"); for tests and
  // fixtures that must not change with each release.
  void set_producer_version(std::string producer);

  // Adds a section. Sections are written in the order added. REQUIRES: `section_id` not
  // added before.
  void AddSection(uint32_t section_id, std::string bytes);

  // The complete file contents.
  std::string Serialize() const;
  // Writes Serialize() atomically (base::WriteFile). Unavailable on I/O errors.
  Status WriteToFile(const std::string& path) const;

 private:
  struct Section {
    uint32_t id;
    std::string bytes;
  };
  std::string SerializeHeaderBody(uint64_t first_section_offset) const;

  ModelHeader header_;
  std::vector<Section> sections_;
};

// A validated container. Immutable after construction, so one reader may be shared by
// any number of threads. Move-only; moving keeps the views returned by Section() valid,
// which live as long as the reader that returned them (or the one it was moved into).
class ModelReader {
 public:
  // Validates `bytes` completely: magic, format version range, header checksum, kind,
  // schema range [min_schema, max_schema], section table bounds, order and padding, and
  // every section checksum. Returns InvalidArgument for a file that is well formed but
  // not what was asked for (not a .khm, unsupported version, wrong kind, schema out of
  // range) and DataLoss for a damaged one (truncated, bad checksum, bad table).
  static StatusOr<ModelReader> FromBytes(std::string bytes, ComponentKind expected_kind,
                                         uint32_t min_schema, uint32_t max_schema);
  // Reads `path` (at most kMaxModelFileBytes) then as FromBytes; messages start with path.
  static StatusOr<ModelReader> Load(const std::string& path, ComponentKind expected_kind,
                                    uint32_t min_schema, uint32_t max_schema);

  ModelReader(ModelReader&&) noexcept = default;
  ModelReader& operator=(ModelReader&&) noexcept = default;

  const ModelHeader& header() const { return header_; }
  // The section's bytes, a view into this reader's buffer. NotFound if absent.
  StatusOr<std::string_view> Section(uint32_t section_id) const;
  // Ids of all sections, in file order.
  std::vector<uint32_t> SectionIds() const;

  // One row of the section table.
  struct SectionEntry {
    uint32_t id = 0;
    uint64_t offset = 0;  // from the start of the file
    uint64_t length = 0;
    uint32_t crc32c = 0;
  };

 private:
  ModelReader() = default;
  static StatusOr<ModelReader> Parse(std::string bytes, std::string_view name,
                                     ComponentKind expected_kind, uint32_t min_schema,
                                     uint32_t max_schema);

  std::unique_ptr<const std::string> bytes_;
  ModelHeader header_;
  std::vector<SectionEntry> sections_;
};

}  // namespace khabar::model

#endif  // KHABAR_MODEL_CONTAINER_H_
