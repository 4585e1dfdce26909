// The main of every khabar test program.
//
// ctest runs each test case of a program as its own process, two at a time
// or more. Tests write models and dictionaries under ::testing::TempDir() or
// std::filesystem::temp_directory_path(), often with fixed names, so two
// processes could overwrite each other's files. This main gives every process
// a private directory, points TEST_TMPDIR and TMPDIR at it (both read by the
// two functions above), and removes it when the tests end.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace {

std::string MakePrivateTempDir() {
  const char* parent = std::getenv("TMPDIR");
  std::string pattern = std::string(parent != nullptr && *parent != '\0' ? parent : "/tmp") +
                        "/khabar-test-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) return {};
  return pattern;
}

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  const std::string dir = MakePrivateTempDir();
  if (!dir.empty()) {
    ::setenv("TEST_TMPDIR", dir.c_str(), 1);
    ::setenv("TMPDIR", dir.c_str(), 1);
  }
  const int result = RUN_ALL_TESTS();
  if (!dir.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
  return result;
}
