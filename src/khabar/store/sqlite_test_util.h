// Test-only helpers for the SQLite store tests: a scratch directory and raw SQL access to a
// database file behind the store's back.
#ifndef KHABAR_STORE_SQLITE_TEST_UTIL_H_
#define KHABAR_STORE_SQLITE_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include "khabar/store/sqlite_store.h"

namespace khabar::store::testing {

// A fresh directory under the test temp dir, removed with its contents on destruction.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = ::testing::TempDir() + "khabar_store_XXXXXX";
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
    EXPECT_FALSE(path_.empty()) << "mkdtemp failed for " << pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Runs `sql` on its own connection to `path`; returns the first column of the first row
// ("" when there is none), or "error: <message>".
inline std::string RawQuery(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> owner(db, sqlite3_close_v2);
  sqlite3_busy_timeout(db, SqliteStore::kBusyTimeoutMs);
  std::string result;
  char* error = nullptr;
  auto first_cell = [](void* out, int columns, char** values, char**) {
    auto& text = *static_cast<std::string*>(out);
    if (text.empty() && columns > 0 && values[0] != nullptr) text = values[0];
    return 0;
  };
  if (sqlite3_exec(db, sql.c_str(), first_cell, &result, &error) != SQLITE_OK) {
    result = std::string("error: ") + (error ? error : sqlite3_errmsg(db));
    sqlite3_free(error);
  }
  return result;
}

// The typed suite's backend: one database file in a scratch directory.
class SqliteBackend {
 public:
  StatusOr<std::unique_ptr<Store>> Open() {
    KH_ASSIGN_OR_RETURN(std::unique_ptr<SqliteStore> store, SqliteStore::Open(path()));
    return std::unique_ptr<Store>(std::move(store));
  }
  std::string path() const { return dir_.File("store.db"); }
  // The first cell of `sql`'s first row, as RawQuery.
  std::string Query(const std::string& sql) const { return RawQuery(path(), sql); }

 private:
  ScratchDir dir_;
};

}  // namespace khabar::store::testing

#endif  // KHABAR_STORE_SQLITE_TEST_UTIL_H_
