#include "khabar/base/data_dir.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "khabar/base/status_matchers.h"

namespace khabar::base {
namespace {

using ::khabar::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value, 1);
  }
  ~ScopedEnv() {
    if (old_.empty()) {
      ::unsetenv(name_);
    } else {
      ::setenv(name_, old_.c_str(), 1);
    }
  }

 private:
  const char* name_;
  std::string old_;
};

TEST(DataDirTest, EnvironmentWinsAlone) {
  ScopedEnv env("KHABAR_DATA", "/nonexistent/khabar-data");
  EXPECT_THAT(DataDirSearchPath(), ElementsAre("/nonexistent/khabar-data"));
  EXPECT_THAT(FindDataDir(), StatusIs(StatusCode::kNotFound, HasSubstr("KHABAR_DATA")));
}

TEST(DataDirTest, ModelsDirDefaultsToModels) {
  ScopedEnv env("KHABAR_MODELS", "/tmp/m");
  EXPECT_EQ(ModelsDir(), "/tmp/m");
}

}  // namespace
}  // namespace khabar::base
