// ReportAccess: who may read the court status report, and its audit entries, on
// both back ends.
#include "access/report_access.h"

#include <gtest/gtest.h>

#include <map>

#include "access/policy.h"
#include "access/test_cases.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

Principal Make(UserRole role) {
  Principal p;
  p.user_id = 1;
  p.username = ToString(role);
  p.role = role;
  p.team = role == UserRole::kFieldSearcher ? "north" : "";
  p.remote = "10.0.0.9";
  return p;
}

class ReportAccessTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    seed_ = testing::SeedCases(*db_, clock_);
    auto tree = report::DefaultCategoryTree();
    ASSERT_TRUE(tree.ok());
    tree_ = *tree;
  }

  FixedClock clock_{"2018-07-26T00:00:00.000Z"};
  testing::SeededCases seed_;
  report::CategoryTree tree_;
};

const std::map<UserRole, bool> kMayRead = {
    {UserRole::kAdmin, true},          {UserRole::kCoordinator, true},       {UserRole::kCaseWorker, true},
    {UserRole::kFieldSearcher, false}, {UserRole::kGovernmentLiaison, true}, {UserRole::kAuditor, true}};

TEST_P(ReportAccessTest, ReadersGetTheReportAndEveryReadOrRefusalIsAudited) {
  // The seed's day is over: a reader limited to whole days (issue 13, item 5) counts it too.
  clock_.AdvanceSeconds(24 * 60 * 60);
  for (UserRole role : AllUserRoles()) {
    const long reads = testing::CountAudits(*db_, "read_report"), denials = testing::CountAudits(*db_, "denied");
    auto r = ReportAccess(*db_, Make(role), clock_).CourtStatus("2018-07-26", tree_);
    if (kMayRead.at(role)) {
      ASSERT_TRUE(r.ok()) << ToString(role) << ": " << r.status().ToString();
      EXPECT_EQ(r->nodes.front().count, 2) << "the seeded children";
      EXPECT_EQ(testing::CountAudits(*db_, "read_report", ToString(role)), 1);
      EXPECT_EQ(testing::CountAudits(*db_, "denied"), denials);
    } else {
      ASSERT_EQ(r.status().code(), StatusCode::kPermissionDenied) << ToString(role);
      EXPECT_NE(r.status().message().find("may not read the status report"), std::string::npos);
      EXPECT_EQ(testing::CountAudits(*db_, "denied", ToString(role)), 1);
      EXPECT_EQ(testing::CountAudits(*db_, "read_report"), reads);
    }
  }
}

TEST_P(ReportAccessTest, ABadAsOfIsRefusedAndNotAuditedAsARead) {
  auto r = ReportAccess(*db_, Make(UserRole::kCoordinator), clock_).CourtStatus("2018-02-30", tree_);
  ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(testing::CountAudits(*db_, "read_report"), 0);
}

TEST_P(ReportAccessTest, NoAsOfMeansNowAndTheAuditSaysWhen) {
  auto r = ReportAccess(*db_, Make(UserRole::kCoordinator), clock_).CourtStatus("", tree_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->as_of.substr(0, 10), "2018-07-26");
  // An auditor may not see protected places: now is the end of the last whole day.
  auto whole_day = ReportAccess(*db_, Make(UserRole::kAuditor), clock_).CourtStatus("", tree_);
  ASSERT_TRUE(whole_day.ok());
  EXPECT_EQ(whole_day->as_of, "2018-07-25T23:59:59.999Z");
  AuditQuery q;
  q.action = "read_report";
  auto entries = QueryAudit(*db_, q);
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_NE(entries->back().detail.find("status as of " + r->as_of + ", tree default"), std::string::npos);
  EXPECT_NE(entries->front().detail.find("status as of 2018-07-25T23:59:59.999Z"), std::string::npos);
}

REUNITE_ON_BOTH_BACKENDS(ReportAccessTest);

TEST(ReportPolicyTest, StatusReportReadersAreThoseWhoReadReportsWithoutATeamScope) {
  EXPECT_EQ(ToString(Action::kReadReports), "read_reports");
  for (UserRole role : AllUserRoles())
    EXPECT_EQ(Allowed(Make(role), Action::kReadReports) && !TeamScoped(Make(role)), kMayRead.at(role));
}

}  // namespace
}  // namespace reunite
