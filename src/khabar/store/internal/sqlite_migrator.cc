#include "khabar/store/internal/sqlite_migrator.h"

#include <string>

namespace khabar::store::internal {
namespace {

std::string Label(const Migration& migration) {
  return std::to_string(migration.version) + " (" + std::string(migration.name) + ")";
}

// Checks every recorded migration against the known ones.
Status CheckRecorded(SqliteConnection& connection, std::span<const Migration> migrations) {
  KH_ASSIGN_OR_RETURN(SqliteStatement recorded,
                      connection.Prepare("SELECT version, name FROM schema_migrations"
                                         " ORDER BY version"));
  const int64_t latest = LatestVersion(migrations);
  while (true) {
    KH_ASSIGN_OR_RETURN(bool has_row, recorded.Step("reading schema_migrations"));
    if (!has_row) return Status::Ok();
    const int64_t version = recorded.ColumnInt64(0);
    const std::string_view name = recorded.ColumnText(1);
    if (version < 1 || version > latest) {
      return FailedPreconditionError("sqlite " + connection.path() +
                                     ": the database has schema version " +
                                     std::to_string(version) + " (" + std::string(name) +
                                     ") but this build knows versions 1 to " +
                                     std::to_string(latest) + "; use a newer khabar");
    }
    const Migration& known = migrations[static_cast<size_t>(version - 1)];
    if (name != known.name) {
      return FailedPreconditionError("sqlite " + connection.path() + ": schema version " +
                                     std::to_string(version) + " is '" + std::string(name) +
                                     "' in the database but '" + std::string(known.name) +
                                     "' in this build");
    }
  }
}

StatusOr<bool> IsRecorded(SqliteConnection& connection, int32_t version) {
  KH_ASSIGN_OR_RETURN(SqliteStatement find,
                      connection.Prepare("SELECT 1 FROM schema_migrations WHERE version = ?1"));
  find.BindInt64(1, version);
  return find.Step("reading schema_migrations");
}

// The body of one migration's transaction.
Status ApplyInTransaction(SqliteConnection& connection, const Migration& migration,
                          std::string_view applied_at) {
  KH_ASSIGN_OR_RETURN(bool recorded, IsRecorded(connection, migration.version));
  if (recorded) return Status::Ok();  // another process got there first
  KH_ASSIGN_OR_RETURN(std::string sql, ExpandDialect(migration.sql, Dialect::kSqlite));
  KH_RETURN_IF_ERROR(connection.Exec(sql, "applying migration " + Label(migration)));
  KH_ASSIGN_OR_RETURN(SqliteStatement record,
                      connection.Prepare("INSERT INTO schema_migrations (version, name,"
                                         " applied_at) VALUES (?1, ?2, ?3)"));
  record.BindInt64(1, migration.version);
  record.BindText(2, migration.name);
  record.BindText(3, applied_at);
  return record.Run("recording migration " + Label(migration));
}

Status Apply(SqliteConnection& connection, const Migration& migration,
             std::string_view applied_at) {
  KH_RETURN_IF_ERROR(connection.Exec("BEGIN IMMEDIATE", "starting migration " + Label(migration)));
  Status status = ApplyInTransaction(connection, migration, applied_at);
  if (status.ok()) status = connection.Exec("COMMIT", "committing migration " + Label(migration));
  if (!status.ok() && !connection.autocommit()) {
    (void)connection.Exec("ROLLBACK", "rolling back");  // the first error is the one to report
  }
  return status;
}

}  // namespace

Status CheckIsKhabarDatabase(SqliteConnection& connection) {
  KH_ASSIGN_OR_RETURN(int64_t tables, connection.QueryInt64("SELECT COUNT(*) FROM sqlite_master"
                                                            " WHERE type = 'table'"));
  KH_ASSIGN_OR_RETURN(int64_t bookkeeping,
                      connection.QueryInt64("SELECT COUNT(*) FROM sqlite_master WHERE type ="
                                            " 'table' AND name = 'schema_migrations'"));
  if (tables == 0 || bookkeeping == 1) return Status::Ok();
  return FailedPreconditionError("sqlite " + connection.path() +
                                 ": not a khabar database (it has tables but no"
                                 " schema_migrations); refusing to modify it");
}

Status MigrateSqlite(SqliteConnection& connection, std::span<const Migration> migrations,
                     std::string_view applied_at) {
  KH_RETURN_IF_ERROR(
      connection.Exec(std::string(kCreateSchemaMigrations), "creating schema_migrations"));
  KH_RETURN_IF_ERROR(CheckRecorded(connection, migrations));
  for (const Migration& migration : migrations) {
    KH_ASSIGN_OR_RETURN(bool recorded, IsRecorded(connection, migration.version));
    if (!recorded) KH_RETURN_IF_ERROR(Apply(connection, migration, applied_at));
  }
  return Status::Ok();
}

}  // namespace khabar::store::internal
