// Issue 13, "One path to the data", through the server: the person page's sources
// and the dashboard's review counts, which the pages used to read from the store
// around access/, come through access/ now (CaseRequest holds no connection; the
// layering test tests/layering/one_path_test.sh keeps it so). A world of its own:
// it adds a source row and counts audit entries.
#include <gtest/gtest.h>

#include "store/case_writer.h"
#include "web/api_test_fixture.h"

namespace reunite::web {
namespace {

using testing::ApiWorld;

// Text only the stored row holds: no page may show it.
constexpr const char* kRowOnly = "row-only-7731";
constexpr const char* kPhoneDigits = "55550002";

bool Has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

ApiWorld& World() {
  static ApiWorld& world = []() -> ApiWorld& {
    ApiWorld& w = ApiWorld::Get("issue13_one_path");
    auto db = Database::Open(w.db_url);
    EXPECT_TRUE(db.ok());
    SourceRow row;
    row.source = "ICE";
    row.record_id = "ICE-9";
    row.file_name = "removals.csv";
    row.line = 7;
    row.raw = std::string("ICE-9,María,Caal,+50255550002,Aldea Chamelco,") + kRowOnly;
    row.person_id = w.seed.a2;
    EXPECT_TRUE(CaseWriter(**db, "seed").AddSourceRow(row).ok());
    return w;
  }();
  return world;
}

std::string Get(const std::string& who, const std::string& path, int* status = nullptr) {
  httplib::Client cli("127.0.0.1", World().port);
  auto res = cli.Get(path, World().As(who));
  EXPECT_TRUE(res) << path;
  if (!res) return "";
  if (status) *status = res->status;
  return res->body;
}

// The audit entries of `action` whose detail is `detail`.
long Audits(const std::string& action, const std::string& detail) {
  auto db = Database::Open(World().db_url);
  EXPECT_TRUE(db.ok());
  long n = 0;
  (*db)->session() << "SELECT COUNT(*) FROM audit_log WHERE action = :a AND detail = :d", soci::use(action),
      soci::use(detail), soci::into(n);
  return n;
}

TEST(Issue13WebTest, OnePathPersonPageShowsWhereARecordCameFromNotTheRow) {
  const std::string path = "/people/" + std::to_string(World().seed.a2);
  for (const std::string who : {"case_worker", "coordinator", "field_searcher"}) {
    int status = 0;
    const std::string page = Get(who, path, &status);
    ASSERT_EQ(status, 200) << who;
    EXPECT_TRUE(Has(page, "removals.csv")) << who;
    EXPECT_TRUE(Has(page, "ICE-9")) << who;
    EXPECT_FALSE(Has(page, kRowOnly)) << who;
  }
  // a2 is at risk: a case worker sees neither her phones nor, through her sources, the row.
  EXPECT_FALSE(Has(Get("case_worker", path), kPhoneDigits));
  // Outside the team her sources read as missing, as she does.
  int status = 0;
  Get("field_searcher_south", path, &status);
  EXPECT_EQ(status, 404);
  // The rows' text was never asked for, so no read of it is audited.
  EXPECT_EQ(Audits("read_protected", "source_rows"), 0);
}

TEST(Issue13WebTest, OnePathDashboardCountsTheQueueForReviewersOnly) {
  // The seed's pending candidates: one duplicate, one family link.
  const std::string reviewer = Get("case_worker", "/");
  EXPECT_TRUE(Has(reviewer, "id=\"pending-heading\"")) << reviewer;
  EXPECT_TRUE(Has(reviewer, "/review?kind=duplicate\">")) << reviewer;
  EXPECT_TRUE(Has(reviewer, ": <strong>1</strong>")) << reviewer;
  // Roles that do not review see no counts, and asking was not attempted (no refusal).
  const long denied = Audits("denied", "review matches");
  EXPECT_FALSE(Has(Get("field_searcher", "/"), "id=\"pending-heading\""));
  EXPECT_FALSE(Has(Get("auditor", "/"), "id=\"pending-heading\""));
  EXPECT_EQ(Audits("denied", "review matches"), denied);
}

}  // namespace
}  // namespace reunite::web
