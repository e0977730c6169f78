// ReviewAccess and ImportAccess: who may review and import, what they see of the
// pair's people, and the audit entries, on both back ends.
#include <gtest/gtest.h>

#include <map>

#include "access/import_access.h"
#include "access/review_access.h"
#include "access/test_cases.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

class ReviewImportAccessTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    seed_ = testing::SeedCases(*db_, clock_);
  }

  long Audits(const std::string& action, const std::string& actor = "") {
    return testing::CountAudits(*db_, action, actor);
  }

  FixedClock clock_{"2018-07-26T00:00:00.000Z"};
  testing::SeededCases seed_;
};

const std::map<UserRole, bool> kMayReview = {
    {UserRole::kAdmin, true},          {UserRole::kCoordinator, true},        {UserRole::kCaseWorker, true},
    {UserRole::kFieldSearcher, false}, {UserRole::kGovernmentLiaison, false}, {UserRole::kAuditor, false}};

TEST_P(ReviewImportAccessTest, ReviewIsForReviewersOnlyAndRefusalsAreAudited) {
  for (UserRole role : AllUserRoles()) {
    const Principal who = testing::MakePrincipal(role, role == UserRole::kFieldSearcher ? "north" : "");
    ReviewAccess access(*db_, who, clock_);
    const StatusCode want = kMayReview.at(role) ? StatusCode::kOk : StatusCode::kPermissionDenied;
    EXPECT_EQ(access.List({}).status().code(), want) << ToString(role);
    EXPECT_EQ(access.Get(seed_.duplicate).status().code(), want) << ToString(role);
    if (!kMayReview.at(role)) {
      EXPECT_EQ(access.Accept(seed_.duplicate, {}).status().code(), want) << ToString(role);
      EXPECT_EQ(access.Reject(seed_.duplicate, "no").code(), want) << ToString(role);
      EXPECT_EQ(Audits("denied", who.username), 4) << ToString(role);
    }
  }
}

TEST_P(ReviewImportAccessTest, ListCountsAndFilters) {
  ReviewAccess access(*db_, testing::MakePrincipal(UserRole::kCaseWorker), clock_);
  ReviewQuery q;
  q.limit = 1;
  auto page = access.List(q);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->total, 2);
  q.kind = CandidateKind::kFamilyLink;
  q.limit = 10;
  page = access.List(q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].id, seed_.family_link);
}

TEST_P(ReviewImportAccessTest, GetWithholdsThroughCaseAccess) {
  // a2 is at risk: a case worker may review a pair with her, but not see where she is.
  const std::int64_t id = testing::InsertCandidate(*db_, "duplicate", seed_.a2, seed_.a3, "");
  auto item = ReviewAccess(*db_, testing::MakePrincipal(UserRole::kCaseWorker), clock_).Get(id);
  ASSERT_TRUE(item.ok()) << item.status().ToString();
  EXPECT_EQ(item->left.withheld, (std::vector<std::string>{"location", "phones"}));
  EXPECT_TRUE(item->left.person.phones.empty());
  EXPECT_TRUE(item->right.withheld.empty());
  EXPECT_EQ(item->right.person.phones.size(), 1u);
  auto full = ReviewAccess(*db_, testing::MakePrincipal(UserRole::kCoordinator), clock_).Get(id);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->left.person.phones.size(), 1u);
}

TEST_P(ReviewImportAccessTest, AcceptAndRejectAreAudited) {
  const Principal who = testing::MakePrincipal(UserRole::kCoordinator);
  ReviewAccess access(*db_, who, clock_);
  AcceptOptions options;
  options.verification = Verification::kDocumented;
  options.reason = "birth certificate";
  auto accepted = access.Accept(seed_.family_link, options);
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_NE(accepted->link_id, 0);
  EXPECT_EQ(Audits("review_accept", who.username), 1);
  EXPECT_EQ(access.Get(seed_.family_link)->candidate.status, ReviewStatus::kAccepted);
  EXPECT_EQ(access.Reject(seed_.duplicate, "different birth years").code(), StatusCode::kOk);
  EXPECT_EQ(Audits("review_reject", who.username), 1);
  // A refused decision writes no audit entry of a decision.
  EXPECT_EQ(access.Reject(seed_.duplicate, "again").code(), StatusCode::kConflict);
  EXPECT_EQ(Audits("review_reject", who.username), 1);
  EXPECT_EQ(access.Get(999999).status().code(), StatusCode::kNotFound);
}

constexpr const char* kChildren =
    "record_id,first_name,last_name,dob,country\n"
    "ORR-1,Ana,Xol,2012-03-04,Guatemala\n"
    "ORR-2,Luis,Pop,2011-05-06,Guatemala\n";

ImportOptions ChildList(bool dry_run) {
  ImportOptions options;
  options.source = "ORR";
  options.list.role = Role::kChild;
  options.list.file_name = "children.csv";
  options.list.today = "2018-07-26";
  options.dry_run = dry_run;
  return options;
}

TEST_P(ReviewImportAccessTest, ImportIsForAdminsAndCoordinators) {
  for (UserRole role : AllUserRoles()) {
    const Principal who = testing::MakePrincipal(role, role == UserRole::kFieldSearcher ? "north" : "");
    auto report = ImportAccess(*db_, who, clock_).Import(kChildren, ChildList(true));
    const bool may = role == UserRole::kAdmin || role == UserRole::kCoordinator;
    EXPECT_EQ(report.status().code(), may ? StatusCode::kOk : StatusCode::kPermissionDenied) << ToString(role);
    EXPECT_EQ(Audits(may ? "import" : "denied", who.username), 1) << ToString(role);
  }
}

TEST_P(ReviewImportAccessTest, ImportWritesAsThePrincipalAndAuditsTheCounts) {
  const Principal who = testing::MakePrincipal(UserRole::kCoordinator);
  auto dry = ImportAccess(*db_, who, clock_).Import(kChildren, ChildList(true));
  ASSERT_TRUE(dry.ok()) << dry.status().ToString();
  EXPECT_FALSE(dry->written);
  EXPECT_EQ(dry->created, 2);
  auto report = ImportAccess(*db_, who, clock_).Import(kChildren, ChildList(false));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->written);
  AuditQuery q;
  q.action = "import";
  auto entries = QueryAudit(*db_, q);
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_NE(entries->at(0).detail.find("source ORR, file children.csv"), std::string::npos) << entries->at(0).detail;
  EXPECT_NE(entries->at(0).detail.find("created 2"), std::string::npos) << entries->at(0).detail;
  EXPECT_NE(entries->at(1).detail.find("dry run"), std::string::npos) << entries->at(1).detail;
}

REUNITE_ON_BOTH_BACKENDS(ReviewImportAccessTest);

}  // namespace
}  // namespace reunite
