// RAII wrappers over libpq for the PostgreSQL store: a connection that owns a PGconn*, a
// result that owns a PGresult*, and a parameter list. Every error becomes a Status whose
// message names the server (never the password), what was being done, the server's message
// and its SQLSTATE.
//
//   KH_ASSIGN_OR_RETURN(PgConnection connection, PgConnection::Open("postgresql://u@h/db"));
//   PgParams params;
//   params.AddText(url);
//   KH_ASSIGN_OR_RETURN(PgResult found,
//                       connection.Query("SELECT id FROM documents WHERE url = $1", params,
//                                        "finding a url"));
//   if (found.rows() > 0) id = found.Int64(0, 0);
//
// Values are always sent as parameters; SQL text is fixed in the code.
// Thread-compatible: a connection is used by one thread at a time. Never use a connection in
// both processes after fork(): open one in the child.
#ifndef KHABAR_STORE_INTERNAL_POSTGRES_CONNECTION_H_
#define KHABAR_STORE_INTERNAL_POSTGRES_CONNECTION_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "khabar/base/status.h"

struct pg_conn;
struct pg_result;

namespace khabar::store::internal {

// Query parameters, $1, $2, ... in the order added. Values are copied.
class PgParams {
 public:
  void AddText(std::string_view value);
  void AddInt64(int64_t value);
  // Shortest decimal form that reads back as the same double.
  void AddDouble(double value);
  // Sent in binary format: for a BYTEA parameter, the bytes themselves.
  void AddBytes(std::string_view value);
  void AddNull();

  int size() const { return static_cast<int>(values_.size()); }

 private:
  friend class PgConnection;
  std::vector<std::string> values_;
  std::vector<char> is_null_;
  std::vector<int> formats_;  // 0 text, 1 binary
};

// A query's rows, in text format unless the query asked for binary results.
class PgResult {
 public:
  PgResult(PgResult&&) noexcept = default;
  PgResult& operator=(PgResult&&) noexcept = default;

  int rows() const;
  bool IsNull(int row, int column) const;
  // The value's bytes (binary results: the raw bytes, e.g. of a BYTEA or TEXT column).
  std::string_view Value(int row, int column) const;
  // A text-format integer column; 0 for NULL. REQUIRES: the value is a decimal integer.
  int64_t Int64(int row, int column) const;

 private:
  friend class PgConnection;
  explicit PgResult(pg_result* result);
  std::unique_ptr<pg_result, void (*)(pg_result*)> result_;
};

class PgConnection {
 public:
  // Connects with a libpq connection string: a URI ("postgresql://user@host:port/db?...")
  // or key=value pairs ("host=... port=... dbname=..."). Unavailable when the server cannot
  // be reached or refuses the connection. Server notices (e.g. "relation already exists,
  // skipping") are dropped.
  static StatusOr<PgConnection> Open(const std::string& conninfo);

  PgConnection(PgConnection&&) noexcept = default;
  PgConnection& operator=(PgConnection&&) noexcept = default;

  // Runs one or more statements without parameters.
  Status Exec(std::string_view sql, std::string_view context);
  // Runs one statement with parameters; `binary_results` asks for every column in binary.
  StatusOr<PgResult> Query(std::string_view sql, const PgParams& params, std::string_view context,
                           bool binary_results = false);
  // Prepares `sql` under `name` for ExecPrepared, in this session.
  Status Prepare(const std::string& name, std::string_view sql);
  StatusOr<PgResult> ExecPrepared(const std::string& name, const PgParams& params,
                                  std::string_view context, bool binary_results = false);

  // True when the connection to the server was lost.
  bool broken() const;
  // Reconnects with the same parameters; session state (prepared statements) is lost.
  Status Reset();
  // True when a transaction is open (or failed and not yet rolled back).
  bool in_transaction() const;

  // "postgresql://user@host:port/dbname", without the password.
  const std::string& description() const { return description_; }

 private:
  PgConnection(pg_conn* connection, std::string description);
  StatusOr<PgResult> Check(pg_result* result, std::string_view context);
  Status ConnectionError(std::string_view context) const;

  std::unique_ptr<pg_conn, void (*)(pg_conn*)> connection_;
  std::string description_;
};

// The SQL with SQLite's ?N placeholders written as PostgreSQL's $N. REQUIRES: no '?' in
// string literals or identifiers of `sql`.
std::string PostgresPlaceholders(std::string_view sql);

}  // namespace khabar::store::internal

#endif  // KHABAR_STORE_INTERNAL_POSTGRES_CONNECTION_H_
