// OpenStore: opens the Store a command-line spec names. SQLite is the default: any spec that
// is not a PostgreSQL connection string is a SQLite file path.
//
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> db, store::OpenStore(options.db));
//   //   "khabar.db"                               -> SqliteStore
//   //   "postgresql://khabar@db.example/khabar"   -> PostgresStore (also "postgres://")
//   //   "host=db.example dbname=khabar"           -> PostgresStore (libpq key=value pairs)
//
// Every command that takes --db (code, query, export, serve, explain) decides with
// IsPostgresSpec, so they all agree on which database a spec names.
//
// Thread-safety: pure functions.
#ifndef KHABAR_STORE_OPEN_STORE_H_
#define KHABAR_STORE_OPEN_STORE_H_

#include <memory>
#include <string>
#include <string_view>

#include "khabar/base/status.h"
#include "khabar/store/store.h"

namespace khabar::store {

// True for "postgresql://..." and "postgres://..." (libpq's URI schemes), and for a string
// libpq parses as key=value pairs ("host=db.example dbname=khabar"). A path such as
// "events.db" has no '='; one such as "runs/a=b.db" does not parse ("a" is no libpq keyword).
bool IsPostgresSpec(std::string_view spec);

// Opens (creating or migrating) the store `spec` names; the errors of SqliteStore::Open or
// PostgresStore::Open.
StatusOr<std::unique_ptr<Store>> OpenStore(const std::string& spec);

// The spec for messages: a PostgreSQL spec with its password ("user:secret@" and
// "password=secret" in a URI, "password=secret" or "password='se cret'" among key=value
// pairs) replaced by "***"; anything else unchanged.
std::string RedactStoreSpec(std::string_view spec);

// A PostgreSQL `conninfo` (URI or key=value pairs) with its database replaced by `dbname`, as
// key='value' pairs. InvalidArgument (password redacted) when libpq cannot parse it.
StatusOr<std::string> ConninfoWithDatabase(const std::string& conninfo, const std::string& dbname);

}  // namespace khabar::store

#endif  // KHABAR_STORE_OPEN_STORE_H_
