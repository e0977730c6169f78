// CaseWriter's batch calls on both back ends: the same ids, rows, journal and
// record keys as the per-row calls for the same input (PostgreSQL writes them by
// another route), nothing written when a batch is refused, and a failed batch
// rolled back by its caller leaves nothing behind.
#include <gtest/gtest.h>

#include <filesystem>

#include "store/case_writer.h"
#include "store/repositories.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStart = "2018-07-26T14:00:00.000Z";

// Every stored row of every case table, one text line per row, in id/key order:
// two stores are equal when these are.
std::vector<std::string> Dump(Database& db) {
  const char* queries[] = {
      "SELECT id || '|' || role || '|' || name_as_recorded || '|' || given_names || '|' || paternal_surname"
      " || '|' || birth_date || '|' || location_text || '|' || reported_relatives || '|' || search_key"
      " FROM people ORDER BY id",
      "SELECT id || '|' || actor || '|' || at || '|' || entity || '|' || entity_id || '|' || field || '|'"
      " || before_value || '|' || after_value || '|' || reason FROM journal ORDER BY id",
      "SELECT id || '|' || source || '|' || record_id || '|' || file_name || '|' || line || '|' || raw"
      " || '|' || row_hash || '|' || person_id || '|' || imported_at FROM source_rows ORDER BY id",
      "SELECT source || '|' || record_id || '|' || person_id || '|' || row_hash || '|' || last_row_id"
      " FROM source_records ORDER BY source, record_id",
  };
  std::vector<std::string> out;
  for (const char* sql : queries) {
    soci::rowset<std::string> rows = db.session().prepare << sql;
    for (const auto& row : rows) out.push_back(row);
    out.push_back("--");
  }
  return out;
}

Person Adult(int i) {
  Person p;
  p.role = Role::kAdult;
  p.name = {"ROSA " + std::to_string(i), {"Rosa", "Amalia"}, "Ixcoy", "Tzul", i % 3 ? "" : "de León"};
  p.birth = {{1980 + i % 20, 1 + i % 12, 1 + i % 28}, DatePrecision::kExact, false};
  p.sex = Sex::kFemale;
  p.a_number = std::to_string(200000000 + i);
  p.languages = {"K'iche'", "Español"};
  p.phones = {"+502 5555 " + std::to_string(1000 + i)};
  // Text that COPY's text format and array literals would have to escape.
  p.location.text = "Aldea \"Xecnup\", {Momostenango}\tTotonicapán\\ NULL";
  p.reported_relatives = i % 2 ? "hijo Kevin, 6\nhija Ana, 4" : "";
  return p;
}

Person Child(int i) {
  Person p;
  p.role = Role::kChild;
  p.name.given_names = {"Ángel"};
  p.name.paternal_surname = "Ixcoy";
  p.birth = {{2012, 0, 0}, DatePrecision::kYearOnly, false};
  p.custody.status = CustodyStatus::kInCare;
  p.a_number = std::to_string(300000000 + i);
  return p;
}

std::vector<Person> Mixed(int n) {
  std::vector<Person> people;
  for (int i = 0; i < n; ++i) people.push_back(i % 5 == 4 ? Child(i) : Adult(i));
  return people;
}

std::vector<std::string> Reasons(size_t n) {
  std::vector<std::string> reasons;
  for (size_t i = 0; i < n; ++i) reasons.push_back("import ICE ice.csv:" + std::to_string(i + 2));
  return reasons;
}

// One source row per person; the last person's record also names the first, so
// the record key must end at the later row (as consecutive upserts leave it).
std::vector<SourceRow> RowsFor(const std::vector<PersonId>& ids) {
  std::vector<SourceRow> rows;
  for (size_t i = 0; i < ids.size(); ++i) {
    std::string record = i + 1 == ids.size() ? "R-0" : "R-" + std::to_string(i);
    rows.push_back({0, "ICE", record, "ice.csv", static_cast<long>(i + 2),
                    record + ",\"Rosa\tAmalia\",{x}\\\nsecond line", ids[i], i % 2 ? "" : kStart});
  }
  return rows;
}

class CaseWriterBatchTest : public testing::StoreTest {
 protected:
  // A second, empty store of the same kind as db_.
  std::unique_ptr<Database> OpenAnother() {
    std::string url;
    if (GetParam() == "sqlite") {
      char tmpl[] = "/tmp/reunite-store-XXXXXX";
      EXPECT_NE(mkdtemp(tmpl), nullptr);
      other_dir_ = tmpl;
      url = (other_dir_ / "other.db").string();
    } else {
      Result<std::string> made = testing::TestPostgres::Instance().NewDatabaseUrl();
      EXPECT_TRUE(made.ok()) << made.status().ToString();
      url = made.ok() ? *made : "";
    }
    auto db = Database::Open(url);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return db.ok() ? std::move(*db) : nullptr;
  }
  void TearDown() override {
    StoreTest::TearDown();
    if (!other_dir_.empty()) fs::remove_all(other_dir_);
  }

  fs::path other_dir_;
};

TEST_P(CaseWriterBatchTest, WritesWhatThePerRowCallsWrite) {
  // Over 256 KB of journal, so rows reach PostgreSQL in several pieces.
  const std::vector<Person> people = Mixed(700);
  const std::vector<std::string> reasons = Reasons(people.size());

  FixedClock row_clock(kStart);
  CaseWriter by_row(*db_, "import", row_clock);
  std::vector<PersonId> row_ids;
  for (size_t i = 0; i < people.size(); ++i) row_ids.push_back(*by_row.CreatePerson(people[i], reasons[i]));
  std::vector<std::int64_t> row_source_ids;
  for (const SourceRow& r : RowsFor(row_ids)) row_source_ids.push_back(*by_row.AddSourceRow(r));

  auto other = OpenAnother();
  ASSERT_NE(other, nullptr);
  FixedClock batch_clock(kStart);
  CaseWriter batched(*other, "import", batch_clock);
  Result<std::vector<PersonId>> ids = batched.CreatePeople(people, reasons);
  ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  EXPECT_EQ(*ids, row_ids);
  Result<std::vector<std::int64_t>> source_ids = batched.AddSourceRows(RowsFor(*ids));
  ASSERT_TRUE(source_ids.ok()) << source_ids.status().ToString();
  EXPECT_EQ(*source_ids, row_source_ids);

  EXPECT_EQ(Dump(*other), Dump(*db_));
  EXPECT_EQ(PersonRepository(*other).FindBySourceRecord("ICE", "R-0"), row_ids.back());
  EXPECT_EQ(*PersonRepository(*other).Get(row_ids[1]), [&] {
    Person p = people[1];
    p.id = row_ids[1];
    return p;
  }());
}

TEST_P(CaseWriterBatchTest, BatchesFollowEachOtherAndPerRowCalls) {
  FixedClock clock(kStart);
  CaseWriter writer(*db_, "import", clock);
  PersonId first = *writer.CreatePerson(Adult(1), "one");
  auto ids = writer.CreatePeople(Mixed(3), Reasons(3));
  ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  EXPECT_EQ(*ids, (std::vector<PersonId>{first + 1, first + 2, first + 3}));
  EXPECT_EQ(*writer.CreatePerson(Adult(2), "two"), first + 4);
  EXPECT_TRUE(writer.CreatePeople({}, {})->empty());
  EXPECT_TRUE(writer.AddSourceRows({})->empty());
  EXPECT_EQ(PersonRepository(*db_).Count(), 5);
  EXPECT_EQ(JournalRepository(*db_).Count(), 5);
}

TEST_P(CaseWriterBatchTest, UnstorablePersonRefusesTheBatchAndTheCallerRollsBack) {
  FixedClock clock(kStart);
  CaseWriter writer(*db_, "import", clock);
  std::vector<Person> people = Mixed(5);
  people[3].name.paternal_surname = "Ixc\xF3y";  // Windows-1252, not UTF-8
  {
    soci::transaction tx(db_->session());
    ASSERT_TRUE(writer.CreatePerson(Adult(9), "before the batch").ok());
    Result<std::vector<PersonId>> ids = writer.CreatePeople(people, Reasons(people.size()));
    ASSERT_FALSE(ids.ok());
    EXPECT_EQ(ids.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(ids.status().message().find("person 3"), std::string::npos) << ids.status().ToString();
    EXPECT_NE(ids.status().message().find("paternal_surname"), std::string::npos);
    EXPECT_EQ(PersonRepository(*db_).Count(), 1);  // the batch wrote nothing
    tx.rollback();
  }
  EXPECT_EQ(PersonRepository(*db_).Count(), 0);
  EXPECT_EQ(JournalRepository(*db_).Count(), 0);
  // The writer still works, and the same refusal comes from the per-row call.
  people[3] = Adult(3);
  EXPECT_TRUE(writer.CreatePeople(people, Reasons(people.size())).ok());
  Person nul = Adult(4);
  nul.reported_relatives = std::string("hijo\0Kevin", 10);
  EXPECT_EQ(writer.CreatePerson(nul, "x").status().code(), StatusCode::kInvalidArgument);
  Person far = Adult(5);
  far.apprehension_date = {20180, 5, 30};
  EXPECT_EQ(writer.CreatePeople({far}, {"x"}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(PersonRepository(*db_).Count(), 5);
}

TEST_P(CaseWriterBatchTest, RefusedArgumentsWriteNothing) {
  FixedClock clock(kStart);
  CaseWriter writer(*db_, "import", clock);
  EXPECT_EQ(writer.CreatePeople(Mixed(2), Reasons(1)).status().code(), StatusCode::kInvalidArgument);
  auto ids = writer.CreatePeople(Mixed(2), Reasons(2));
  ASSERT_TRUE(ids.ok());
  std::vector<SourceRow> rows = RowsFor(*ids);
  rows[1].person_id = 0;
  Result<std::vector<std::int64_t>> added = writer.AddSourceRows(rows);
  EXPECT_EQ(added.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(added.status().message().find("source row 1"), std::string::npos) << added.status().ToString();
  EXPECT_TRUE(PersonRepository(*db_).Provenance((*ids)[0]).empty());
}

TEST_P(CaseWriterBatchTest, StorageFailureMidBatchIsRolledBackByTheCaller) {
  FixedClock clock(kStart);
  CaseWriter writer(*db_, "import", clock);
  {
    soci::transaction tx(db_->session());
    auto ids = writer.CreatePeople(Mixed(40), Reasons(40));
    ASSERT_TRUE(ids.ok()) << ids.status().ToString();
    std::vector<SourceRow> rows = RowsFor(*ids);
    rows[30].person_id = 999999;  // no such person: the schema refuses the row
    Result<std::vector<std::int64_t>> added = writer.AddSourceRows(rows);
    ASSERT_FALSE(added.ok());
    EXPECT_EQ(added.status().code(), StatusCode::kStorageError);
    tx.rollback();
  }
  EXPECT_EQ(PersonRepository(*db_).Count(), 0);
  EXPECT_TRUE(PersonRepository(*db_).RecordKeys("ICE").empty());
  // The connection is usable again: the next batch goes through.
  auto ids = writer.CreatePeople(Mixed(2), Reasons(2));
  ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  EXPECT_TRUE(writer.AddSourceRows(RowsFor(*ids)).ok());
  EXPECT_EQ(PersonRepository(*db_).RecordKeys("ICE").size(), 1u);  // both rows are record R-0
}

TEST_P(CaseWriterBatchTest, ErrorsBecomeStatusNotExceptions) {
  FixedClock clock(kStart);
  CaseWriter writer(*db_, "import", clock);
  db_->session() << "DROP TABLE journal";
  Result<std::vector<PersonId>> ids = writer.CreatePeople(Mixed(3), Reasons(3));
  ASSERT_FALSE(ids.ok());
  EXPECT_EQ(ids.status().code(), StatusCode::kStorageError);
}

REUNITE_ON_BOTH_BACKENDS(CaseWriterBatchTest);

}  // namespace
}  // namespace reunite
