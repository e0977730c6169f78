// The workflow's journal entries as the report reads them. The entries are
// JournalEntry values as docs/workflow.md names them (entity, entity id, field,
// after), applied with ApplyWorkflowEntry on top of people and links replayed
// from a journal that CaseWriter wrote; no workflow row is written by hand.
#include "workflow/report_facts.h"

#include <gtest/gtest.h>

#include "store/case_writer.h"
#include "store/test_postgres.h"
#include "workflow/report_count.h"
#include "workflow/report_replay.h"
#include "workflow/report_test_support.h"

namespace reunite::report {
namespace {

using testing::Count;
using testing::CountBy;
using testing::ReportAdult;
using testing::ReportChild;

JournalEntry Entry(const std::string& entity, std::int64_t id, const std::string& field, const std::string& after) {
  static std::int64_t next = 1000000;
  JournalEntry e;
  e.id = ++next;
  e.at = "2018-08-01T00:00:00.000Z";
  e.entity = entity;
  e.entity_id = id;
  e.field = field;
  e.after = after;
  return e;
}

// Three families from CaseWriter's journal (SQLite): c1 with a1 removed to GT,
// c2 with a2 removed to HN, c3 with a3 in detention.
class ReportFactsTest : public reunite::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    CaseWriter w(*db_, "caseworker", clock_);
    auto make = [&](const Person& p) { return *w.CreatePerson(p, "list"); };
    c1_ = make(ReportChild("GT"));
    c2_ = make(ReportChild("HN"));
    c3_ = make(ReportChild("GT"));
    a1_ = make(ReportAdult(CustodyStatus::kRemoved, "GT", "GT-HU"));
    a2_ = make(ReportAdult(CustodyStatus::kRemoved, "HN", "HN-CR"));
    a3_ = make(ReportAdult(CustodyStatus::kDetained, ""));
    for (auto [c, a] : {std::pair{c1_, a1_}, {c2_, a2_}, {c3_, a3_}})
      ASSERT_TRUE(w.AddFamilyLink({0, c, a, Relationship::kMother, Verification::kDocumented}, "review").ok());
    ASSERT_TRUE(ReplayJournal(*db_, "2018-07-31T23:59:59.999Z", facts_).ok());
    auto tree = DefaultCategoryTree();
    ASSERT_TRUE(tree.ok());
    tree_ = *tree;
  }
  void Apply(const JournalEntry& e) {
    Status s = ApplyJournalEntry(facts_, e);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  StatusReport Report() { return CountStatus(facts_, tree_, "2018-08-01T23:59:59.999Z"); }

  FixedClock clock_{"2018-07-20T09:00:00.000Z"};
  ReportFacts facts_;
  CategoryTree tree_;
  PersonId c1_ = 0, c2_ = 0, c3_ = 0, a1_ = 0, a2_ = 0, a3_ = 0;
};

TEST_P(ReportFactsTest, CategoriesNestOutsideContactedDecidedReunifiedAbroad) {
  Apply(Entry("tracing", a1_, "state", "phone_attempted"));
  Apply(Entry("tracing", a1_, "state", "in_contact"));
  Apply(Entry("tracing", a2_, "state", "in_contact"));
  Apply(Entry("decision", c1_, "kind", "reunify_home"));
  Apply(Entry("decision", c1_, "*", R"({"id":1,"child_id":)" + std::to_string(c1_) + R"(,"adult_id":)" +
                                         std::to_string(a1_) + R"(,"kind":"reunify_home","signed":true})"));
  Apply(Entry("decision", c2_, "kind", "waiver"));
  Apply(Entry("logistics", c1_, "plan", "return_home"));
  for (const char* step : {"travel_document", "flight_booked", "escort", "receiving_agency_notified", "departed",
                           "arrived", "reunified"})
    Apply(Entry("logistics_step", c1_, step, "2018-08-01"));
  StatusReport r = Report();
  EXPECT_EQ(Count(r, "parents_outside_us"), 2);
  EXPECT_EQ(Count(r, "parents_outside_contacted"), 2);
  EXPECT_EQ(Count(r, "parents_outside_decided_home"), 1);
  EXPECT_EQ(Count(r, "parents_reunified_abroad"), 1);
  EXPECT_EQ(Count(r, "parents_outside_waiver"), 1);
  EXPECT_EQ(Count(r, "parents_outside_not_contacted"), 0);
  EXPECT_EQ(Count(r, "children_reunified_abroad"), 1);
  EXPECT_EQ(CountBy(r, "children_reunified_abroad", "GT"), 1);
  EXPECT_EQ(CountBy(r, "parents_reunified_abroad", "GT-HU", true), 1);
  EXPECT_EQ(Count(r, "parents_located"), 2);
  EXPECT_EQ(Count(r, "parents_in_contact"), 2);
  EXPECT_EQ(Count(r, "parents_not_located"), 1);
  EXPECT_EQ(Count(r, "children_decision_pending"), 1);
  EXPECT_EQ(Count(r, "children_decision_waiver"), 1);
  EXPECT_EQ(Count(r, "children_reunified"), 1);
  EXPECT_EQ(Count(r, "children_remaining"), 2);
  // Every node holds no more than its parent node of the same unit.
  for (const auto& n : r.nodes) {
    if (!n.parent.empty() && testing::Node(r, n.parent)->unit == n.unit) {
      EXPECT_LE(n.count, Count(r, n.parent)) << n.id;
    }
  }
}

TEST_P(ReportFactsTest, NotEligibleByReasonFollowsOpenFinalFlags) {
  auto flag = [&](std::int64_t id, PersonId adult, const std::string& kind, const std::string& finality) {
    Apply(Entry("eligibility_flag", id, "*",
                R"({"id":)" + std::to_string(id) + R"(,"adult_id":)" + std::to_string(adult) + R"(,"kind":")" +
                    kind + R"(","finality":")" + finality + R"(","contested":false,"outcome":"pending","open":true})"));
  };
  flag(1, a1_, "criminal_custody", "final");
  flag(2, a1_, "communicable_disease", "provisional");
  flag(3, a3_, "not_parent", "final");
  Apply(Entry("eligibility", a1_, "status", "ineligible"));
  Apply(Entry("eligibility", a3_, "status", "ineligible"));
  StatusReport r = Report();
  EXPECT_EQ(Count(r, "parents_not_eligible"), 2);
  EXPECT_EQ(Count(r, "parents_not_eligible_criminal_custody"), 1);
  EXPECT_EQ(Count(r, "parents_not_eligible_communicable_disease"), 0);  // provisional
  EXPECT_EQ(Count(r, "parents_not_eligible_not_parent"), 1);
  EXPECT_EQ(Count(r, "children_not_eligible"), 2);

  // Overturned on contest, then the custody flag resolved on release.
  Apply(Entry("eligibility_flag", 3, "contested", "1"));
  Apply(Entry("eligibility_flag", 3, "outcome", "overturned"));
  Apply(Entry("eligibility_flag", 1, "open", "0"));
  Apply(Entry("eligibility", a1_, "status", "under_review"));
  Apply(Entry("eligibility", a3_, "status", "eligible"));
  r = Report();
  EXPECT_EQ(Count(r, "parents_not_eligible"), 0);
  EXPECT_EQ(Count(r, "parents_not_eligible_not_parent"), 0);
}

TEST_P(ReportFactsTest, ClosureAndReopeningMoveTheFamilyOutOfAndBackIntoRemaining) {
  Apply(Entry("closure", c3_, "reason", "child_aged_out"));
  EXPECT_EQ(Count(Report(), "children_remaining"), 2);
  Apply(Entry("closure", c3_, "reason", ""));
  EXPECT_EQ(Count(Report(), "children_remaining"), 3);
  Apply(Entry("closure", c2_, "reason", "reunified"));
  EXPECT_EQ(Count(Report(), "children_reunified"), 1);
}

TEST_P(ReportFactsTest, WorkflowValuesOutsideTheContractAreErrorsNamingTheEntry) {
  for (const JournalEntry& e : {Entry("tracing", a1_, "state", "found_him"),
                                Entry("decision", c1_, "kind", "reunify"),
                                Entry("logistics_step", c1_, "boarded", "2018-08-01"),
                                Entry("closure", c1_, "reason", "done"),
                                Entry("eligibility_flag", 9, "*", "not json"),
                                Entry("eligibility_flag", 9, "*", R"({"adult_id":5,"kind":"rumour"})")}) {
    Status s = ApplyWorkflowEntry(facts_, e);
    ASSERT_FALSE(s.ok()) << e.entity << " " << e.after;
    EXPECT_NE(s.message().find("journal entry " + std::to_string(e.id)), std::string::npos) << s.message();
  }
}

TEST_P(ReportFactsTest, EntitiesTheReportDoesNotCountAreSkipped) {
  const long before = facts_.entries_applied;
  Apply(Entry("contact", 1, "*", "{}"));
  Apply(Entry("deadline", 1, "*", "not even json"));
  EXPECT_EQ(facts_.entries_applied, before);
}

REUNITE_ON_BOTH_BACKENDS(ReportFactsTest);

TEST(InternerTest, EmptyIsZeroAndIdsAreStable) {
  Interner in;
  EXPECT_EQ(in.Id(""), 0u);
  const auto gt = in.Id("GT");
  EXPECT_EQ(in.Id("GT"), gt);
  EXPECT_NE(in.Id("HN"), gt);
  EXPECT_EQ(in.Name(gt), "GT");
  EXPECT_EQ(in.Find("SV"), Interner::kMissing);
}

}  // namespace
}  // namespace reunite::report
