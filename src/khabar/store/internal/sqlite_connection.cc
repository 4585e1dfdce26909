#include "khabar/store/internal/sqlite_connection.h"

#include <sqlite3.h>

#include <string>

namespace khabar::store::internal {

StatusCode SqliteStatusCode(int rc) {
  switch (rc & 0xff) {  // the primary code of an extended result code
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
      return StatusCode::kOk;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
    case SQLITE_TOOBIG:
      return StatusCode::kInvalidArgument;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return StatusCode::kDataLoss;
    case SQLITE_FULL:
    case SQLITE_NOMEM:
      return StatusCode::kResourceExhausted;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_PROTOCOL:
      return StatusCode::kUnavailable;
    default:
      return StatusCode::kInternal;
  }
}

// SqliteStatement -----------------------------------------------------------

void SqliteStatement::Finalizer::operator()(sqlite3_stmt* statement) const {
  sqlite3_finalize(statement);
}

void SqliteStatement::NoteBind(int rc) {
  if (rc != SQLITE_OK && bind_rc_ == 0) bind_rc_ = rc;
}

void SqliteStatement::BindText(int index, std::string_view value) {
  // A non-null pointer even for an empty view, so "" binds as text, not NULL.
  NoteBind(sqlite3_bind_text64(statement_.get(), index, value.empty() ? "" : value.data(),
                               value.size(), SQLITE_STATIC, SQLITE_UTF8));
}

void SqliteStatement::BindBlob(int index, std::string_view value) {
  NoteBind(sqlite3_bind_blob64(statement_.get(), index, value.empty() ? "" : value.data(),
                               value.size(), SQLITE_STATIC));
}

void SqliteStatement::BindInt64(int index, int64_t value) {
  NoteBind(sqlite3_bind_int64(statement_.get(), index, value));
}

void SqliteStatement::BindDouble(int index, double value) {
  NoteBind(sqlite3_bind_double(statement_.get(), index, value));
}

void SqliteStatement::BindNull(int index) { NoteBind(sqlite3_bind_null(statement_.get(), index)); }

StatusOr<bool> SqliteStatement::Step(std::string_view context) {
  if (bind_rc_ != 0) return connection_->Error(bind_rc_, context);
  const int rc = sqlite3_step(statement_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return connection_->Error(rc, context);
}

Status SqliteStatement::Run(std::string_view context) {
  while (true) {
    KH_ASSIGN_OR_RETURN(bool has_row, Step(context));
    if (!has_row) return Status::Ok();
  }
}

void SqliteStatement::Reset() {
  sqlite3_reset(statement_.get());
  sqlite3_clear_bindings(statement_.get());
  bind_rc_ = 0;
}

int64_t SqliteStatement::ColumnInt64(int column) const {
  return sqlite3_column_int64(statement_.get(), column);
}

double SqliteStatement::ColumnDouble(int column) const {
  return sqlite3_column_double(statement_.get(), column);
}

bool SqliteStatement::ColumnIsNull(int column) const {
  return sqlite3_column_type(statement_.get(), column) == SQLITE_NULL;
}

std::string_view SqliteStatement::ColumnText(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_.get(), column);
  if (text == nullptr) return {};
  const int size = sqlite3_column_bytes(statement_.get(), column);
  return std::string_view(reinterpret_cast<const char*>(text), static_cast<size_t>(size));
}

std::string_view SqliteStatement::ColumnBlob(int column) const {
  const void* blob = sqlite3_column_blob(statement_.get(), column);
  if (blob == nullptr) return {};
  const int size = sqlite3_column_bytes(statement_.get(), column);
  return std::string_view(static_cast<const char*>(blob), static_cast<size_t>(size));
}

// SqliteConnection ----------------------------------------------------------

void SqliteConnection::Closer::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

StatusOr<SqliteConnection> SqliteConnection::Open(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  SqliteConnection connection(path, db);  // owns db even when opening failed
  if (rc != SQLITE_OK) {
    if (db == nullptr) return ResourceExhaustedError("sqlite " + path + ": out of memory");
    return connection.Error(rc, "opening");
  }
  sqlite3_extended_result_codes(db, 1);
  return connection;
}

Status SqliteConnection::Error(int rc, std::string_view context) const {
  std::string message = "sqlite " + path_ + ": " + std::string(context) + ": ";
  message += db_ ? sqlite3_errmsg(db_.get()) : sqlite3_errstr(rc);
  message += " (code " + std::to_string(rc) + ")";
  return Status(SqliteStatusCode(rc), message);
}

Status SqliteConnection::Exec(const std::string& sql, std::string_view context) {
  const int rc = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::Ok() : Error(rc, context);
}

StatusOr<SqliteStatement> SqliteConnection::Prepare(std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  const int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
  SqliteStatement result(this, statement);
  if (rc != SQLITE_OK) return Error(rc, "preparing \"" + std::string(sql) + "\"");
  return result;
}

StatusOr<std::string> SqliteConnection::QueryText(std::string_view sql) {
  KH_ASSIGN_OR_RETURN(SqliteStatement statement, Prepare(sql));
  KH_ASSIGN_OR_RETURN(bool has_row, statement.Step(sql));
  if (!has_row) return InternalError("sqlite " + path_ + ": no row from " + std::string(sql));
  return std::string(statement.ColumnText(0));
}

StatusOr<int64_t> SqliteConnection::QueryInt64(std::string_view sql) {
  KH_ASSIGN_OR_RETURN(SqliteStatement statement, Prepare(sql));
  KH_ASSIGN_OR_RETURN(bool has_row, statement.Step(sql));
  if (!has_row) return InternalError("sqlite " + path_ + ": no row from " + std::string(sql));
  return statement.ColumnInt64(0);
}

Status SqliteConnection::SetBusyTimeout(int milliseconds) {
  const int rc = sqlite3_busy_timeout(db_.get(), milliseconds);
  return rc == SQLITE_OK ? Status::Ok() : Error(rc, "setting the busy timeout");
}

Status SqliteConnection::CreateFunction(const char* name, int arguments, ScalarFunction function) {
  const int rc = sqlite3_create_function_v2(db_.get(), name, arguments,
                                            SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, function,
                                            nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::Ok() : Error(rc, std::string("registering function ") + name);
}

int64_t SqliteConnection::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_.get()); }

bool SqliteConnection::autocommit() const { return sqlite3_get_autocommit(db_.get()) != 0; }

}  // namespace khabar::store::internal
