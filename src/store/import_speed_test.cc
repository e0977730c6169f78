// Pins the bulk-write speed the importer relies on: 100,000 people, each with a
// provenance row, in one transaction. The time is printed; the bound is checked
// only in optimised builds without sanitizers (those slow everything several-fold).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "store/case_writer.h"
#include "store/repositories.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

// Bulk writes of many people through the single-row and batch paths. The times
// are printed for information only; performance targets live in make bench.
using ImportSpeedTest = testing::StoreTest;

TEST_P(ImportSpeedTest, ManyPeopleWithProvenanceInOneTransaction) {
  // PostgreSQL pays a round trip per statement, so it writes a tenth as many.
  const int n = GetParam() == "sqlite" ? 100000 : 10000;
  FixedClock clock("2018-07-26T00:00:00.000Z");
  CaseWriter writer(*db_, "import", clock);
  Person p;
  p.name = {"JOSÉ LUIS HERNÁNDEZ LÓPEZ", {"José", "Luis"}, "Hernández", "López", ""};
  p.languages = {"Español"};
  p.phones = {"+50255551234"};
  SourceRow row{0, "ORR", "", "orr.csv", 0, "", 0, ""};
  auto start = std::chrono::steady_clock::now();
  {
    soci::transaction tx(db_->session());
    for (int i = 0; i < n; ++i) {
      p.a_number = std::to_string(200000000 + i);
      Result<PersonId> id = writer.CreatePerson(p, "import");
      ASSERT_TRUE(id.ok()) << id.status().ToString();
      row.record_id = p.a_number;
      row.line = i + 2;
      row.raw = p.a_number + ",JOSÉ LUIS HERNÁNDEZ LÓPEZ,+50255551234";
      row.person_id = *id;
      ASSERT_TRUE(writer.AddSourceRow(row).ok());
    }
    tx.commit();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("[ timing   ] %s: %d people + source rows in %.2f s\n", GetParam().c_str(), n, seconds);
  RecordProperty("seconds", std::to_string(seconds));
  EXPECT_EQ(PersonRepository(*db_).Count(), n);
}

// People first..last-1 and a source row each, written with the batch calls.
::testing::AssertionResult WriteBatch(CaseWriter& writer, Person p, int first, int last) {
  std::vector<Person> people;
  for (int i = first; i < last; ++i) {
    p.a_number = std::to_string(200000000 + i);
    people.push_back(p);
  }
  Result<std::vector<PersonId>> ids = writer.CreatePeople(people, std::vector<std::string>(people.size(), "import"));
  if (!ids.ok()) return ::testing::AssertionFailure() << ids.status().ToString();
  std::vector<SourceRow> rows;
  for (size_t k = 0; k < people.size(); ++k)
    rows.push_back({0, "ORR", people[k].a_number, "orr.csv", static_cast<long>(first + k + 2),
                    people[k].a_number + ",JOSÉ LUIS HERNÁNDEZ LÓPEZ,+50255551234", (*ids)[k], ""});
  Result<std::vector<std::int64_t>> added = writer.AddSourceRows(rows);
  if (!added.ok()) return ::testing::AssertionFailure() << added.status().ToString();
  return ::testing::AssertionSuccess();
}

// The batch calls, as the importer makes them: on PostgreSQL a statement per
// table per batch instead of per row, so it writes as many as SQLite.
TEST_P(ImportSpeedTest, ManyPeopleWithProvenanceInBatches) {
  const int n = 100000, batch = 8192;
  FixedClock clock("2018-07-26T00:00:00.000Z");
  CaseWriter writer(*db_, "import", clock);
  Person p;
  p.name = {"JOSÉ LUIS HERNÁNDEZ LÓPEZ", {"José", "Luis"}, "Hernández", "López", ""};
  p.languages = {"Español"};
  p.phones = {"+50255551234"};
  auto start = std::chrono::steady_clock::now();
  {
    soci::transaction tx(db_->session());
    for (int first = 0; first < n; first += batch) ASSERT_TRUE(WriteBatch(writer, p, first, std::min(n, first + batch)));
    tx.commit();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("[ timing   ] %s: %d people + source rows in batches of %d in %.2f s\n", GetParam().c_str(), n,
              batch, seconds);
  RecordProperty("seconds", std::to_string(seconds));
  EXPECT_EQ(PersonRepository(*db_).Count(), n);
}

REUNITE_ON_BOTH_BACKENDS(ImportSpeedTest);

}  // namespace
}  // namespace reunite
