// Test-only helpers for the PostgreSQL store tests: the server to test against, a scratch
// database per test, and raw SQL behind the store's back.
//
// The server comes from KHABAR_TEST_PG, a libpq connection string with rights to create
// databases (tools/test.sh starts a throwaway server and sets it). Without it every test of
// the program is skipped, or fails when KHABAR_REQUIRE_PG=1 (set by tools/test.sh, so CI
// never passes without having run them).
#ifndef KHABAR_STORE_POSTGRES_TEST_UTIL_H_
#define KHABAR_STORE_POSTGRES_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <string>

#include "khabar/store/open_store.h"
#include "khabar/store/postgres_store.h"
#include "khabar/store/store.h"

namespace khabar::store::testing {

inline std::string TestServer() {
  const char* conninfo = std::getenv("KHABAR_TEST_PG");
  return conninfo != nullptr ? conninfo : "";
}

// Skips (or fails, under KHABAR_REQUIRE_PG=1) every test when no server is configured or
// it cannot be reached.
class PostgresEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    const char* require = std::getenv("KHABAR_REQUIRE_PG");
    const bool required = require != nullptr && std::string(require) == "1";
    std::string problem;
    if (TestServer().empty()) {
      problem = "KHABAR_TEST_PG is not set (a libpq connection string, e.g."
                " postgresql://user@127.0.0.1:5432/postgres; tools/test.sh starts a server)";
    } else {
      std::unique_ptr<PGconn, void (*)(PGconn*)> connection(PQconnectdb(TestServer().c_str()),
                                                            PQfinish);
      if (PQstatus(connection.get()) != CONNECTION_OK) {
        problem = std::string("cannot connect to KHABAR_TEST_PG: ") +
                  PQerrorMessage(connection.get());
      }
    }
    if (problem.empty()) return;
    if (required) FAIL() << problem << " and KHABAR_REQUIRE_PG=1";
    GTEST_SKIP() << "PostgreSQL tests skipped: " << problem;
  }
};

// Including this header registers the environment, once per program.
inline const ::testing::Environment* const kPostgresEnvironment =
    ::testing::AddGlobalTestEnvironment(new PostgresEnvironment);

// `conninfo` with its database replaced by `dbname` (store::ConninfoWithDatabase); a test
// failure, and `conninfo` unchanged, when it does not parse.
inline std::string WithDatabase(const std::string& conninfo, const std::string& dbname) {
  StatusOr<std::string> replaced = ConninfoWithDatabase(conninfo, dbname);
  if (!replaced.ok()) {
    ADD_FAILURE() << "bad KHABAR_TEST_PG: " << replaced.status().ToString();
    return conninfo;
  }
  return *replaced;
}

// Runs `sql` on its own connection; returns the first column of the first row ("" when there
// is none), or "error: <message>".
inline std::string PgRawQuery(const std::string& conninfo, const std::string& sql) {
  std::unique_ptr<PGconn, void (*)(PGconn*)> connection(PQconnectdb(conninfo.c_str()), PQfinish);
  if (PQstatus(connection.get()) != CONNECTION_OK) {
    return std::string("error: ") + PQerrorMessage(connection.get());
  }
  PQsetNoticeProcessor(connection.get(), [](void*, const char*) {}, nullptr);
  std::unique_ptr<PGresult, void (*)(PGresult*)> result(PQexec(connection.get(), sql.c_str()),
                                                        PQclear);
  const ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    return std::string("error: ") + PQerrorMessage(connection.get());
  }
  if (PQntuples(result.get()) == 0 || PQgetisnull(result.get(), 0, 0)) return "";
  return PQgetvalue(result.get(), 0, 0);
}

// A fresh database on the test server, dropped (with any open connections) on destruction.
class ScratchDatabase {
 public:
  ScratchDatabase() {
    static std::atomic<int> counter{0};
    name_ = "khabar_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    if (TestServer().empty()) return;
    EXPECT_EQ(PgRawQuery(TestServer(), "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)"), "");
    EXPECT_EQ(PgRawQuery(TestServer(), "CREATE DATABASE " + name_), "");
  }
  ~ScratchDatabase() {
    if (!TestServer().empty()) {
      (void)PgRawQuery(TestServer(), "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    }
  }
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  std::string conninfo() const { return WithDatabase(TestServer(), name_); }
  std::string Query(const std::string& sql) const { return PgRawQuery(conninfo(), sql); }

 private:
  std::string name_;
};

// The typed suite's backend: one scratch database.
class PostgresBackend {
 public:
  StatusOr<std::unique_ptr<Store>> Open() {
    KH_ASSIGN_OR_RETURN(std::unique_ptr<PostgresStore> store,
                        PostgresStore::Open(database_.conninfo()));
    return std::unique_ptr<Store>(std::move(store));
  }
  const ScratchDatabase& database() const { return database_; }
  std::string Query(const std::string& sql) const { return database_.Query(sql); }

 private:
  ScratchDatabase database_;
};

}  // namespace khabar::store::testing

#endif  // KHABAR_STORE_POSTGRES_TEST_UTIL_H_
