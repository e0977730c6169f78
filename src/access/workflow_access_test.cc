// WorkflowAccess: the new actions against every role (access/policy.h's matrix),
// team scope, withholding for people at risk, and an audit entry per write in the
// write's transaction; on both back ends.
#include "access/workflow_access.h"
// Tests build records with partial aggregate initialisers ({0, adult, ...}); the
// members left out take their defaults, which is the point.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#include <gtest/gtest.h>

#include <functional>
#include <map>

#include "access/test_cases.h"
#include "store/repositories.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

using namespace workflow;

class WorkflowAccessTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    s_ = testing::SeedCases(*db_, clock_);
  }

  WorkflowAccess As(UserRole role, const std::string& team = "") {
    return WorkflowAccess(*db_, testing::MakePrincipal(role, role == UserRole::kFieldSearcher && team.empty() ? "north" : team), clock_);
  }
  Contact CallTo(PersonId adult) { return Contact{0, adult, 0, "call", "no_answer", "+50255550001"}; }
  long long Rows(const char* table) {
    long long n = 0;
    db_->session() << (std::string("SELECT COUNT(*) FROM ") + table), soci::into(n);
    return n;
  }

  FixedClock clock_{"2018-07-26T14:00:00.000Z"};
  testing::SeededCases s_;
};

TEST_P(WorkflowAccessTest, EachActionFollowsThePolicyMatrix) {
  Result<std::int64_t> task = As(UserRole::kAdmin).AddSearchTask({0, s_.a1}, "seed");
  ASSERT_TRUE(task.ok()) << task.status().ToString();
  // One call per action, on the family of c1 (team north), which field searchers reach.
  std::map<Action, std::function<Status(WorkflowAccess&)>> calls = {
      {Action::kTrace, [&](WorkflowAccess& w) { return w.AddContact(CallTo(s_.a1)).status(); }},
      {Action::kWorkSearchTasks, [&](WorkflowAccess& w) { return w.AddSearchTask({0, s_.a2}, "x").status(); }},
      {Action::kAssignSearchTasks,
       [&](WorkflowAccess& w) { return w.AssignSearchTask(*task, "ICRC", "north", "x").status(); }},
      {Action::kRecordDecisions,
       [&](WorkflowAccess& w) {
         return w.SetDecision({0, s_.c1, s_.a1, "waiver", "es", false, "", "", "2018-07-20", true}).status();
       }},
      {Action::kFlagEligibility,
       [&](WorkflowAccess& w) {
         return w.AddEligibilityFlag({0, s_.a1, "not_parent", "DNA", "HHS", "provisional"}, "x").status();
       }},
      {Action::kManageLogistics, [&](WorkflowAccess& w) { return w.SetLogisticsPlan(s_.c1, "reunion_us", ""); }},
      {Action::kCloseFamilies, [&](WorkflowAccess& w) { return w.CloseFamily(s_.c1, "lost", "", ""); }},
      {Action::kManageDeadlines,
       [&](WorkflowAccess& w) { return w.AddDeadline({0, "report", "court", "2018-08-01", s_.c1}, "x").status(); }},
      {Action::kReadWorkflow, [&](WorkflowAccess& w) { return w.Contacts(s_.a1).status(); }},
      {Action::kReadReports, [&](WorkflowAccess& w) { return w.Due("2018-08-01", 7).status(); }},
  };
  for (UserRole role : AllUserRoles()) {
    WorkflowAccess w = As(role);
    for (auto& [action, call] : calls) {
      const long before = testing::CountAudits(*db_, "denied", w.principal().username);
      Status s = call(w);
      const bool allowed = Allowed(w.principal(), action);
      EXPECT_EQ(s.code() == StatusCode::kPermissionDenied, !allowed)
          << ToString(role) << " " << ToString(action) << ": " << s.ToString();
      if (!allowed) {
        EXPECT_EQ(testing::CountAudits(*db_, "denied", w.principal().username), before + 1);
      }
    }
  }
  // Liaisons and auditors read reports only.
  for (UserRole role : {UserRole::kGovernmentLiaison, UserRole::kAuditor}) {
    EXPECT_TRUE(As(role).Due("2018-08-01", 7).ok());
    EXPECT_EQ(As(role).SearchPlan("").status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(As(role).Eligibility(s_.a1).status().code(), StatusCode::kPermissionDenied);
  }
}

TEST_P(WorkflowAccessTest, FieldSearchersWorkOnlyTheirTeamsFamilies) {
  WorkflowAccess north = As(UserRole::kFieldSearcher, "north");
  WorkflowAccess south = As(UserRole::kFieldSearcher, "south");
  EXPECT_TRUE(north.AddContact(CallTo(s_.a1)).ok());
  EXPECT_EQ(north.AddContact(CallTo(s_.a3)).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(south.AddContact(CallTo(s_.a1)).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(testing::CountAudits(*db_, "denied", "field_searcher_south"), 1);
  ASSERT_TRUE(As(UserRole::kAdmin).AddSearchTask({0, s_.a1}, "x").ok());
  ASSERT_TRUE(As(UserRole::kAdmin).AddSearchTask({0, s_.a3}, "x").ok());
  EXPECT_EQ(As(UserRole::kAdmin).SearchTasks({})->size(), 2u);
  EXPECT_EQ(north.SearchTasks({})->size(), 1u);
  EXPECT_EQ(south.SearchTasks({})->size(), 0u);
  EXPECT_EQ(north.SearchPlan("south").status().code(), StatusCode::kPermissionDenied);
  // The first-contact rule: a north searcher sees only a2 (a1 was called), not a3.
  auto due = north.Due("2018-07-27", 7);
  ASSERT_TRUE(due.ok()) << due.status().ToString();
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].adult_id, s_.a2);
  EXPECT_EQ(As(UserRole::kAdmin).Due("2018-07-27", 7)->size(), 2u);
  // "" is now; a time to the minute covers that whole minute, as the status report's
  // as-of does (the people were created at 14:00:00.0xx).
  EXPECT_EQ(north.Due("", 7)->size(), 1u);
  EXPECT_EQ(north.Due("2018-07-26T14:00", 7)->size(), 1u);
  EXPECT_EQ(north.Due("2018-07-26T13:59", 7)->size(), 0u);
}

TEST_P(WorkflowAccessTest, EveryWriteIsAuditedAndARefusalWritesNothing) {
  WorkflowAccess admin = As(UserRole::kAdmin);
  Result<std::int64_t> contact = admin.AddContact(CallTo(s_.a1));
  ASSERT_TRUE(contact.ok());
  ASSERT_TRUE(admin.SetTracingState(s_.a1, TracingState::kPhoneAttempted, {*contact, 0}, "").ok());
  EXPECT_EQ(testing::CountAudits(*db_, "add_contact"), 1);
  EXPECT_EQ(testing::CountAudits(*db_, "set_tracing_state"), 1);
  const long long journal = Rows("journal"), audit = Rows("audit_log");
  EXPECT_EQ(admin.SetTracingState(s_.a1, TracingState::kLocated, {*contact, 0}, "").status().code(),
            StatusCode::kConflict);
  EXPECT_EQ(admin.AddContact({0, s_.a1, 0, "call", "no_answer"}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(admin.Due("next week", 7).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Rows("journal"), journal);
  EXPECT_EQ(Rows("audit_log"), audit);
  EXPECT_EQ(Rows("contacts"), 1);
}

TEST_P(WorkflowAccessTest, ContactsOfAPersonAtRiskHideNumberAndPlace) {
  ASSERT_TRUE(As(UserRole::kAdmin).AddContact(CallTo(s_.a2)).ok());
  auto for_worker = As(UserRole::kCaseWorker).Contacts(s_.a2);
  ASSERT_TRUE(for_worker.ok());
  EXPECT_EQ(for_worker->at(0).number, "[withheld]");
  EXPECT_EQ(testing::CountAudits(*db_, "read_protected", "case_worker"), 0);  // nothing shown
  EXPECT_EQ(As(UserRole::kCoordinator).Contacts(s_.a2)->at(0).number, "+50255550001");
  EXPECT_EQ(testing::CountAudits(*db_, "read_protected", "coordinator"), 1);
  EXPECT_EQ(As(UserRole::kFieldSearcher, "north").Contacts(s_.a2)->at(0).number, "+50255550001");
}

TEST_P(WorkflowAccessTest, SearchPlanWithholdsTheVillageOfAParentAtRisk) {
  ASSERT_TRUE(As(UserRole::kAdmin).AddSearchTask({0, s_.a2, "GT", "GT-AV", "Cobán", "Chamelco"}, "x").ok());
  auto for_worker = As(UserRole::kCaseWorker).SearchPlan("");
  ASSERT_TRUE(for_worker.ok()) << for_worker.status().ToString();
  ASSERT_EQ(for_worker->size(), 1u);
  EXPECT_EQ(for_worker->at(0).municipality, "[withheld]");
  EXPECT_EQ(for_worker->at(0).village, "[withheld]");
  EXPECT_EQ(for_worker->at(0).open_tasks, 1);
  auto for_coordinator = As(UserRole::kCoordinator).SearchPlan("");
  ASSERT_TRUE(for_coordinator.ok());
  EXPECT_EQ(for_coordinator->at(0).village, "Chamelco");
}

REUNITE_ON_BOTH_BACKENDS(WorkflowAccessTest);

}  // namespace
}  // namespace reunite
