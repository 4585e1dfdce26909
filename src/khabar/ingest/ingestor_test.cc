#include "khabar/ingest/ingestor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "khabar/base/status_matchers.h"
#include "khabar/ingest/internal/collect_for_test.h"
#include "khabar/ingest/near_duplicate.h"

namespace khabar::ingest {
namespace {

using internal::CollectBytes;
using internal::Collected;
using internal::CollectPath;
using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct FormatCase {
  const char* path;
  const char* bytes;
  Format format;
};

class DetectFormatTest : public ::testing::TestWithParam<FormatCase> {};

TEST_P(DetectFormatTest, UsesExtensionThenSniffing) {
  EXPECT_EQ(DetectFormat(GetParam().path, GetParam().bytes), GetParam().format)
      << GetParam().path << " " << GetParam().bytes;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DetectFormatTest,
    ::testing::Values(FormatCase{"a.jsonl", "whatever", Format::kJsonl},
                      FormatCase{"a.NDJSON", "", Format::kJsonl},
                      FormatCase{"a.htm", "plain", Format::kHtml},
                      FormatCase{"a.atom", "", Format::kFeed},
                      FormatCase{"a.xml", "<?xml version='1.0'?>\n<rss version='2.0'>",
                                 Format::kFeed},
                      FormatCase{"a.xml", "<?xml version='1.0'?><feed xmlns='x'>", Format::kFeed},
                      FormatCase{"a.txt", "The council met.", Format::kText},
                      FormatCase{"a.txt", "<!DOCTYPE html><html>", Format::kHtml},
                      FormatCase{"a.txt", "{ looks like json }", Format::kText},
                      FormatCase{"noext", "\xEF\xBB\xBF  {\"text\":\"x\"}", Format::kJsonl},
                      FormatCase{"noext", "<html><body>", Format::kHtml},
                      FormatCase{"noext", "Just words.", Format::kText}));

TEST(IngestErrorTest, ToStringNamesLineOrByte) {
  EXPECT_EQ((IngestError{"a.jsonl", 3, 99, InvalidArgumentError("bad")}).ToString(),
            "a.jsonl:3: bad");
  EXPECT_EQ((IngestError{"a.txt", 0, 12, DataLossError("bad")}).ToString(), "a.txt: byte 12: bad");
  EXPECT_EQ((IngestError{"a.txt", 0, 0, InvalidArgumentError("empty file")}).ToString(),
            "a.txt: empty file");
}

TEST(IngestorTest, PlainTextDocument) {
  Collected got = CollectBytes(
      "Council approves budget\n\nCouncil approves budget\nPublished: 4 June 2018\n"
      "The council approved the budget on Monday.\n2 min read\nThe vote was close.\n",
      "news/0042_budget.txt");
  EXPECT_THAT(got.ErrorStrings(), ::testing::IsEmpty());
  ASSERT_EQ(got.documents.size(), 1u);
  const doc::Document& document = got.documents[0];
  EXPECT_EQ(document.id, "0042_budget");
  EXPECT_EQ(document.title, "Council approves budget");
  EXPECT_EQ(document.published, "2018-06-04");
  EXPECT_EQ(document.published_from, doc::DateSource::kDateline);
  EXPECT_EQ(document.raw, "The council approved the budget on Monday.\n\nThe vote was close.");
  EXPECT_EQ(document.source_path, "news/0042_budget.txt");
}

struct BadFileCase {
  std::string bytes;
  const char* message;
};

class BadFileTest : public ::testing::TestWithParam<BadFileCase> {};

TEST_P(BadFileTest, IsReportedAndProducesNothing) {
  Collected got = CollectBytes(GetParam().bytes, "in/bad.txt");
  EXPECT_TRUE(got.documents.empty());
  EXPECT_THAT(got.ErrorStrings(), ElementsAre(std::string("in/bad.txt: ") + GetParam().message));
}

INSTANTIATE_TEST_SUITE_P(
    Errors, BadFileTest,
    ::testing::Values(BadFileCase{"", "empty file"}, BadFileCase{" \n\t\n", "empty file"},
                      BadFileCase{std::string("PK\x03\x04\0\0binary", 12), "binary file"},
                      BadFileCase{"Comments are closed.\n", "no article text"}));

TEST(IngestorTest, InvalidUtf8IsRepairedAndReportedAsWarning) {
  Collected got = CollectBytes("The caf\xE9 reopened.\n\nIt was \xFF\xFE busy.", "u.txt");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].raw,
            "The caf\xEF\xBF\xBD reopened.\n\nIt was \xEF\xBF\xBD\xEF\xBF\xBD busy.");
  EXPECT_THAT(got.WarningStrings(),
              ElementsAre("u.txt: byte 7: invalid UTF-8 replaced with U+FFFD",
                          "u.txt: byte 27: invalid UTF-8 replaced with U+FFFD",
                          "u.txt: byte 28: invalid UTF-8 replaced with U+FFFD"));
  ASSERT_EQ(got.documents[0].diagnostics.size(), 3u);
  EXPECT_EQ(got.documents[0].diagnostics[0].byte_offset, 7u);
}

TEST(IngestorTest, FileOverTheLimitIsRejected) {
  StatusOr<Ingestor> ingestor = Ingestor::Create({.max_file_bytes = 10});
  ASSERT_THAT(ingestor, IsOk());
  Collected got = CollectBytes(*ingestor, "Eleven bytes", "big.txt");
  EXPECT_THAT(got.ErrorStrings(), ElementsAre("big.txt: larger than the limit of 10 bytes"));
}

TEST(IngestorTest, PlainTextHeadlineBecomesTheTitle) {
  Collected got = CollectBytes(
      "Ferry service resumes to the outer islands\n\nThe first ferry in a month left the port "
      "on Friday.\n\nIt carried food and fuel.",
      "ferry.txt");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].title, "Ferry service resumes to the outer islands");
  EXPECT_EQ(got.documents[0].raw,
            "The first ferry in a month left the port on Friday.\n\nIt carried food and fuel.");
}

TEST(IngestorTest, PlainTextFirstSentenceIsNotATitle) {
  Collected got = CollectBytes(
      "The first ferry in a month left the port on Friday.\n\nIt carried food and fuel.",
      "ferry.txt");
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].title, "");
  EXPECT_EQ(got.documents[0].raw,
            "The first ferry in a month left the port on Friday.\n\nIt carried food and fuel.");
}

TEST(IngestorTest, SyndicatedCopiesGetTheSameFingerprint) {
  std::string body =
      "The river authority opened the new dam on Saturday after six years of work.\n\n"
      "Officials said the reservoir would supply water to three towns in the dry season.\n\n"
      "Farmers downstream complained that the flow of the river had already dropped.\n\n"
      "The authority said it would release water each spring to protect the fields.\n\n"
      "A second dam is planned further north, the minister told reporters at the site.";
  Collected original = CollectBytes(
      "2 min read\n\n" + body + "\n\nFollow us on Twitter: @river_news", "river/one.txt");
  Collected copy = CollectBytes(
      "Share this article\n\n" + body + "\n\nThis article was originally published by River News.",
      "river/two.txt");
  ASSERT_EQ(original.documents.size(), 1u);
  ASSERT_EQ(copy.documents.size(), 1u);
  EXPECT_EQ(original.documents[0].content_hash, copy.documents[0].content_hash);
  EXPECT_EQ(original.documents[0].minhash, copy.documents[0].minhash);
  MinHashSignature signature{};
  EXPECT_TRUE(ParseSignature(original.documents[0].minhash, &signature));
}

TEST(IngestorTest, CopyWithItsOwnHeadlineIsANearDuplicate) {
  std::string body =
      "The river authority opened the new dam on Saturday after six years of work.\n\n"
      "Officials said the reservoir would supply water to three towns in the dry season.\n\n"
      "Farmers downstream complained that the flow of the river had already dropped.";
  Collected original = CollectBytes("Dam opens after six years\n\n" + body, "one.txt");
  Collected copy =
      CollectBytes(body + "\n\nThe minister said a second dam was planned.", "two.txt");
  ASSERT_EQ(original.documents.size(), 1u);
  ASSERT_EQ(copy.documents.size(), 1u);
  EXPECT_EQ(original.documents[0].title, "Dam opens after six years");
  MinHashSignature first{}, second{};
  ASSERT_TRUE(ParseSignature(original.documents[0].minhash, &first));
  ASSERT_TRUE(ParseSignature(copy.documents[0].minhash, &second));
  NearDuplicateIndex index;
  index.Add("one", first);
  EXPECT_EQ(index.FindNear(second), "one");
}

class IngestorDirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() /
            ("khabar_ingest_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_ / "sub");
    std::filesystem::create_directories(root_ / ".hidden");
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  void Write(const std::string& name, const std::string& bytes) {
    std::ofstream(root_ / name, std::ios::binary) << bytes;
  }
  std::string Path(const std::string& name) const { return (root_ / name).string(); }

  std::filesystem::path root_;
};

TEST_F(IngestorDirectoryTest, WalksSortedAndSkipsSidecarsReadmesAndHiddenFiles) {
  Write("b.txt", "Second story.");
  Write("sub/a.txt", "Nested story.");
  Write("a.txt", "First story.");
  Write("README.md", "# About this corpus");
  Write("extra.meta.jsonl", "{\"file\":\"a.txt\"}");
  Write("meta.jsonl",
        "{\"file\":\"a.txt\",\"outlet\":\"Valley Courier\",\"published\":\"2020-01-02\","
        "\"title\":\"First\"}\n");
  Write(".hidden/x.txt", "Hidden story.");
  Write("empty.txt", "");
  StatusOr<Ingestor> ingestor = Ingestor::Create({.meta_path = Path("meta.jsonl")});
  ASSERT_THAT(ingestor, IsOk());
  Collected got = CollectPath(*ingestor, root_.string());
  std::vector<std::string> ids;
  for (const doc::Document& document : got.documents) ids.push_back(document.id);
  EXPECT_THAT(ids, ElementsAre("a", "b", "a"));
  EXPECT_EQ(got.documents[0].outlet, "Valley Courier");
  EXPECT_EQ(got.documents[0].published_from, doc::DateSource::kSidecar);
  EXPECT_EQ(got.documents[1].outlet, "");
  EXPECT_THAT(got.ErrorStrings(), ElementsAre(Path("empty.txt") + ": empty file"));
}

TEST_F(IngestorDirectoryTest, ExplicitFileIsReadEvenIfNamedReadme) {
  Write("README.md", "About this corpus.");
  StatusOr<Ingestor> ingestor = Ingestor::Create({});
  Collected got = CollectPath(*ingestor, Path("README.md"));
  ASSERT_EQ(got.documents.size(), 1u);
}

TEST_F(IngestorDirectoryTest, InputMetadataBeatsTheSidecar) {
  Write("meta.jsonl",
        "{\"file\":\"n.jsonl\",\"outlet\":\"Sidecar Outlet\",\"title\":\"Sidecar title\","
        "\"published\":\"2000-01-01\",\"url\":\"https://example.org/s\"}\n");
  Write("n.jsonl", "{\"source\":\"Input Outlet\",\"date\":\"2021-01-01\",\"text\":\"Body.\"}\n");
  StatusOr<Ingestor> ingestor = Ingestor::Create({.meta_path = Path("meta.jsonl")});
  ASSERT_THAT(ingestor, IsOk());
  Collected got = CollectPath(*ingestor, Path("n.jsonl"));
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].outlet, "Input Outlet");
  EXPECT_EQ(got.documents[0].published, "2021-01-01");
  EXPECT_EQ(got.documents[0].published_from, doc::DateSource::kInput);
  EXPECT_EQ(got.documents[0].title, "Sidecar title");
  EXPECT_EQ(got.documents[0].url, "https://example.org/s");
}

TEST_F(IngestorDirectoryTest, SidecarDateBeatsTheDateline) {
  Write("meta.jsonl", "{\"file\":\"d.txt\",\"published\":\"2000-01-01\"}\n");
  Write("d.txt", "11 May 2019\n\nThe council met.");
  StatusOr<Ingestor> ingestor = Ingestor::Create({.meta_path = Path("meta.jsonl")});
  Collected got = CollectPath(*ingestor, Path("d.txt"));
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].published, "2000-01-01");
  EXPECT_EQ(got.documents[0].raw, "The council met.");
}

TEST_F(IngestorDirectoryTest, SidecarTitleBeatsThePlainTextHeadline) {
  Write("meta.jsonl", "{\"file\":\"f.txt\",\"title\":\"Islands get supplies\"}\n");
  Write("f.txt", "Ferry service resumes\n\nThe first ferry left on Friday.");
  StatusOr<Ingestor> ingestor = Ingestor::Create({.meta_path = Path("meta.jsonl")});
  ASSERT_THAT(ingestor, IsOk());
  Collected got = CollectPath(*ingestor, Path("f.txt"));
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].title, "Islands get supplies");
  EXPECT_EQ(got.documents[0].raw, "Ferry service resumes\n\nThe first ferry left on Friday.");
}

TEST_F(IngestorDirectoryTest, BadSidecarFailsCreateWithFileAndLine) {
  Write("meta.jsonl", "{\"file\":\"a.txt\"}\n{oops}\n");
  EXPECT_THAT(Ingestor::Create({.meta_path = Path("meta.jsonl")}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("meta.jsonl:2: malformed JSON")));
  EXPECT_THAT(Ingestor::Create({.meta_path = Path("missing.jsonl")}),
              StatusIs(StatusCode::kNotFound, HasSubstr("missing.jsonl")));
}

TEST_F(IngestorDirectoryTest, MissingPathAndOversizedFileAreErrors) {
  Write("big.txt", std::string(100, 'x'));
  StatusOr<Ingestor> ingestor = Ingestor::Create({.max_file_bytes = 50});
  Collected got = CollectPath(*ingestor, Path("big.txt"));
  EXPECT_THAT(got.ErrorStrings(),
              ElementsAre(Path("big.txt") + ": larger than the limit of 50 bytes"));
  got = CollectPath(*ingestor, Path("nope"));
  EXPECT_THAT(got.ErrorStrings(), ElementsAre(Path("nope") + ": no such file or directory"));
}

}  // namespace
}  // namespace khabar::ingest
