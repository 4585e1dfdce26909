#include "khabar/store/internal/postgres_migrator.h"

#include <string>

namespace khabar::store::internal {
namespace {

std::string Label(const Migration& migration) {
  return std::to_string(migration.version) + " (" + std::string(migration.name) + ")";
}

Status CheckIsKhabarSchema(PgConnection& connection) {
  KH_ASSIGN_OR_RETURN(
      PgResult tables,
      connection.Query("SELECT COUNT(*), COUNT(*) FILTER (WHERE table_name = 'schema_migrations')"
                       " FROM information_schema.tables WHERE table_schema = current_schema()",
                       PgParams(), "listing tables"));
  if (tables.Int64(0, 0) == 0 || tables.Int64(0, 1) == 1) return Status::Ok();
  return FailedPreconditionError("postgres " + connection.description() +
                                 ": not a khabar database (its schema has tables but no"
                                 " schema_migrations); refusing to modify it");
}

// Checks every recorded migration against the known ones.
Status CheckRecorded(PgConnection& connection, std::span<const Migration> migrations) {
  KH_ASSIGN_OR_RETURN(PgResult recorded,
                      connection.Query("SELECT version, name FROM schema_migrations"
                                       " ORDER BY version",
                                       PgParams(), "reading schema_migrations"));
  const int64_t latest = LatestVersion(migrations);
  for (int row = 0; row < recorded.rows(); ++row) {
    const int64_t version = recorded.Int64(row, 0);
    const std::string name(recorded.Value(row, 1));
    if (version < 1 || version > latest) {
      return FailedPreconditionError("postgres " + connection.description() +
                                     ": the database has schema version " +
                                     std::to_string(version) + " (" + name +
                                     ") but this build knows versions 1 to " +
                                     std::to_string(latest) + "; use a newer khabar");
    }
    const Migration& known = migrations[static_cast<size_t>(version - 1)];
    if (name != known.name) {
      return FailedPreconditionError("postgres " + connection.description() +
                                     ": schema version " + std::to_string(version) + " is '" +
                                     name + "' in the database but '" + std::string(known.name) +
                                     "' in this build");
    }
  }
  return Status::Ok();
}

StatusOr<bool> IsRecorded(PgConnection& connection, int32_t version) {
  PgParams params;
  params.AddInt64(version);
  KH_ASSIGN_OR_RETURN(PgResult found,
                      connection.Query("SELECT 1 FROM schema_migrations WHERE version = $1",
                                       params, "reading schema_migrations"));
  return found.rows() > 0;
}

Status Apply(PgConnection& connection, const Migration& migration, std::string_view applied_at) {
  KH_ASSIGN_OR_RETURN(std::string sql, ExpandDialect(migration.sql, Dialect::kPostgres));
  KH_RETURN_IF_ERROR(connection.Exec("BEGIN", "starting migration " + Label(migration)));
  Status status = connection.Exec(sql, "applying migration " + Label(migration));
  if (status.ok()) {
    PgParams params;
    params.AddInt64(migration.version);
    params.AddText(migration.name);
    params.AddText(applied_at);
    status = connection
                 .Query("INSERT INTO schema_migrations (version, name, applied_at)"
                        " VALUES ($1, $2, $3)",
                        params, "recording migration " + Label(migration))
                 .status();
  }
  if (status.ok()) status = connection.Exec("COMMIT", "committing migration " + Label(migration));
  if (!status.ok() && connection.in_transaction()) {
    (void)connection.Exec("ROLLBACK", "rolling back");  // the first error is the one to report
  }
  return status;
}

Status MigrateLocked(PgConnection& connection, std::span<const Migration> migrations,
                     std::string_view applied_at) {
  KH_RETURN_IF_ERROR(CheckIsKhabarSchema(connection));
  KH_RETURN_IF_ERROR(
      connection.Exec(std::string(kCreateSchemaMigrations), "creating schema_migrations"));
  KH_RETURN_IF_ERROR(CheckRecorded(connection, migrations));
  for (const Migration& migration : migrations) {
    KH_ASSIGN_OR_RETURN(bool recorded, IsRecorded(connection, migration.version));
    if (!recorded) KH_RETURN_IF_ERROR(Apply(connection, migration, applied_at));
  }
  return Status::Ok();
}

}  // namespace

Status MigratePostgres(PgConnection& connection, std::span<const Migration> migrations,
                       std::string_view applied_at) {
  PgParams key;
  key.AddInt64(kMigrationLockKey);
  KH_RETURN_IF_ERROR(
      connection.Query("SELECT pg_advisory_lock($1)", key, "taking the migration lock").status());
  const Status status = MigrateLocked(connection, migrations, applied_at);
  const Status unlocked =
      connection.Query("SELECT pg_advisory_unlock($1)", key, "releasing the migration lock")
          .status();
  return status.ok() ? unlocked : status;
}

}  // namespace khabar::store::internal
