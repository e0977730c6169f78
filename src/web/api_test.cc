// The JSON API end to end: the authorisation matrix (every route, every role,
// and no session), withheld fields, CSRF, API tokens, and what the answers hold.
#include <gtest/gtest.h>

#include "web/api_test_fixture.h"

namespace reunite::web {
namespace {

using nlohmann::json;
using testing::ApiWorld;

using testing::Call;
using testing::kWho;

constexpr const char* kCsv =
    "record_id,first_name,last_name,dob,country\nORR-9,Rosa,Tzul,2011-05-06,Guatemala\n";

httplib::Result Send(httplib::Client& cli, const Call& c, const httplib::Headers& h) {
  if (c.method == "GET") return cli.Get(c.path, h);
  if (c.method == "PUT") return cli.Put(c.path, h, c.body, "application/json");
  return cli.Post(c.path, h, c.body, c.path.rfind("/api/lists", 0) == 0 ? "text/csv" : "application/json");
}

TEST(ApiTest, AuthorisationMatrix) {
  ApiWorld& w = ApiWorld::Get();
  const std::string c1 = std::to_string(w.seed.c1), c2 = std::to_string(w.seed.c2);
  const std::string a1 = std::to_string(w.seed.a1), dup = std::to_string(w.seed.duplicate);
  const std::string a2 = std::to_string(w.seed.a2);
  // Decisions go to a candidate that does not exist: the role is checked first
  // (403), a reviewer then finds nothing (404), and the queue stays as seeded.
  // The writes that succeed write what the seed holds, so later tests see it unchanged.
  const std::vector<Call> calls = {
      //                                                 admin coord cw  fs  fs_s liais audit none
      {"GET", "/api/families", "", {200, 200, 200, 200, 200, 200, 200, 401}},
      {"GET", "/api/families/" + c1, "", {200, 200, 200, 200, 404, 200, 200, 401}},
      {"GET", "/api/families/" + c2, "", {200, 200, 200, 404, 404, 200, 200, 401}},
      {"GET", "/api/people?search=Xol", "", {200, 200, 200, 200, 200, 200, 200, 401}},
      {"PUT", "/api/families/" + c1 + "/team", R"({"team":"north","reason":"matrix"})",
       {200, 200, 403, 403, 403, 403, 403, 401}},
      {"PUT", "/api/families/999999/team", R"({"team":"north","reason":"matrix"})",
       {404, 404, 403, 403, 403, 403, 403, 401}},
      {"GET", "/api/people/" + a1, "", {200, 200, 200, 200, 404, 200, 200, 401}},
      {"PUT", "/api/people/" + a2 + "/protection", R"({"at_risk":true,"reason":"matrix"})",
       {200, 200, 200, 403, 403, 403, 403, 401}},
      {"GET", "/api/review", "", {200, 200, 200, 403, 403, 403, 403, 401}},
      {"GET", "/api/review/" + dup, "", {200, 200, 200, 403, 403, 403, 403, 401}},
      {"POST", "/api/review/999999/accept", "{}", {404, 404, 404, 403, 403, 403, 403, 401}},
      {"POST", "/api/review/999999/reject", R"({"reason":"no"})", {404, 404, 404, 403, 403, 403, 403, 401}},
      {"POST", "/api/lists?source=T&kind=child&dry_run=1", kCsv, {200, 200, 403, 403, 403, 403, 403, 401}},
      {"GET", "/api/users", "", {200, 403, 403, 403, 403, 403, 403, 401}},
      {"POST", "/api/users", R"({"username":"nobody","org":"No such org","role":"auditor","password":"long enough pw"})",
       {404, 403, 403, 403, 403, 403, 403, 401}},
      // Issue 13, item 8: account changes are the admins' (a user revokes only their own token).
      {"GET", "/api/users/999999", "", {404, 403, 403, 403, 403, 403, 403, 401}},
      {"PUT", "/api/users/999999", R"({"team":"x"})", {404, 403, 403, 403, 403, 403, 403, 401}},
      {"POST", "/api/users/999999/deactivate", "", {404, 403, 403, 403, 403, 403, 403, 401}},
      {"POST", "/api/users/999999/reactivate", "", {404, 403, 403, 403, 403, 403, 403, 401}},
      {"POST", "/api/users/999999/reset-password", R"({"password":"long enough pw"})",
       {404, 403, 403, 403, 403, 403, 403, 401}},
      {"GET", "/api/tokens", "", {200, 403, 403, 403, 403, 403, 403, 401}},
      {"POST", "/api/tokens", R"({"user":"nobody","name":"x"})", {404, 403, 403, 403, 403, 403, 403, 401}},
      {"POST", "/api/tokens/999999/revoke", "", {404, 404, 404, 404, 404, 404, 404, 401}},
      {"GET", "/api/audit", "", {200, 403, 403, 403, 403, 403, 200, 401}},
      {"GET", "/api/me", "", {200, 200, 200, 200, 200, 200, 200, 401}},
      {"GET", "/api/openapi.json", "", {200, 200, 200, 200, 200, 200, 200, 401}},
  };
  httplib::Client cli("127.0.0.1", w.port);
  for (const Call& c : calls)
    for (std::size_t i = 0; i < kWho.size(); ++i) {
      auto res = Send(cli, c, w.As(kWho[i]));
      ASSERT_TRUE(res) << c.path;
      EXPECT_EQ(res->status, c.want[i]) << c.method << " " << c.path << " as " << kWho[i] << ": " << res->body;
      EXPECT_EQ(res->get_header_value("Content-Type"), "application/json") << c.path;
      if (res->status >= 400) {
        auto body = json::parse(res->body, nullptr, false);
        EXPECT_TRUE(body.contains("error") && body["error"].contains("code") && body["error"].contains("message"))
            << c.path << ": " << res->body;
      }
    }
}

json GetJson(const std::string& who, const std::string& path, int want = 200) {
  httplib::Client cli("127.0.0.1", ApiWorld::Get().port);
  auto res = cli.Get(path, ApiWorld::Get().As(who));
  EXPECT_TRUE(res);
  if (!res) return {};
  EXPECT_EQ(res->status, want) << path << " as " << who << ": " << res->body;
  return json::parse(res->body, nullptr, false);
}

TEST(ApiTest, LiaisonSeesNoAdultLocationOrPhones) {
  const auto& s = ApiWorld::Get().seed;
  json p = GetJson("government_liaison", "/api/people/" + std::to_string(s.a1));
  EXPECT_EQ(p["withheld"], json({"location", "phones", "protection_notes"}));
  EXPECT_TRUE(p["phones"].empty());
  EXPECT_EQ(p["location"]["country"], "");
  EXPECT_EQ(p["location"]["village"], "");
  json family = GetJson("government_liaison", "/api/families/" + std::to_string(s.c1));
  for (const json& adult : family["adults"]) {
    EXPECT_TRUE(adult["phones"].empty()) << adult.dump();
    EXPECT_EQ(adult["location"]["text"], "") << adult.dump();
  }
  // The child's US facility stays visible.
  EXPECT_EQ(family["child"]["location"]["facility"], "Casa Padre");
}

TEST(ApiTest, AtRiskLocationIsHiddenFromCaseWorkersNotCoordinators) {
  const std::string a2 = "/api/people/" + std::to_string(ApiWorld::Get().seed.a2);
  json cw = GetJson("case_worker", a2);
  EXPECT_EQ(cw["withheld"], json({"location", "phones"}));
  EXPECT_TRUE(cw["at_risk"].get<bool>());
  EXPECT_EQ(cw["location"]["text"], "");
  EXPECT_TRUE(cw["phones"].empty());
  json coord = GetJson("coordinator", a2);
  EXPECT_TRUE(coord["withheld"].empty());
  EXPECT_EQ(coord["phones"], json({"+50255550002"}));
  json fs = GetJson("field_searcher", a2);  // her family is the team's
  EXPECT_EQ(fs["location"]["department"], "GT-AV");
}

TEST(ApiTest, SessionPostWithoutCsrfIsRefused) {
  ApiWorld& w = ApiWorld::Get();
  httplib::Client cli("127.0.0.1", w.port);
  auto res = cli.Post("/api/lists?source=T&kind=child&dry_run=1", w.As("coordinator", /*csrf=*/false), kCsv,
                      "text/csv");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_NE(res->body.find(R"("code":"csrf")"), std::string::npos) << res->body;
  httplib::Headers wrong = w.As("coordinator", false);
  wrong.emplace("X-CSRF-Token", "not-the-token");
  res = cli.Post("/api/lists?source=T&kind=child&dry_run=1", wrong, kCsv, "text/csv");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
}

TEST(ApiTest, ApiTokenWorksWithoutCsrf) {
  ApiWorld& w = ApiWorld::Get();
  httplib::Client cli("127.0.0.1", w.port);
  httplib::Headers bearer = {{"Authorization", "Bearer " + w.coordinator_token}};
  auto res = cli.Post("/api/lists?source=T&kind=child&dry_run=1&file=kids.csv", bearer, kCsv, "text/csv");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  json report = json::parse(res->body);
  EXPECT_EQ(report["created"], 1);
  EXPECT_FALSE(report["written"].get<bool>());
  auto me = cli.Get("/api/me", bearer);
  ASSERT_TRUE(me);
  EXPECT_EQ(json::parse(me->body)["role"], "coordinator");
  EXPECT_FALSE(json::parse(me->body).contains("csrf_token"));
}

TEST(ApiTest, ListWithErrorsAnswers422WithDiagnostics) {
  ApiWorld& w = ApiWorld::Get();
  httplib::Client cli("127.0.0.1", w.port);
  auto res = cli.Post("/api/lists?source=T&kind=child&file=bad.csv", w.As("admin"),
                      "record_id,first_name,last_name,dob\nX-1,Ana,Xol,31/31/2011\n", "text/csv");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 422) << res->body;
  json report = json::parse(res->body);
  ASSERT_FALSE(report["diagnostics"].empty());
  const json& d = report["diagnostics"][0];
  EXPECT_EQ(d["file"], "bad.csv");
  EXPECT_EQ(d["line"], 2);
  EXPECT_TRUE(d.contains("column") && d.contains("field") && d.contains("message"));
}

TEST(ApiTest, ListsArePagedAndFiltered) {
  json page = GetJson("admin", "/api/families?limit=1&offset=1&sort=name");
  EXPECT_EQ(page["total"], 2);
  EXPECT_EQ(page["limit"], 1);
  EXPECT_EQ(page["offset"], 1);
  EXPECT_EQ(page["items"].size(), 1u);
  EXPECT_EQ(GetJson("field_searcher", "/api/families")["total"], 1);
  EXPECT_EQ(GetJson("admin", "/api/families?team=north")["total"], 1);
  GetJson("admin", "/api/families?limit=abc", 400);
  GetJson("admin", "/api/families?status=flying", 400);
  json review = GetJson("case_worker", "/api/review?kind=family_link");
  EXPECT_EQ(review["total"], 1);
  json audit = GetJson("auditor", "/api/audit?action=denied&limit=2");
  EXPECT_LE(audit["items"].size(), 2u);
  json people = GetJson("case_worker", "/api/people?search=Jose%20Xol&kind=adult");
  ASSERT_FALSE(people["items"].empty());
  EXPECT_EQ(people["items"][0]["id"], ApiWorld::Get().seed.a1);
  GetJson("case_worker", "/api/people", 400);
}

json PostJson(const std::string& who, const std::string& path, const std::string& body, int want) {
  httplib::Client cli("127.0.0.1", ApiWorld::Get().port);
  auto res = cli.Post(path, ApiWorld::Get().As(who), body, "application/json");
  EXPECT_TRUE(res);
  if (!res) return {};
  EXPECT_EQ(res->status, want) << path << " as " << who << ": " << res->body;
  return json::parse(res->body, nullptr, false);
}

TEST(ApiTest, FamilyHasAdultsWithLinksAndATimeline) {
  const auto& s = ApiWorld::Get().seed;
  json f = GetJson("coordinator", "/api/families/" + std::to_string(s.c1));
  EXPECT_EQ(f["team"], "north");
  EXPECT_EQ(f["child"]["id"], s.c1);
  ASSERT_EQ(f["adults"].size(), 2u);
  EXPECT_EQ(f["adults"][0]["relationship"], "father");
  EXPECT_EQ(f["adults"][0]["verification"], "claimed");
  EXPECT_FALSE(f["timeline"].empty());
  GetJson("coordinator", "/api/families/" + std::to_string(s.a1), 400);  // an adult is no family
}

TEST(ApiTest, ReviewDecisionsThroughTheApi) {
  const auto& s = ApiWorld::Get().seed;
  const std::string link = "/api/review/" + std::to_string(s.family_link);
  json item = GetJson("case_worker", link);
  EXPECT_EQ(item["kind"], "family_link");
  EXPECT_EQ(item["left"]["id"], s.c2);
  EXPECT_EQ(item["right"]["id"], s.a1);
  PostJson("case_worker", link + "/accept", R"({"verification":"flying"})", 400);
  json accepted = PostJson("case_worker", link + "/accept", R"({"verification":"documented","reason":"papers"})", 200);
  EXPECT_NE(accepted["link_id"], 0);
  PostJson("case_worker", link + "/accept", "{}", 409);
  EXPECT_EQ(GetJson("case_worker", link)["status"], "accepted");
  const std::string dup = "/api/review/" + std::to_string(s.duplicate);
  PostJson("coordinator", dup + "/reject", "{}", 400);  // a reason is required
  PostJson("coordinator", dup + "/reject", R"({"reason":"different people"})", 200);
  json audit = GetJson("auditor", "/api/audit?action=review_accept");
  ASSERT_EQ(audit["total"], 1);
  EXPECT_EQ(audit["items"][0]["actor"], "case_worker");
}

json PutJson(const std::string& who, const std::string& path, const std::string& body, int want) {
  httplib::Client cli("127.0.0.1", ApiWorld::Get().port);
  auto res = cli.Put(path, ApiWorld::Get().As(who), body, "application/json");
  EXPECT_TRUE(res);
  if (!res) return {};
  EXPECT_EQ(res->status, want) << path << " as " << who << ": " << res->body;
  return json::parse(res->body, nullptr, false);
}

// A coordinator gives the unassigned family to team south: its field searcher then
// sees it, team north's does not, and the change is on the family's timeline; then
// it is unassigned again so the other tests see the seed.
TEST(ApiTest, CoordinatorAssignsAFamilyToATeam) {
  const auto& s = ApiWorld::Get().seed;
  const std::string family = "/api/families/" + std::to_string(s.c2);
  GetJson("field_searcher_south", family, 404);
  PutJson("coordinator", family + "/team", R"({"team":"south"})", 400);  // no reason
  PutJson("coordinator", family + "/team", R"({"team":7,"reason":"x"})", 400);
  PutJson("coordinator", family + "/team", R"({"team":" south","reason":"x"})", 400);
  PutJson("coordinator", "/api/families/" + std::to_string(s.a3) + "/team", R"({"team":"south","reason":"x"})", 400);
  json done = PutJson("coordinator", family + "/team", R"({"team":"south","reason":"near the border"})", 200);
  EXPECT_EQ(done["team"], "south");
  json seen = GetJson("field_searcher_south", family);
  EXPECT_EQ(seen["team"], "south");
  bool has_a3 = false;
  for (const json& a : seen["adults"]) has_a3 |= a["id"] == s.a3;
  EXPECT_TRUE(has_a3) << seen.dump();
  GetJson("field_searcher", family, 404);
  bool journaled = false;
  for (const json& e : seen["timeline"]) journaled |= e["entity"] == "family_assignment" && e["after"] == "south";
  EXPECT_TRUE(journaled) << seen["timeline"].dump();
  PutJson("admin", family + "/team", R"({"team":"","reason":"back to the pool"})", 200);
  GetJson("field_searcher_south", family, 404);
  json audit = GetJson("auditor", "/api/audit?action=assign_family&actor=coordinator");
  EXPECT_GE(audit["total"].get<int>(), 1);
}

// A case worker marks an adult at risk: a liaison never sees the notes, the case
// worker then sees the location withheld, and the flag comes off again.
TEST(ApiTest, CaseWorkerSetsProtection) {
  const auto& s = ApiWorld::Get().seed;
  const std::string person = "/api/people/" + std::to_string(s.a3);
  PutJson("case_worker", person + "/protection", R"({"notes":"x","reason":"x"})", 400);  // at_risk missing
  PutJson("case_worker", person + "/protection", R"({"at_risk":"yes","reason":"x"})", 400);
  PutJson("case_worker", person + "/protection", R"({"at_risk":true,"notes":"x"})", 400);  // no reason
  PutJson("case_worker", person + "/protection", R"({"at_risk":true,"notes":"the smuggler calls","reason":"call"})", 200);
  json cw = GetJson("case_worker", person);
  EXPECT_TRUE(cw["at_risk"].get<bool>());
  EXPECT_EQ(cw["protection_notes"], "the smuggler calls");
  EXPECT_EQ(cw["withheld"], json({"location", "phones"}));
  json coord = GetJson("coordinator", person);
  EXPECT_EQ(coord["phones"], json({"+50255550003"}));
  json liaison = GetJson("government_liaison", person);
  EXPECT_EQ(liaison["protection_notes"], "");
  // Without "notes" the stored notes stay.
  PutJson("coordinator", person + "/protection", R"({"at_risk":false,"reason":"moved to safety"})", 200);
  json after = GetJson("coordinator", person);
  EXPECT_FALSE(after["at_risk"].get<bool>());
  EXPECT_EQ(after["protection_notes"], "the smuggler calls");
  PutJson("coordinator", person + "/protection", R"({"at_risk":false,"notes":"","reason":"clean up"})", 200);
}

TEST(ApiTest, AdminCreatesUsers) {
  const std::string body =
      R"({"username":"new.searcher","org":"Kids in Need","role":"field_searcher","team":"south","password":")" +
      std::string(testing::kPassword) + R"("})";
  json created = PostJson("admin", "/api/users", body, 201);
  EXPECT_EQ(created["username"], "new.searcher");
  PostJson("admin", "/api/users", body, 409);
  PostJson("admin", "/api/users", R"({"username":"x"})", 400);
  json users = GetJson("admin", "/api/users?limit=100");
  bool found = false;
  for (const json& u : users["items"]) found |= u["username"] == "new.searcher" && u["team"] == "south";
  EXPECT_TRUE(found) << users.dump();
}

TEST(ApiTest, LoginMeAndLogout) {
  httplib::Client cli("127.0.0.1", ApiWorld::Get().port);
  auto login = cli.Post("/api/login", R"({"username":"auditor","password":")" + std::string(testing::kPassword) + "\"}",
                        "application/json");
  ASSERT_TRUE(login);
  ASSERT_EQ(login->status, 200) << login->body;
  const std::string cookie = login->get_header_value("Set-Cookie").substr(0, login->get_header_value("Set-Cookie").find(';'));
  auto me = cli.Get("/api/me", {{"Cookie", cookie}});
  ASSERT_TRUE(me);
  const std::string csrf = json::parse(me->body)["csrf_token"];
  auto refused = cli.Post("/api/logout", {{"Cookie", cookie}}, "", "application/json");
  EXPECT_EQ(refused->status, 403);
  auto out = cli.Post("/api/logout", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, "", "application/json");
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 200) << out->body;
  EXPECT_EQ(cli.Get("/api/me", {{"Cookie", cookie}})->status, 401);
}

}  // namespace
}  // namespace reunite::web
