// Issue 13, item 14, over HTTP: the refusals the web layer makes itself (a write
// without the session's CSRF token, on the API, a form, sign-out and sign-in; a
// page the role may not open) leave an audit entry as the library's refusals do,
// and the audit page shows the chains' current anchor, which downloads as the line
// `reunite audit verify --anchor` reads. A world of its own: it counts entries.
#include <gtest/gtest.h>

#include "access/audit.h"
#include "store/chain_verify.h"
#include "web/api_test_fixture.h"

namespace reunite::web {
namespace {

using testing::ApiWorld;

ApiWorld& World() { return ApiWorld::Get("issue13_item14"); }
httplib::Client Client() { return httplib::Client("127.0.0.1", World().port); }

// The "denied" entries of `actor`, newest first.
std::vector<AuditEntry> Denials(const std::string& actor) {
  auto db = Database::Open(World().db_url);
  EXPECT_TRUE(db.ok());
  if (!db.ok()) return {};
  AuditQuery q;
  q.action = "denied";
  q.actor = actor;
  auto entries = QueryAudit(**db, q);
  EXPECT_TRUE(entries.ok()) << entries.status().ToString();
  return entries.ok() ? *entries : std::vector<AuditEntry>{};
}

// Exactly one new denial of `actor` since `before`, for `detail`, from this machine.
void ExpectOneDenial(const std::string& actor, size_t before, const std::string& detail, const std::string& role) {
  std::vector<AuditEntry> now = Denials(actor);
  ASSERT_EQ(now.size(), before + 1) << actor;
  EXPECT_EQ(now.front().detail, detail);
  EXPECT_EQ(now.front().role, role);
  EXPECT_EQ(now.front().entity, "request");
  EXPECT_EQ(now.front().remote, "127.0.0.1");
}

TEST(Issue13Item14CsrfAudit, ApiWriteWithoutTheTokenIsAudited) {
  ApiWorld& w = World();
  const size_t before = Denials("case_worker").size();
  const std::string path = "/api/people/" + std::to_string(w.seed.a3) + "/protection";
  auto res = Client().Put(path, w.As("case_worker", /*csrf=*/false), R"({"at_risk": true, "reason": "x"})",
                          "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  ExpectOneDenial("case_worker", before, "PUT " + path + ": missing or wrong CSRF token", "case_worker");
}

TEST(Issue13Item14CsrfAudit, FormPostWithoutTheTokenIsAudited) {
  ApiWorld& w = World();
  const size_t before = Denials("coordinator").size();
  const std::string path = "/families/" + std::to_string(w.seed.c2) + "/team";
  auto res = Client().Post(path, w.As("coordinator", /*csrf=*/false), "team=north&reason=forged&csrf=wrong",
                           "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  ExpectOneDenial("coordinator", before, "POST " + path + ": missing or wrong CSRF token", "coordinator");
}

TEST(Issue13Item14CsrfAudit, SignOutWithoutTheTokenIsAudited) {
  const size_t before = Denials("auditor").size();
  auto res = Client().Post("/logout", World().As("auditor", /*csrf=*/false), "", "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  ExpectOneDenial("auditor", before, "POST /logout: missing or wrong CSRF token", "auditor");
}

TEST(Issue13Item14CsrfAudit, SignInWithoutItsTokenIsAuditedUnderTheNameTyped) {
  const size_t before = Denials("mallory").size();
  auto res = Client().Post("/login", "username=mallory&password=guess&csrf=forged", "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  ExpectOneDenial("mallory", before, "POST /login: sign-in form: missing or wrong CSRF token", "");
}

TEST(Issue13Item14CsrfAudit, ImportPageRefusalIsAudited) {
  const size_t before = Denials("field_searcher").size();
  auto res = Client().Get("/import", World().As("field_searcher", /*csrf=*/false));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  ExpectOneDenial("field_searcher", before, "GET /import: may not import lists", "field_searcher");
}

TEST(Issue13Item14Anchor, AuditPageShowsAndExportsTheCurrentAnchor) {
  ApiWorld& w = World();
  auto page = Client().Get("/audit", w.As("auditor", /*csrf=*/false));
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  auto file = Client().Get("/audit/anchor.txt", w.As("auditor", /*csrf=*/false));
  ASSERT_TRUE(file);
  ASSERT_EQ(file->status, 200);
  EXPECT_EQ(file->get_header_value("Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(file->get_header_value("Content-Disposition").rfind("attachment; filename=\"reunite-anchor-", 0), 0u);
  Result<Anchor> anchor = ParseAnchor(file->body);
  ASSERT_TRUE(anchor.ok()) << anchor.status().ToString() << ": " << file->body;
  auto db = Database::Open(w.db_url);
  ASSERT_TRUE(db.ok());
  Result<Anchor> now = CurrentAnchor(**db, anchor->made_at);
  ASSERT_TRUE(now.ok());
  ASSERT_EQ(anchor->points.size(), 2u);
  // The journal has not moved since.
  EXPECT_EQ(anchor->points[0].hash, now->points[0].hash);
  EXPECT_NE(page->body.find("reunite-anchor/1 made="), std::string::npos);
  EXPECT_NE(page->body.find(anchor->points[0].hash), std::string::npos);
  // The anchor holds, and every entry the server wrote is chained.
  Result<VerifyReport> report = VerifyChains(**db, {*anchor});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_FALSE(report->broken) << report->broken->why;
  // Not for those who may not read the audit log.
  auto refused = Client().Get("/audit/anchor.txt", w.As("case_worker", /*csrf=*/false));
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
}

}  // namespace
}  // namespace reunite::web
