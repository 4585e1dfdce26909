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
}

TEST(OpenStoreTest, KeyValueConnectionStringsAreRecognised) {
  EXPECT_TRUE(IsPostgresSpec("host=localhost dbname=khabar"));
  EXPECT_TRUE(IsPostgresSpec("dbname = khabar port=5433"));
  EXPECT_FALSE(IsPostgresSpec("runs/a=b.db"));       // "runs/a" is no libpq keyword
  EXPECT_FALSE(IsPostgresSpec("host=localhost dbname"));  // does not parse
}

TEST(OpenStoreTest, UnreachableKeyValuePostgresIsUnavailableNotAFile) {
  EXPECT_THAT(OpenStore("host=127.0.0.1 port=1 dbname=khabar password=secret connect_timeout=2"),
              StatusIs(StatusCode::kUnavailable, ::testing::Not(::testing::HasSubstr("secret"))));
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
  EXPECT_EQ(RedactStoreSpec("host=db.test password=s3cret dbname=news"), "host=db.test password=*** dbname=news");
  EXPECT_EQ(RedactStoreSpec("password = 'a \\' b' host=db.test"), "password = *** host=db.test");
  EXPECT_EQ(RedactStoreSpec("host=db.test dbname=news"), "host=db.test dbname=news");
}

}  // namespace
}  // namespace khabar::store::testing
