#include "store/case_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/repositories.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

class CaseWriterTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (!HasFatalFailure()) writer_ = std::make_unique<CaseWriter>(*db_, "caseworker@example.org", clock_);
  }
  void TearDown() override {
    writer_.reset();
    StoreTest::TearDown();
  }

  PersonId Create(const Person& p) {
    Result<PersonId> id = writer_->CreatePerson(p, "test");
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }

  FixedClock clock_{"2018-07-26T14:00:00.000Z"};
  std::unique_ptr<CaseWriter> writer_;
};

Person FullAdult() {
  Person p;
  p.role = Role::kAdult;
  p.name = {"MARÍA DE LOS ÁNGELES XOC DE PÉREZ", {"María", "de los Ángeles"}, "Xoc", "Ixcoy", "Pérez"};
  p.birth = {{1987, 1, 1}, DatePrecision::kExact, true};
  p.sex = Sex::kFemale;
  p.nationality = "GT";
  p.a_number = "212345678";
  p.languages = {"K'iche'", "Español"};
  p.interpreter_needed = true;
  p.phones = {"+50255551234", "5555-0000"};
  p.location = {"Port Isabel Detention Center", "GT", "GT-QC", "Santa Cruz del Quiché", "Chuichop", "aldea"};
  p.custody = {CustodyStatus::kRemoved, {2018, 6, 21}, "GT"};
  p.apprehension_date = {2018, 5, 30};
  p.apprehension_place = "El Paso, TX";
  p.reported_relatives = "hijo Ángel, 6 años";
  return p;
}

Person Child(const std::string& given) {
  Person p;
  p.role = Role::kChild;
  p.name.given_names = {given};
  p.name.paternal_surname = "Xoc";
  p.birth = {{2012, 0, 0}, DatePrecision::kYearOnly, false};
  p.custody.status = CustodyStatus::kInCare;
  return p;
}

TEST_P(CaseWriterTest, CreateThenGetRoundTripsEveryField) {
  Person p = FullAdult();
  PersonId id = Create(p);
  ASSERT_GT(id, 0);
  PersonRepository people(*db_);
  Result<Person> back = people.Get(id);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  p.id = id;
  EXPECT_EQ(*back, p);
  EXPECT_EQ(people.Get(id + 1000).status().code(), StatusCode::kNotFound);
}

TEST_P(CaseWriterTest, CreateJournalsASnapshot) {
  PersonId id = Create(FullAdult());
  auto entries = JournalRepository(*db_).ForEntity("person", id);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].field, "*");
  EXPECT_EQ(entries[0].actor, "caseworker@example.org");
  EXPECT_EQ(entries[0].at, "2018-07-26T14:00:00.000Z");
  auto snap = nlohmann::json::parse(entries[0].after);
  EXPECT_EQ(snap["id"], id);
  EXPECT_EQ(snap["paternal_surname"], "Xoc");
  EXPECT_EQ(snap["phones"], nlohmann::json({"+50255551234", "5555-0000"}));
}

TEST_P(CaseWriterTest, UpdateJournalsExactlyTheChangedFields) {
  Person p = FullAdult();
  p.id = Create(p);
  Person changed = p;
  changed.custody.status = CustodyStatus::kReleased;
  changed.phones.push_back("+12025550100");
  Result<int> n = writer_->UpdatePerson(changed, "called the consulate");
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 2);
  EXPECT_EQ(*PersonRepository(*db_).Get(p.id), changed);
  auto entries = JournalRepository(*db_).ForEntity("person", p.id);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[1].field, "phones");
  EXPECT_EQ(entries[1].before, R"(["+50255551234","5555-0000"])");
  EXPECT_EQ(entries[1].after, R"(["+50255551234","5555-0000","+12025550100"])");
  EXPECT_EQ(entries[2].field, "custody_status");
  EXPECT_EQ(entries[2].before, "removed");
  EXPECT_EQ(entries[2].after, "released");
  EXPECT_EQ(entries[2].reason, "called the consulate");
  EXPECT_EQ(entries[2].actor, "caseworker@example.org");
  EXPECT_EQ(entries[2].at, "2018-07-26T14:00:00.002Z");
}

TEST_P(CaseWriterTest, UpdateWithNoChangeWritesNothing) {
  Person p = FullAdult();
  p.id = Create(p);
  long before = JournalRepository(*db_).Count();
  Result<int> n = writer_->UpdatePerson(p, "no-op");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 0);
  EXPECT_EQ(JournalRepository(*db_).Count(), before);
}

TEST_P(CaseWriterTest, UpdateOfMissingPersonIsNotFound) {
  Person p = FullAdult();
  p.id = 4242;
  EXPECT_EQ(writer_->UpdatePerson(p, "x").status().code(), StatusCode::kNotFound);
}

TEST_P(CaseWriterTest, FamilyLinksCheckRolesAndDuplicates) {
  PersonId adult = Create(FullAdult()), child = Create(Child("Ángel")), other = Create(Child("Eva"));
  FamilyLink link{0, child, adult, Relationship::kMother, Verification::kClaimed};
  Result<FamilyLinkId> id = writer_->AddFamilyLink(link, "named by the mother");
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(writer_->AddFamilyLink(link, "again").status().code(), StatusCode::kAlreadyExists);
  FamilyLink swapped{0, adult, child, Relationship::kMother, Verification::kClaimed};
  EXPECT_EQ(writer_->AddFamilyLink(swapped, "x").status().code(), StatusCode::kInvalidArgument);
  FamilyLink two_children{0, child, other, Relationship::kOtherRelative, Verification::kClaimed};
  EXPECT_EQ(writer_->AddFamilyLink(two_children, "x").status().code(), StatusCode::kInvalidArgument);
  FamilyLink missing{0, child, 9999, Relationship::kFather, Verification::kClaimed};
  EXPECT_EQ(writer_->AddFamilyLink(missing, "x").status().code(), StatusCode::kInvalidArgument);

  PersonRepository people(*db_);
  link.id = *id;
  Family family = people.GetFamily(child);
  ASSERT_EQ(family.links.size(), 1u);
  EXPECT_EQ(family.links[0], link);
  EXPECT_EQ(people.LinksOfAdult(adult), std::vector<FamilyLink>{link});
  EXPECT_EQ(JournalRepository(*db_).ForEntity("family_link", *id).size(), 1u);
}

TEST_P(CaseWriterTest, FamilyLinkUpdateIsJournaled) {
  PersonId adult = Create(FullAdult()), child = Create(Child("Ángel"));
  FamilyLink link{0, child, adult, Relationship::kMother, Verification::kClaimed};
  link.id = *writer_->AddFamilyLink(link, "named");
  link.verification = Verification::kConfirmed;
  Result<int> n = writer_->UpdateFamilyLink(link, "DNA result");
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 1);
  EXPECT_EQ(*writer_->UpdateFamilyLink(link, "again"), 0);
  auto entries = JournalRepository(*db_).ForEntity("family_link", link.id);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].field, "verification");
  EXPECT_EQ(entries[1].before, "claimed");
  EXPECT_EQ(entries[1].after, "confirmed");
  EXPECT_EQ(PersonRepository(*db_).GetFamily(child).links[0].verification, Verification::kConfirmed);
  link.adult_id = child;
  EXPECT_EQ(writer_->UpdateFamilyLink(link, "x").status().code(), StatusCode::kInvalidArgument);
  link.id = 777;
  link.adult_id = adult;
  EXPECT_EQ(writer_->UpdateFamilyLink(link, "x").status().code(), StatusCode::kNotFound);
}

TEST_P(CaseWriterTest, RoleChangeOfLinkedPersonIsConflict) {
  PersonId adult = Create(FullAdult()), child = Create(Child("Ángel"));
  ASSERT_TRUE(writer_->AddFamilyLink({0, child, adult, Relationship::kMother, Verification::kClaimed}, "x").ok());
  Person p = *PersonRepository(*db_).Get(child);
  p.role = Role::kAdult;
  EXPECT_EQ(writer_->UpdatePerson(p, "x").status().code(), StatusCode::kConflict);
}

TEST_P(CaseWriterTest, SourceRowsKeepHistoryAndUpsertTheRecordKey) {
  PersonId first = Create(FullAdult()), second = Create(FullAdult());
  SourceRow row{0, "ORR-2018-07-05", "R-17", "orr.csv", 12, "R-17,María,Xoc", first, ""};
  Result<std::int64_t> a = writer_->AddSourceRow(row);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  row.raw = "R-17,María,Xoc,+502";
  row.line = 40;
  row.person_id = second;
  Result<std::int64_t> b = writer_->AddSourceRow(row);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_GT(*b, *a);

  PersonRepository people(*db_);
  EXPECT_EQ(people.FindBySourceRecord("ORR-2018-07-05", "R-17"), second);
  EXPECT_EQ(people.FindBySourceRecord("ORR-2018-07-05", "R-18"), std::nullopt);
  auto keys = people.RecordKeys("ORR-2018-07-05");
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0].person_id, second);
  EXPECT_EQ(keys[0].row_hash.size(), 64u);
  auto history = people.Provenance(first);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].raw, "R-17,María,Xoc");
  EXPECT_EQ(history[0].line, 12);
  EXPECT_EQ(history[0].imported_at.substr(0, 10), "2018-07-26");
  EXPECT_EQ(people.Provenance(second).size(), 1u);
  row.person_id = 0;
  EXPECT_EQ(writer_->AddSourceRow(row).status().code(), StatusCode::kInvalidArgument);
}

TEST_P(CaseWriterTest, RolledBackTransactionLeavesNothing) {
  Person p = FullAdult();
  p.id = Create(p);
  PersonRepository people(*db_);
  JournalRepository journal(*db_);
  long people_before = people.Count(), journal_before = journal.Count();
  {
    soci::transaction tx(db_->session());
    PersonId child = Create(Child("Eva"));
    ASSERT_TRUE(writer_->AddSourceRow({0, "s", "r1", "f.csv", 2, "raw", child, ""}).ok());
    Person changed = p;
    changed.a_number = "299999999";
    ASSERT_TRUE(writer_->UpdatePerson(changed, "x").ok());
    EXPECT_EQ(people.Count(), people_before + 1);
    tx.rollback();
  }
  EXPECT_EQ(people.Count(), people_before);
  EXPECT_EQ(journal.Count(), journal_before);
  EXPECT_EQ(people.RecordKeys("s").size(), 0u);
  EXPECT_EQ(*people.Get(p.id), p);
  // The writer's prepared statements still work after the rollback.
  EXPECT_GT(Create(Child("Luz")), p.id);
}

TEST_P(CaseWriterTest, WriteOutsideATransactionIsCommittedAtOnce) {
  PersonId id = Create(FullAdult());
  ASSERT_TRUE(writer_->AddSourceRow({0, "s", "r1", "f.csv", 2, "raw", id, ""}).ok());
  auto other = Database::Open(url_);  // a second connection sees only committed data
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  EXPECT_EQ(PersonRepository(**other).Count(), 1);
  EXPECT_EQ(PersonRepository(**other).Provenance(id).size(), 1u);
}

TEST_P(CaseWriterTest, ErrorsBecomeStatusNotExceptions) {
  db_->session() << "DROP TABLE journal";
  Result<PersonId> id = writer_->CreatePerson(FullAdult(), "x");
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.status().code(), StatusCode::kStorageError);
  EXPECT_EQ(JournalRepository(*db_).Count(), 0);
}

REUNITE_ON_BOTH_BACKENDS(CaseWriterTest);

}  // namespace
}  // namespace reunite
