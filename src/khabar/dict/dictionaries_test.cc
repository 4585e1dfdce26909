#include "khabar/dict/dictionaries.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "khabar/base/file.h"
#include "khabar/base/status_matchers.h"

namespace khabar::dict {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::HasSubstr;

// A tiny invented dictionary set written to a temporary directory.
class DictionariesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/dict_test_set";
    std::filesystem::create_directories(dir_);
    Write("verbs.txt",
          "&ANIMAL\n+HORSE\n--- RIDE [080] ---\nRIDE {RIDES RODE RIDING RIDDEN}\n"
          "- * &ANIMAL (TO +) [081]\n");
    Write("a.actors.txt", "NORTHMARK [NMK]\n+NORTHMARKER\n");
    Write("b.actors.txt", "SOUTHMARK [SMK]\n\t[SMKGOV >200101]\n");
    Write("agents.txt", "RIDER [~MIL]\n");
    Write("discards.txt", "+DERBY\n");
    Write("issues.txt", "n:horse [HORSES]\n");
    Write("pico.txt", "080:0x0200\n081:0x020B\n");
    files_.verbs = "verbs.txt";
    files_.actors = {"a.actors.txt", "b.actors.txt"};
    files_.agents = "agents.txt";
    files_.discards = "discards.txt";
    files_.issues = "issues.txt";
    files_.ontology = "pico.txt";
  }

  void Write(const std::string& name, std::string_view text) {
    ASSERT_THAT(base::WriteFile(dir_ + "/" + name, text), IsOk());
  }

  std::string dir_;
  DictionaryFiles files_;
};

TEST_F(DictionariesTest, LoadsEveryFileAndReports) {
  StatusOr<Dictionaries> loaded = LoadDictionaries(dir_, files_);
  ASSERT_THAT(loaded, IsOk());
  EXPECT_TRUE(loaded->warnings.empty());
  EXPECT_EQ(loaded->verbs.patterns().size(), 1u);
  EXPECT_EQ(loaded->actors.actors().size(), 2u);
  EXPECT_EQ(loaded->agents.agents().size(), 1u);
  EXPECT_EQ(loaded->discards.discards().size(), 1u);
  EXPECT_EQ(loaded->issues.issues().size(), 1u);
  EXPECT_EQ(loaded->ontology.Find("081"), 0x020B);
  ASSERT_EQ(loaded->reports.size(), 7u);
  EXPECT_EQ(loaded->reports[0].file, "verbs.txt");
  EXPECT_EQ(loaded->reports[0].summary,
            "1 blocks, 1 verbs (5 forms), 1 patterns, 1 synsets, 0 transformations");
  EXPECT_EQ(loaded->reports[2].file, "b.actors.txt");
  EXPECT_EQ(loaded->reports[2].entries, 1u);
  EXPECT_EQ(loaded->reports[2].lines, 2u);
}

TEST_F(DictionariesTest, WarningsNameFilesRelativeToTheDirectory) {
  Write("b.actors.txt", "SOUTHMARK [SMK]\n\t[SMKGOV >2001]\n");
  StatusOr<Dictionaries> loaded = LoadDictionaries(dir_, files_);
  ASSERT_THAT(loaded, IsOk());
  ASSERT_EQ(loaded->warnings.size(), 1u);
  EXPECT_EQ(loaded->warnings[0].ToString(), "b.actors.txt:2: bad date \"2001\"; code skipped");
  EXPECT_EQ(loaded->reports[2].warnings, 1u);
}

TEST_F(DictionariesTest, EmptyNamesAreSkippedAndMissingFilesFail) {
  DictionaryFiles only_agents;
  only_agents.agents = "agents.txt";
  StatusOr<Dictionaries> loaded = LoadDictionaries(dir_, only_agents);
  ASSERT_THAT(loaded, IsOk());
  EXPECT_EQ(loaded->reports.size(), 1u);
  files_.issues = "missing.txt";
  EXPECT_THAT(LoadDictionaries(dir_, files_),
              StatusIs(StatusCode::kNotFound, HasSubstr("missing.txt")));
}

TEST_F(DictionariesTest, BinaryFilesAreRefused) {
  Write("agents.txt", std::string("RIDER\0\0\0 [~MIL]\n", 17));
  EXPECT_THAT(LoadDictionaries(dir_, files_),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("binary")));
}

}  // namespace
}  // namespace khabar::dict
