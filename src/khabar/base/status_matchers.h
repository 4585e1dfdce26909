// GoogleTest matchers for Status and StatusOr: EXPECT_THAT(s, IsOk());
// EXPECT_THAT(s, StatusIs(StatusCode::kDataLoss, HasSubstr("line 3"))).
// Test-only header.
#ifndef KHABAR_BASE_STATUS_MATCHERS_H_
#define KHABAR_BASE_STATUS_MATCHERS_H_

#include <gmock/gmock.h>

#include "khabar/base/status.h"

namespace khabar::testing {

inline const Status& GetStatus(const Status& status) { return status; }
template <typename T>
const Status& GetStatus(const StatusOr<T>& status_or) {
  return status_or.status();
}

MATCHER(IsOk, "is OK") {
  const Status& status = GetStatus(arg);
  if (!status.ok()) *result_listener << status.ToString();
  return status.ok();
}

MATCHER_P2(StatusIs, code, message_matcher, "") {
  const Status& status = GetStatus(arg);
  *result_listener << status.ToString();
  return status.code() == code &&
         ::testing::Matches(message_matcher)(std::string(status.message()));
}

}  // namespace khabar::testing

#endif  // KHABAR_BASE_STATUS_MATCHERS_H_
