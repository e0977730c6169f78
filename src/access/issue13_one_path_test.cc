// Issue 13, "One path to the data": the reads the front ends used to make around
// access/ (a person's family links, provenance and change journal; the audit log's
// count; the review queue's counts; match runs; anchors; the web's own refusals)
// are access/ calls now, with its role checks, team scope, withholding and audit.
// Each test looks at the protected values themselves (a2's phone digits and
// village) for roles that may not see them and for roles that may.
#include <gtest/gtest.h>

#include <algorithm>

#include "access/services.h"
#include "access/test_cases.h"
#include "store/repositories.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

using testing::MakePrincipal;

constexpr const char* kPhoneDigits = testing::kA2PhoneDigits;
constexpr const char* kVillage = testing::kA2Village;
constexpr const char* kNotes = "threatened by the smuggler";

using testing::Has;

bool Shows(const JournalEntry& e, const std::string& what) { return Has(e.before, what) || Has(e.after, what); }

class OnePathTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    s_ = testing::SeedCases(*db_, clock_);
    CaseWriter writer(*db_, "seed", clock_);
    // a2 (at risk) moves to a village no one else lives in: the journal holds it.
    Person a2 = *PersonRepository(*db_).Get(s_.a2);
    a2.location = {"", "GT", "GT-HU", "Chiantla", std::string("Aldea ") + kVillage, "Aldea Xecoxol, Chiantla"};
    ASSERT_TRUE(writer.UpdatePerson(a2, "seed").ok());
    SourceRow row;
    row.source = "ICE";
    row.record_id = "ICE-2";
    row.file_name = "adults.csv";
    row.line = 3;
    row.raw = "ICE-2,María,Caal,+50255550002,Aldea Xecoxol";
    row.person_id = s_.a2;
    ASSERT_TRUE(writer.AddSourceRow(row).ok());
    row.record_id = "ICE-1";
    row.line = 2;
    row.raw = "ICE-1,José,Xol,+50255550001,Chamelco";
    row.person_id = s_.a1;
    ASSERT_TRUE(writer.AddSourceRow(row).ok());
    // The workflow journals under the adult's id: a tracing move.
    ASSERT_TRUE(writer.AppendJournal("tracing", s_.a2, "state", "not_started", "phone_tracing", "seed").ok());
  }

  CaseAccess Case(UserRole role, const std::string& team = "") {
    return CaseAccess(*db_, MakePrincipal(role, team), clock_);
  }

  // The details of the audit entries of `action` by `actor` about person `id`.
  std::vector<std::string> Audited(const std::string& action, const std::string& actor, PersonId id) {
    std::vector<std::string> out;
    for (const AuditEntry& e : testing::AuditsAbout(*db_, action, actor, id)) out.push_back(e.detail);
    return out;
  }

  FixedClock clock_{"2018-07-26T00:00:00.000Z"};
  testing::SeededCases s_;
};

TEST_P(OnePathTest, ProvenanceTextIsWithheldWithThePersonsPlacesAndAudited) {
  // A case worker may not see a2's phones and home: the rows say where, not what.
  auto cw = Case(UserRole::kCaseWorker).Provenance(s_.a2, SourceText::kIncluded);
  ASSERT_TRUE(cw.ok()) << cw.status().ToString();
  ASSERT_EQ(cw->rows.size(), 1u);
  EXPECT_EQ(cw->rows[0].file_name, "adults.csv");
  EXPECT_EQ(cw->rows[0].line, 3);
  EXPECT_EQ(cw->rows[0].record_id, "ICE-2");
  EXPECT_EQ(cw->rows[0].raw, "");
  EXPECT_TRUE(cw->text_withheld);
  EXPECT_TRUE(Audited("read_protected", "case_worker", s_.a2).empty());
  // A government liaison sees no adult's home or phones, at risk or not.
  auto liaison = Case(UserRole::kGovernmentLiaison).Provenance(s_.a1, SourceText::kIncluded);
  ASSERT_TRUE(liaison.ok());
  EXPECT_TRUE(liaison->text_withheld);
  EXPECT_EQ(liaison->rows.at(0).raw, "");
  // A coordinator sees the row as imported, and that read is audited.
  auto co = Case(UserRole::kCoordinator).Provenance(s_.a2, SourceText::kIncluded);
  ASSERT_TRUE(co.ok());
  EXPECT_FALSE(co->text_withheld);
  EXPECT_TRUE(Has(co->rows.at(0).raw, kPhoneDigits));
  EXPECT_EQ(Audited("read_protected", "coordinator", s_.a2), std::vector<std::string>{"source_rows"});
  // Where only: no text, nothing withheld to say, nothing audited.
  auto where = Case(UserRole::kCoordinator).Provenance(s_.a2, SourceText::kLeftOut);
  ASSERT_TRUE(where.ok());
  EXPECT_EQ(where->rows.at(0).raw, "");
  EXPECT_FALSE(where->text_withheld);
  EXPECT_EQ(Audited("read_protected", "coordinator", s_.a2).size(), 1u);
  // Outside a field searcher's team a person reads as missing.
  EXPECT_EQ(Case(UserRole::kFieldSearcher, "south").Provenance(s_.a2, SourceText::kIncluded).status().code(),
            StatusCode::kNotFound);
  EXPECT_TRUE(Case(UserRole::kFieldSearcher, "north").Provenance(s_.a2, SourceText::kIncluded).ok());
}

TEST_P(OnePathTest, FamilyLinksAreScopedToTheTeam) {
  // a1 is c2's relative too; c2's family is not north's.
  ASSERT_TRUE(CaseWriter(*db_, "seed", clock_)
                  .AddFamilyLink({0, s_.c2, s_.a1, Relationship::kOtherRelative, Verification::kClaimed}, "seed")
                  .ok());
  auto others = [](const std::vector<PersonLink>& links) {
    std::vector<PersonId> ids;
    for (const PersonLink& l : links) ids.push_back(l.other);
    return ids;
  };
  auto cw = Case(UserRole::kCaseWorker).FamilyLinks(s_.a1);
  ASSERT_TRUE(cw.ok()) << cw.status().ToString();
  EXPECT_EQ(others(*cw), (std::vector<PersonId>{s_.c1, s_.c2}));
  EXPECT_EQ(cw->at(0).other_name, "Ana Xol");
  EXPECT_EQ(cw->at(0).link.relationship, Relationship::kFather);
  auto north = Case(UserRole::kFieldSearcher, "north").FamilyLinks(s_.a1);
  ASSERT_TRUE(north.ok());
  EXPECT_EQ(others(*north), std::vector<PersonId>{s_.c1});
  auto child = Case(UserRole::kFieldSearcher, "north").FamilyLinks(s_.c1);
  ASSERT_TRUE(child.ok());
  EXPECT_EQ(others(*child), (std::vector<PersonId>{s_.a1, s_.a2}));
  EXPECT_EQ(child->at(1).other_name, "María Caal");
  EXPECT_EQ(Case(UserRole::kFieldSearcher, "south").FamilyLinks(s_.a1).status().code(), StatusCode::kNotFound);
}

TEST_P(OnePathTest, HistoryWithholdsWhatThePersonViewWithholdsAndIsAudited) {
  // A case worker: no phone, no village, anywhere in a2's history; her notes and
  // the workflow are theirs to read.
  auto cw = Case(UserRole::kCaseWorker).History(s_.a2);
  ASSERT_TRUE(cw.ok()) << cw.status().ToString();
  bool village_change = false, notes = false, tracing = false, link = false;
  for (const JournalEntry& e : *cw) {
    EXPECT_FALSE(Shows(e, kPhoneDigits)) << e.entity << " " << e.field;
    EXPECT_FALSE(Shows(e, kVillage)) << e.entity << " " << e.field;
    village_change = village_change || (e.entity == "person" && e.field == "location_village");
    notes = notes || Shows(e, kNotes);
    tracing = tracing || e.entity == "tracing";
    link = link || e.entity == "family_link";
  }
  EXPECT_TRUE(village_change);  // the change is there, its values withheld
  EXPECT_TRUE(notes && tracing && link);
  EXPECT_EQ(Audited("read_protected", "case_worker", s_.a2), std::vector<std::string>{"history: protection_notes"});
  // A government liaison: no notes and no workflow either, so nothing to audit.
  auto liaison = Case(UserRole::kGovernmentLiaison).History(s_.a2);
  ASSERT_TRUE(liaison.ok());
  for (const JournalEntry& e : *liaison) {
    EXPECT_FALSE(Shows(e, kPhoneDigits) || Shows(e, kVillage) || Shows(e, kNotes)) << e.entity << " " << e.field;
    EXPECT_NE(e.entity, "tracing");
  }
  EXPECT_TRUE(Audited("read_protected", "government_liaison", s_.a2).empty());
  // A coordinator sees it all, audited as such.
  auto co = Case(UserRole::kCoordinator).History(s_.a2);
  ASSERT_TRUE(co.ok());
  EXPECT_TRUE(std::any_of(co->begin(), co->end(), [](const JournalEntry& e) { return Shows(e, kVillage); }));
  EXPECT_TRUE(std::any_of(co->begin(), co->end(), [](const JournalEntry& e) { return Shows(e, kPhoneDigits); }));
  EXPECT_EQ(Audited("read_protected", "coordinator", s_.a2),
            std::vector<std::string>{"history: location,phones,protection_notes"});
  // Outside the team: missing, and the attempt audited.
  EXPECT_EQ(Case(UserRole::kFieldSearcher, "south").History(s_.a2).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Audited("denied", "field_searcher_south", s_.a2).size(), 1u);
}

TEST_P(OnePathTest, HistoryOfAnAdultLeavesOutLinksOutsideTheTeam) {
  auto link = CaseWriter(*db_, "seed", clock_)
                  .AddFamilyLink({0, s_.c2, s_.a1, Relationship::kOtherRelative, Verification::kClaimed}, "seed");
  ASSERT_TRUE(link.ok());
  auto linked = [&](const std::vector<JournalEntry>& history) {
    return std::any_of(history.begin(), history.end(),
                       [&](const JournalEntry& e) { return e.entity == "family_link" && e.entity_id == *link; });
  };
  auto cw = Case(UserRole::kCaseWorker).History(s_.a1);
  ASSERT_TRUE(cw.ok());
  EXPECT_TRUE(linked(*cw));
  auto north = Case(UserRole::kFieldSearcher, "north").History(s_.a1);
  ASSERT_TRUE(north.ok());
  EXPECT_FALSE(linked(*north));
}

TEST_P(OnePathTest, AuditAndReviewCountsCheckTheRole) {
  EXPECT_EQ(Case(UserRole::kCaseWorker).CountAudit({}).status().code(), StatusCode::kPermissionDenied);
  AuditQuery all;
  all.limit = 1000;
  auto count = Case(UserRole::kAuditor).CountAudit(all);
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, static_cast<long>(QueryAudit(*db_, all)->size()));
  auto searcher = ReviewAccess(*db_, MakePrincipal(UserRole::kFieldSearcher, "north"), clock_);
  EXPECT_EQ(searcher.Count(CandidateKind::kDuplicate, ReviewStatus::kPending).status().code(),
            StatusCode::kPermissionDenied);
  auto cw = ReviewAccess(*db_, MakePrincipal(UserRole::kCaseWorker), clock_);
  EXPECT_EQ(*cw.Count(CandidateKind::kDuplicate, ReviewStatus::kPending), 1);
  EXPECT_EQ(*cw.Count(CandidateKind::kFamilyLink, ReviewStatus::kPending), 1);
  EXPECT_EQ(*cw.Count(std::nullopt, ReviewStatus::kAccepted), 0);
}

TEST_P(OnePathTest, MatchRunsNeedTheRightToRunThemAndAreAudited) {
  MatchRunOptions options;
  options.threads = 1;
  options.max_u_pairs = 20'000;
  auto refused = MatchAccess(*db_, MakePrincipal(UserRole::kCaseWorker), clock_).Run(options);
  EXPECT_EQ(refused.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(testing::CountAudits(*db_, "denied", "case_worker"), 1);
  long runs = -1;
  db_->session() << "SELECT COUNT(*) FROM match_runs", soci::into(runs);
  EXPECT_EQ(runs, 0);
  auto run = MatchAccess(*db_, MakePrincipal(UserRole::kCoordinator), clock_).Run(options);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  AuditQuery q;
  q.action = "match_run";
  auto entries = QueryAudit(*db_, q);
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ((*entries)[0].actor, "coordinator");
  EXPECT_EQ((*entries)[0].entity_id, run->run_id);
  EXPECT_TRUE(Has((*entries)[0].detail, "full, threshold 0.5: run " + std::to_string(run->run_id)))
      << (*entries)[0].detail;
  std::string actor;
  db_->session() << "SELECT actor FROM match_runs", soci::into(actor);
  EXPECT_EQ(actor, "coordinator");
}

TEST_P(OnePathTest, ServicesActAsTheirPrincipalAndAuditRefusals) {
  Principal worker = MakePrincipal(UserRole::kCaseWorker);
  worker.remote = "";
  AccessServices services(*db_, worker, clock_);
  services.AuditRefusal("POST /families/1/team: missing or wrong CSRF token", "10.1.1.1");
  AuditQuery q;
  q.action = "denied";
  auto entries = QueryAudit(*db_, q);
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ((*entries)[0].actor, "case_worker");
  EXPECT_EQ((*entries)[0].entity, "request");
  EXPECT_EQ((*entries)[0].remote, "10.1.1.1");  // the principal had none
  // Every service acts as the one principal: a case worker's limits hold on each.
  EXPECT_TRUE(services.review().Count(std::nullopt, std::nullopt).ok());
  EXPECT_EQ(services.matching().Run({}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(services.TakeAnchor().status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(services.LatestAnchor().status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(services.cases().CountAudit({}).status().code(), StatusCode::kPermissionDenied);
  AccessServices auditor(*db_, MakePrincipal(UserRole::kAuditor), clock_);
  auto latest = auditor.LatestAnchor();
  ASSERT_TRUE(latest.ok()) << latest.status().ToString();
  EXPECT_FALSE(latest->has_value());
}

REUNITE_ON_BOTH_BACKENDS(OnePathTest);

}  // namespace
}  // namespace reunite
