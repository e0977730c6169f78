// ReviewAccess and ImportAccess: who may review and import, what they see of the
// pair's people, and the audit entries, on both back ends.
#include <gtest/gtest.h>

#include <map>

#include "access/import_access.h"
#include "access/review_access.h"
#include "access/test_cases.h"
#include "match/explanation_json.h"
#include "store/match_store.h"
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
  // a2 is at risk: a case worker may review a pair with her, but not see where she
  // is; nor where a3 is while a3 may be her (protection follows the person).
  // A pair with no protected person shows both.
  auto plain = ReviewAccess(*db_, testing::MakePrincipal(UserRole::kCaseWorker), clock_).Get(seed_.duplicate);
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(plain->right.withheld.empty());
  EXPECT_EQ(plain->right.person.phones.size(), 1u);
  EXPECT_FALSE(plain->protection.touches_protected);
  const std::int64_t id = testing::InsertCandidate(*db_, "duplicate", seed_.a2, seed_.a3, "");
  auto item = ReviewAccess(*db_, testing::MakePrincipal(UserRole::kCaseWorker), clock_).Get(id);
  ASSERT_TRUE(item.ok()) << item.status().ToString();
  EXPECT_EQ(item->left.withheld, (std::vector<std::string>{"location", "phones"}));
  EXPECT_TRUE(item->left.person.phones.empty());
  EXPECT_EQ(item->right.withheld, (std::vector<std::string>{"location", "phones"}));
  EXPECT_TRUE(item->right.person.phones.empty());
  EXPECT_TRUE(item->protection.touches_protected);
  auto full = ReviewAccess(*db_, testing::MakePrincipal(UserRole::kCoordinator), clock_).Get(id);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->left.person.phones.size(), 1u);
  EXPECT_EQ(full->right.person.phones.size(), 1u);
}

TEST_P(ReviewImportAccessTest, GetDecodesTheExplanationAndTheRunsModelHealth) {
  ReviewAccess access(*db_, testing::MakePrincipal(UserRole::kCaseWorker), clock_);
  // Seeded as version 1 explanations were stored, before runs were recorded.
  auto old = access.Get(seed_.duplicate);
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  ASSERT_TRUE(old->explanation.has_value()) << old->explanation_error;
  EXPECT_TRUE(old->explanation->steps.empty());
  EXPECT_FALSE(old->run.has_value());
  EXPECT_TRUE(old->health.empty());
  EXPECT_FALSE(old->health_warning);

  match::Explanation why;
  why.prior_weight = -6.5;
  why.steps.push_back({"a_number", "212345678", "212345678", 0, "exact", 0.95, 0.0001, 13.2, false, 0});
  why.total_weight = 6.7;
  match::ModelHealth sound{"identity_adult", true, 12, {}, {}, false, false};
  match::ModelHealth fallback{"family", false, 100, {"EM did not converge"}, {}, true, false};
  MatchRunOutcome outcome;
  outcome.proposals = {{CandidateKind::kDuplicate, seed_.a2, seed_.a3, "", 6.7, 0.99, match::ExplanationToJson(why)},
                       {CandidateKind::kDuplicate, seed_.a1, seed_.a2, "", 6.7, 0.99, "not json"}};
  outcome.model_health = match::HealthsToJson({sound, fallback});
  auto run = RecordMatchRun(*db_, "matcher", *ReadMatchState(*db_), outcome, clock_);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  ReviewQuery q;
  q.kind = CandidateKind::kDuplicate;
  std::int64_t scored = 0, unreadable = 0;
  auto listed = access.List(q);
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  for (const auto& c : listed->items) {
    if (c.left_id == seed_.a2) scored = c.id;
    if (c.left_id == seed_.a1 && c.right_id == seed_.a2) unreadable = c.id;
  }
  auto item = access.Get(scored);
  ASSERT_TRUE(item.ok()) << item.status().ToString();
  ASSERT_TRUE(item->explanation.has_value());
  EXPECT_EQ(*item->explanation, why);
  ASSERT_TRUE(item->run.has_value());
  EXPECT_EQ(item->run->id, run->id);
  ASSERT_EQ(item->health.size(), 2u);
  EXPECT_EQ(item->health[1].model, "family");
  EXPECT_TRUE(item->health[1].fallback);
  EXPECT_TRUE(item->health_warning);
  auto broken = access.Get(unreadable);
  ASSERT_TRUE(broken.ok()) << broken.status().ToString();
  EXPECT_FALSE(broken->explanation.has_value());
  EXPECT_NE(broken->explanation_error.find("explanation"), std::string::npos);
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
