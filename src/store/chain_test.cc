// Issue 13, item 14: the journal is chained by hash on every path that writes it
// (one entry, a call's entries together, PostgreSQL's bulk COPY), entries written
// before the chains existed are chained by migration 8, concurrent writers take
// turns, and anchors read back as they were printed. Tampering with the chains is
// tested in access/audit_chain_test.cc (both chains).
#include "store/chain.h"

#include <gtest/gtest.h>

#include <thread>

#include "store/case_writer.h"
#include "store/chain_verify.h"
#include "store/migrations.h"
#include "store/test_postgres.h"

#include <soci/sqlite3/soci-sqlite3.h>

namespace reunite {
namespace {

using Issue13Item14ChainStoreTest = testing::StoreTest;

long long Count(Database& db, const std::string& table) {
  long long n = 0;
  db.session() << "SELECT COUNT(*) FROM " + table, soci::into(n);
  return n;
}

Person Adult(const std::string& a_number) {
  Person p;
  p.role = Role::kAdult;
  p.name = {"ROSA LÓPEZ", {"Rosa"}, "López", "", ""};
  p.a_number = a_number;
  return p;
}

// Every entry intact, as many as the table holds, places 1 to n.
void ExpectIntact(Database& db) {
  Result<VerifyReport> report = VerifyChains(db);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_FALSE(report->broken) << report->broken->table << " " << report->broken->id << " " << report->broken->kind
                               << ": " << report->broken->why;
  ASSERT_EQ(report->chains.size(), 2u);
  for (const ChainSummary& c : report->chains) {
    EXPECT_EQ(c.entries, Count(db, c.last.table)) << c.last.table;
    EXPECT_EQ(c.last.seq, c.entries) << c.last.table;
  }
}

TEST_P(Issue13Item14ChainStoreTest, EveryJournalWritePathChains) {
  FixedClock clock("2018-07-26T00:00:00.000Z");
  CaseWriter writer(*db_, "ana", clock);
  Result<PersonId> one = writer.CreatePerson(Adult("200000001"), "single");  // no transaction: one of its own
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  {
    soci::transaction tx(db_->session());
    std::vector<Person> people = {Adult("200000002"), Adult("200000003"), Adult("200000004")};
    auto ids = writer.CreatePeople(people, {"batch", "batch", "batch"});  // PostgreSQL: COPY
    ASSERT_TRUE(ids.ok()) << ids.status().ToString();
    Person changed = Adult("200000005");
    changed.id = *one;
    changed.phones = {"+50255551234"};
    auto fields = writer.UpdatePerson(changed, "two fields, one batch");
    ASSERT_TRUE(fields.ok()) << fields.status().ToString();
    EXPECT_EQ(*fields, 2);
    ASSERT_TRUE(writer.AppendJournal("deadline", 7, "title", "", "court", "one entry").ok());
    tx.commit();
  }
  EXPECT_EQ(Count(*db_, "journal"), 7);
  ExpectIntact(*db_);
  // A rolled-back write leaves no gap in the places.
  {
    soci::transaction tx(db_->session());
    ASSERT_TRUE(writer.AppendJournal("deadline", 8, "title", "", "gone", "rolled back").ok());
    tx.rollback();
  }
  ASSERT_TRUE(writer.AppendJournal("deadline", 9, "title", "", "kept", "after the rollback").ok());
  ExpectIntact(*db_);
}

// Writers on separate connections, each in its own transactions: none chains to a
// predecessor another already took.
TEST_P(Issue13Item14ChainStoreTest, ConcurrentWritersTakeTurns) {
  constexpr int kThreads = 4, kEntries = 25;
  std::vector<std::unique_ptr<Database>> connections;
  for (int t = 0; t < kThreads; ++t) {
    auto db = Database::Open(url_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    connections.push_back(std::move(*db));
  }
  std::vector<int> failures(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      FixedClock clock("2018-07-26T00:00:00.000Z");
      CaseWriter writer(*connections[t], "writer" + std::to_string(t), clock);
      for (int i = 0; i < kEntries; ++i) {
        try {
          soci::transaction tx(connections[t]->session());
          const bool ok = writer.AppendJournal("deadline", t, "title", "", std::to_string(i), "race").ok() &&
                          writer.AppendJournal("deadline", t, "kind", "", "court", "race").ok();
          if (ok) tx.commit();
          failures[t] += !ok;
        } catch (const std::exception&) {
          ++failures[t];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(failures[t], 0) << "writer" << t;
  EXPECT_EQ(Count(*db_, "journal"), 2 * kThreads * kEntries);
  ExpectIntact(*db_);
}

// A database made before the chains (schema 6) with entries in both tables: the
// migration chains them in id order, so it verifies, and writes go on from there.
TEST_P(Issue13Item14ChainStoreTest, MigrationChainsEntriesWrittenBefore) {
  std::string url = url_ + "-old";
  if (GetParam() == "postgresql") {
    Result<std::string> fresh = testing::TestPostgres::Instance().NewDatabaseUrl();
    ASSERT_TRUE(fresh.ok()) << fresh.status().ToString();
    url = *fresh;
  }
  const Backend backend = GetParam() == "sqlite" ? Backend::kSqlite : Backend::kPostgres;
  {
    soci::session old(GetParam() == "sqlite" ? *soci::factory_sqlite3() : *soci::factory_postgresql(), url);
    old << "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)";
    for (const Migration& m : Migrations()) {
      if (m.version > 6) break;
      for (const auto& step : m.steps) old << MigrationSql(step, backend);
      for (const auto& step : backend == Backend::kSqlite ? m.sqlite_steps : m.postgres_steps)
        old << MigrationSql(step, backend);
      old << "INSERT INTO schema_migrations (version, applied_at) VALUES (:v, 'then')", soci::use(m.version);
    }
    for (int i = 1; i <= 5; ++i) {
      old << "INSERT INTO journal (actor, at, entity, entity_id, field, before_value, after_value, reason) "
             "VALUES ('ana', '2018-07-2" + std::to_string(i) + "', 'person', " + std::to_string(i) +
                 ", 'phones', '', '+502', 'old')";
      old << "INSERT INTO audit_log (at, actor, role, action, entity, entity_id, detail, remote) "
             "VALUES ('2018-07-2" + std::to_string(i) + "', 'ana', 'admin', 'login', 'user', 1, '', 'cli')";
    }
    old << "DELETE FROM journal WHERE id = 3";  // ids with a gap are chained all the same
  }
  auto db = Database::Open(url);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ExpectIntact(**db);
  EXPECT_EQ(Count(**db, "journal"), 4);
  FixedClock clock("2018-07-27T00:00:00.000Z");
  ASSERT_TRUE(CaseWriter(**db, "ana", clock).AppendJournal("deadline", 1, "title", "", "new", "after").ok());
  ExpectIntact(**db);
  // The audit log is append-only again.
  EXPECT_ANY_THROW((*db)->session() << "UPDATE audit_log SET actor = 'someone else'");
  EXPECT_ANY_THROW((*db)->session() << "DELETE FROM audit_log");
}

REUNITE_ON_BOTH_BACKENDS(Issue13Item14ChainStoreTest);

TEST(Issue13Item14Anchor, LineReadsBackAsPrinted) {
  Anchor anchor{"2026-12-10T12:00:00.000Z",
                {{"journal", 12, 40, "2026-12-10T11:59:58.123Z", std::string(64, 'a')},
                 {"audit_log", 0, 0, "", GenesisHash()}}};
  const std::string line = FormatAnchor(anchor);
  EXPECT_EQ(line.substr(0, 47), "reunite-anchor/1 made=2026-12-10T12:00:00.000Z ");
  Result<Anchor> back = ParseAnchor(line + "\r\n");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(FormatAnchor(*back), line);
  ASSERT_EQ(back->points.size(), 2u);
  EXPECT_EQ(back->points[0].seq, 12);
  EXPECT_EQ(back->points[0].id, 40);
  EXPECT_EQ(back->points[0].at, "2026-12-10T11:59:58.123Z");
  for (const std::string& bad :
       {std::string("hello"), line.substr(0, 40), std::string("reunite-anchor/1 made=x journal=seq:1,id:2,at:t"),
        std::string("reunite-anchor/1 made=x journal=seq:1,id:2,at:t,hash:XYZ"),
        std::string("reunite-anchor/1 made=x people=seq:1,id:2,at:t,hash:") + std::string(64, 'a')})
    EXPECT_EQ(ParseAnchor(bad).status().code(), StatusCode::kInvalidArgument) << bad;
}

TEST(Issue13Item14Anchor, HashCoversEveryFieldPlaceAndPredecessor) {
  const ChainTable& t = JournalChain();
  const std::vector<std::string_view> fields = {"ana", "2018", "person", "1", "phones", "", "+502", "why"};
  const std::string h = ChainHash(t, GenesisHash(), 1, 1, fields);
  EXPECT_EQ(h.size(), 64u);
  EXPECT_EQ(ChainHash(t, GenesisHash(), 1, 1, fields), h);
  EXPECT_NE(ChainHash(t, std::string(64, '1'), 1, 1, fields), h);
  EXPECT_NE(ChainHash(t, GenesisHash(), 2, 1, fields), h);
  EXPECT_NE(ChainHash(t, GenesisHash(), 1, 2, fields), h);
  EXPECT_NE(ChainHash(AuditChain(), GenesisHash(), 1, 1, fields), h);
  for (size_t i = 0; i < fields.size(); ++i) {
    std::vector<std::string_view> changed = fields;
    changed[i] = "x";
    EXPECT_NE(ChainHash(t, GenesisHash(), 1, 1, changed), h) << i;
  }
  // Lengths are encoded: moving a character between fields changes the hash.
  std::vector<std::string_view> shifted = fields;
  shifted[5] = "+";
  shifted[6] = "502";
  EXPECT_NE(ChainHash(t, GenesisHash(), 1, 1, shifted), h);
}

}  // namespace
}  // namespace reunite
