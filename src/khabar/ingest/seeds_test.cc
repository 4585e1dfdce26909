// Runs the Ingestor over the sample articles in ../shared/corpus/seeds (outside the repository;
// their text is never copied here). Skipped when the directory is absent.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "khabar/base/data_dir.h"
#include "khabar/base/status_matchers.h"
#include "khabar/ingest/ingestor.h"
#include "khabar/ingest/near_duplicate.h"
#include "khabar/ingest/sidecar.h"

namespace khabar::ingest {
namespace {

using ::khabar::testing::IsOk;
using ::testing::HasSubstr;
using ::testing::Not;

// The seeds sit beside the data directory (base::FindDataDir): <data>/../corpus/seeds.
// Empty when there is no data directory; the tests then skip.
std::string SeedsDir() {
  StatusOr<std::string> data = base::FindDataDir();
  return data.ok() ? *data + "/../corpus/seeds" : std::string();
}

struct SeedRun {
  std::vector<doc::Document> documents;
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
};

SeedRun ReadSeeds(const std::string& meta_path) {
  StatusOr<Ingestor> ingestor = Ingestor::Create({.meta_path = meta_path});
  EXPECT_THAT(ingestor, IsOk());
  SeedRun run;
  if (!ingestor.ok()) return run;
  ingestor->ReadPath(
      SeedsDir(), [&](doc::Document&& document) { run.documents.push_back(std::move(document)); },
      [&](const IngestError& error) { run.errors.push_back(error.ToString()); },
      [&](const IngestError& warning) { run.warnings.push_back(warning.ToString()); });
  return run;
}

class SeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(SeedsDir() + "/articles.meta.jsonl")) GTEST_SKIP() << "no seeds";
  }
};

TEST_F(SeedsTest, SidecarSuppliesMetadataAndBoilerplateIsGone) {
  SeedRun run = ReadSeeds(SeedsDir() + "/articles.meta.jsonl");
  EXPECT_THAT(run.errors, ::testing::IsEmpty());
  EXPECT_THAT(run.warnings, ::testing::IsEmpty());
  ASSERT_EQ(run.documents.size(), 5u);
  for (const doc::Document& document : run.documents) {
    SCOPED_TRACE(document.id);
    EXPECT_FALSE(document.outlet.empty());
    EXPECT_FALSE(document.title.empty());
    EXPECT_EQ(document.published.size(), 10u);
    EXPECT_EQ(document.published_from, doc::DateSource::kSidecar);
    EXPECT_THAT(document.raw, Not(HasSubstr("Follow us on Twitter")));
    EXPECT_THAT(document.raw, Not(HasSubstr("2 min read")));
    EXPECT_THAT(document.raw, Not(HasSubstr("\nRead: ")));
    EXPECT_THAT(document.raw, Not(HasSubstr("READ: ")));
    EXPECT_THAT(document.raw, Not(HasSubstr("Comments are closed.")));
    EXPECT_THAT(document.raw, Not(HasSubstr("\n\n\n")));
    EXPECT_NE(document.raw.substr(0, document.title.size()), document.title);
  }
}

TEST_F(SeedsTest, DatelinesGiveTheDateWithoutASidecar) {
  SeedRun run = ReadSeeds("");
  ASSERT_EQ(run.documents.size(), 5u);
  std::map<std::string, std::string> dateline_dates;
  for (const doc::Document& document : run.documents) {
    if (document.published_from == doc::DateSource::kDateline) {
      dateline_dates[document.id.substr(0, 3)] = document.published;
    }
  }
  EXPECT_EQ(dateline_dates["001"], "2019-05-11");
  EXPECT_EQ(dateline_dates["004"], "2019-05-30");
}

TEST_F(SeedsTest, PrintSummary) {
  SeedRun run = ReadSeeds(SeedsDir() + "/articles.meta.jsonl");
  std::vector<MinHashSignature> signatures;
  for (const doc::Document& document : run.documents) {
    std::printf(
        "%s | %s | %s | %s (%s, %s) | %zu bytes\n", document.id.c_str(), document.outlet.c_str(),
        document.title.c_str(), document.published.c_str(), document.published_precision.c_str(),
        std::string(doc::DateSourceName(document.published_from)).c_str(), document.raw.size());
    signatures.emplace_back();
    EXPECT_TRUE(ParseSignature(document.minhash, &signatures.back()));
  }
  for (size_t first = 0; first < run.documents.size(); ++first) {
    for (size_t second = first + 1; second < run.documents.size(); ++second) {
      std::printf("estimated Jaccard %s-%s: %.3f\n", run.documents[first].id.substr(0, 3).c_str(),
                  run.documents[second].id.substr(0, 3).c_str(),
                  EstimateJaccard(signatures[first], signatures[second]));
    }
  }
}

}  // namespace
}  // namespace khabar::ingest
