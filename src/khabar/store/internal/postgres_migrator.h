// Brings a PostgreSQL database up to the schema of a list of migrations (migration.h).
//
//   KH_RETURN_IF_ERROR(MigratePostgres(connection, EmbeddedMigrations(), "2026-11-21T06:00:00Z"));
//
// Safe against other processes migrating the same database at the same time: the whole run
// holds the session advisory lock kMigrationLockKey (pg_advisory_lock), so the first process
// migrates and the others wait, then find every migration recorded. Each migration runs in
// its own transaction with its schema_migrations row. Works in the connection's current
// schema (the first of its search_path). Thread-compatible, like the connection it uses.
#ifndef KHABAR_STORE_INTERNAL_POSTGRES_MIGRATOR_H_
#define KHABAR_STORE_INTERNAL_POSTGRES_MIGRATOR_H_

#include <cstdint>
#include <span>
#include <string_view>

#include "khabar/base/status.h"
#include "khabar/store/internal/postgres_connection.h"
#include "khabar/store/migration.h"

namespace khabar::store::internal {

// pg_advisory_lock key held while migrating: "khabarMG" as a big-endian int64.
inline constexpr int64_t kMigrationLockKey = 0x6b68616261724d47;

// Applies the migrations the database lacks, in order, recording each in schema_migrations
// with `applied_at`. FailedPrecondition, changing nothing, when the current schema holds
// tables but no schema_migrations (another program's tables), or records a version newer
// than the last of `migrations` or a known version under another name. On a failed
// migration, that migration is rolled back and earlier ones stay applied.
// REQUIRES: ValidateMigrations(migrations) is OK; no transaction is open.
Status MigratePostgres(PgConnection& connection, std::span<const Migration> migrations,
                       std::string_view applied_at);

}  // namespace khabar::store::internal

#endif  // KHABAR_STORE_INTERNAL_POSTGRES_MIGRATOR_H_
