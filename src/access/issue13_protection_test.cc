// Issue 13, items 1 to 6 ("Protection that follows the person"): the leaks of
// protected data, one regression test each, named after its item. Every test
// looks at the values themselves (phone digits, village, department, facility,
// removal country): absent for the roles that may not see them, present for the
// roles that may, and the allowed reads audited.
#include <gtest/gtest.h>

#include <algorithm>

#include "access/case_access.h"
#include "access/report_access.h"
#include "access/review_access.h"
#include "access/test_cases.h"
#include "access/workflow_access.h"
#include "match/explanation_json.h"
#include "store/repositories.h"
#include "store/test_postgres.h"
#include "workflow/report_format.h"

namespace reunite {
namespace {

using testing::MakePrincipal;

// a2's values after MoveA2: what must not leak.
constexpr const char* kPhoneDigits = testing::kA2PhoneDigits;
constexpr const char* kVillage = testing::kA2Village;
constexpr const char* kMunicipality = "Chiantla";
constexpr const char* kDepartment = "GT-HU";
constexpr const char* kFacility = "Port Isabel";

using testing::Has;

class Issue13Test : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    s_ = testing::SeedCases(*db_, clock_);
    MoveA2();
  }

  // a2 (at risk) lives somewhere no one else does, so its values are easy to find.
  void MoveA2() {
    Person a2 = *PersonRepository(*db_).Get(s_.a2);
    a2.location = {"", "GT", kDepartment, kMunicipality, std::string("Aldea ") + kVillage,
                   std::string("Aldea ") + kVillage + ", Chiantla, Huehuetenango"};
    ASSERT_TRUE(CaseWriter(*db_, "seed", clock_).UpdatePerson(a2, "seed").ok());
  }

  // Another list's record of a2: the same woman, not marked at risk.
  PersonId CopyOfA2(const std::string& phone = "+50255550002") {
    Person copy = *PersonRepository(*db_).Get(s_.a2);
    copy.id = 0;
    copy.phones = {phone};
    copy.location.facility = kFacility;
    return *CaseWriter(*db_, "seed", clock_).CreatePerson(copy, "seed");
  }

  CaseAccess Case(UserRole role, const std::string& team = "") {
    return CaseAccess(*db_, MakePrincipal(role, team), clock_);
  }
  ReviewAccess Review(UserRole role) { return ReviewAccess(*db_, MakePrincipal(role), clock_); }
  WorkflowAccess Workflow(UserRole role, const std::string& team = "") {
    return WorkflowAccess(*db_, MakePrincipal(role, team), clock_);
  }

  // The audit entries of `action` by `actor` about person `id`.
  std::vector<AuditEntry> AuditsOf(const std::string& action, const std::string& actor, PersonId id) {
    return testing::AuditsAbout(*db_, action, actor, id);
  }

  // A family-link candidate (c2, a2) whose stored explanation holds a2's phone and home place.
  std::int64_t FamilyLinkToA2() {
    match::Explanation e;
    e.left_id = std::to_string(s_.c2);
    e.right_id = std::to_string(s_.a2);
    e.prior_weight = -8;
    e.steps = {{"surname_line", "Pop", "Caal", 8, "no surname shared", 0.1, 0.5, -2.32, false, 0},
               {"home_place", "", std::string("Aldea ") + kVillage + ", Chiantla, GT-HU", 0, "exact", 0.6, 0.01,
                5.9, false, 0},
               {"phone", "", "+50255550002", 0, "equal", 0.5, 0.001, 8.97, false, 0}};
    e.total_weight = e.prior_weight - 2.32 + 5.9 + 8.97;
    const std::int64_t id = testing::InsertCandidate(*db_, "family_link", s_.c2, s_.a2, "mother");
    const std::string text = match::ExplanationToJson(e);
    const long long key = id;
    db_->session() << "UPDATE review_candidates SET explanation = :e WHERE id = :id", soci::use(text),
        soci::use(key);
    return id;
  }

  FixedClock clock_{"2018-07-26T00:00:00.000Z"};
  testing::SeededCases s_;
};

TEST_P(Issue13Test, Issue13Item1ReviewExplanationWithholdsValues) {
  const std::int64_t id = FamilyLinkToA2();
  // A case worker may not see a2's phone and home: the single read and the list.
  auto item = Review(UserRole::kCaseWorker).Get(id);
  ASSERT_TRUE(item.ok()) << item.status().ToString();
  EXPECT_TRUE(item->protection.touches_protected);
  EXPECT_EQ(item->protection.withheld, (std::vector<std::string>{"location", "phones"}));
  ASSERT_TRUE(item->explanation);
  for (const auto& step : item->explanation->steps) {
    if (step.comparison == "surname_line") EXPECT_EQ(step.right_value, "Caal");
    else EXPECT_EQ(step.right_value, "[withheld]") << step.comparison;
  }
  // The waterfall still explains: levels and weights as scored.
  EXPECT_EQ(item->explanation->steps[2].level_label, "equal");
  EXPECT_DOUBLE_EQ(item->explanation->steps[2].weight, 8.97);
  for (const std::string& text : {item->candidate.explanation, match::ExplanationToJson(*item->explanation)}) {
    EXPECT_FALSE(Has(text, kPhoneDigits)) << text;
    EXPECT_FALSE(Has(text, kVillage)) << text;
  }
  ReviewQuery all;
  all.limit = 500;
  auto page = Review(UserRole::kCaseWorker).List(all);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->items.size(), page->protection.size());
  bool listed = false;
  for (std::size_t i = 0; i < page->items.size(); ++i) {
    EXPECT_FALSE(Has(page->items[i].explanation, kPhoneDigits));
    EXPECT_FALSE(Has(page->items[i].explanation, kVillage));
    if (page->items[i].id != id) continue;
    listed = true;
    EXPECT_TRUE(page->protection[i].touches_protected);
    EXPECT_EQ(page->protection[i].withheld, (std::vector<std::string>{"location", "phones"}));
  }
  EXPECT_TRUE(listed);
  // Only her protection notes, which case workers may read, were shown of a2.
  for (const AuditEntry& e : AuditsOf("read_protected", "case_worker", s_.a2))
    EXPECT_EQ(e.detail, "protection_notes") << "nothing of a2's location or phones was shown";

  // A coordinator sees them, and each read that showed them is audited.
  auto shown = Review(UserRole::kCoordinator).Get(id);
  ASSERT_TRUE(shown.ok());
  EXPECT_TRUE(shown->protection.withheld.empty());
  EXPECT_TRUE(Has(shown->candidate.explanation, kPhoneDigits));
  EXPECT_TRUE(Has(shown->candidate.explanation, kVillage));
  EXPECT_FALSE(AuditsOf("read_protected", "coordinator", s_.a2).empty());
  const std::size_t before = AuditsOf("read_protected", "coordinator", s_.a2).size();
  ASSERT_TRUE(Review(UserRole::kCoordinator).List(all).ok());
  auto after = AuditsOf("read_protected", "coordinator", s_.a2);
  ASSERT_EQ(after.size(), before + 1);
  EXPECT_TRUE(Has(after.front().detail, "location,phones (review list)")) << after.front().detail;
  // The queue page's summary reads no explanation: nothing to audit, the marker kept.
  auto summary = Review(UserRole::kCoordinator).List(all, ReviewListDetail::kSummary);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(AuditsOf("read_protected", "coordinator", s_.a2).size(), before + 1);
  for (const auto& c : summary->items) EXPECT_TRUE(c.explanation.empty());
}

TEST_P(Issue13Test, Issue13Item2ProtectionFollowsThePerson) {
  const PersonId copy = CopyOfA2();
  ASSERT_TRUE(CaseWriter(*db_, "seed", clock_)
                  .AddFamilyLink({0, s_.c2, copy, Relationship::kMother, Verification::kClaimed}, "seed")
                  .ok());
  // Not yet known to be the same person: shown as any record.
  auto open = Case(UserRole::kCaseWorker).GetPerson(copy);
  ASSERT_TRUE(open.ok());
  EXPECT_EQ(open->person.phones, (std::vector<std::string>{"+50255550002"}));
  EXPECT_FALSE(open->protected_person);
  EXPECT_EQ(Case(UserRole::kGovernmentLiaison).GetPerson(copy)->person.location.facility, kFacility);

  // A pending duplicate candidate with the record at risk protects it.
  const std::int64_t dup = testing::InsertCandidate(*db_, "duplicate", s_.a2, copy, "");
  auto hidden = Case(UserRole::kCaseWorker).GetPerson(copy);
  ASSERT_TRUE(hidden.ok());
  EXPECT_TRUE(hidden->protected_person);
  EXPECT_FALSE(hidden->at_risk);
  EXPECT_TRUE(hidden->person.phones.empty());
  EXPECT_EQ(hidden->person.location.village, "");
  EXPECT_EQ(hidden->person.location.department, "");
  EXPECT_EQ(hidden->person.location.facility, "");
  EXPECT_EQ(hidden->withheld, (std::vector<std::string>{"location", "phones"}));
  EXPECT_EQ(Case(UserRole::kGovernmentLiaison).GetPerson(copy)->person.location.facility, "")
      << "the liaison sees no facility of a protected person";
  // Families: the copy is c2's mother.
  auto family = Case(UserRole::kCaseWorker).GetFamily(s_.c2);
  ASSERT_TRUE(family.ok());
  for (const auto& m : family->adults) {
    EXPECT_TRUE(m.adult.person.phones.empty() || m.adult.person.id != copy);
    if (m.adult.person.id == copy) {
      EXPECT_EQ(m.adult.person.location.village, "");
    }
  }
  for (const auto& e : family->timeline) {
    EXPECT_FALSE(Has(e.after, kVillage)) << e.field << " " << e.after;
    EXPECT_FALSE(Has(e.after, kPhoneDigits)) << e.field << " " << e.after;
  }
  // Lists and the review queue say the record is protected.
  PersonQuery people;
  people.text = "Caal";
  auto listed = Case(UserRole::kCaseWorker).ListPeople(people);  // kept: a range-for over *temporary dangles
  ASSERT_TRUE(listed.ok());
  for (const auto& r : *listed) EXPECT_TRUE(r.protected_person);
  ReviewQuery q;
  q.kind = CandidateKind::kDuplicate;
  auto queue = Review(UserRole::kCaseWorker).List(q, ReviewListDetail::kSummary);
  ASSERT_TRUE(queue.ok());
  for (std::size_t i = 0; i < queue->items.size(); ++i)
    EXPECT_EQ(queue->protection[i].touches_protected, queue->items[i].id == dup) << queue->items[i].id;
  // The coordinators see everything of it.
  EXPECT_EQ(Case(UserRole::kCoordinator).GetPerson(copy)->person.location.facility, kFacility);

  // Found to be someone else (by a coordinator): no longer protected.
  ASSERT_TRUE(Review(UserRole::kCoordinator).Reject(dup, "different women").ok());
  EXPECT_FALSE(Case(UserRole::kCaseWorker).GetPerson(copy)->person.phones.empty());
  // Accepted as the same person, and a third record accepted as the same as the
  // second: both protected, transitively.
  AcceptOptions same;
  same.reason = "same A-number";
  ASSERT_TRUE(Review(UserRole::kCoordinator).Accept(dup, same).ok());
  const PersonId third = CopyOfA2("+50255559999");
  const std::int64_t dup2 = testing::InsertCandidate(*db_, "duplicate", copy, third, "");
  ASSERT_TRUE(Review(UserRole::kCaseWorker).Accept(dup2, same).ok());
  for (PersonId id : {copy, third}) {
    auto v = Case(UserRole::kCaseWorker).GetPerson(id);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->protected_person) << id;
    EXPECT_TRUE(v->person.phones.empty()) << id;
    EXPECT_EQ(v->person.location.municipality, "") << id;
  }
}

TEST_P(Issue13Test, Issue13Item3OnlyCoordinatorsRemoveProtection) {
  // A case worker may mark a person at risk, but not lift it.
  EXPECT_TRUE(Case(UserRole::kCaseWorker).SetAtRisk(s_.a1, true, std::nullopt, "threatened").ok());
  const Status lift = Case(UserRole::kCaseWorker).SetAtRisk(s_.a2, false, std::nullopt, "moved to safety");
  EXPECT_EQ(lift.code(), StatusCode::kPermissionDenied) << lift.ToString();
  EXPECT_TRUE(Case(UserRole::kCoordinator).GetPerson(s_.a2)->at_risk);
  EXPECT_EQ(testing::CountAudits(*db_, "denied", "case_worker"), 1);
  EXPECT_TRUE(Case(UserRole::kCaseWorker).GetPerson(s_.a2)->person.phones.empty());
  // Nor by saying a duplicate of a protected person is someone else.
  const PersonId copy = CopyOfA2();
  const std::int64_t dup = testing::InsertCandidate(*db_, "duplicate", s_.a2, copy, "");
  EXPECT_EQ(Review(UserRole::kCaseWorker).Reject(dup, "different").code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(Case(UserRole::kCaseWorker).GetPerson(copy)->person.phones.empty());
  for (UserRole role : {UserRole::kFieldSearcher, UserRole::kGovernmentLiaison, UserRole::kAuditor})
    EXPECT_EQ(Case(role, "north").SetAtRisk(s_.a2, false, std::nullopt, "x").code(), StatusCode::kPermissionDenied);

  // A coordinator may, with a reason.
  EXPECT_EQ(Case(UserRole::kCoordinator).SetAtRisk(s_.a2, false, std::nullopt, " ").code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(Case(UserRole::kAdmin).GetPerson(s_.a2)->at_risk);
  ASSERT_TRUE(Case(UserRole::kCoordinator).SetAtRisk(s_.a2, false, std::nullopt, "moved to the capital").ok());
  EXPECT_EQ(testing::CountAudits(*db_, "remove_protection", "coordinator"), 1);
  bool journaled = false;
  for (const JournalEntry& e : JournalRepository(*db_).ForEntity("person_protection", s_.a2))
    journaled = journaled || (e.field == "at_risk" && e.after == "0" && e.reason == "moved to the capital" &&
                              e.actor == "coordinator");
  EXPECT_TRUE(journaled);
  // Shown on the person: who, when, why (the reason not to those who may not see notes).
  auto view = Case(UserRole::kCaseWorker).GetPerson(s_.a2);
  ASSERT_TRUE(view.ok() && view->protection_removed);
  EXPECT_EQ(view->protection_removed->by, "coordinator");
  EXPECT_EQ(view->protection_removed->reason, "moved to the capital");
  EXPECT_FALSE(view->protection_removed->at.empty());
  EXPECT_EQ(Case(UserRole::kGovernmentLiaison).GetPerson(s_.a2)->protection_removed->reason, "");
  // The other coordinators are told; the one who did it is not; others may not ask.
  auto told = Case(UserRole::kAdmin).ProtectionRemovals(30, 50);
  ASSERT_TRUE(told.ok());
  ASSERT_EQ(told->size(), 1u);
  EXPECT_EQ(told->front().person_id, s_.a2);
  EXPECT_EQ(told->front().removal.by, "coordinator");
  EXPECT_TRUE(Case(UserRole::kCoordinator).ProtectionRemovals(30, 50)->empty());
  EXPECT_EQ(Case(UserRole::kCaseWorker).ProtectionRemovals(30, 50).status().code(), StatusCode::kPermissionDenied);
  clock_.AdvanceSeconds(31LL * 24 * 60 * 60);
  EXPECT_TRUE(Case(UserRole::kAdmin).ProtectionRemovals(30, 50)->empty()) << "older than the window";
}

TEST_P(Issue13Test, Issue13Item4SearchTasksWithholdPlaces) {
  auto task = [](PersonId adult, std::string department, std::string municipality, std::string village) {
    workflow::SearchTask t;
    t.adult_id = adult;
    t.country = "GT";
    t.department = std::move(department);
    t.municipality = std::move(municipality);
    t.village = std::move(village);
    t.organisation = "ICRC";
    t.team = "north";
    return t;
  };
  workflow::SearchTask at_risk = task(s_.a2, kDepartment, kMunicipality, kVillage);
  ASSERT_TRUE(Workflow(UserRole::kCoordinator).AddSearchTask(at_risk, "seed").ok());
  workflow::SearchTask other = task(s_.a1, "GT-AV", "Cobán", "Chamelco");
  ASSERT_TRUE(Workflow(UserRole::kCoordinator).AddSearchTask(other, "seed").ok());

  auto tasks = Workflow(UserRole::kCaseWorker).SearchTasks({});
  ASSERT_TRUE(tasks.ok());
  ASSERT_EQ(tasks->size(), 2u);
  for (const auto& t : *tasks) {
    const bool protected_adult = t.adult_id == s_.a2;
    for (const std::string* v : {&t.country, &t.department, &t.municipality, &t.village})
      EXPECT_EQ(*v == "[withheld]", protected_adult) << *v;
  }
  // A filter on the place would say whose it is.
  workflow::TaskQuery by_place;
  by_place.department = kDepartment;
  EXPECT_TRUE(Workflow(UserRole::kCaseWorker).SearchTasks(by_place)->empty());
  by_place.department = "";
  by_place.country = "GT";
  EXPECT_EQ(Workflow(UserRole::kCaseWorker).SearchTasks(by_place)->size(), 1u);
  auto plan = Workflow(UserRole::kCaseWorker).SearchPlan("north");
  ASSERT_TRUE(plan.ok());
  for (const auto& row : *plan) {
    EXPECT_NE(row.department, kDepartment);
    EXPECT_NE(row.village, kVillage);
  }
  // The worker's reads showed a1's village (audited), not a2's.
  EXPECT_TRUE(AuditsOf("read_protected", "case_worker", s_.a2).empty());
  auto worker_reads = AuditsOf("read_protected", "case_worker", s_.a1);
  ASSERT_EQ(worker_reads.size(), 3u) << "two task lists that showed a1, and the plan";
  EXPECT_EQ(worker_reads.front().detail, "location (search plan)");
  EXPECT_EQ(worker_reads.back().detail, "location (search tasks)");

  // The coordinator and the family's team see a2's places; each read is audited.
  for (auto [role, team] : {std::pair{UserRole::kCoordinator, ""}, std::pair{UserRole::kFieldSearcher, "north"}}) {
    auto seen = Workflow(role, team).SearchTasks({});
    ASSERT_TRUE(seen.ok());
    bool shown = false;
    for (const auto& t : *seen) shown = shown || (t.adult_id == s_.a2 && t.village == kVillage);
    EXPECT_TRUE(shown) << ToString(role);
    ASSERT_TRUE(Workflow(role, team).SearchPlan("north").ok());
    const std::string actor = MakePrincipal(role, team).username;
    auto reads = AuditsOf("read_protected", actor, s_.a2);
    ASSERT_EQ(reads.size(), 2u) << actor;
    EXPECT_EQ(reads.front().detail, "location (search plan)");
  }
}

TEST_P(Issue13Test, Issue13Item5ReportsDoNotRevealByDifference) {
  auto tree = report::DefaultCategoryTree();
  ASSERT_TRUE(tree.ok());
  clock_.AdvanceSeconds(24 * 60 * 60);  // 2018-07-27: the seed's day has ended
  auto liaison = [&](const std::string& as_of) {
    auto r = ReportAccess(*db_, MakePrincipal(UserRole::kGovernmentLiaison), clock_).CourtStatus(as_of, *tree);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : report::StatusReport{};
  };
  const report::StatusReport before = liaison("");
  EXPECT_EQ(before.as_of, "2018-07-26T23:59:59.999Z") << "whole days only";
  const std::string json = report::RenderJson(before);
  EXPECT_FALSE(Has(json, kDepartment)) << json;
  EXPECT_TRUE(Has(json, "\"fewer_than\": 5")) << json;
  EXPECT_FALSE(Has(json, "\"count\": 2")) << "two children: fewer than 5";
  EXPECT_TRUE(Has(report::RenderCsv(before), "fewer than 5"));
  EXPECT_TRUE(Has(report::RenderMarkdown(before, "es"), "menos de 5"));
  EXPECT_TRUE(Has(report::RenderHtml(before, "en"), "fewer than 5"));

  // A list update moves the protected mother; reports a moment before and after
  // it, and the next day's, say nothing of where she went.
  Person a2 = *PersonRepository(*db_).Get(s_.a2);
  a2.location.department = "GT-QC";
  a2.location.municipality = "Chichicastenango";
  ASSERT_TRUE(CaseWriter(*db_, "ICE", clock_).UpdatePerson(a2, "ICE list of 2018-07-27").ok());
  const std::string after_update = clock_.NowIso();
  EXPECT_EQ(report::RenderJson(liaison("")), json);
  EXPECT_EQ(report::RenderJson(liaison(after_update)), json);
  clock_.AdvanceSeconds(24 * 60 * 60);
  const std::string next_day = report::RenderJson(liaison(""));
  EXPECT_FALSE(Has(next_day, "GT-QC")) << next_day;
  EXPECT_FALSE(Has(next_day, kDepartment)) << next_day;
  for (UserRole role : {UserRole::kCaseWorker, UserRole::kAuditor}) {
    auto r = ReportAccess(*db_, MakePrincipal(role), clock_).CourtStatus("", *tree);
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(Has(report::RenderJson(*r), "GT-QC")) << ToString(role);
  }

  // Coordinators and admins get the report as it is, to the millisecond.
  auto full = ReportAccess(*db_, MakePrincipal(UserRole::kCoordinator), clock_).CourtStatus(after_update, *tree);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->as_of, after_update);
  const std::string full_json = report::RenderJson(*full);
  EXPECT_TRUE(Has(full_json, "GT-QC")) << full_json;
  EXPECT_FALSE(Has(full_json, "fewer_than"));
}

TEST_P(Issue13Test, Issue13Item6RemovalCountryAndTaskRefusals) {
  CaseWriter writer(*db_, "ICE", clock_);
  for (PersonId id : {s_.a1, s_.a2}) {
    Person p = *PersonRepository(*db_).Get(id);
    p.custody = {CustodyStatus::kRemoved, {2018, 7, 20}, "HN"};
    ASSERT_TRUE(writer.UpdatePerson(p, "removed").ok());
  }
  EXPECT_EQ(Case(UserRole::kCaseWorker).GetPerson(s_.a2)->person.custody.removal_country, "");
  EXPECT_EQ(Case(UserRole::kCaseWorker).GetPerson(s_.a1)->person.custody.removal_country, "HN");
  EXPECT_EQ(Case(UserRole::kGovernmentLiaison).GetPerson(s_.a1)->person.custody.removal_country, "")
      << "the liaison sees no adult's home country";
  EXPECT_EQ(Case(UserRole::kCoordinator).GetPerson(s_.a2)->person.custody.removal_country, "HN");
  // Nor in the family's timeline.
  auto family = Case(UserRole::kCaseWorker).GetFamily(s_.c1);
  ASSERT_TRUE(family.ok());
  for (const JournalEntry& e : family->timeline)
    if (e.entity == "person" && e.entity_id == s_.a2 && e.field == "removal_country") {
      EXPECT_EQ(e.after, "[withheld]");
    }

  // Closing another team's task: refused without saying whose it is.
  workflow::SearchTask seeded;
  seeded.adult_id = s_.a2;
  seeded.country = "GT";
  seeded.department = kDepartment;
  auto task = Workflow(UserRole::kCoordinator).AddSearchTask(seeded, "seed");
  ASSERT_TRUE(task.ok()) << task.status().ToString();
  const Status refused = Workflow(UserRole::kFieldSearcher, "south").CloseSearchTask(*task, "done", "located", "x");
  EXPECT_EQ(refused.code(), StatusCode::kNotFound);
  EXPECT_EQ(refused.message(), "no search task " + std::to_string(*task));
  EXPECT_FALSE(Has(refused.message(), "person"));
  const Status closed = Workflow(UserRole::kFieldSearcher, "north").CloseSearchTask(*task, "done", "located", "x");
  EXPECT_TRUE(closed.ok()) << closed.ToString();
}

REUNITE_ON_BOTH_BACKENDS(Issue13Test);

}  // namespace
}  // namespace reunite
