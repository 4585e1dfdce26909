// Schema migrations shared by every Store backend.
//
// Each migrations/NNNN_name.sql file is one migration; the build embeds them all
// (embed_migrations.cmake), so a binary always carries the schema it expects. Backends apply
// the migrations the database lacks, in order, one transaction each, and record them in
// schema_migrations (docs/formats/schema.md).
//
//   for (const Migration& migration : EmbeddedMigrations()) {
//     KH_ASSIGN_OR_RETURN(std::string sql, ExpandDialect(migration.sql, Dialect::kSqlite));
//     ...
//   }
//
// Thread-safety: everything here is immutable or a pure function.
#ifndef KHABAR_STORE_MIGRATION_H_
#define KHABAR_STORE_MIGRATION_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "khabar/base/status.h"

namespace khabar::store {

struct Migration {
  int32_t version;        // NNNN from the file name: 1, 2, ...
  std::string_view name;  // "init" for 0001_init.sql
  std::string_view sql;   // the file's text, dialect tokens unexpanded
};

// The migrations compiled into this binary, in increasing version order.
std::span<const Migration> EmbeddedMigrations();

// Highest version in `migrations`, or 0 when empty.
int32_t LatestVersion(std::span<const Migration> migrations);

// OK when versions run 1, 2, ..., N without gaps and every name and body is non-empty.
// Internal otherwise (a build defect, not an input problem).
Status ValidateMigrations(std::span<const Migration> migrations);

enum class Dialect { kSqlite, kPostgres };

// Replaces the dialect tokens of a migration with the dialect's SQL:
//   {{ROW_ID}}  auto-numbered 64-bit primary key.
//   {{BYTES}}   a byte string: BLOB (SQLite), BYTEA (PostgreSQL).
// and keeps the text of a dialect block only for its dialect (blocks do not nest):
//   {{SQLITE}} ... {{END}}    SQLite only (an FTS5 virtual table);
//   {{POSTGRES}} ... {{END}}  PostgreSQL only (its tsvector counterpart).
// Internal for an unknown or unterminated token, or an unbalanced or nested block.
StatusOr<std::string> ExpandDialect(std::string_view sql, Dialect dialect);

// Creates the bookkeeping table if it is missing. Fixed SQL, valid in both dialects.
inline constexpr std::string_view kCreateSchemaMigrations =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " applied_at TEXT NOT NULL)";

}  // namespace khabar::store

#endif  // KHABAR_STORE_MIGRATION_H_
