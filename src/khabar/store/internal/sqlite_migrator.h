// Brings a SQLite database up to the schema of a list of migrations (migration.h).
//
//   KH_RETURN_IF_ERROR(MigrateSqlite(connection, EmbeddedMigrations(), "2026-11-21T06:00:00Z"));
//
// Safe against other processes migrating the same file at the same time: each migration runs
// in its own BEGIN IMMEDIATE transaction and is skipped if another process recorded it first.
// Thread-compatible, like the connection it uses.
#ifndef KHABAR_STORE_INTERNAL_SQLITE_MIGRATOR_H_
#define KHABAR_STORE_INTERNAL_SQLITE_MIGRATOR_H_

#include <span>
#include <string_view>

#include "khabar/base/status.h"
#include "khabar/store/internal/sqlite_connection.h"
#include "khabar/store/migration.h"

namespace khabar::store::internal {

// OK when the database is empty or has a schema_migrations table; FailedPrecondition when it
// holds tables but none is schema_migrations (another program's database: leave it alone).
// Reads only.
Status CheckIsKhabarDatabase(SqliteConnection& connection);

// Applies the migrations the database lacks, in order, recording each in schema_migrations
// with `applied_at`. FailedPrecondition, changing nothing, when the database records a
// version newer than the last of `migrations` or a known version under another name.
// On a failed migration, that migration is rolled back and earlier ones stay applied.
// REQUIRES: ValidateMigrations(migrations) is OK; no transaction is open.
Status MigrateSqlite(SqliteConnection& connection, std::span<const Migration> migrations,
                     std::string_view applied_at);

}  // namespace khabar::store::internal

#endif  // KHABAR_STORE_INTERNAL_SQLITE_MIGRATOR_H_
