// RAII wrappers over the SQLite C API for the SQLite store: a connection that owns a sqlite3*
// and statements that own a sqlite3_stmt*. Every error becomes a Status whose message names
// the database path, what was being done and SQLite's own message.
//
//   KH_ASSIGN_OR_RETURN(SqliteConnection connection, SqliteConnection::Open(path));
//   KH_ASSIGN_OR_RETURN(SqliteStatement find,
//                       connection.Prepare("SELECT id FROM documents WHERE url = ?1"));
//   SqliteStatement::Scope scope(find);   // resets the statement when the scope ends
//   find.BindText(1, url);
//   KH_ASSIGN_OR_RETURN(bool has_row, find.Step("finding a url"));
//
// Values are always bound as parameters; SQL text is fixed in the code.
// Thread-compatible: a connection and its statements are used by one thread at a time.
#ifndef KHABAR_STORE_INTERNAL_SQLITE_CONNECTION_H_
#define KHABAR_STORE_INTERNAL_SQLITE_CONNECTION_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "khabar/base/status.h"

struct sqlite3;
struct sqlite3_context;
struct sqlite3_stmt;
struct sqlite3_value;

namespace khabar::store::internal {

class SqliteConnection;

// A prepared statement. Bind errors are remembered and reported by the next Step().
class SqliteStatement {
 public:
  // Resets `statement` (and clears its bindings) when destroyed, so it holds no lock and is
  // ready for the next use whatever path the caller leaves by.
  class Scope {
   public:
    explicit Scope(SqliteStatement& statement) : statement_(statement) {}
    ~Scope() { statement_.Reset(); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    SqliteStatement& statement_;
  };

  SqliteStatement(SqliteStatement&&) noexcept = default;
  SqliteStatement& operator=(SqliteStatement&&) noexcept = default;

  // Parameters are 1-based. Text is not copied.
  // REQUIRES: the bytes of `value` stay valid until Reset().
  void BindText(int index, std::string_view value);
  // Binds the bytes as a BLOB (an empty view binds a zero-length BLOB, not NULL).
  void BindBlob(int index, std::string_view value);
  void BindInt64(int index, int64_t value);
  void BindDouble(int index, double value);
  void BindNull(int index);

  // Runs one step: true when a row is ready, false when the statement is done.
  // `context` says what the caller was doing, for the error message.
  StatusOr<bool> Step(std::string_view context);
  // Steps to completion, ignoring rows.
  Status Run(std::string_view context);
  void Reset();

  // REQUIRES: the last Step() returned true.
  int64_t ColumnInt64(int column) const;
  double ColumnDouble(int column) const;
  std::string_view ColumnText(int column) const;  // valid until the next Step() or Reset()
  bool ColumnIsNull(int column) const;
  // The column's bytes (empty for NULL); valid until the next Step() or Reset().
  std::string_view ColumnBlob(int column) const;

 private:
  friend class SqliteConnection;
  struct Finalizer {
    void operator()(sqlite3_stmt* statement) const;
  };
  SqliteStatement(const SqliteConnection* connection, sqlite3_stmt* statement)
      : connection_(connection), statement_(statement) {}
  void NoteBind(int rc);

  const SqliteConnection* connection_;
  std::unique_ptr<sqlite3_stmt, Finalizer> statement_;
  int bind_rc_ = 0;  // first failed bind's result code, 0 when all succeeded
};

// One open database connection. Movable; statements keep a pointer to their connection,
// so move the connection only before preparing statements.
class SqliteConnection {
 public:
  // Opens (creating if missing) the database file. Unavailable if it cannot be opened.
  static StatusOr<SqliteConnection> Open(const std::string& path);

  SqliteConnection(SqliteConnection&&) noexcept = default;
  SqliteConnection& operator=(SqliteConnection&&) noexcept = default;

  // Runs fixed SQL text, possibly several statements, ignoring rows.
  // REQUIRES: `sql` contains no values from input.
  Status Exec(const std::string& sql, std::string_view context);
  StatusOr<SqliteStatement> Prepare(std::string_view sql);
  // Runs a single-row, single-column query and returns the column as text.
  StatusOr<std::string> QueryText(std::string_view sql);
  // Runs a single-row, single-column query and returns the column as an integer.
  StatusOr<int64_t> QueryInt64(std::string_view sql);

  Status SetBusyTimeout(int milliseconds);
  // Registers a deterministic application-defined SQL function `name` of `arguments` arguments
  // on this connection (sqlite3_create_function_v2); it must not throw.
  using ScalarFunction = void (*)(sqlite3_context*, int, sqlite3_value**);
  Status CreateFunction(const char* name, int arguments, ScalarFunction function);
  // rowid of the last row this connection inserted.
  int64_t LastInsertRowId() const;
  // True when no transaction is open.
  bool autocommit() const;
  const std::string& path() const { return path_; }

  // A Status for SQLite result code `rc`, with the path, `context` and SQLite's message.
  Status Error(int rc, std::string_view context) const;

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  SqliteConnection(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}

  std::string path_;
  std::unique_ptr<sqlite3, Closer> db_;
};

// Maps a SQLite result code to a canonical status code.
StatusCode SqliteStatusCode(int rc);

}  // namespace khabar::store::internal

#endif  // KHABAR_STORE_INTERNAL_SQLITE_CONNECTION_H_
