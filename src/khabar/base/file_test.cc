#include "khabar/base/file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "khabar/base/status_matchers.h"

namespace khabar::base {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class FileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("khabar_file_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_ / "sub");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const std::string& name) { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

TEST_F(FileTest, WriteThenRead) {
  ASSERT_THAT(WriteFile(Path("a.txt"), "hello"), IsOk());
  StatusOr<std::string> contents = ReadFile(Path("a.txt"), 100);
  ASSERT_THAT(contents, IsOk());
  EXPECT_EQ(*contents, "hello");
}

TEST_F(FileTest, SizeLimitNamesThePath) {
  ASSERT_THAT(WriteFile(Path("big.txt"), std::string(1000, 'x')), IsOk());
  EXPECT_THAT(ReadFile(Path("big.txt"), 999),
              StatusIs(StatusCode::kResourceExhausted, HasSubstr("big.txt")));
}

TEST_F(FileTest, MissingFileIsNotFound) {
  EXPECT_THAT(ReadFile(Path("none"), 10), StatusIs(StatusCode::kNotFound, HasSubstr("none")));
}

TEST_F(FileTest, ListsRecursivelySortedSkippingHidden) {
  ASSERT_THAT(WriteFile(Path("b.txt"), "b"), IsOk());
  ASSERT_THAT(WriteFile(Path("sub/a.txt"), "a"), IsOk());
  ASSERT_THAT(WriteFile(Path(".hidden"), "h"), IsOk());
  StatusOr<std::vector<std::string>> files = ListFilesRecursive(dir_.string());
  ASSERT_THAT(files, IsOk());
  EXPECT_THAT(*files, ElementsAre(Path("b.txt"), Path("sub/a.txt")));
}

}  // namespace
}  // namespace khabar::base
