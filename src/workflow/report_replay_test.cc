#include "workflow/report_replay.h"

#include <gtest/gtest.h>

#include "store/case_writer.h"
#include "store/test_postgres.h"
#include "workflow/report_format.h"
#include "workflow/report_test_support.h"

namespace reunite::report {
namespace {

using testing::Count;
using testing::CountBy;
using testing::ReportAdult;
using testing::ReportChild;

// Families written through CaseWriter on 2018-07-20 (c1 with a removed father
// and a detained mother, c2 with a released father and a rejected link, c3 with
// nobody), then edits on 2018-08-01.
class ReportReplayTest : public reunite::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    auto tree = DefaultCategoryTree();
    ASSERT_TRUE(tree.ok()) << tree.status().ToString();
    tree_ = *tree;
  }
  // The writer's prepared statements go before the connection they belong to.
  void TearDown() override {
    writer_.reset();
    StoreTest::TearDown();
  }

  PersonId Create(const Person& p) {
    auto id = Writer().CreatePerson(p, "list");
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }
  FamilyLinkId Link(PersonId child, PersonId adult, Relationship r) {
    auto id = Writer().AddFamilyLink({0, child, adult, r, Verification::kClaimed}, "review");
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }
  CaseWriter& Writer() {
    if (!writer_) writer_ = std::make_unique<CaseWriter>(*db_, "caseworker", clock_);
    return *writer_;
  }
  void SeedJuly() {
    c1_ = Create(ReportChild("GT"));
    c2_ = Create(ReportChild("HN"));
    c3_ = Create(ReportChild(""));
    a1_ = Create(ReportAdult(CustodyStatus::kRemoved, "GT", "GT-QC"));
    a2_ = Create(ReportAdult(CustodyStatus::kDetained, ""));
    a3_ = Create(ReportAdult(CustodyStatus::kReleased, ""));
    a4_ = Create(ReportAdult(CustodyStatus::kRemoved, "HN", "HN-CR"));
    Link(c1_, a1_, Relationship::kFather);
    Link(c1_, a2_, Relationship::kMother);
    Link(c2_, a3_, Relationship::kFather);
    FamilyLinkId wrong = Link(c2_, a4_, Relationship::kFather);
    auto rejected = Writer().UpdateFamilyLink({wrong, c2_, a4_, Relationship::kFather, Verification::kRejected},
                                              "DNA says no");
    ASSERT_TRUE(rejected.ok()) << rejected.status().ToString();
  }
  // A mother removed to HN, a new child and link; all after July.
  void EditAugust() {
    clock_.AdvanceSeconds(12 * 24 * 3600);
    Person mother = ReportAdult(CustodyStatus::kRemoved, "HN", "HN-CR");
    mother.id = a2_;
    auto updated = Writer().UpdatePerson(mother, "ICE list of 2018-08-01");
    ASSERT_TRUE(updated.ok()) << updated.status().ToString();
    PersonId c4 = Create(ReportChild("SV"));
    Link(c4, a3_, Relationship::kFather);
  }
  StatusReport Build(const std::string& as_of) {
    auto t = ParseAsOf(as_of);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    auto r = BuildStatusReport(*db_, t.ok() ? *t : "", tree_);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : StatusReport{};
  }

  FixedClock clock_{"2018-07-20T09:00:00.000Z"};
  std::unique_ptr<CaseWriter> writer_;
  CategoryTree tree_;
  PersonId c1_ = 0, c2_ = 0, c3_ = 0, a1_ = 0, a2_ = 0, a3_ = 0, a4_ = 0;
};

TEST_P(ReportReplayTest, EmptyJournalCountsZeroInEveryNode) {
  StatusReport r = Build("2018-07-26");
  EXPECT_EQ(r.journal_entries, 0);
  ASSERT_EQ(r.nodes.size(), tree_.nodes.size());
  for (const auto& n : r.nodes) EXPECT_EQ(n.count, 0) << n.id;
  EXPECT_TRUE(r.countries.empty());
}

TEST_P(ReportReplayTest, CountsChildrenAndParentsByWhereaboutsCountryAndDepartment) {
  SeedJuly();
  StatusReport r = Build("2018-07-26");
  EXPECT_EQ(r.as_of, "2018-07-26T23:59:59.999Z");
  EXPECT_EQ(Count(r, "children"), 3);
  EXPECT_EQ(Count(r, "parents"), 3);  // a4's only link is rejected
  EXPECT_EQ(Count(r, "children_parent_outside_us"), 1);   // c1 through a1
  EXPECT_EQ(Count(r, "children_parent_in_us"), 2);        // c1 through a2, c2 through a3
  EXPECT_EQ(Count(r, "children_parent_whereabouts_unknown"), 1);  // c3, nobody linked
  EXPECT_EQ(Count(r, "parents_outside_us"), 1);
  EXPECT_EQ(Count(r, "parents_in_us"), 2);
  EXPECT_EQ(Count(r, "parents_not_located"), 3);
  EXPECT_EQ(Count(r, "parents_decision_pending"), 3);
  EXPECT_EQ(Count(r, "children_remaining"), 3);
  EXPECT_EQ(CountBy(r, "children", "GT"), 1);
  EXPECT_EQ(CountBy(r, "children", "HN"), 1);
  EXPECT_EQ(CountBy(r, "children", kUnknownKey), 1);
  EXPECT_EQ(CountBy(r, "children", "GT-QC", true), 1);  // c1's first parent with a department
  EXPECT_EQ(CountBy(r, "parents_outside_us", "GT"), 1);
  EXPECT_EQ(CountBy(r, "parents_outside_us", "GT-QC", true), 1);
  EXPECT_EQ(CountBy(r, "parents", kUnknownKey, true), 2);
  EXPECT_EQ(r.countries.back(), kUnknownKey);
}

TEST_P(ReportReplayTest, PastReportIsUnchangedByLaterEdits) {
  SeedJuly();
  const std::string before = RenderJson(Build("2018-07-26"));
  EditAugust();
  EXPECT_EQ(RenderJson(Build("2018-07-26")), before);
  StatusReport now = Build("2018-08-01");
  EXPECT_EQ(Count(now, "children"), 4);
  EXPECT_EQ(Count(now, "parents_outside_us"), 2);  // the mother, removed since
  EXPECT_EQ(Count(now, "parents_in_us"), 1);
  EXPECT_EQ(CountBy(now, "parents_outside_us", "HN-CR", true), 1);
  EXPECT_GT(now.journal_entries, 0);
}

TEST_P(ReportReplayTest, DateBeforeAnyDataCountsZero) {
  SeedJuly();
  EditAugust();
  StatusReport r = Build("2018-07-19");
  EXPECT_EQ(r.journal_entries, 0);
  for (const auto& n : r.nodes) EXPECT_EQ(n.count, 0) << n.id;
}

TEST_P(ReportReplayTest, TimestampCountsEntriesUpToThatMillisecond) {
  c1_ = Create(ReportChild("GT"));  // 09:00:00.000
  c2_ = Create(ReportChild("GT"));  // 09:00:00.001
  EXPECT_EQ(Count(Build("2018-07-20T09:00:00.000Z"), "children"), 1);
  EXPECT_EQ(Count(Build("2018-07-20T09:00:00.001"), "children"), 2);
  EXPECT_EQ(Count(Build("2018-07-20T08:59"), "children"), 0);
  EXPECT_EQ(Count(Build("2018-07-20T09:00"), "children"), 2);  // the whole minute
}

TEST_P(ReportReplayTest, ReplayStreamsMoreThanOnePage) {
  // More entries than one page of the keyset query (5000 rows).
  soci::transaction tx(db_->session());
  std::vector<Person> people(5200, ReportChild("GT"));
  std::vector<std::string> reasons(people.size(), "bulk");
  auto ids = Writer().CreatePeople(people, reasons);
  ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  tx.commit();
  StatusReport r = Build("2018-07-21");
  EXPECT_EQ(Count(r, "children"), 5200);
  EXPECT_EQ(r.journal_entries, 5200);
}

REUNITE_ON_BOTH_BACKENDS(ReportReplayTest);

TEST(ParseAsOfTest, DatesAndTimesNormaliseToTheJournalsForm) {
  EXPECT_EQ(*ParseAsOf("2018-07-26"), "2018-07-26T23:59:59.999Z");
  EXPECT_EQ(*ParseAsOf("2018-07-26T14:03"), "2018-07-26T14:03:59.999Z");
  EXPECT_EQ(*ParseAsOf("2018-07-26T14:03:07Z"), "2018-07-26T14:03:07.999Z");
  EXPECT_EQ(*ParseAsOf("2018-07-26T14:03:07.120Z"), "2018-07-26T14:03:07.120Z");
  EXPECT_EQ(*ParseAsOf("2016-02-29"), "2016-02-29T23:59:59.999Z");
  EXPECT_EQ(*ParseAsOf("2018-07-26 14:03"), "2018-07-26T14:03:59.999Z");  // as typed in a form
}

TEST(ParseAsOfTest, RefusesWhatIsNotADayOrTime) {
  for (const char* bad : {"", "yesterday", "2018-02-30", "2018-13-01", "26/07/2018", "2018-07-26T25:00",
                          "2018-07-26T14", "2018-07-26T14:03+02:00", "2018-07-26_14:03", "2017-02-29"}) {
    auto r = ParseAsOf(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find("--as-of"), std::string::npos) << r.status().message();
  }
}

}  // namespace
}  // namespace reunite::report
