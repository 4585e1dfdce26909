#include "khabar/store/internal/postgres_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <system_error>

#include "khabar/base/check.h"

namespace khabar::store::internal {
namespace {

// SQLSTATE classes: https://www.postgresql.org/docs/current/errcodes-appendix.html
StatusCode PgStatusCode(std::string_view sqlstate) {
  if (sqlstate.starts_with("08") || sqlstate.starts_with("57P") || sqlstate == "40001" ||
      sqlstate == "40P01" || sqlstate.starts_with("55P03")) {
    return StatusCode::kUnavailable;  // connection lost, shutdown, serialization, deadlock, lock
  }
  if (sqlstate.starts_with("22") || sqlstate.starts_with("23") || sqlstate.starts_with("54") ||
      sqlstate == "P0001") {
    return StatusCode::kInvalidArgument;  // bad data, a constraint, a limit, RAISE EXCEPTION
  }
  if (sqlstate.starts_with("53")) return StatusCode::kResourceExhausted;
  if (sqlstate.starts_with("XX001") || sqlstate.starts_with("XX002")) return StatusCode::kDataLoss;
  return StatusCode::kInternal;
}

std::string Describe(PGconn* connection) {
  const char* host = PQhost(connection);
  const char* port = PQport(connection);
  const char* user = PQuser(connection);
  const char* db = PQdb(connection);
  std::string text = "postgresql://";
  if (user != nullptr && *user != '\0') text += std::string(user) + "@";
  text += host != nullptr ? host : "";
  if (port != nullptr && *port != '\0') text += std::string(":") + port;
  text += "/";
  text += db != nullptr ? db : "";
  return text;
}

std::string TrimmedError(PGconn* connection) {
  std::string message = connection != nullptr ? PQerrorMessage(connection) : "out of memory";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

}  // namespace

void PgParams::AddText(std::string_view value) {
  values_.emplace_back(value);
  is_null_.push_back(0);
  formats_.push_back(0);
}

void PgParams::AddInt64(int64_t value) { AddText(std::to_string(value)); }

void PgParams::AddDouble(double value) {
  char buffer[32];
  const std::to_chars_result end = std::to_chars(buffer, buffer + sizeof buffer, value);
  KH_CHECK(end.ec == std::errc());
  AddText(std::string_view(buffer, static_cast<size_t>(end.ptr - buffer)));
}

void PgParams::AddBytes(std::string_view value) {
  values_.emplace_back(value);
  is_null_.push_back(0);
  formats_.push_back(1);
}

void PgParams::AddNull() {
  values_.emplace_back();
  is_null_.push_back(1);
  formats_.push_back(0);
}

PgResult::PgResult(PGresult* result) : result_(result, PQclear) {}

int PgResult::rows() const { return PQntuples(result_.get()); }

bool PgResult::IsNull(int row, int column) const {
  return PQgetisnull(result_.get(), row, column) != 0;
}

std::string_view PgResult::Value(int row, int column) const {
  return std::string_view(PQgetvalue(result_.get(), row, column),
                          static_cast<size_t>(PQgetlength(result_.get(), row, column)));
}

int64_t PgResult::Int64(int row, int column) const {
  const std::string_view text = Value(row, column);
  int64_t value = 0;
  const std::from_chars_result end = std::from_chars(text.data(), text.data() + text.size(), value);
  KH_DCHECK(end.ec == std::errc() && end.ptr == text.data() + text.size());
  return value;
}

PgConnection::PgConnection(PGconn* connection, std::string description)
    : connection_(connection, PQfinish), description_(std::move(description)) {}

StatusOr<PgConnection> PgConnection::Open(const std::string& conninfo) {
  PGconn* raw = PQconnectdb(conninfo.c_str());
  if (raw == nullptr) return ResourceExhaustedError("postgres: out of memory connecting");
  PgConnection connection(raw, Describe(raw));
  if (PQstatus(raw) != CONNECTION_OK) {
    // The conninfo may hold a password: name the server only through libpq's own message.
    return UnavailableError("postgres: cannot connect: " + TrimmedError(raw));
  }
  PQsetNoticeProcessor(raw, [](void*, const char*) {}, nullptr);
  return connection;
}

Status PgConnection::ConnectionError(std::string_view context) const {
  return UnavailableError("postgres " + description_ + ": " + std::string(context) + ": " +
                          TrimmedError(connection_.get()));
}

StatusOr<PgResult> PgConnection::Check(PGresult* raw, std::string_view context) {
  PgResult result(raw);
  if (raw == nullptr) return ConnectionError(context);
  const ExecStatusType status = PQresultStatus(raw);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
  const char* sqlstate = PQresultErrorField(raw, PG_DIAG_SQLSTATE);
  const char* primary = PQresultErrorField(raw, PG_DIAG_MESSAGE_PRIMARY);
  const char* detail = PQresultErrorField(raw, PG_DIAG_MESSAGE_DETAIL);
  std::string message = "postgres " + description_ + ": " + std::string(context) + ": ";
  message += primary != nullptr ? std::string(primary) : TrimmedError(connection_.get());
  if (detail != nullptr) message += std::string(" (") + detail + ")";
  if (sqlstate != nullptr) message += std::string(" [SQLSTATE ") + sqlstate + "]";
  if (sqlstate == nullptr && broken()) return UnavailableError(message);
  return Status(PgStatusCode(sqlstate != nullptr ? sqlstate : ""), message);
}

Status PgConnection::Exec(std::string_view sql, std::string_view context) {
  const std::string text(sql);
  return Check(PQexec(connection_.get(), text.c_str()), context).status();
}

namespace {

struct RawParams {
  RawParams(const std::vector<std::string>& values, const std::vector<char>& is_null) {
    for (size_t idx = 0; idx < values.size(); ++idx) {
      pointers.push_back(is_null[idx] ? nullptr : values[idx].data());
      lengths.push_back(static_cast<int>(values[idx].size()));
    }
  }
  std::vector<const char*> pointers;
  std::vector<int> lengths;
};

}  // namespace

StatusOr<PgResult> PgConnection::Query(std::string_view sql, const PgParams& params,
                                       std::string_view context, bool binary_results) {
  const std::string text(sql);
  RawParams raw(params.values_, params.is_null_);
  return Check(PQexecParams(connection_.get(), text.c_str(), params.size(), nullptr,
                            raw.pointers.data(), raw.lengths.data(), params.formats_.data(),
                            binary_results ? 1 : 0),
               context);
}

Status PgConnection::Prepare(const std::string& name, std::string_view sql) {
  const std::string text(sql);
  return Check(PQprepare(connection_.get(), name.c_str(), text.c_str(), 0, nullptr),
               "preparing \"" + text + "\"")
      .status();
}

StatusOr<PgResult> PgConnection::ExecPrepared(const std::string& name, const PgParams& params,
                                              std::string_view context, bool binary_results) {
  RawParams raw(params.values_, params.is_null_);
  return Check(PQexecPrepared(connection_.get(), name.c_str(), params.size(), raw.pointers.data(),
                              raw.lengths.data(), params.formats_.data(), binary_results ? 1 : 0),
               context);
}

bool PgConnection::broken() const { return PQstatus(connection_.get()) == CONNECTION_BAD; }

Status PgConnection::Reset() {
  PQreset(connection_.get());
  if (broken()) return ConnectionError("reconnecting");
  return Status::Ok();
}

bool PgConnection::in_transaction() const {
  const PGTransactionStatusType status = PQtransactionStatus(connection_.get());
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

std::string PostgresPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  for (size_t pos = 0; pos < sql.size(); ++pos) {
    const bool placeholder = sql[pos] == '?' && pos + 1 < sql.size() && sql[pos + 1] >= '0' &&
                             sql[pos + 1] <= '9';
    out.push_back(placeholder ? '$' : sql[pos]);
  }
  return out;
}

}  // namespace khabar::store::internal
