// The PostgreSQL bulk writers on their own: values that need care in COPY and in
// array literals arrive intact, and a COPY abandoned part-way leaves the
// connection usable.
#include "store/postgres_bulk.h"

#include <gtest/gtest.h>

#include "store/test_postgres.h"

namespace reunite {
namespace {

std::unique_ptr<Database> NewPostgres() {
  Result<std::string> url = testing::TestPostgres::Instance().NewDatabaseUrl();
  EXPECT_TRUE(url.ok()) << url.status().ToString();
  if (!url.ok()) return nullptr;
  auto db = Database::Open(*url);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  if (!db.ok()) return nullptr;
  (*db)->session() << "CREATE TABLE t (k BIGINT PRIMARY KEY, v TEXT NOT NULL)";
  return std::move(*db);
}

std::vector<std::string> Values(Database& db) {
  std::vector<std::string> out;
  soci::rowset<std::string> rows = db.session().prepare << "SELECT k || '=' || v FROM t ORDER BY k";
  for (const auto& r : rows) out.push_back(r);
  return out;
}

const std::vector<std::string> kAwkward = {"", "NULL", "a,b", "{x}", "\"quoted\"", "back\\slash", "tab\there",
                                           "line\nbreak", "ÁNGEL Xoc", std::string(300000, 'x')};

TEST(PostgresBulk, CopyCarriesEveryValueAsIs) {
  auto db = NewPostgres();
  ASSERT_NE(db, nullptr);
  PostgresCopy copy(db->session(), "t", {"k", "v"});
  for (size_t i = 0; i < kAwkward.size(); ++i) {
    copy.Add(static_cast<long long>(i) - 5);
    copy.Add(kAwkward[i]);
    copy.EndRow();
  }
  copy.Finish();
  std::vector<std::string> want;
  for (size_t i = 0; i < kAwkward.size(); ++i) want.push_back(std::to_string(static_cast<long long>(i) - 5) + "=" + kAwkward[i]);
  EXPECT_EQ(Values(*db), want);
}

TEST(PostgresBulk, ArrayInsertCarriesEveryValueAsIsAndUpserts) {
  auto db = NewPostgres();
  ASSERT_NE(db, nullptr);
  using Kind = PostgresArrayInsert::Kind;
  PostgresArrayInsert insert(db->session(), "t", {{"k", Kind::kBigint}, {"v", Kind::kText}},
                             "ON CONFLICT (k) DO UPDATE SET v = excluded.v");
  for (size_t i = 0; i < kAwkward.size(); ++i) {
    insert.Add(0, static_cast<long long>(i));
    insert.Add(1, kAwkward[i]);
  }
  insert.Execute();
  insert.Add(0, 0LL);
  insert.Add(1, "again");
  insert.Execute();
  insert.Execute();  // nothing added: no statement
  std::vector<std::string> got = Values(*db);
  ASSERT_EQ(got.size(), kAwkward.size());
  EXPECT_EQ(got[0], "0=again");
  for (size_t i = 1; i < kAwkward.size(); ++i) EXPECT_EQ(got[i], std::to_string(i) + "=" + kAwkward[i]);
}

TEST(PostgresBulk, RowsOfTheWrongWidthAreRefused) {
  auto db = NewPostgres();
  ASSERT_NE(db, nullptr);
  using Kind = PostgresArrayInsert::Kind;
  PostgresArrayInsert insert(db->session(), "t", {{"k", Kind::kBigint}, {"v", Kind::kText}});
  insert.Add(0, 1LL);
  EXPECT_THROW(insert.Execute(), soci::soci_error);
  PostgresCopy copy(db->session(), "t", {"k", "v"});
  copy.Add(1LL);
  EXPECT_THROW(copy.EndRow(), soci::soci_error);
}

TEST(PostgresBulk, AbandonedCopyLeavesTheConnectionUsable) {
  auto db = NewPostgres();
  ASSERT_NE(db, nullptr);
  {
    soci::transaction tx(db->session());
    PostgresCopy copy(db->session(), "t", {"k", "v"});
    copy.Start();
    copy.Add(1LL);
    copy.Add("streamed, then abandoned");
    copy.EndRow();
    // Destroyed before Finish, as when the caller throws part-way.
  }
  EXPECT_TRUE(Values(*db).empty());
  PostgresCopy again(db->session(), "t", {"k", "v"});
  again.Add(2LL);
  again.Add("after");
  again.EndRow();
  again.Finish();
  EXPECT_EQ(Values(*db), std::vector<std::string>{"2=after"});
}

TEST(PostgresBulk, ServerErrorsThrowAndLeaveTheConnectionUsable) {
  auto db = NewPostgres();
  ASSERT_NE(db, nullptr);
  {
    PostgresCopy copy(db->session(), "t", {"k", "v"});
    for (long long k : {7LL, 7LL}) {
      copy.Add(k);
      copy.Add("twice");
      copy.EndRow();
    }
    EXPECT_THROW(copy.Finish(), soci::soci_error);
  }
  EXPECT_TRUE(Values(*db).empty());
  PostgresCopy bad_table(db->session(), "no_such_table", {"k"});
  EXPECT_THROW(bad_table.Start(), soci::soci_error);
  EXPECT_TRUE(Values(*db).empty());
}

}  // namespace
}  // namespace reunite
