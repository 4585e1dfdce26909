// khabar::Status: the outcome of an operation that input or the environment can break.
//
// An OK status holds a null pointer, so success costs one word and no allocation
// (leveldb's design). Codes follow abseil's canonical set.
//
//   khabar::Status s = store.Write(doc);
//   if (!s.ok()) fmt::print(stderr, "{}\n", s.ToString());
//
//   KH_ASSIGN_OR_RETURN(std::string bytes, base::ReadFile(path, kMaxBytes));
//
// Thread-safety: a Status is a value; distinct objects may be used from distinct threads.
#ifndef KHABAR_BASE_STATUS_H_
#define KHABAR_BASE_STATUS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace khabar {

enum class StatusCode : uint8_t {
  kOk = 0,
  kInvalidArgument,
  kNotFound,
  kAlreadyExists,
  kDataLoss,
  kResourceExhausted,
  kUnavailable,
  kFailedPrecondition,
  kUnimplemented,
  kInternal,
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string_view message);
  Status(const Status& other);
  Status& operator=(const Status& other);
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;

  static Status Ok() { return Status(); }

  bool ok() const { return state_ == nullptr; }
  StatusCode code() const { return state_ ? state_->code : StatusCode::kOk; }
  std::string_view message() const { return state_ ? std::string_view(state_->message) : ""; }

  // "InvalidArgument: bad.jsonl:3: expected '{'", or "OK".
  std::string ToString() const;

  // Returns a copy whose message is "<prefix>: <message>"; OK stays OK.
  Status WithPrefix(std::string_view prefix) const;

 private:
  struct State {
    StatusCode code;
    std::string message;
  };
  std::unique_ptr<State> state_;
};

Status InvalidArgumentError(std::string_view message);
Status NotFoundError(std::string_view message);
Status AlreadyExistsError(std::string_view message);
Status DataLossError(std::string_view message);
Status ResourceExhaustedError(std::string_view message);
Status UnavailableError(std::string_view message);
Status FailedPreconditionError(std::string_view message);
Status UnimplementedError(std::string_view message);
Status InternalError(std::string_view message);

// Either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design
  StatusOr(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design

  bool ok() const { return status_.ok(); }
  const Status& status() const& { return status_; }
  Status status() && { return std::move(status_); }

  // REQUIRES: ok().
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T& operator*() const& { return *value_; }
  T& operator*() & { return *value_; }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace khabar

#define KH_STATUS_CONCAT_INNER_(a, b) a##b
#define KH_STATUS_CONCAT_(a, b) KH_STATUS_CONCAT_INNER_(a, b)

#define KH_RETURN_IF_ERROR(expr)                  \
  do {                                            \
    ::khabar::Status kh_status_ = (expr);         \
    if (!kh_status_.ok()) return kh_status_;      \
  } while (0)

#define KH_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return std::move(tmp).status();  \
  lhs = std::move(tmp).value()

#define KH_ASSIGN_OR_RETURN(lhs, expr) \
  KH_ASSIGN_OR_RETURN_IMPL_(KH_STATUS_CONCAT_(kh_statusor_, __LINE__), lhs, expr)

#endif  // KHABAR_BASE_STATUS_H_
