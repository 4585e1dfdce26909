#include "khabar/model/coding.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

namespace khabar::model {
namespace {

TEST(CodingTest, FixedWidthIsLittleEndian) {
  Encoder out;
  out.PutFixed32(0x04030201);
  out.PutFixed64(0x0807060504030201ull);
  EXPECT_EQ(out.data(), std::string("\x01\x02\x03\x04\x01\x02\x03\x04\x05\x06\x07\x08", 12));
  Decoder in(out.data());
  uint32_t v32;
  uint64_t v64;
  ASSERT_TRUE(in.GetFixed32(&v32));
  ASSERT_TRUE(in.GetFixed64(&v64));
  EXPECT_EQ(v32, 0x04030201u);
  EXPECT_EQ(v64, 0x0807060504030201ull);
  EXPECT_TRUE(in.done());
}

TEST(CodingTest, Varint32RoundTripsBoundaryValues) {
  const uint32_t values[] = {
      0, 1, 127, 128, 16383, 16384, (1u << 28) - 1, 1u << 28, std::numeric_limits<uint32_t>::max()};
  const size_t sizes[] = {1, 1, 1, 2, 2, 3, 4, 5, 5};
  for (size_t idx = 0; idx < std::size(values); ++idx) {
    Encoder out;
    out.PutVarint32(values[idx]);
    EXPECT_EQ(out.size(), sizes[idx]) << values[idx];
    Decoder in(out.data());
    uint32_t decoded = 0;
    ASSERT_TRUE(in.GetVarint32(&decoded));
    EXPECT_EQ(decoded, values[idx]);
    EXPECT_TRUE(in.done());
  }
}

TEST(CodingTest, Varint64RoundTripsBoundaryValues) {
  const uint64_t values[] = {
      0, 127, 128, (1ull << 35) - 1, 1ull << 63, std::numeric_limits<uint64_t>::max()};
  for (uint64_t value : values) {
    Encoder out;
    out.PutVarint64(value);
    Decoder in(out.data());
    uint64_t decoded = 0;
    ASSERT_TRUE(in.GetVarint64(&decoded));
    EXPECT_EQ(decoded, value);
    EXPECT_TRUE(in.done());
  }
  Encoder max;
  max.PutVarint64(std::numeric_limits<uint64_t>::max());
  EXPECT_EQ(max.size(), kMaxVarint64Bytes);
}

TEST(CodingTest, TruncatedVarintFailsAndKeepsPosition) {
  Encoder out;
  out.PutVarint64(std::numeric_limits<uint64_t>::max());
  for (size_t length = 0; length < out.size(); ++length) {
    Decoder in(std::string_view(out.data()).substr(0, length));
    uint64_t v64;
    uint32_t v32;
    EXPECT_FALSE(in.GetVarint64(&v64)) << length;
    EXPECT_FALSE(in.GetVarint32(&v32)) << length;
    EXPECT_EQ(in.position(), 0u);
  }
}

TEST(CodingTest, OverlongOrOverflowingVarintFails) {
  struct Case {
    std::string bytes;
    bool ok32;
    bool ok64;
  };
  const Case cases[] = {
      {std::string("\xff\xff\xff\xff\x0f", 5), true, true},       // UINT32_MAX
      {std::string("\xff\xff\xff\xff\x10", 5), false, true},      // 2^32: too big for 32 bits
      {std::string("\x80\x80\x80\x80\x80\x00", 6), false, true},  // six bytes
      {std::string("\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 10), false, true},  // UINT64_MAX
      {std::string("\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02", 10), false, false},
      {std::string("\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x00", 11), false, false},
  };
  for (const Case& c : cases) {
    uint32_t v32;
    uint64_t v64;
    EXPECT_EQ(Decoder(c.bytes).GetVarint32(&v32), c.ok32) << c.bytes.size();
    EXPECT_EQ(Decoder(c.bytes).GetVarint64(&v64), c.ok64) << c.bytes.size();
  }
}

TEST(CodingTest, FloatKeepsExactBits) {
  const float values[] = {0.0f, -0.0f, 1.5f, std::numeric_limits<float>::denorm_min(),
                          std::numeric_limits<float>::infinity()};
  for (float value : values) {
    Encoder out;
    out.PutFloat(value);
    float decoded = 0;
    ASSERT_TRUE(Decoder(out.data()).GetFloat(&decoded));
    EXPECT_EQ(std::signbit(decoded), std::signbit(value));
    EXPECT_EQ(decoded, value);
  }
  Encoder nan;
  nan.PutFloat(std::numeric_limits<float>::quiet_NaN());
  float decoded = 0;
  ASSERT_TRUE(Decoder(nan.data()).GetFloat(&decoded));
  EXPECT_TRUE(std::isnan(decoded));
}

TEST(CodingTest, StringRoundTripAndTruncation) {
  Encoder out;
  out.PutString("");
  out.PutString(std::string("a\0b", 3));
  Decoder in(out.data());
  std::string_view s;
  ASSERT_TRUE(in.GetString(&s));
  EXPECT_EQ(s, "");
  ASSERT_TRUE(in.GetString(&s));
  EXPECT_EQ(s, std::string_view("a\0b", 3));
  EXPECT_TRUE(in.done());

  Decoder short_in(std::string_view(out.data()).substr(0, out.size() - 1));
  ASSERT_TRUE(short_in.GetString(&s));
  const size_t before = short_in.position();
  EXPECT_FALSE(short_in.GetString(&s));
  EXPECT_EQ(short_in.position(), before);
}

TEST(CodingTest, StringLengthLargerThanInputFails) {
  Encoder out;
  out.PutVarint32(std::numeric_limits<uint32_t>::max());
  out.PutBytes("abc");
  std::string_view s;
  Decoder in(out.data());
  EXPECT_FALSE(in.GetString(&s));
  EXPECT_EQ(in.position(), 0u);
  EXPECT_EQ(in.remaining(), out.size());
}

TEST(CodingTest, FixedReadsPastEndFail) {
  Decoder in(std::string_view("\x01\x02\x03", 3));
  uint32_t v32;
  uint64_t v64;
  float f;
  EXPECT_FALSE(in.GetFixed32(&v32));
  EXPECT_FALSE(in.GetFixed64(&v64));
  EXPECT_FALSE(in.GetFloat(&f));
  EXPECT_FALSE(in.Skip(4));
  EXPECT_TRUE(in.Skip(3));
  EXPECT_TRUE(in.done());
}

TEST(CodingTest, ReleaseEmptiesEncoder) {
  Encoder out;
  out.PutVarint32(300);
  EXPECT_EQ(out.Release(), std::string("\xac\x02", 2));
  EXPECT_EQ(out.size(), 0u);
}

}  // namespace
}  // namespace khabar::model
