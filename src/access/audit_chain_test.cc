// Issue 13, item 14: an audit log or journal entry edited, deleted, slipped in or
// moved in the database (around Reunite, by whoever can reach the tables) is
// caught by verification at that entry, and a chain recomputed whole after an edit
// is caught by an anchor taken before. Both chains, both back ends.
#include "access/audit_chain.h"

#include <gtest/gtest.h>

#include <thread>

#include "access/audit.h"
#include "access/audit_writer.h"
#include "access/test_cases.h"
#include "store/case_writer.h"
#include "store/chain.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

Principal Someone(const std::string& name, UserRole role) {
  Principal p;
  p.user_id = 1;
  p.username = name;
  p.role = role;
  p.remote = "10.0.0.7";
  return p;
}

class Issue13Item14TamperTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    CaseWriter writer(*db_, "ana", clock_);
    const Principal ana = Someone("ana", UserRole::kCoordinator);
    for (int i = 0; i < 6; ++i) {
      ASSERT_TRUE(writer.AppendJournal("deadline", i, "title", "", "court " + std::to_string(i), "why").ok());
      ASSERT_TRUE(AppendAudit(*db_, clock_, ana, "update_person", "person", i, "detail " + std::to_string(i)).ok());
    }
    Expect(std::nullopt);
  }

  std::vector<long long> Ids(const ChainTable& t) {
    std::vector<long long> ids(100);
    db_->session() << "SELECT id FROM " + t.name + " ORDER BY id", soci::into(ids);
    return ids;
  }
  long long SeqOf(const ChainTable& t, long long id) {
    long long seq = 0;
    db_->session() << "SELECT seq FROM " + t.name + " WHERE id = :id", soci::use(id), soci::into(seq);
    return seq;
  }

  // What an intruder with the database's password does first: lift the audit
  // log's append-only triggers.
  void Unprotect(const ChainTable& t) {
    if (t.name != "audit_log") return;
    if (GetParam() == "sqlite") {
      db_->session() << "DROP TRIGGER IF EXISTS audit_log_no_update";
      db_->session() << "DROP TRIGGER IF EXISTS audit_log_no_delete";
    } else {
      db_->session() << "ALTER TABLE audit_log DISABLE TRIGGER USER";
    }
  }
  void Tamper(const ChainTable& t, const std::string& sql) {
    Unprotect(t);
    db_->session() << sql;
  }
  static std::string TextColumn(const ChainTable& t) { return t.name == "journal" ? "reason" : "detail"; }

  // Recomputes every hash of `t` in place: a chain consistent in itself again
  // after an edit.
  void Rewrite(const ChainTable& t) {
    Unprotect(t);
    std::string previous = GenesisHash();
    for (const StoredChainEntry& e : ReadChainEntries(db_->session(), t, 0, 1000)) {
      previous = ChainHash(t, previous, e.seq, e.id, e.Fields());
      db_->session() << "UPDATE " + t.name + " SET hash = :h WHERE id = :id", soci::use(previous), soci::use(e.id);
    }
  }

  // Verification finds `want` (table, id, kind), or nothing.
  void Expect(const std::optional<ChainBreak>& want, const std::vector<Anchor>& anchors = {}) {
    Result<VerifyReport> report = VerifyChains(*db_, anchors);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    if (!want) {
      EXPECT_FALSE(report->broken) << report->broken->table << " " << report->broken->id << ": "
                                   << report->broken->why;
      return;
    }
    ASSERT_TRUE(report->broken) << "not caught: " << want->table << " " << want->id << " " << want->kind;
    EXPECT_EQ(report->broken->table, want->table) << report->broken->why;
    EXPECT_EQ(report->broken->id, want->id) << report->broken->why;
    EXPECT_EQ(report->broken->kind, want->kind) << report->broken->why;
  }

  void ExpectEditCaught(const ChainTable& t) {
    const std::vector<long long> ids = Ids(t);
    Tamper(t, "UPDATE " + t.name + " SET " + TextColumn(t) + " = 'nothing happened' WHERE id = " +
                  std::to_string(ids[2]));
    Expect(ChainBreak{t.name, ids[2], "changed", ""});
  }
  void ExpectDeleteCaught(const ChainTable& t) {
    const std::vector<long long> ids = Ids(t);
    Tamper(t, "DELETE FROM " + t.name + " WHERE id = " + std::to_string(ids[2]));
    Expect(ChainBreak{t.name, ids[3], "missing", ""});
  }
  // The chain's end removed leaves a shorter chain, consistent in itself: an
  // anchor taken before shows it.
  void ExpectDeleteLastCaughtByAnchor(const ChainTable& t) {
    Result<Anchor> anchor = CurrentAnchor(*db_, clock_.NowIso());
    ASSERT_TRUE(anchor.ok()) << anchor.status().ToString();
    const std::vector<long long> ids = Ids(t);
    Tamper(t, "DELETE FROM " + t.name + " WHERE id = " + std::to_string(ids.back()));
    Expect(std::nullopt);
    Expect(ChainBreak{t.name, ids.back(), "anchor", ""}, {*anchor});
  }
  void ExpectSwappedIdsCaught(const ChainTable& t) {
    const std::vector<long long> ids = Ids(t);
    const std::string a = std::to_string(ids[2]), b = std::to_string(ids[3]), table = t.name;
    Tamper(t, "UPDATE " + table + " SET id = -1 WHERE id = " + a);
    db_->session() << "UPDATE " + table + " SET id = " + a + " WHERE id = " + b;
    db_->session() << "UPDATE " + table + " SET id = " + b + " WHERE id = -1";
    Expect(ChainBreak{t.name, ids[2], "out_of_order", ""});
  }
  void ExpectSwappedSequencesCaught(const ChainTable& t) {
    const std::vector<long long> ids = Ids(t);
    const long long a = SeqOf(t, ids[1]), b = SeqOf(t, ids[4]);
    Tamper(t, "UPDATE " + t.name + " SET seq = " + std::to_string(b) + " WHERE id = " + std::to_string(ids[1]));
    db_->session() << "UPDATE " + t.name + " SET seq = " + std::to_string(a) + " WHERE id = " + std::to_string(ids[4]);
    Expect(ChainBreak{t.name, ids[1], "out_of_order", ""});
  }
  void ExpectInsertCaught(const ChainTable& t) {
    const std::string values = t.name == "journal"
        ? "(actor, at, entity, entity_id, field, before_value, after_value, reason) VALUES ('ana', 'x', 'person', 1, "
          "'phones', '', '+502', 'planted')"
        : "(at, actor, role, action, entity, entity_id, detail, remote) VALUES ('x', 'ana', 'admin', 'login', "
          "'user', 1, 'planted', 'cli')";
    Tamper(t, "INSERT INTO " + t.name + " " + values);
    Expect(ChainBreak{t.name, Ids(t).back(), "inserted", ""});
  }
  void ExpectRewriteCaughtByAnchor(const ChainTable& t) {
    Result<Anchor> anchor = CurrentAnchor(*db_, clock_.NowIso());
    ASSERT_TRUE(anchor.ok()) << anchor.status().ToString();
    const std::vector<long long> ids = Ids(t);
    Tamper(t, "UPDATE " + t.name + " SET " + TextColumn(t) + " = 'nothing happened' WHERE id = " +
                  std::to_string(ids[1]));
    Rewrite(t);
    Expect(std::nullopt);                                        // consistent in itself,
    Expect(ChainBreak{t.name, ids.back(), "anchor", ""}, {*anchor});  // but not what was anchored
  }
  void ExpectRewriteCaughtByRecordedAnchor(const ChainTable& t) {
    Result<Anchor> anchor = CurrentAnchor(*db_, clock_.NowIso());
    ASSERT_TRUE(anchor.ok()) << anchor.status().ToString();
    ASSERT_TRUE(RecordAnchor(*db_, *anchor, "ana").ok());
    const std::vector<long long> ids = Ids(t);
    Tamper(t, "UPDATE " + t.name + " SET " + TextColumn(t) + " = 'nothing happened' WHERE id = " +
                  std::to_string(ids[4]));
    Rewrite(t);
    Expect(ChainBreak{t.name, ids.back(), "anchor", ""});
  }

  FixedClock clock_{"2018-07-26T00:00:00.000Z"};
};

TEST_P(Issue13Item14TamperTest, EditedJournalEntry) { ExpectEditCaught(JournalChain()); }
TEST_P(Issue13Item14TamperTest, EditedAuditEntry) { ExpectEditCaught(AuditChain()); }
TEST_P(Issue13Item14TamperTest, DeletedJournalEntry) { ExpectDeleteCaught(JournalChain()); }
TEST_P(Issue13Item14TamperTest, DeletedAuditEntry) { ExpectDeleteCaught(AuditChain()); }
TEST_P(Issue13Item14TamperTest, DeletedLastJournalEntry) { ExpectDeleteLastCaughtByAnchor(JournalChain()); }
TEST_P(Issue13Item14TamperTest, DeletedLastAuditEntry) { ExpectDeleteLastCaughtByAnchor(AuditChain()); }
TEST_P(Issue13Item14TamperTest, SwappedJournalIds) { ExpectSwappedIdsCaught(JournalChain()); }
TEST_P(Issue13Item14TamperTest, SwappedAuditIds) { ExpectSwappedIdsCaught(AuditChain()); }
TEST_P(Issue13Item14TamperTest, SwappedJournalSequences) { ExpectSwappedSequencesCaught(JournalChain()); }
TEST_P(Issue13Item14TamperTest, SwappedAuditSequences) { ExpectSwappedSequencesCaught(AuditChain()); }
TEST_P(Issue13Item14TamperTest, PlantedJournalEntry) { ExpectInsertCaught(JournalChain()); }
TEST_P(Issue13Item14TamperTest, PlantedAuditEntry) { ExpectInsertCaught(AuditChain()); }
TEST_P(Issue13Item14TamperTest, RewrittenJournalCaughtByAnchor) { ExpectRewriteCaughtByAnchor(JournalChain()); }
TEST_P(Issue13Item14TamperTest, RewrittenAuditLogCaughtByAnchor) { ExpectRewriteCaughtByAnchor(AuditChain()); }
TEST_P(Issue13Item14TamperTest, RewrittenJournalCaughtByRecordedAnchor) {
  ExpectRewriteCaughtByRecordedAnchor(JournalChain());
}
TEST_P(Issue13Item14TamperTest, RewrittenAuditLogCaughtByRecordedAnchor) {
  ExpectRewriteCaughtByRecordedAnchor(AuditChain());
}

TEST_P(Issue13Item14TamperTest, OnlyAdminsAndAuditorsVerifyAndAnchor) {
  EXPECT_TRUE(VerifyAuditChains(*db_, clock_, Someone("olga", UserRole::kAuditor)).ok());
  EXPECT_TRUE(RecordAnchorNow(*db_, clock_, Someone("root", UserRole::kAdmin)).ok());
  const Principal worker = Someone("cw", UserRole::kCaseWorker);
  EXPECT_EQ(VerifyAuditChains(*db_, clock_, worker).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(TakeAnchor(*db_, clock_, worker).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(testing::CountAudits(*db_, "denied", "cw"), 2);
  Expect(std::nullopt);  // the refusals' entries chained like any other
}

// The group-commit writer of reads and direct appends on other connections, at
// once: each entry gets a place of its own.
TEST_P(Issue13Item14TamperTest, AuditWritersOnManyConnectionsTakeTurns) {
  auto writer_db = Database::Open(url_);
  ASSERT_TRUE(writer_db.ok()) << writer_db.status().ToString();
  AuditWriter group(**writer_db);
  constexpr int kThreads = 6, kEntries = 15;
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
      FixedClock clock("2018-07-26T01:00:00.000Z");
      const Principal who = Someone("p" + std::to_string(t), UserRole::kCoordinator);
      for (int i = 0; i < kEntries; ++i) {
        AuditEntry e{0, clock.NowIso(), who.username, "coordinator", "read_protected", "person", i, "phones", "x"};
        const Status s = t % 2 ? group.Append({e, e}) : AppendAudit(*connections[t], clock, who, "login", "user", i, "");
        failures[t] += !s.ok();
        if (!s.ok()) ADD_FAILURE() << s.ToString();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(failures[t], 0) << t;
  Expect(std::nullopt);
  long long n = 0;
  db_->session() << "SELECT COUNT(*) FROM audit_log", soci::into(n);
  EXPECT_EQ(n, 6 + (kThreads / 2) * kEntries * 3);
}

REUNITE_ON_BOTH_BACKENDS(Issue13Item14TamperTest);

}  // namespace
}  // namespace reunite
