// Loads the real Phoenix and PETRARCH validation dictionaries from the data directory
// (base::FindDataDir(), "cameo/"), prints per-file counts, warnings and the load time, and
// checks that the counts are plausible and the warnings few. Labelled `slow`; skipped
// when the data is absent.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "khabar/base/data_dir.h"
#include "khabar/base/status_matchers.h"
#include "khabar/dict/dictionaries.h"

namespace khabar::dict {
namespace {

using ::khabar::testing::IsOk;

std::string CameoDir() {
  StatusOr<std::string> data = base::FindDataDir();
  return data.ok() ? *data + "/cameo" : "";
}

// Loads, prints what was loaded and returns it.
StatusOr<Dictionaries> LoadAndReport(const std::string& dir, const DictionaryFiles& files) {
  auto start = std::chrono::steady_clock::now();
  StatusOr<Dictionaries> loaded = LoadDictionaries(dir, files);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!loaded.ok()) return loaded;
  std::printf("loaded in %.1f ms\n", seconds * 1000);
  for (const FileReport& report : loaded->reports) {
    std::printf("  %-58s %6zu lines %6zu warnings  %s\n", report.file.c_str(), report.lines,
                report.warnings, report.summary.c_str());
  }
  for (const Warning& warning : loaded->warnings) std::printf("%s\n", warning.ToString().c_str());
  return loaded;
}

size_t TotalLines(const Dictionaries& dictionaries) {
  size_t lines = 0;
  for (const FileReport& report : dictionaries.reports) lines += report.lines;
  return lines;
}

TEST(DictionariesSlowTest, PhoenixSetLoadsWithFewWarnings) {
  std::string dir = CameoDir();
  if (dir.empty() || !std::filesystem::exists(dir + "/CAMEO.2.0.txt")) {
    GTEST_SKIP() << "Phoenix dictionaries not found";
  }
  StatusOr<Dictionaries> loaded = LoadAndReport(dir, DictionaryFiles::Phoenix());
  ASSERT_THAT(loaded, IsOk());
  const Dictionaries& phoenix = *loaded;
  EXPECT_GT(phoenix.verbs.blocks().size(), 300u);
  EXPECT_GT(phoenix.verbs.verbs().size(), 1500u);
  EXPECT_GT(phoenix.verbs.patterns().size(), 4000u);
  EXPECT_GT(phoenix.verbs.synsets().size(), 30u);
  EXPECT_GT(phoenix.verbs.transformations().size(), 5u);
  EXPECT_GT(phoenix.actors.ActorCount(0), 15000u);
  EXPECT_GT(phoenix.actors.ActorCount(1), 5000u);
  EXPECT_GT(phoenix.actors.ActorCount(2), 500u);
  EXPECT_GT(phoenix.agents.agents().size(), 2000u);
  EXPECT_GT(phoenix.discards.discards().size(), 400u);
  EXPECT_GT(phoenix.issues.issues().size(), 2000u);
  EXPECT_GT(phoenix.ontology.entries().size(), 200u);
  // Fewer than one warning per 200 lines.
  EXPECT_LT(phoenix.warnings.size() * 200, TotalLines(phoenix));

  // A date-bounded role (the design's example).
  std::vector<std::string_view> tokens = {"president", "sisi", "said"};
  std::vector<PhraseMatch> matches = phoenix.actors.FindActors(tokens);
  ASSERT_FALSE(matches.empty());
  uint32_t sisi = matches.back().values[0];
  EXPECT_EQ(phoenix.actors.CodeOn(sisi, Date{20100101}), "EGYMIL");
  EXPECT_EQ(phoenix.actors.CodeOn(sisi, Date{20150101}), "EGYGOV");
}

TEST(DictionariesSlowTest, ValidationSetLoads) {
  std::string dir = CameoDir();
  if (dir.empty() || !std::filesystem::exists(dir + "/validate")) {
    GTEST_SKIP() << "PETRARCH validation dictionaries not found";
  }
  StatusOr<Dictionaries> loaded = LoadAndReport(dir, DictionaryFiles::Validate());
  ASSERT_THAT(loaded, IsOk());
  EXPECT_GT(loaded->verbs.patterns().size(), 300u);
  EXPECT_GT(loaded->actors.actors().size(), 100u);
  EXPECT_GT(loaded->agents.agents().size(), 50u);
  EXPECT_GT(loaded->discards.discards().size(), 5u);
  EXPECT_GT(loaded->ontology.entries().size(), 200u);
  EXPECT_LT(loaded->warnings.size() * 40, TotalLines(*loaded));
}

}  // namespace
}  // namespace khabar::dict
