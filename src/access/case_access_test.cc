// The authorisation matrix: every CaseAccess operation against every role, with
// team scoping and people at risk, on both back ends.
#include "access/case_access.h"
#include "access/test_cases.h"

#include <gtest/gtest.h>

#include <map>

#include "access/search_service.h"
#include "store/repositories.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

using Fields = std::vector<std::string>;
const Fields kNone = {};
const Fields kNotes = {"protection_notes"};
const Fields kLocPhones = {"location", "phones"};
const Fields kAll = {"location", "phones", "protection_notes"};

class CaseAccessTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    CaseWriter writer(*db_, "seed", clock_);
    c1_ = *writer.CreatePerson(MakePerson(Role::kChild, "Ana", "Xol", ""), "seed");
    a1_ = *writer.CreatePerson(MakePerson(Role::kAdult, "José", "Xol", "+50255550001"), "seed");
    a2_ = *writer.CreatePerson(MakePerson(Role::kAdult, "María", "Caal", "+50255550002"), "seed");
    c2_ = *writer.CreatePerson(MakePerson(Role::kChild, "Luis", "Pop", ""), "seed");
    a3_ = *writer.CreatePerson(MakePerson(Role::kAdult, "Pedro", "Pop", "+50255550003"), "seed");
    ASSERT_TRUE(writer.AddFamilyLink({0, c1_, a1_, Relationship::kFather, Verification::kClaimed}, "seed").ok());
    ASSERT_TRUE(writer.AddFamilyLink({0, c1_, a2_, Relationship::kMother, Verification::kClaimed}, "seed").ok());
    ASSERT_TRUE(writer.AddFamilyLink({0, c2_, a3_, Relationship::kFather, Verification::kClaimed}, "seed").ok());
    ASSERT_TRUE(writer.SetFamilyAssignment(c1_, "north", "seed").ok());
    ASSERT_TRUE(writer.SetPersonProtection(a1_, false, "speaks only K'iche'", "seed").ok());
    ASSERT_TRUE(writer.SetPersonProtection(a2_, true, "threatened by the smuggler", "seed").ok());
    for (UserRole role : AllUserRoles()) principals_[ToString(role)] = testing::MakePrincipal(role, "");
    principals_["field_searcher"] = testing::MakePrincipal(UserRole::kFieldSearcher, "north");
    principals_["field_searcher_south"] = testing::MakePrincipal(UserRole::kFieldSearcher, "south");
  }

  static Person MakePerson(Role role, const char* given, const char* surname, const char* phone) {
    return testing::MakeCasePerson(role, given, surname, phone);
  }

  CaseAccess As(const std::string& who) { return CaseAccess(*db_, principals_.at(who), clock_); }

  long Audits(const std::string& action, const std::string& actor = "") {
    return testing::CountAudits(*db_, action, actor);
  }

  FixedClock clock_{"2018-07-26T00:00:00.000Z"};
  PersonId c1_ = 0, a1_ = 0, a2_ = 0, c2_ = 0, a3_ = 0;
  std::map<std::string, Principal> principals_;
};

// Who may read whom, and what is withheld. NotFound: outside the team's families.
struct ReadCase {
  std::string who;
  StatusCode a1, a2, a3, c1;
  Fields w_a1, w_a2, w_a3, w_c1;
};

const StatusCode kOk = StatusCode::kOk, kNotFound = StatusCode::kNotFound, kDenied = StatusCode::kPermissionDenied;

TEST_P(CaseAccessTest, ReadMatrix) {
  // a1: adult, notes; a2: adult at risk, notes; both in c1's family (team north).
  // a3: adult of unassigned c2. c1: child in care.
  const std::vector<ReadCase> cases = {
      {"admin", kOk, kOk, kOk, kOk, kNone, kNone, kNone, kNone},
      {"coordinator", kOk, kOk, kOk, kOk, kNone, kNone, kNone, kNone},
      {"case_worker", kOk, kOk, kOk, kOk, kNone, kLocPhones, kNone, kNone},
      {"field_searcher", kOk, kOk, kNotFound, kOk, kNone, kNone, {}, kNone},
      {"field_searcher_south", kNotFound, kNotFound, kNotFound, kNotFound, {}, {}, {}, {}},
      {"government_liaison", kOk, kOk, kOk, kOk, kAll, kAll, kAll, kNotes},
      {"auditor", kOk, kOk, kOk, kOk, kNotes, kAll, kNotes, kNotes},
  };
  for (const ReadCase& c : cases) {
    CaseAccess access = As(c.who);
    for (auto [id, code, fields] : {std::tuple{a1_, c.a1, c.w_a1}, {a2_, c.a2, c.w_a2}, {a3_, c.a3, c.w_a3},
                                    {c1_, c.c1, c.w_c1}}) {
      auto view = access.GetPerson(id);
      ASSERT_EQ(view.status().code(), code) << c.who << " person " << id << ": " << view.status().ToString();
      if (!view.ok()) continue;
      EXPECT_EQ(view->withheld, fields) << c.who << " person " << id;
      const auto& has = [&](const char* f) { return std::find(fields.begin(), fields.end(), f) != fields.end(); };
      EXPECT_EQ(view->person.phones.empty(), has("phones") || view->person.role == Role::kChild) << c.who << " " << id;
      if (has("location")) {
        EXPECT_TRUE(view->person.location.department.empty() && view->person.location.text.empty());
      } else {
        EXPECT_FALSE(view->person.location.text.empty()) << c.who << " " << id;
      }
      if (has("protection_notes")) {
        EXPECT_TRUE(view->protection_notes.empty()) << c.who << " " << id;
      }
      EXPECT_EQ(view->at_risk, id == a2_);
    }
  }
}

struct WriteCase {
  std::string who;
  StatusCode update, protect, assign, link, audit, families;
  long families_seen;
};

TEST_P(CaseAccessTest, WriteAndListMatrix) {
  const std::vector<WriteCase> cases = {
      {"admin", kOk, kOk, kOk, kOk, kOk, kOk, 2},
      {"coordinator", kOk, kOk, kOk, kOk, kDenied, kOk, 2},
      {"case_worker", kOk, kOk, kDenied, kOk, kDenied, kOk, 2},
      {"field_searcher", kOk, kDenied, kDenied, kOk, kDenied, kOk, 1},
      {"field_searcher_south", kNotFound, kDenied, kDenied, kNotFound, kDenied, kOk, 0},
      {"government_liaison", kDenied, kDenied, kDenied, kDenied, kDenied, kOk, 2},
      {"auditor", kDenied, kDenied, kDenied, kDenied, kOk, kOk, 2},
  };
  for (const WriteCase& c : cases) {
    CaseAccess access = As(c.who);
    Person a1 = *PersonRepository(*db_).Get(a1_);
    a1.apprehension_place = "El Paso by " + c.who;
    EXPECT_EQ(access.UpdatePerson(a1, "test").status().code(), c.update) << c.who;
    EXPECT_EQ(access.SetAtRisk(a1_, false, "speaks only K'iche'", "test").code(), c.protect) << c.who;
    EXPECT_EQ(access.AssignFamily(c2_, "west", "test").code(), c.assign) << c.who;
    EXPECT_EQ(access.LinkFamily({0, c1_, a3_, Relationship::kOtherRelative, Verification::kClaimed}, "test")
                  .status().code(), c.link) << c.who;
    EXPECT_EQ(access.ListAudit({}).status().code(), c.audit) << c.who;
    auto page = access.ListFamilies({});
    ASSERT_EQ(page.status().code(), c.families) << c.who;
    EXPECT_EQ(page->total, c.families_seen) << c.who;
    auto family = access.GetFamily(c1_);
    EXPECT_EQ(family.status().code(), c.families_seen == 0 ? kNotFound : kOk) << c.who;
  }
  // Refusals are audited, writes are journaled and audited.
  EXPECT_GT(Audits("denied", "government_liaison"), 0);
  EXPECT_EQ(Audits("assign_family"), 2);
  EXPECT_EQ(JournalRepository(*db_).ForEntity("family_assignment", c2_).size(), 1u);
}

TEST_P(CaseAccessTest, ProtectedReadsAreAuditedOnlyWhenShown) {
  ASSERT_TRUE(As("admin").GetPerson(a1_).ok());
  ASSERT_TRUE(As("government_liaison").GetPerson(a1_).ok());  // everything withheld: nothing read
  ASSERT_TRUE(As("case_worker").GetPerson(a2_).ok());         // at risk: only the notes shown
  EXPECT_EQ(Audits("read_protected"), 2);
  AuditQuery q;
  q.action = "read_protected";
  auto entries = *As("auditor").ListAudit(q);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].actor, "case_worker");  // newest first
  EXPECT_EQ(entries[0].detail, "protection_notes");
  EXPECT_EQ(entries[0].entity_id, a2_);
  EXPECT_EQ(entries[1].detail, "location,phones,protection_notes");
  EXPECT_EQ(entries[1].remote, "10.0.0.9");
}

TEST_P(CaseAccessTest, WithheldFieldsSurviveAWriteAndStayOutOfTheTimeline) {
  CaseAccess worker = As("case_worker");
  auto view = worker.GetPerson(a2_);
  ASSERT_TRUE(view.ok());
  Person edited = view->person;  // location and phones blank: withheld
  edited.apprehension_place = "Tornillo";
  ASSERT_EQ(*worker.UpdatePerson(edited, "interview"), 1);
  Person stored = *PersonRepository(*db_).Get(a2_);
  EXPECT_EQ(stored.phones, std::vector<std::string>{"+50255550002"});
  EXPECT_EQ(stored.location.department, "GT-AV");
  auto family = worker.GetFamily(c1_);
  ASSERT_TRUE(family.ok());
  ASSERT_EQ(family->adults.size(), 2u);
  bool saw_snapshot = false;
  for (const JournalEntry& e : family->timeline) {
    if (e.entity == "person" && e.entity_id == a2_ && e.field == "*") {
      saw_snapshot = true;
      EXPECT_EQ(e.after.find("50255550002"), std::string::npos) << e.after;
      EXPECT_EQ(e.after.find("Chamelco"), std::string::npos) << e.after;
    }
  }
  EXPECT_TRUE(saw_snapshot);
}

TEST_P(CaseAccessTest, ListFamiliesFiltersAndHidesAtRiskPlaces) {
  FamilyQuery q;
  q.team = "north";
  auto page = As("coordinator").ListFamilies(q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->families[0].child_id, c1_);
  EXPECT_EQ(page->families[0].adults, 2);
  EXPECT_EQ(page->families[0].linked_adults.size(), 2u);
  q = {};
  q.min_age = 5;
  q.max_age = 7;  // both children born 2012: 6 in July 2018
  EXPECT_EQ(As("admin").ListFamilies(q)->total, 2);
  q.max_age = 5;
  EXPECT_EQ(As("admin").ListFamilies(q)->total, 0);
  q = {};
  q.sort = FamilySort::kChildName;
  auto sorted = As("admin").ListFamilies(q);
  ASSERT_EQ(sorted->families.size(), 2u);
  EXPECT_EQ(sorted->families[0].child_id, c2_);  // Pop before Xol
}

// Bad input to the protection and assignment writes names the field and writes
// nothing: no journal entry, no audit entry.
TEST_P(CaseAccessTest, ProtectionAndAssignmentRefuseBadInput) {
  JournalRepository journal(*db_);
  const size_t assignments = journal.ForEntity("family_assignment", c2_).size();
  const size_t protections = journal.ForEntity("person_protection", a3_).size();
  const long audits = testing::CountAudits(*db_, "assign_family") + testing::CountAudits(*db_, "set_protection");
  CaseAccess coord = As("coordinator");
  struct Bad {
    Status status;
    const char* field;
  };
  const std::vector<Bad> bad = {
      {coord.AssignFamily(c2_, "north", ""), "reason:"},
      {coord.AssignFamily(c2_, "north", "   "), "reason:"},
      {coord.AssignFamily(c2_, std::string(65, 'n'), "why"), "team:"},
      {coord.AssignFamily(c2_, "no\nrth", "why"), "team:"},
      {coord.AssignFamily(c2_, "north ", "why"), "team:"},
      {coord.AssignFamily(a3_, "north", "why"), "person"},  // an adult has no family of their own
      {coord.SetAtRisk(a3_, true, std::string(4001, 'x'), "why"), "notes:"},
      {coord.SetAtRisk(a3_, true, std::string("bell\a"), "why"), "notes:"},
      {coord.SetAtRisk(a3_, true, std::nullopt, ""), "reason:"},
  };
  for (const Bad& b : bad) {
    EXPECT_EQ(b.status.code(), StatusCode::kInvalidArgument) << b.status.ToString();
    EXPECT_EQ(b.status.message().rfind(b.field, 0), 0u) << b.status.ToString();
  }
  EXPECT_EQ(journal.ForEntity("family_assignment", c2_).size(), assignments);
  EXPECT_EQ(journal.ForEntity("person_protection", a3_).size(), protections);
  EXPECT_EQ(testing::CountAudits(*db_, "assign_family") + testing::CountAudits(*db_, "set_protection"), audits);
  // Notes with line breaks are fine; left out, the stored notes stay.
  ASSERT_TRUE(coord.SetAtRisk(a1_, true, std::nullopt, "moved near the smuggler").ok());
  EXPECT_EQ(As("admin").GetPerson(a1_)->protection_notes, "speaks only K'iche'");
  ASSERT_TRUE(coord.SetAtRisk(a1_, true, std::string("line one\nline two"), "call").ok());
  EXPECT_EQ(As("admin").GetPerson(a1_)->protection_notes, "line one\nline two");
}

// Assigning a family brings it and its adults into the team's scope; unassigning
// takes them out again.
TEST_P(CaseAccessTest, AssignmentScopesTheFieldTeam) {
  EXPECT_EQ(As("field_searcher_south").GetFamily(c2_).status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(As("coordinator").AssignFamily(c2_, "south", "near the border").ok());
  auto family = As("field_searcher_south").GetFamily(c2_);
  ASSERT_TRUE(family.ok()) << family.status().ToString();
  EXPECT_EQ(family->team, "south");
  EXPECT_TRUE(As("field_searcher_south").GetPerson(a3_).ok());
  EXPECT_EQ(As("field_searcher").GetFamily(c2_).status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(As("admin").AssignFamily(c2_, "", "back to the pool").ok());
  EXPECT_EQ(As("field_searcher_south").GetPerson(a3_).status().code(), StatusCode::kNotFound);
}

// ListPeople: by role and text, no location or phones, team-scoped; audited only
// when the front end asks (the CLI).
TEST_P(CaseAccessTest, ListPeopleIsScopedAndAuditedOnRequest) {
  PersonQuery q;
  q.role = Role::kAdult;
  auto all = As("admin").ListPeople(q);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 3u);
  for (const SearchResult& r : *all) {
    EXPECT_TRUE(r.person.phones.empty());
    EXPECT_EQ(r.person.location.text, "");
  }
  EXPECT_TRUE((*all)[1].at_risk);  // a2
  auto north = As("field_searcher").ListPeople(q);
  ASSERT_TRUE(north.ok());
  EXPECT_EQ(north->size(), 2u);  // a1 and a2, not a3
  EXPECT_EQ(testing::CountAudits(*db_, "list_people"), 0);
  CaseAccess cli(*db_, Principal::LocalOperator("operator"), clock_);
  cli.set_audit_lookups(true);
  q.text = "pop";
  auto pop = cli.ListPeople(q);
  ASSERT_TRUE(pop.ok());
  ASSERT_EQ(pop->size(), 1u);
  EXPECT_EQ((*pop)[0].person.id, a3_);
  EXPECT_EQ(testing::CountAudits(*db_, "list_people", "operator"), 1);
  SearchService search(*db_);
  match::SearchQuery sq;
  sq.name = "Pedro Pop";
  ASSERT_TRUE(cli.SearchPeople(search, sq).ok());
  EXPECT_EQ(testing::CountAudits(*db_, "search_people", "operator"), 1);
}

// Names: read together, scoped as the lists are, one lookup entry when asked.
TEST_P(CaseAccessTest, NamesAreScopedAndReadTogether) {
  const std::vector<PersonId> ids = {a1_, a2_, a3_, a3_, 999999};
  auto all = As("admin").Names(ids);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->size(), 3u);  // the unknown id is left out, a3 once
  EXPECT_NE(all->at(a3_).find("Pop"), std::string::npos) << all->at(a3_);
  auto north = As("field_searcher").Names(ids);
  ASSERT_TRUE(north.ok());
  EXPECT_EQ(north->size(), 2u);  // a1 and a2, not a3
  EXPECT_FALSE(north->count(a3_));
  CaseAccess cli(*db_, Principal::LocalOperator("operator"), clock_);
  cli.set_audit_lookups(true);
  ASSERT_TRUE(cli.Names(ids).ok());
  EXPECT_EQ(testing::CountAudits(*db_, "read_names", "operator"), 1);
}

// The dashboard's counts come from an index, scoped as the lists are.
TEST_P(CaseAccessTest, CountFamiliesIsScoped) {
  auto admin = As("admin").CountFamilies();
  ASSERT_TRUE(admin.ok()) << admin.status().ToString();
  EXPECT_EQ(admin->total, 2);
  EXPECT_EQ(admin->by_country.at("GT"), 2);
  long statuses = 0;
  for (const auto& [status, n] : admin->by_status) statuses += n;
  EXPECT_EQ(statuses, 2);
  EXPECT_EQ(As("field_searcher").CountFamilies()->total, 1);
  EXPECT_EQ(As("field_searcher_south").CountFamilies()->total, 0);
  EXPECT_EQ(As("government_liaison").CountFamilies()->total, 2);
}

// The families list answers status, country and team filters from the indexes;
// the same filters with an age bound (every seeded child's birth is known) take
// the scan. Both give the same families, totals and withheld departments.
TEST_P(CaseAccessTest, IndexedAndScannedListsAgree) {
  ASSERT_TRUE(CaseWriter(*db_, "seed", clock_).SetPersonProtection(c2_, true, "", "seed").ok());
  std::vector<FamilyQuery> queries(5);
  queries[1].status = CustodyStatus::kInCare;
  queries[2].country = "GT";
  queries[3].team = "north";
  queries[4].country = "HN";
  for (const std::string who : {"admin", "case_worker", "field_searcher", "field_searcher_south", "auditor"})
    for (FamilyQuery q : queries) {
      auto indexed = As(who).ListFamilies(q);
      q.min_age = 0;
      auto scanned = As(who).ListFamilies(q);
      ASSERT_TRUE(indexed.ok() && scanned.ok()) << who;
      EXPECT_EQ(indexed->total, scanned->total) << who;
      ASSERT_EQ(indexed->families.size(), scanned->families.size()) << who;
      for (std::size_t i = 0; i < indexed->families.size(); ++i) {
        const FamilySummary &a = indexed->families[i], &b = scanned->families[i];
        EXPECT_EQ(a.child_id, b.child_id) << who;
        EXPECT_EQ(a.team, b.team) << who;
        EXPECT_EQ(a.department, b.department) << who;
        EXPECT_EQ(a.adults, b.adults) << who;
        EXPECT_EQ(a.linked_adults.size(), b.linked_adults.size()) << who;
      }
    }
  FamilyQuery paged;
  paged.limit = 1;
  paged.offset = 1;
  auto second = As("admin").ListFamilies(paged);
  ASSERT_EQ(second->families.size(), 1u);
  EXPECT_EQ(second->total, 2);
  EXPECT_EQ(second->families[0].child_id, c2_);
}

REUNITE_ON_BOTH_BACKENDS(CaseAccessTest);

}  // namespace
}  // namespace reunite
