// The status report over a journal the workflow writer wrote (WorkflowWriter):
// a family walked from unknown to reunified abroad, counted as of each stage,
// each past report unchanged by what came after. Both back ends.
#include <gtest/gtest.h>

#include "workflow/report_format.h"
#include "workflow/report_replay.h"
#include "workflow/report_test_support.h"
#include "workflow/test_workflow.h"

namespace reunite::workflow {
namespace {

using report::testing::Count;
using report::testing::CountBy;

class ReportWorkflowTest : public testing::WorkflowTest {
 protected:
  report::StatusReport Report(const std::string& as_of) {
    auto tree = report::DefaultCategoryTree();
    EXPECT_TRUE(tree.ok());
    auto r = report::BuildStatusReport(*db_, as_of, *tree);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : report::StatusReport{};
  }
};

TEST_P(ReportWorkflowTest, AFamilyWalkedToReunificationAbroadCountsAtEachStage) {
  // Both parents live in GT-AV (fixture): outside the US, not yet contacted.
  const std::string listed = clock_.NowIso();
  report::StatusReport r = Report(listed);
  EXPECT_EQ(Count(r, "parents_outside_us"), 2);
  EXPECT_EQ(Count(r, "parents_outside_not_contacted"), 2);
  EXPECT_EQ(Count(r, "parents_whereabouts_unknown"), 0);
  EXPECT_EQ(Count(r, "children_parent_outside_us"), 1);
  const std::string at_listed = report::RenderJson(r);

  Reach(a1);
  const std::string contacted = clock_.NowIso();
  r = Report(contacted);
  EXPECT_EQ(Count(r, "parents_outside_contacted"), 1);
  EXPECT_EQ(Count(r, "parents_in_contact"), 1);
  EXPECT_EQ(Count(r, "parents_not_located"), 1);
  const std::string at_contacted = report::RenderJson(r);

  // The mother is in criminal custody: a final flag with a reassess-by date.
  EligibilityFlag flag;
  flag.adult_id = a2;
  flag.kind = "criminal_custody";
  flag.evidence = "county jail roster";
  flag.reviewer = "HHS";
  flag.finality = "final";
  flag.reassess_by = "2018-09-01";
  ASSERT_TRUE(writer_->AddEligibilityFlag(flag, "background check").ok());
  ASSERT_TRUE(writer_->SetDecision(MakeDecision(a1, "reunify_home")).ok());
  ASSERT_TRUE(writer_->SetLogisticsPlan(c, "return_home", "").ok());
  for (const char* step : {"travel_document", "flight_booked", "escort", "receiving_agency_notified", "departed",
                           "arrived", "reunified"})
    ASSERT_TRUE(writer_->RecordLogisticsStep(c, step, "2018-07-26", "", "").ok()) << step;
  ASSERT_TRUE(writer_->CloseFamily(c, "reunified", "", "home in Cobán").ok());

  r = Report(clock_.NowIso());
  EXPECT_EQ(Count(r, "parents_outside_decided_home"), 1);
  EXPECT_EQ(Count(r, "parents_reunified_abroad"), 1);
  EXPECT_EQ(Count(r, "children_reunified_abroad"), 1);
  EXPECT_EQ(CountBy(r, "children_reunified_abroad", "GT-AV", true), 1);
  EXPECT_EQ(Count(r, "children_decision_reunify_home"), 1);
  EXPECT_EQ(Count(r, "parents_decision_reunify_home"), 2);  // the family's decision, for both its parents
  EXPECT_EQ(Count(r, "parents_not_eligible"), 1);
  EXPECT_EQ(Count(r, "parents_not_eligible_criminal_custody"), 1);
  EXPECT_EQ(Count(r, "children_reunified"), 1);
  EXPECT_EQ(Count(r, "children_remaining"), 0);

  // Each earlier report is rebuilt unchanged.
  EXPECT_EQ(report::RenderJson(Report(listed)), at_listed);
  EXPECT_EQ(report::RenderJson(Report(contacted)), at_contacted);

  // Reopened: the reunification still counts (its step is done), so not remaining.
  ASSERT_TRUE(writer_->ReopenFamily(c, "court asked to review").ok());
  r = Report(clock_.NowIso());
  EXPECT_EQ(Count(r, "children_reunified"), 1);
  EXPECT_EQ(Count(r, "children_remaining"), 0);
}

REUNITE_ON_BOTH_BACKENDS(ReportWorkflowTest);

}  // namespace
}  // namespace reunite::workflow
