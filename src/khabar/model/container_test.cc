#include "khabar/model/container.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "khabar/base/file.h"
#include "khabar/base/status_matchers.h"
#include "khabar/model/coding.h"
#include "khabar/model/crc32c.h"
#include "khabar/model/internal/seed_corpus.h"

namespace khabar::model {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

constexpr ComponentKind kKind = ComponentKind::kTagger;

std::string SampleModel() {
  ModelWriter writer(kKind, 3, "UD_English-EWT r2.13");
  writer.set_build_date("2026-11-21");
  writer.AddSection(7, "vocabulary");
  writer.AddSection(2, "");
  writer.AddSection(9, std::string(13, '\xab'));
  return writer.Serialize();
}

StatusOr<ModelReader> Read(std::string bytes) {
  return ModelReader::FromBytes(std::move(bytes), kKind, 1, 5);
}

// A container from a hand-made header body and payload, with a correct header checksum.
std::string Assemble(std::string_view body, std::string_view payload) {
  Encoder out;
  out.PutBytes(std::string_view(kMagic, 4));
  out.PutFixed32(kFormatVersion);
  out.PutFixed32(static_cast<uint32_t>(body.size()));
  out.PutBytes(body);
  out.PutFixed32(Crc32c(out.data()));
  out.PutBytes(payload);
  return out.Release();
}

Encoder BodyPrefix(uint32_t section_count) {
  Encoder body;
  body.PutVarint32(static_cast<uint32_t>(kKind));
  body.PutVarint32(3);
  body.PutString("p");
  body.PutString("2026-11-21");
  body.PutString("t");
  body.PutVarint32(section_count);
  return body;
}

TEST(ModelContainerTest, RoundTripKeepsHeaderAndSections) {
  StatusOr<ModelReader> reader = Read(SampleModel());
  ASSERT_THAT(reader, IsOk());
  const ModelHeader& header = reader->header();
  EXPECT_EQ(header.format_version, kFormatVersion);
  EXPECT_EQ(header.kind, kKind);
  EXPECT_EQ(header.schema_version, 3u);
  EXPECT_THAT(header.producer_version, StartsWith("khabar "));
  EXPECT_EQ(header.build_date, "2026-11-21");
  EXPECT_EQ(header.training_data, "UD_English-EWT r2.13");
  EXPECT_THAT(reader->SectionIds(), ElementsAre(7, 2, 9));
  EXPECT_EQ(*reader->Section(7), "vocabulary");
  EXPECT_EQ(*reader->Section(2), "");
  EXPECT_EQ(*reader->Section(9), std::string(13, '\xab'));
}

TEST(ModelContainerTest, SectionsAreAlignedAndSurviveMove) {
  StatusOr<ModelReader> reader = Read(SampleModel());
  ASSERT_THAT(reader, IsOk());
  std::string_view vocab = *reader->Section(7);
  std::string_view blob = *reader->Section(9);
  EXPECT_EQ((blob.data() - vocab.data()) % kSectionAlignment, 0);
  ModelReader moved = std::move(reader).value();
  EXPECT_EQ(moved.Section(7)->data(), vocab.data());
  EXPECT_EQ(vocab, "vocabulary");
}

TEST(ModelContainerTest, EmptyModelRoundTrips) {
  ModelWriter writer(ComponentKind::kNer, 0, "");
  StatusOr<ModelReader> reader =
      ModelReader::FromBytes(writer.Serialize(), ComponentKind::kNer, 0, 0);
  ASSERT_THAT(reader, IsOk());
  EXPECT_TRUE(reader->SectionIds().empty());
  EXPECT_THAT(reader->header().build_date, MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}"));
}

TEST(ModelContainerTest, MissingSectionIsNotFound) {
  StatusOr<ModelReader> reader = Read(SampleModel());
  ASSERT_THAT(reader, IsOk());
  EXPECT_THAT(reader->Section(8), StatusIs(StatusCode::kNotFound, HasSubstr("section 8")));
}

TEST(ModelContainerTest, EveryTruncationIsDataLoss) {
  const std::string bytes = SampleModel();
  for (size_t length = 0; length < bytes.size(); ++length) {
    EXPECT_THAT(Read(bytes.substr(0, length)), StatusIs(StatusCode::kDataLoss, HasSubstr("")))
        << "length " << length;
  }
}

TEST(ModelContainerTest, EveryFlippedBitIsRejected) {
  const std::string bytes = SampleModel();
  constexpr size_t kIdentityBytes = 8;  // magic and format version
  for (size_t byte_idx = 0; byte_idx < bytes.size(); ++byte_idx) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string damaged = bytes;
      damaged[byte_idx] = static_cast<char>(damaged[byte_idx] ^ (1 << bit));
      const StatusCode expected =
          byte_idx < kIdentityBytes ? StatusCode::kInvalidArgument : StatusCode::kDataLoss;
      EXPECT_THAT(Read(std::move(damaged)), StatusIs(expected, HasSubstr("")))
          << "byte " << byte_idx << " bit " << bit;
    }
  }
}

TEST(ModelContainerTest, SectionChecksumMismatchNamesSection) {
  std::string bytes = SampleModel();
  bytes.back() = static_cast<char>(bytes.back() ^ 1);
  EXPECT_THAT(Read(bytes), StatusIs(StatusCode::kDataLoss, HasSubstr("section 9: checksum")));
}

TEST(ModelContainerTest, WrongKindIsInvalidArgument) {
  EXPECT_THAT(
      ModelReader::FromBytes(SampleModel(), ComponentKind::kParser, 0, 100),
      StatusIs(StatusCode::kInvalidArgument, HasSubstr("holds a tagger model, expected parser")));
}

TEST(ModelContainerTest, SchemaOutsideRangeIsInvalidArgument) {
  EXPECT_THAT(ModelReader::FromBytes(SampleModel(), kKind, 4, 9),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("schema version 3")));
  EXPECT_THAT(ModelReader::FromBytes(SampleModel(), kKind, 0, 2),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("schema version 3")));
  EXPECT_THAT(ModelReader::FromBytes(SampleModel(), kKind, 3, 3), IsOk());
}

TEST(ModelContainerTest, NotAContainerIsInvalidArgument) {
  EXPECT_THAT(Read("{\"json\": true}"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("bad magic")));
}

TEST(ModelContainerTest, NewerFormatVersionIsInvalidArgument) {
  std::string bytes = SampleModel();
  EncodeFixed32(bytes.data() + 4, kMaxReadableFormatVersion + 1);
  EXPECT_THAT(Read(bytes),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("unsupported format version 2")));
}

TEST(ModelContainerTest, TrailingBytesAreDataLoss) {
  EXPECT_THAT(Read(SampleModel() + "x"),
              StatusIs(StatusCode::kDataLoss, HasSubstr("trailing bytes")));
}

TEST(ModelContainerTest, HugeSectionCountFailsBeforeAllocating) {
  Encoder body = BodyPrefix(0xFFFFFFFF);
  EXPECT_THAT(Read(Assemble(body.data(), "")),
              StatusIs(StatusCode::kDataLoss, HasSubstr("exceeds the header size")));
}

TEST(ModelContainerTest, SectionPastEndOfFileIsDataLoss) {
  Encoder body = BodyPrefix(1);
  body.PutVarint32(1);
  // Preamble, body so far, the rest of this entry (offset, length, crc), header CRC.
  const uint64_t header_end = 12 + body.size() + 8 + 8 + 4 + 4;
  body.PutFixed64((header_end + 7) / 8 * 8);
  body.PutFixed64(0xFFFFFFFFFFFFFFF0ull);
  body.PutFixed32(0);
  EXPECT_THAT(Read(Assemble(body.data(), std::string(16, '\0'))),
              StatusIs(StatusCode::kDataLoss, HasSubstr("past the end")));
}

TEST(ModelContainerTest, DuplicateSectionIdIsDataLoss) {
  Encoder body = BodyPrefix(2);
  for (int copy = 0; copy < 2; ++copy) {
    body.PutVarint32(4);
    body.PutFixed64(0);
    body.PutFixed64(0);
    body.PutFixed32(0);
  }
  EXPECT_THAT(Read(Assemble(body.data(), "")),
              StatusIs(StatusCode::kDataLoss, HasSubstr("section 4 appears twice")));
}

TEST(ModelContainerTest, UnknownHeaderFieldsAfterTableAreIgnored) {
  Encoder body = BodyPrefix(0);
  body.PutString("a field added by a later compatible revision");
  StatusOr<ModelReader> reader = Read(Assemble(body.data(), ""));
  ASSERT_THAT(reader, IsOk());
  EXPECT_EQ(reader->header().training_data, "t");
}

TEST(ModelContainerTest, FileRoundTripAndErrorsNamePath) {
  const std::string dir = ::testing::TempDir();
  const std::string path = dir + "/model_container_test.khm";
  ModelWriter writer(kKind, 1, "fixture");
  writer.AddSection(1, "payload");
  ASSERT_THAT(writer.WriteToFile(path), IsOk());
  StatusOr<ModelReader> reader = ModelReader::Load(path, kKind, 1, 1);
  ASSERT_THAT(reader, IsOk());
  EXPECT_EQ(*reader->Section(1), "payload");

  ASSERT_THAT(base::WriteFile(path, writer.Serialize().substr(0, 20)), IsOk());
  EXPECT_THAT(ModelReader::Load(path, kKind, 1, 1),
              StatusIs(StatusCode::kDataLoss, StartsWith(path + ": truncated")));
  EXPECT_THAT(ModelReader::Load(dir + "/absent.khm", kKind, 1, 1),
              StatusIs(StatusCode::kNotFound, HasSubstr("absent.khm")));
  std::filesystem::remove(path);
}

// The committed seed corpus doubles as the binary fixture for each past format version:
// this build must keep reading them. KH_UPDATE_CORPUS=1 rewrites the files.
TEST(ModelContainerTest, SeedCorpusIsUpToDate) {
  const std::string dir = std::string(KH_SOURCE_DIR) + "/fuzz/corpus/model_loader/";
  const bool update = std::getenv("KH_UPDATE_CORPUS") != nullptr;
  for (const internal::SeedFile& seed : internal::SeedCorpus()) {
    if (update) {
      ASSERT_THAT(base::WriteFile(dir + seed.name, seed.bytes), IsOk());
    }
    StatusOr<std::string> stored = base::ReadFile(dir + seed.name, 1 << 16);
    ASSERT_THAT(stored, IsOk());
    EXPECT_EQ(*stored, seed.bytes) << seed.name << " is stale; rerun with KH_UPDATE_CORPUS=1";
    StatusOr<ModelReader> reader = ModelReader::Load(dir + seed.name, seed.kind, 0, UINT32_MAX);
    EXPECT_EQ(reader.ok(), seed.valid) << seed.name << ": " << reader.status().ToString();
  }
}

}  // namespace
}  // namespace khabar::model
