// The group-commit audit writer: reads on many threads at once each get their
// entries written, several reads share a transaction's entries, and a failed
// transaction fails its reads instead of letting them go out unaudited.
#include "access/audit_writer.h"

#include <gtest/gtest.h>

#include <thread>

#include "access/case_access.h"
#include "access/test_cases.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

class AuditWriterTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    cases_ = testing::SeedCases(*db_, clock_);
    auto writer_db = Database::Open(url_);
    ASSERT_TRUE(writer_db.ok()) << writer_db.status().ToString();
    writer_db_ = std::move(*writer_db);
    writer_ = std::make_unique<AuditWriter>(*writer_db_);
  }
  void TearDown() override {
    writer_.reset();
    writer_db_.reset();
    StoreTest::TearDown();
  }

  static Principal Coordinator(const std::string& name, const std::string& remote = "10.0.0.9") {
    Principal p;
    p.user_id = 1;
    p.username = name;
    p.role = UserRole::kCoordinator;
    p.remote = remote;
    return p;
  }

  FixedClock clock_{"2018-07-26T00:00:00.000Z"};
  testing::SeededCases cases_;
  std::unique_ptr<Database> writer_db_;
  std::unique_ptr<AuditWriter> writer_;
};

TEST_P(AuditWriterTest, ConcurrentReadsAllGetTheirEntries) {
  constexpr int kThreads = 8, kReads = 6;
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
      // A clock per thread (FixedClock is not thread-safe), each at its own hour.
      FixedClock clock("2018-07-26T0" + std::to_string(t) + ":00:00.000Z");
      CaseAccess access(*connections[t], Coordinator("reader" + std::to_string(t)), clock, writer_.get());
      for (int i = 0; i < kReads; ++i) {
        // Alternately one person (one entry) and a family (the child's and two adults').
        if (i % 2 == 0) failures[t] += !access.GetPerson(cases_.a1).ok();
        else failures[t] += !access.GetFamily(cases_.c1).ok();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(failures[t], 0) << "reader" << t;
    // Per reader: 3 person reads (a1) and 3 family reads (c1, a1, a2).
    EXPECT_EQ(testing::CountAudits(*db_, "read_protected", "reader" + std::to_string(t)), 3 + 3 * 3)
        << "reader" << t;
  }
  AuditQuery q;
  q.action = "read_protected";
  q.limit = 1000;
  auto entries = QueryAudit(*db_, q);
  ASSERT_TRUE(entries.ok()) << entries.status().ToString();
  ASSERT_EQ(entries->size(), static_cast<size_t>(kThreads * 12));
  for (const AuditEntry& e : *entries) {
    // The time of the read, by the reader's clock, not of the shared commit.
    EXPECT_EQ(e.at.substr(0, 13), "2018-07-26T0" + e.actor.substr(6)) << e.actor;
    EXPECT_EQ(e.role, "coordinator");
    EXPECT_EQ(e.remote, "10.0.0.9");
    EXPECT_EQ(e.entity, "person");
  }
  EXPECT_GE(writer_->transactions(), 1u);
  EXPECT_LE(writer_->transactions(), static_cast<std::uint64_t>(kThreads * kReads));
}

TEST_P(AuditWriterTest, EntriesStayAppendOnly) {
  CaseAccess access(*db_, Coordinator("reader"), clock_, writer_.get());
  ASSERT_TRUE(access.GetPerson(cases_.a1).ok());
  ASSERT_EQ(testing::CountAudits(*db_, "read_protected", "reader"), 1);
  EXPECT_ANY_THROW(db_->session() << "UPDATE audit_log SET actor = 'someone else' WHERE actor = 'reader'");
  EXPECT_ANY_THROW(db_->session() << "DELETE FROM audit_log WHERE actor = 'reader'");
  EXPECT_EQ(testing::CountAudits(*db_, "read_protected", "reader"), 1);
}

TEST_P(AuditWriterTest, AFailedCommitFailsTheRead) {
  // A trigger that refuses the entries of one remote address stands in for a
  // database that refuses the write.
  if (GetParam() == "sqlite") {
    db_->session() << "CREATE TRIGGER refuse_poison BEFORE INSERT ON audit_log WHEN NEW.remote = 'poison' "
                      "BEGIN SELECT RAISE(ABORT, 'refused'); END";
  } else {
    db_->session() << "CREATE FUNCTION refuse_poison() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END "
                      "$$ LANGUAGE plpgsql";
    db_->session() << "CREATE TRIGGER refuse_poison BEFORE INSERT ON audit_log FOR EACH ROW "
                      "WHEN (NEW.remote = 'poison') EXECUTE FUNCTION refuse_poison()";
  }
  CaseAccess poisoned(*db_, Coordinator("poisoned", "poison"), clock_, writer_.get());
  auto view = poisoned.GetPerson(cases_.a1);
  EXPECT_EQ(view.status().code(), StatusCode::kStorageError) << view.status().ToString();
  auto family = poisoned.GetFamily(cases_.c1);
  EXPECT_EQ(family.status().code(), StatusCode::kStorageError) << family.status().ToString();
  EXPECT_EQ(testing::CountAudits(*db_, "read_protected", "poisoned"), 0);
  // The writer goes on with the next transaction.
  CaseAccess fine(*db_, Coordinator("fine"), clock_, writer_.get());
  EXPECT_TRUE(fine.GetPerson(cases_.a1).ok());
  EXPECT_EQ(testing::CountAudits(*db_, "read_protected", "fine"), 1);
}

TEST_P(AuditWriterTest, NoEntriesNoTransaction) {
  // A read that showed nothing protected appends nothing: no wait, no transaction.
  EXPECT_TRUE(writer_->Append({}).ok());
  EXPECT_EQ(writer_->transactions(), 0u);
}

REUNITE_ON_BOTH_BACKENDS(AuditWriterTest);

}  // namespace
}  // namespace reunite
