#include "khabar/model/crc32c.h"

#include <gtest/gtest.h>

#include <string>

namespace khabar::model {
namespace {

std::string Repeat(char byte, size_t n) { return std::string(n, byte); }

std::string Ascending(size_t n) {
  std::string bytes;
  for (size_t idx = 0; idx < n; ++idx) bytes.push_back(static_cast<char>(idx));
  return bytes;
}

struct Vector {
  std::string bytes;
  uint32_t crc;
};

// RFC 3720 appendix B.4 plus the customary check value.
TEST(Crc32cTest, MatchesPublishedVectors) {
  const Vector vectors[] = {
      {"", 0x00000000},
      {"123456789", 0xE3069283},
      {Repeat('\0', 32), 0x8A9136AA},
      {Repeat('\xff', 32), 0x62A8AB43},
      {Ascending(32), 0x46DD794E},
  };
  for (const Vector& vector : vectors) {
    EXPECT_EQ(Crc32c(vector.bytes), vector.crc) << "length " << vector.bytes.size();
  }
}

TEST(Crc32cTest, ExtendEqualsWholeAtEverySplit) {
  const std::string bytes = Ascending(61) + "khabar model container";
  const uint32_t whole = Crc32c(bytes);
  for (size_t split = 0; split <= bytes.size(); ++split) {
    std::string_view view(bytes);
    EXPECT_EQ(Crc32cExtend(Crc32c(view.substr(0, split)), view.substr(split)), whole) << split;
  }
}

TEST(Crc32cTest, UnalignedInputGivesSameResult) {
  const std::string padded = "x" + Ascending(100);
  EXPECT_EQ(Crc32c(std::string_view(padded).substr(1)), Crc32c(Ascending(100)));
}

}  // namespace
}  // namespace khabar::model
