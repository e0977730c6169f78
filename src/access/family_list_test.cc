// Issue 14, "Lists to run the follow-up": the families list filters and shows each
// family's tracing state, decision, eligibility, next deadline, at-risk flag,
// reunification and department, with the saved views, on both back ends.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#include <gtest/gtest.h>

#include <set>

#include "access/case_access.h"
#include "access/test_cases.h"
#include "access/workflow_access.h"
#include "store/case_writer.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

using namespace workflow;

class FamilyListTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    s_ = testing::SeedCases(*db_, clock_);
  }
  CaseAccess Case(UserRole role) { return CaseAccess(*db_, testing::MakePrincipal(role, role == UserRole::kFieldSearcher ? "north" : ""), clock_); }
  WorkflowAccess Admin() { return WorkflowAccess(*db_, testing::MakePrincipal(UserRole::kAdmin), clock_); }
  // The children listed for `q` by a coordinator.
  std::set<PersonId> Children(FamilyQuery q, UserRole role = UserRole::kCoordinator) {
    auto page = Case(role).ListFamilies(q);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    std::set<PersonId> out;
    if (page.ok())
      for (const FamilySummary& f : page->families) out.insert(f.child_id);
    return out;
  }
  std::set<PersonId> View(const std::string& name) {
    FamilyQuery q;
    EXPECT_TRUE(ApplyFamilyView(name, &q)) << name;
    return Children(q);
  }
  // a1 reached by phone: unknown -> phone_attempted -> in_contact.
  void ReachA1() {
    WorkflowAccess w = Admin();
    auto missed = w.AddContact({0, s_.a1, 0, "call", "no_answer", "+50255550001"});
    ASSERT_TRUE(missed.ok()) << missed.status().ToString();
    ASSERT_TRUE(w.SetTracingState(s_.a1, TracingState::kPhoneAttempted, {*missed, 0}, "").ok());
    auto reached = w.AddContact({0, s_.a1, 0, "call", "reached_parent", "+50255550001"});
    ASSERT_TRUE(reached.ok());
    ASSERT_TRUE(w.SetTracingState(s_.a1, TracingState::kInContact, {*reached, 0}, "").ok());
  }

  FixedClock clock_{"2018-07-26T14:00:00.000Z"};
  testing::SeededCases s_;
};

TEST_P(FamilyListTest, TheSavedViewsFollowTheWorkflow) {
  const std::set<PersonId> both = {s_.c1, s_.c2};
  EXPECT_EQ(View("not_reached"), both);
  EXPECT_TRUE(View("located_no_decision").empty());
  ReachA1();
  EXPECT_EQ(View("not_reached"), std::set<PersonId>{s_.c2});
  EXPECT_EQ(View("located_no_decision"), std::set<PersonId>{s_.c1});
  ASSERT_TRUE(Admin().SetDecision({0, s_.c1, s_.a1, "waiver", "es", false, "", "", "2018-07-20", true}).ok());
  EXPECT_TRUE(View("located_no_decision").empty());
  FamilyQuery waiver;
  waiver.decision = "waiver";
  EXPECT_EQ(Children(waiver), std::set<PersonId>{s_.c1});

  auto flag = Admin().AddEligibilityFlag({0, s_.a3, "not_parent", "DNA", "HHS", "provisional"}, "seed");
  ASSERT_TRUE(flag.ok()) << flag.status().ToString();
  EXPECT_TRUE(View("ineligible_or_contested").empty());
  ASSERT_TRUE(Admin().ReviewEligibilityFlag(*flag, "provisional", true, "pending", "the lawyers contest it").ok());
  EXPECT_EQ(View("ineligible_or_contested"), std::set<PersonId>{s_.c2});

  EXPECT_TRUE(View("deadline_7").empty());
  ASSERT_TRUE(Admin().AddDeadline({0, "Hearing", "court", "2018-08-20", s_.c1}, "seed").ok());
  EXPECT_TRUE(View("deadline_7").empty());
  ASSERT_TRUE(Admin().AddDeadline({0, "Call back", "internal", "2018-07-30", 0, s_.a3}, "seed").ok());
  EXPECT_EQ(View("deadline_7"), std::set<PersonId>{s_.c2});

  EXPECT_TRUE(View("reunifying").empty());
  Status plan = Admin().SetLogisticsPlan(s_.c1, "reunion_us", "seed");
  ASSERT_TRUE(plan.ok()) << plan.ToString();
  EXPECT_EQ(View("reunifying"), std::set<PersonId>{s_.c1});
}

TEST_P(FamilyListTest, RowsCarryTheFollowUpAndTheParentsDepartment) {
  ReachA1();
  ASSERT_TRUE(Admin().AddDeadline({0, "Call back", "internal", "2018-07-30", 0, s_.a3}, "seed").ok());
  FamilyQuery q;
  auto page = Case(UserRole::kCoordinator).ListFamilies(q);  // the index path
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->families.size(), 2u);
  const FamilySummary& c1 = page->families[0].child_id == s_.c1 ? page->families[0] : page->families[1];
  const FamilySummary& c2 = page->families[0].child_id == s_.c1 ? page->families[1] : page->families[0];
  EXPECT_EQ(c1.tracing, "in_contact");
  EXPECT_EQ(c1.decision, "pending");
  EXPECT_TRUE(c1.at_risk);  // a2, the mother, is at risk
  EXPECT_FALSE(c2.at_risk);
  EXPECT_EQ(c2.next_deadline, "2018-07-30T23:59:59.999Z");
  // The children live in a US shelter: the family's department is where a parent lives.
  EXPECT_EQ(c1.department, "GT-AV");
  q.sort = FamilySort::kNextDeadline;  // the scan path gives the same facts
  auto sorted = Case(UserRole::kCoordinator).ListFamilies(q);
  ASSERT_TRUE(sorted.ok());
  ASSERT_EQ(sorted->families.size(), 2u);
  EXPECT_EQ(sorted->families[0].child_id, s_.c2);  // the one with a deadline first
  EXPECT_EQ(sorted->families[1].tracing, "in_contact");
  EXPECT_EQ(sorted->families[1].department, "GT-AV");
  // A liaison may not see an adult's home place: no department, and none to filter on.
  auto liaison = Case(UserRole::kGovernmentLiaison).ListFamilies({});
  ASSERT_TRUE(liaison.ok());
  for (const FamilySummary& f : liaison->families) EXPECT_EQ(f.department, "") << f.child_id;
  FamilyQuery av;
  av.department = "GT-AV";
  EXPECT_EQ(Children(av), (std::set<PersonId>{s_.c1, s_.c2}));
  EXPECT_TRUE(Children(av, UserRole::kGovernmentLiaison).empty());
}

TEST_P(FamilyListTest, NameAtRiskAndTeamFilters) {
  FamilyQuery q;
  q.name = "pedro";  // the father of c2
  EXPECT_EQ(Children(q), std::set<PersonId>{s_.c2});
  q.name = "ANA XOL";
  EXPECT_EQ(Children(q), std::set<PersonId>{s_.c1});
  q.name = "Maria";  // accents ignored: María Caal, c1's mother
  EXPECT_EQ(Children(q), std::set<PersonId>{s_.c1});
  q = {};
  q.at_risk = true;
  EXPECT_EQ(Children(q), std::set<PersonId>{s_.c1});
  // A field searcher's views hold only the team's families.
  EXPECT_EQ(Children(FamilyQuery{}, UserRole::kFieldSearcher), std::set<PersonId>{s_.c1});
  FamilyQuery not_reached;
  ApplyFamilyView("not_reached", &not_reached);
  EXPECT_EQ(Children(not_reached, UserRole::kFieldSearcher), std::set<PersonId>{s_.c1});
  EXPECT_FALSE(ApplyFamilyView("everything", &q));
}

TEST_P(FamilyListTest, TheFamilyPageWarnsOfRiskEligibilitySiblingsAndDuplicates) {
  auto c1 = Case(UserRole::kCoordinator).GetFamily(s_.c1);
  ASSERT_TRUE(c1.ok()) << c1.status().ToString();
  EXPECT_TRUE(c1->warnings.at_risk);  // a2, the mother
  EXPECT_FALSE(c1->warnings.contested);
  // SeedCases puts a1 and a3 in a pending duplicate candidate.
  EXPECT_EQ(c1->warnings.parents_with_pending_duplicate, std::vector<PersonId>{s_.a1});
  auto flag = Admin().AddEligibilityFlag({0, s_.a3, "not_parent", "DNA", "HHS", "provisional"}, "seed");
  ASSERT_TRUE(flag.ok());
  ASSERT_TRUE(Admin().ReviewEligibilityFlag(*flag, "provisional", true, "pending", "contested").ok());
  auto c2 = Case(UserRole::kCoordinator).GetFamily(s_.c2);
  ASSERT_TRUE(c2.ok());
  EXPECT_FALSE(c2->warnings.at_risk);
  EXPECT_TRUE(c2->warnings.contested);
  EXPECT_TRUE(c2->warnings.siblings_deciding_otherwise.empty());
  // José is also Luis's father; reached, he decides differently for his two children.
  ReachA1();
  CaseWriter writer(*db_, "seed", clock_);
  ASSERT_TRUE(writer.AddFamilyLink({0, s_.c2, s_.a1, Relationship::kFather, Verification::kClaimed}, "seed").ok());
  ASSERT_TRUE(Admin().SetDecision({0, s_.c1, s_.a1, "waiver", "es", false, "", "", "2018-07-20", true}).ok());
  EXPECT_TRUE(Case(UserRole::kCoordinator).GetFamily(s_.c1)->warnings.siblings_deciding_otherwise.empty());
  ASSERT_TRUE(Admin().SetDecision({0, s_.c2, s_.a1, "reunify_home", "es", false, "", "", "2018-07-20", true}).ok());
  EXPECT_EQ(Case(UserRole::kCoordinator).GetFamily(s_.c1)->warnings.siblings_deciding_otherwise,
            std::vector<PersonId>{s_.c2});
}

REUNITE_ON_BOTH_BACKENDS(FamilyListTest);

}  // namespace
}  // namespace reunite
