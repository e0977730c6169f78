// Import of agency lists on both back ends: atomicity (a bad row anywhere, or a
// failure mid-write, leaves the store exactly as it was), idempotent re-import,
// journaled updates from a newer list, provenance.
#include "store/importer.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/field_guard.h"
#include "store/case_writer.h"
#include "store/person_fields.h"
#include "store/repositories.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

const char* kHeader =
    "record_id,given_names,surnames,sex,date_of_birth,country,a_number,phones,language,"
    "apprehension_date,apprehension_place,location,status,removal_date,reported_relatives\n";

std::string Row(int i, const std::string& location = "Port Isabel Detention Center") {
  return "ICE-" + std::to_string(i) + ",Juan José,Pérez Xol,M,1980-03-0" + std::to_string(1 + i % 9) +
         ",GT,A" + std::to_string(200000000 + i) + ",5556-" + std::to_string(1000 + i % 9000) +
         ",Q'eqchi',2018-05-30,Yuma Station,\"" + location + "\",detained,,\"hijo: Kevin, 6\"\n";
}

std::string List(int rows) {
  std::string text = kHeader;
  for (int i = 1; i <= rows; ++i) text += Row(i);
  return text;
}

// Everything an import can touch, so "exactly as before" can be compared.
struct Snapshot {
  long people, journal, source_rows, source_records;
  std::string digest;
  friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

Snapshot Take(Database& db) {
  Snapshot s{};
  auto& sql = db.session();
  sql << "SELECT COUNT(*) FROM people", soci::into(s.people);
  sql << "SELECT COUNT(*) FROM journal", soci::into(s.journal);
  sql << "SELECT COUNT(*) FROM source_rows", soci::into(s.source_rows);
  sql << "SELECT COUNT(*) FROM source_records", soci::into(s.source_records);
  PersonRepository repo(db);
  PersonQuery all;
  all.limit = 1000000;
  for (const auto& p : repo.Find(all)) s.digest += PersonSnapshotJson(p.id, ToFields(p));
  return s;
}

class ImporterTest : public testing::StoreTest {
 protected:
  ImporterTest() : clock_("2018-07-26T12:00:00.000Z") {}

  ImportOptions Options(const std::string& file = "ice.csv") {
    ImportOptions o;
    o.source = "ICE";
    o.actor = "tester";
    o.list.role = Role::kAdult;
    o.list.file_name = file;
    o.list.date_order = DateOrder::kIso;
    return o;
  }

  ImportReport Import(const std::string& text, const ImportOptions& o) {
    auto r = ImportAgencyList(*db_, text, o, clock_);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : ImportReport{};
  }

  FixedClock clock_;
};

TEST_P(ImporterTest, ImportsEveryRowWithProvenance) {
  ImportReport r = Import(List(3), Options());
  EXPECT_TRUE(r.written);
  EXPECT_EQ(r.created, 3);
  PersonRepository repo(*db_);
  EXPECT_EQ(repo.Count(Role::kAdult), 3);
  auto id = repo.FindBySourceRecord("ICE", "ICE-2");
  ASSERT_TRUE(id.has_value());
  auto rows = repo.Provenance(*id);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].file_name, "ice.csv");
  EXPECT_EQ(rows[0].line, 3);
  EXPECT_EQ(rows[0].raw + "\n", Row(2));
  auto p = repo.Get(*id);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->name.Display(), "Juan José Pérez Xol");
  EXPECT_EQ(p->a_number, "200000002");
}

TEST_P(ImporterTest, ReimportingTheSameFileChangesNothing) {
  Import(List(50), Options());
  Snapshot before = Take(*db_);
  ImportReport again = Import(List(50), Options());
  EXPECT_EQ(again.unchanged, 50);
  EXPECT_EQ(again.created + again.updated, 0);
  EXPECT_EQ(Take(*db_), before);
}

TEST_P(ImporterTest, NewerListUpdatesTheSourcesRecordsAndJournalsEachChange) {
  Import(List(5), Options());
  std::string v2 = kHeader;
  for (int i = 1; i <= 5; ++i) v2 += i == 4 ? Row(4, "Otero County Processing Center") : Row(i);
  v2 += Row(6);
  ImportReport r = Import(v2, Options("ice-v2.csv"));
  EXPECT_EQ(r.created, 1);
  EXPECT_EQ(r.updated, 1);
  EXPECT_EQ(r.unchanged, 4);
  EXPECT_EQ(r.fields_changed, 2);  // location text and facility
  PersonRepository repo(*db_);
  PersonId id = *repo.FindBySourceRecord("ICE", "ICE-4");
  EXPECT_EQ(repo.Get(id)->location.facility, "Otero County Processing Center");
  EXPECT_EQ(repo.Provenance(id).size(), 2u);  // both versions of the row are kept
  JournalRepository journal(*db_);
  std::vector<JournalEntry> entries = journal.ForEntity("person", id);
  ASSERT_EQ(entries.size(), 3u);  // creation + two fields
  EXPECT_EQ(entries[1].before, "Port Isabel Detention Center");
  EXPECT_EQ(entries[1].after, "Otero County Processing Center");
  EXPECT_EQ(entries[1].actor, "tester");
  EXPECT_EQ(entries[1].reason, "import ICE ice-v2.csv:5");
}

TEST_P(ImporterTest, BadRowOnLine99999LeavesTheStoreExactlyAsBefore) {
  Import(List(20), Options());
  Snapshot before = Take(*db_);
  std::string text = kHeader;
  text.reserve(100000 * 180);
  for (int i = 1; i < 100000; ++i) text += i == 99998 ? Row(i).replace(Row(i).find("1980-03-0"), 10, "1980-02-30") : Row(i);
  auto r = ImportAgencyList(*db_, text, Options("big.csv"), clock_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->written);
  ASSERT_EQ(r->list.errors(), 1);
  // Warnings may come before it (5556-5556 on line 4,557 is a placeholder number).
  auto error = std::find_if(r->list.diagnostics.begin(), r->list.diagnostics.end(),
                            [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::kError; });
  ASSERT_NE(error, r->list.diagnostics.end());
  EXPECT_EQ(error->where.line, 99999);
  EXPECT_EQ(error->where.field, "date_of_birth");
  EXPECT_EQ(Take(*db_), before);
}

TEST_P(ImporterTest, FailureInTheMiddleOfWritingRollsEverythingBack) {
  Import(List(10), Options());
  Snapshot before = Take(*db_);
  ImportOptions o = Options("v2.csv");
  o.before_write = [](long i) { return i == 700 ? Status::IOError("disk pulled out") : Status::Ok(); };
  std::string text = kHeader;
  for (int i = 1; i <= 1000; ++i) text += Row(i, i <= 10 ? "Moved" : "Port Isabel Detention Center");
  auto r = ImportAgencyList(*db_, text, o, clock_);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(Take(*db_), before);
}

TEST_P(ImporterTest, DryRunCountsButWritesNothing) {
  Import(List(3), Options());
  Snapshot before = Take(*db_);
  ImportOptions o = Options();
  o.dry_run = true;
  ImportReport r = Import(List(5), o);
  EXPECT_FALSE(r.written);
  EXPECT_EQ(r.created, 2);
  EXPECT_EQ(r.unchanged, 3);
  EXPECT_EQ(Take(*db_), before);
}

TEST_P(ImporterTest, ARecordCannotChangeRole) {
  Import(List(2), Options());
  Snapshot before = Take(*db_);
  ImportOptions o = Options();
  o.list.role = Role::kChild;
  std::string text = std::string(kHeader) + "ICE-1,Ana,Pop,F,2012-01-02,GT,,,,,,,in_care,,\n";
  auto r = ImportAgencyList(*db_, text, o, clock_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kConflict);
  EXPECT_EQ(Take(*db_), before);
}

TEST_P(ImporterTest, SameRecordIdInTwoSourcesIsTwoRecords) {
  Import(List(2), Options());
  ImportOptions o = Options();
  o.source = "CBP";
  ImportReport r = Import(List(2), o);
  EXPECT_EQ(r.created, 2);
  EXPECT_EQ(PersonRepository(*db_).Count(), 4);
}

// Issue 13, item 13: a list over the size limit is refused before it is parsed.
TEST_P(ImporterTest, Issue13Item13ListOverMaxBytesIsRefusedAndWritesNothing) {
  Import(List(2), Options());
  Snapshot before = Take(*db_);
  ImportOptions o = Options("huge.csv");
  o.max_bytes = 1000;
  const std::string text = List(20);
  ImportReport r = Import(text, o);
  EXPECT_FALSE(r.written);
  EXPECT_EQ(r.list.data_rows, 0);  // not parsed
  ASSERT_EQ(r.list.errors(), 1);
  const Diagnostic& d = r.list.diagnostics[0];
  EXPECT_EQ(d.code, "file_too_large");
  EXPECT_EQ(d.ToString(), "huge.csv: error: the file is " + WithThousands(text.size()) + " bytes (" +
                              d.args[0].second + "), more than the 1,000 bytes an import takes; split "
                              "the list into smaller files");
  EXPECT_EQ(Take(*db_), before);
  o.max_bytes = text.size();
  EXPECT_TRUE(Import(text, o).written);
}

// Issue 13, item 13: a 1 MB name, a right-to-left override and a NUL byte, after
// thousands of good rows: errors at their line and column, and not one row written.
TEST_P(ImporterTest, Issue13Item13GuardedCellsAnywhereWriteNothing) {
  Import(List(5), Options());
  Snapshot before = Take(*db_);
  std::string text = List(3000);
  text += "X-1," + std::string(1 << 20, 'A') + ",Tum,F,,,,,,,,,,,\n";
  text += "X-2,Juan \xE2\x80\xAEzepol,Tum,M,,,,,,,,,,,\n";
  ImportReport r = Import(text, Options("guarded.csv"));
  EXPECT_FALSE(r.written);
  ASSERT_EQ(r.list.errors(), 2);
  std::vector<std::string> errors;
  for (const auto& d : r.list.diagnostics)
    if (d.severity == Diagnostic::Severity::kError) errors.push_back(d.ToString());
  EXPECT_EQ(errors[0], "guarded.csv:3002:5: error: given_names: too long: 1,048,576 characters; a name takes at most 200");
  EXPECT_EQ(errors[1].rfind("guarded.csv:3003:5: error: given_names: holds U+202E RIGHT-TO-LEFT OVERRIDE", 0), 0u)
      << errors[1];
  EXPECT_EQ(Take(*db_), before);
  r = Import(List(3000) + "X-3,Ro" + std::string(1, '\0') + "sa,Tum,F,,,,,,,,,,,\n", Options("nul.csv"));
  ASSERT_EQ(r.list.errors(), 1);
  EXPECT_EQ(r.list.diagnostics.back().ToString().rfind("nul.csv:3002:7: error: NUL byte (", 0), 0u)
      << r.list.diagnostics.back().ToString();
  EXPECT_EQ(Take(*db_), before);
}

REUNITE_ON_BOTH_BACKENDS(ImporterTest);

}  // namespace
}  // namespace reunite
