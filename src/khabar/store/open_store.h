// OpenStore: opens the Store a command-line spec names. SQLite is the default: any spec that
// is not a PostgreSQL URI is a SQLite file path.
//
//   KH_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> db, store::OpenStore(options.db));
//   //   "khabar.db"                               -> SqliteStore
//   //   "postgresql://khabar@db.example/khabar"   -> PostgresStore (also "postgres://")
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

// True for "postgresql://..." and "postgres://..." (libpq's URI schemes).
bool IsPostgresSpec(std::string_view spec);

// Opens (creating or migrating) the store `spec` names; the errors of SqliteStore::Open or
// PostgresStore::Open.
StatusOr<std::unique_ptr<Store>> OpenStore(const std::string& spec);

// The spec for messages: a PostgreSQL URI with its password ("user:secret@" and
// "password=secret") replaced by "***"; anything else unchanged.
std::string RedactStoreSpec(std::string_view spec);

}  // namespace khabar::store

#endif  // KHABAR_STORE_OPEN_STORE_H_
