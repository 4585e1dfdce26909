#include "khabar/base/status.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "khabar/base/status_matchers.h"

namespace khabar {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;
using ::testing::HasSubstr;

TEST(StatusTest, DefaultIsOkAndCostsOneWord) {
  Status status;
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.ToString(), "OK");
  EXPECT_EQ(sizeof(Status), sizeof(void*));
}

TEST(StatusTest, ErrorCarriesCodeAndMessage) {
  Status status = DataLossError("model.khm: bad checksum");
  EXPECT_THAT(status, StatusIs(StatusCode::kDataLoss, HasSubstr("checksum")));
  EXPECT_EQ(status.ToString(), "DataLoss: model.khm: bad checksum");
}

TEST(StatusTest, CopyIsDeep) {
  Status original = NotFoundError("a");
  Status copy = original;
  original = Status();
  EXPECT_EQ(copy.message(), "a");
}

TEST(StatusTest, WithPrefixKeepsCode) {
  Status status = InvalidArgumentError("expected '{'").WithPrefix("feed.jsonl:3");
  EXPECT_THAT(status, StatusIs(StatusCode::kInvalidArgument, "feed.jsonl:3: expected '{'"));
  EXPECT_THAT(Status().WithPrefix("x"), IsOk());
}

StatusOr<int> Half(int value) {
  if (value % 2 != 0) return InvalidArgumentError("odd");
  return value / 2;
}

Status HalveTwice(int value, int* out) {
  KH_ASSIGN_OR_RETURN(int half, Half(value));
  KH_ASSIGN_OR_RETURN(*out, Half(half));
  return Status();
}

TEST(StatusOrTest, MacrosPropagate) {
  int out = 0;
  EXPECT_THAT(HalveTwice(8, &out), IsOk());
  EXPECT_EQ(out, 2);
  EXPECT_THAT(HalveTwice(6, &out), StatusIs(StatusCode::kInvalidArgument, "odd"));
}

}  // namespace
}  // namespace khabar
