#include "store/database.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "store/migrations.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

using DatabaseTest = testing::StoreTest;

TEST_P(DatabaseTest, MigratesToLatestVersion) {
  EXPECT_EQ(db_->schema_version(), Database::LatestSchemaVersion());
  EXPECT_EQ(db_->backend(), GetParam() == "sqlite" ? Backend::kSqlite : Backend::kPostgres);
}

TEST_P(DatabaseTest, ReopeningAppliesNothingTwice) {
  db_.reset();
  auto again = Database::Open(url_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ((*again)->schema_version(), Database::LatestSchemaVersion());
  long long rows = 0;
  (*again)->session() << "SELECT COUNT(*) FROM schema_migrations", soci::into(rows);
  EXPECT_EQ(rows, static_cast<long long>(Migrations().size()));
}

TEST_P(DatabaseTest, EnforcesForeignKeys) {
  // A source row for a person that does not exist must be refused by the schema.
  EXPECT_THROW(db_->session() << "INSERT INTO source_records (source, record_id, person_id, row_hash, "
                                 "last_row_id) VALUES ('s', 'r', 999, 'h', 999)",
               soci::soci_error);
}

// The audit log is append-only whoever connects: the schema itself refuses to
// change or remove an entry.
TEST_P(DatabaseTest, AuditLogRefusesUpdateAndDelete) {
  soci::session& sql = db_->session();
  sql << "INSERT INTO audit_log (at, actor, role, action) VALUES ('2018-07-26T00:00:00.000Z', 'ana', "
         "'admin', 'login')";
  EXPECT_THROW(sql << "UPDATE audit_log SET actor = 'someone else'", soci::soci_error);
  EXPECT_THROW(sql << "DELETE FROM audit_log", soci::soci_error);
  if (db_->backend() == Backend::kPostgres) {
    EXPECT_THROW(sql << "TRUNCATE audit_log", soci::soci_error);
  }
  long long rows = 0;
  std::string actor;
  sql << "SELECT COUNT(*), MIN(actor) FROM audit_log", soci::into(rows), soci::into(actor);
  EXPECT_EQ(rows, 1);
  EXPECT_EQ(actor, "ana");
}

TEST_P(DatabaseTest, AccessTablesExist) {
  soci::session& sql = db_->session();
  for (const char* table : {"organisations", "users", "sessions", "api_tokens", "login_failures", "audit_log",
                            "family_assignments", "person_protection"}) {
    long long rows = -1;
    sql << std::string("SELECT COUNT(*) FROM ") + table, soci::into(rows);
    EXPECT_EQ(rows, 0) << table;
  }
}

REUNITE_ON_BOTH_BACKENDS(DatabaseTest);

// The README's URL form, which SOCI 4.0 would mangle if it were passed as given.
TEST(DatabaseOpen, PostgresqlUrlFormConnects) {
  Result<std::string> url = testing::TestPostgres::Instance().NewDatabaseUrl();
  ASSERT_TRUE(url.ok()) << url.status().ToString();
  // *url is "host=127.0.0.1 port=N dbname=D user=postgres"; the same as a URI:
  auto value = [&](const std::string& key) {
    size_t at = url->find(key + "=") + key.size() + 1;
    return url->substr(at, url->find(' ', at) - at);
  };
  const std::string uri =
      "postgresql://postgres@127.0.0.1:" + value("port") + "/" + value("dbname") + "?connect_timeout=5";
  auto db = Database::Open(uri);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ((*db)->backend(), Backend::kPostgres);
  std::string name;
  (*db)->session() << "SELECT current_database()", soci::into(name);
  EXPECT_EQ(name, value("dbname"));
}

TEST(DatabaseOpen, PostgresqlUrlWithWhiteSpaceIsRefusedWithoutShowingIt) {
  auto db = Database::Open("postgresql://someone:open%20sesame@127.0.0.1:1/cases");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kStorageError);
  EXPECT_NE(db.status().message().find("password"), std::string::npos) << db.status().ToString();
  EXPECT_EQ(db.status().message().find("sesame"), std::string::npos) << db.status().ToString();
}

TEST(DatabaseOpen, MalformedPostgresqlUrlIsStorageError) {
  auto db = Database::Open("postgresql://[::1/cases");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kStorageError);
}

TEST(DatabaseOpen, UnreachableServerIsStorageError) {
  auto db = Database::Open("host=127.0.0.1 port=1 dbname=none user=none connect_timeout=2");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kStorageError);
}

TEST(DatabaseOpen, UnwritableSqlitePathIsStorageError) {
  auto db = Database::Open("/nonexistent-dir/sub/reunite.db");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kStorageError);
}

TEST(DatabaseOpen, SqlitePathWithSpaceAndEquals) {
  char tmpl[] = "/tmp/reunite-store-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  std::string path = std::string(tmpl) + "/a b=c.db";
  {
    auto db = Database::Open(path);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
  }
  EXPECT_TRUE(std::filesystem::exists(path));
  std::filesystem::remove_all(tmpl);
}

TEST(DatabaseOpen, DefaultUrlComesFromEnvironment) {
  unsetenv("REUNITE_DB");
  EXPECT_EQ(Database::DefaultUrl(), "reunite.db");
  setenv("REUNITE_DB", "postgresql://localhost/reunite", 1);
  EXPECT_EQ(Database::DefaultUrl(), "postgresql://localhost/reunite");
  unsetenv("REUNITE_DB");
}

}  // namespace
}  // namespace reunite
