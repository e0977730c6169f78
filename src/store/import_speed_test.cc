// Pins the bulk-write speed the importer relies on: 100,000 people, each with a
// provenance row, in one transaction. The time is printed; the bound is checked
// only in optimised builds without sanitizers (those slow everything several-fold).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "store/case_writer.h"
#include "store/repositories.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__)
constexpr bool kTimed = true;
#else
constexpr bool kTimed = false;
#endif

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
  if (kTimed && GetParam() == "sqlite") {
    EXPECT_LT(seconds, 3.0);
  }
}

REUNITE_ON_BOTH_BACKENDS(ImportSpeedTest);

}  // namespace
}  // namespace reunite
