#include "khabar/store/open_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "khabar/base/status_matchers.h"
#include "khabar/store/sqlite_store.h"
#include "khabar/store/sqlite_test_util.h"

namespace khabar::store::testing {
namespace {

using ::khabar::testing::IsOk;
using ::khabar::testing::StatusIs;

TEST(OpenStoreTest, PathOpensSqlite) {
  ScratchDir dir;
  StatusOr<std::unique_ptr<Store>> store = OpenStore(dir.File("k.db"));
  ASSERT_THAT(store, IsOk());
  EXPECT_NE(dynamic_cast<SqliteStore*>(store->get()), nullptr);
}

TEST(OpenStoreTest, PostgresUrisAreRecognised) {
  EXPECT_TRUE(IsPostgresSpec("postgresql://u@h/db"));
  EXPECT_TRUE(IsPostgresSpec("postgres://h"));
  EXPECT_FALSE(IsPostgresSpec("khabar.db"));
  EXPECT_FALSE(IsPostgresSpec("/var/lib/postgresql.db"));
  EXPECT_FALSE(IsPostgresSpec("host=localhost dbname=khabar"));  // a file name for SQLite
}

TEST(OpenStoreTest, UnreachablePostgresIsUnavailable) {
  EXPECT_THAT(OpenStore("postgresql://u:secret@127.0.0.1:1/db?connect_timeout=2"),
              StatusIs(StatusCode::kUnavailable, ::testing::Not(::testing::HasSubstr("secret"))));
}

TEST(OpenStoreTest, RedactionHidesPasswords) {
  EXPECT_EQ(RedactStoreSpec("postgresql://khabar:s3cret@db.test:5432/news"),
            "postgresql://khabar:***@db.test:5432/news");
  EXPECT_EQ(RedactStoreSpec("postgresql://khabar@db.test/news?password=s3cret&sslmode=require"),
            "postgresql://khabar@db.test/news?password=***&sslmode=require");
  EXPECT_EQ(RedactStoreSpec("postgresql://db.test/news"), "postgresql://db.test/news");
  EXPECT_EQ(RedactStoreSpec("data/khabar:1@x.db"), "data/khabar:1@x.db");
}

}  // namespace
}  // namespace khabar::store::testing
