// The workflow's JSON API: every route as every role (the statuses
// access/policy.cc implies), what an at-risk adult's contacts withhold, and bad
// input refused with a clear message and nothing written. The walk through a
// whole family is in api_workflow_walk_test.cc.
#include <gtest/gtest.h>

#include "web/api_test_fixture.h"
#include "web/embedded_web.h"
#include "workflow/tracing.h"
#include "workflow/vocabulary.h"

namespace reunite::web {
namespace {

using nlohmann::json;
using testing::ApiWorld;
using testing::Ask;
using testing::JournalRows;

using testing::Call;
using testing::kWho;

// A failed call of parent `adult`, logged as an admin.
std::int64_t LogFailedCall(PersonId adult) {
  testing::Answer a = Ask("admin", "POST", "/api/people/" + std::to_string(adult) + "/contacts",
                          R"({"kind":"call","result":"no_answer","number":"+50255550001"})");
  EXPECT_EQ(a.status, 201) << a.body;
  return a.json.value("id", std::int64_t{0});
}

// Writes name records that do not exist (999999) where a success would change
// what later tests see: a role that may not act is refused first (403); one that
// may finds nothing (404). A field searcher's scope shows on the seed's families:
// c1 is team north's, c2 no team's.
TEST(ApiWorkflowTest, AuthorisationMatrix) {
  const auto& s = ApiWorld::Get().seed;
  const std::string a1 = "/api/people/" + std::to_string(s.a1), a3 = "/api/people/" + std::to_string(s.a3);
  const std::string c1 = "/api/families/" + std::to_string(s.c1), none = "999999";
  const std::string failed_call = std::to_string(LogFailedCall(s.a1));
  const std::vector<Call> calls = {
      //                                                 admin coord cw  fs  fs_s liais audit none
      {"GET", a1 + "/workflow", "", {200, 200, 200, 200, 404, 403, 403, 401}},
      {"GET", a3 + "/workflow", "", {200, 200, 200, 404, 404, 403, 403, 401}},
      // A failed call cannot justify "located": the rules answer once the role and scope pass.
      {"PUT", a1 + "/tracing", R"({"to":"located","event_kind":"contact","event_id":)" + failed_call + "}",
       {409, 409, 409, 409, 404, 403, 403, 401}},
      {"POST", a1 + "/contacts", R"({"kind":"call","result":"no_answer","number":"+50255550001"})",
       {201, 201, 201, 201, 404, 403, 403, 401}},
      {"GET", "/api/search-tasks", "", {200, 200, 200, 200, 200, 403, 403, 401}},
      {"POST", "/api/search-tasks", R"({"adult_id":999999,"country":"GT","reason":"m"})",
       {404, 404, 404, 404, 404, 403, 403, 401}},
      {"PUT", "/api/search-tasks/" + none + "/assignment", R"({"organisation":"ICRC","team":"north","reason":"m"})",
       {404, 404, 404, 403, 403, 403, 403, 401}},
      {"PUT", "/api/search-tasks/" + none + "/closure", R"({"status":"cancelled","reason":"m"})",
       {404, 404, 404, 404, 404, 403, 403, 401}},
      {"GET", "/api/search-plan?team=north", "", {200, 200, 200, 200, 403, 403, 403, 401}},
      {"POST", "/api/people/" + none + "/eligibility-flags", R"({"kind":"not_parent","reason":"m"})",
       {404, 404, 404, 403, 403, 403, 403, 401}},
      {"PUT", "/api/eligibility-flags/" + none + "/review", R"({"finality":"final","reason":"m"})",
       {404, 404, 404, 403, 403, 403, 403, 401}},
      {"PUT", "/api/eligibility-flags/" + none + "/resolution", R"({"reason":"m"})",
       {404, 404, 404, 403, 403, 403, 403, 401}},
      {"GET", c1 + "/workflow", "", {200, 200, 200, 200, 404, 403, 403, 401}},
      {"POST", "/api/families/" + none + "/decisions", R"({"adult_id":1,"kind":"waiver","reason":"m"})",
       {404, 404, 404, 403, 403, 403, 403, 401}},
      {"PUT", "/api/families/" + none + "/logistics", R"({"plan":"return_home","reason":"m"})",
       {404, 404, 404, 403, 403, 403, 403, 401}},
      {"POST", "/api/families/" + none + "/logistics/steps", R"({"step":"travel_document","date":"2025-01-20"})",
       {404, 404, 404, 403, 403, 403, 403, 401}},
      {"PUT", "/api/families/" + none + "/closure", R"({"reason_code":"other","note":"x","reason":"m"})",
       {404, 404, 404, 403, 403, 403, 403, 401}},
      {"POST", "/api/families/" + none + "/reopen", R"({"reason":"m"})", {404, 404, 404, 403, 403, 403, 403, 401}},
      {"GET", "/api/deadlines", "", {200, 200, 200, 200, 200, 403, 403, 401}},
      {"POST", "/api/deadlines", R"({"title":"m","kind":"court","due_at":"2030-01-01","child_id":999999})",
       {404, 404, 404, 403, 403, 403, 403, 401}},
      {"PUT", "/api/deadlines/" + none + "/completion", R"({"reason":"m"})", {404, 404, 404, 403, 403, 403, 403, 401}},
      {"GET", "/api/reports/overdue", "", {200, 200, 200, 200, 200, 200, 200, 401}},
      // The status report counts every family: not for a team-scoped field searcher.
      {"GET", "/api/reports/status", "", {200, 200, 200, 403, 403, 200, 200, 401}},
  };
  for (const Call& c : calls)
    for (std::size_t i = 0; i < kWho.size(); ++i) {
      testing::Answer a = Ask(kWho[i], c.method, c.path, c.body);
      EXPECT_EQ(a.status, c.want[i]) << c.method << " " << c.path << " as " << kWho[i] << ": " << a.body;
      EXPECT_EQ(a.content_type, "application/json") << c.path;
      if (a.status >= 400) {
        EXPECT_TRUE(a.json.contains("error") && a.json["error"].contains("message")) << c.path << ": " << a.body;
      }
    }
}

TEST(ApiWorkflowTest, SessionWritesNeedTheCsrfTokenApiTokensDoNot) {
  ApiWorld& w = ApiWorld::Get();
  httplib::Client cli("127.0.0.1", w.port);
  const long before = JournalRows();
  auto res = cli.Post("/api/people/" + std::to_string(w.seed.a1) + "/contacts", w.As("coordinator", false),
                      R"({"kind":"call","result":"no_answer","number":"+50255550001"})", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(JournalRows(), before);
  // An API token sends no CSRF token: its write goes through, as its coordinator.
  res = cli.Post("/api/people/" + std::to_string(w.seed.a1) + "/contacts",
                 {{"Authorization", "Bearer " + w.coordinator_token}},
                 R"({"kind":"message","result":"sent","through":"the village committee"})", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 201) << res->body;
  EXPECT_GT(JournalRows(), before);
}

// María (a2) is at risk: the number called and the place visited are hers to
// withhold from a case worker; a coordinator and team north's field searcher
// see them, and each such read is audited.
TEST(ApiWorkflowTest, AtRiskContactsAreWithheld) {
  const auto& s = ApiWorld::Get().seed;
  const std::string a2 = "/api/people/" + std::to_string(s.a2);
  ASSERT_EQ(Ask("admin", "POST", a2 + "/contacts", R"({"kind":"call","result":"no_answer","number":"+50255550002"})")
                .status,
            201);
  ASSERT_EQ(Ask("admin", "POST", a2 + "/contacts",
                R"({"kind":"visit","result":"not_found","place":"Chamelco, casa 9","team":"north"})")
                .status,
            201);
  const std::string task = R"({"adult_id":)" + std::to_string(s.a2) +
                           R"(,"country":"GT","department":"GT-AV","municipality":"Cobán","village":"Chamelco"})";
  ASSERT_EQ(Ask("admin", "POST", "/api/search-tasks", task).status, 201);
  json cw = Ask("case_worker", "GET", a2 + "/workflow").json;
  ASSERT_GE(cw["contacts"].size(), 2u) << cw.dump();
  for (const json& c : cw["contacts"]) {
    EXPECT_EQ(c["number"], "[withheld]") << c.dump();
    EXPECT_EQ(c["place"], "[withheld]") << c.dump();
  }
  ASSERT_FALSE(cw["search_tasks"].empty());
  EXPECT_EQ(cw["search_tasks"][0]["village"], "[withheld]");
  json listed = Ask("case_worker", "GET", "/api/search-tasks?adult_id=" + std::to_string(s.a2)).json;
  ASSERT_EQ(listed["total"], 1) << listed.dump();
  EXPECT_EQ(listed["items"][0]["municipality"], "[withheld]");
  for (const std::string who : {"coordinator", "field_searcher"}) {
    json seen = Ask(who, "GET", a2 + "/workflow").json;
    bool number = false, place = false;
    for (const json& c : seen["contacts"]) {
      number |= c["number"] == "+50255550002";
      place |= c["place"] == "Chamelco, casa 9";
    }
    EXPECT_TRUE(number && place) << who << ": " << seen.dump();
    EXPECT_EQ(seen["search_tasks"][0]["village"], "Chamelco") << who;
  }
  json audit = Ask("auditor", "GET", "/api/audit?action=read_protected&actor=field_searcher").json;
  EXPECT_GE(audit["total"].get<int>(), 1) << audit.dump();
  // Closed again, so the other tests see no open task of hers.
  const std::string id = std::to_string(listed["items"][0]["id"].get<std::int64_t>());
  EXPECT_EQ(Ask("admin", "PUT", "/api/search-tasks/" + id + "/closure", R"({"status":"cancelled"})").status, 200);
}

struct BadInput {
  std::string method, path, body;
  int want;
  std::string message;  // a part of the error's message
};

TEST(ApiWorkflowTest, BadInputIsRefusedAndWritesNothing) {
  const auto& s = ApiWorld::Get().seed;
  const std::string a1 = "/api/people/" + std::to_string(s.a1), c1 = "/api/families/" + std::to_string(s.c1);
  const std::vector<BadInput> cases = {
      {"POST", a1 + "/contacts", "{not json", 400, "the body must be a JSON object"},
      {"POST", a1 + "/contacts", "[1, 2]", 400, "the body must be a JSON object"},
      {"POST", a1 + "/contacts", "{}", 400, "kind is required"},
      {"POST", a1 + "/contacts", R"({"kind":"call","result":"no_answer","number":5})", 400, "number must be a string"},
      {"POST", a1 + "/contacts", R"({"kind":"call","result":"no_answer","number":"1","child_id":"x"})", 400,
       "child_id must be a whole number"},
      {"POST", a1 + "/contacts", R"({"kind":"carrier_pigeon","result":"sent"})", 400, "kind: 'carrier_pigeon'"},
      {"POST", a1 + "/contacts", R"({"kind":"call","result":"no_answer"})", 400, "number: required for a call"},
      {"PUT", a1 + "/tracing", R"({"to":"found","event_kind":"contact","event_id":1})", 400, "to: 'found' is not one of"},
      {"PUT", a1 + "/tracing", R"({"to":"located","event_kind":"phone","event_id":1})", 400,
       "event_kind must be contact or search_task"},
      {"PUT", a1 + "/tracing", R"({"to":"located","event_kind":"contact"})", 400, "event_id is required"},
      {"POST", a1 + "/eligibility-flags", R"({"kind":"criminal_custody","evidence":"roster","reviewer":"ORR"})", 400,
       "reassess_by: required for criminal_custody"},
      {"POST", a1 + "/eligibility-flags", R"({"kind":"bad_hair"})", 400, "kind: 'bad_hair' is not one of"},
      {"POST", c1 + "/decisions", R"({"adult_id":"one","kind":"waiver"})", 400, "adult_id must be a whole number"},
      {"POST", c1 + "/decisions", R"({"adult_id":1,"kind":"waiver","signed":"yes"})", 400, "signed must be true or false"},
      {"POST", c1 + "/decisions",
       R"({"adult_id":)" + std::to_string(s.a1) + R"(,"kind":"waiver","language":"es","decided_on":"July 4"})", 400,
       "decided_on: 'July 4' is not a date"},
      {"PUT", c1 + "/closure", R"({"reason_code":"bored"})", 400, "reason_code: 'bored' is not one of reunified"},
      {"POST", c1 + "/reopen", "{}", 400, "reason: required to reopen a family"},
      {"POST", "/api/deadlines", R"({"title":"x","kind":"urgent","due_at":"2030-01-01"})", 400,
       "kind: 'urgent' is not one of court, internal"},
      {"POST", "/api/deadlines", R"({"title":"x","kind":"court","due_at":"soon"})", 400, "due_at: 'soon' is not a UTC time"},
      {"GET", "/api/search-tasks?status=lost", "", 400, "status: 'lost' is not one of"},
      {"GET", "/api/deadlines?open=maybe", "", 400, "open must be true or false"},
      {"GET", "/api/reports/overdue?as_of=next%20week", "", 400, "as_of: 'next week' is not a UTC time"},
      {"GET", "/api/reports/overdue?within_days=-1", "", 400, "within"},
      {"GET", "/api/reports/status?as_of=2018-02-30", "", 400, "as_of: '2018-02-30'"},
      {"GET", "/api/reports/status?format=pdf", "", 400, "format: 'pdf'"},
      {"GET", "/api/reports/status?lang=fr", "", 400, "lang: 'fr'"},
  };
  const long before = JournalRows();
  for (const BadInput& c : cases) {
    testing::Answer a = Ask("coordinator", c.method, c.path, c.body);
    EXPECT_EQ(a.status, c.want) << c.method << " " << c.path << " " << c.body << ": " << a.body;
    const std::string message = a.json.is_object() ? a.json["error"].value("message", "") : "";
    EXPECT_NE(message.find(c.message), std::string::npos) << c.path << " " << c.body << ": " << a.body;
  }
  EXPECT_EQ(JournalRows(), before);
}

// The OpenAPI document lists the workflow's words; they must be the library's.
TEST(ApiWorkflowTest, DocumentedVocabulariesAreTheLibrarys) {
  const json doc = json::parse(*EmbeddedWebFile("api/openapi.json"));
  const json& schemas = doc["components"]["schemas"];
  std::vector<std::string> states;
  for (workflow::TracingState state : workflow::AllTracingStates()) states.push_back(workflow::ToString(state));
  const std::vector<std::pair<std::string, std::vector<std::string>>> words = {
      {"TracingState", states},
      {"ContactKind", workflow::ContactKinds()},
      {"TaskResult", workflow::TaskResults()},
      {"DecisionKind", workflow::DecisionKinds()},
      {"FlagKind", workflow::FlagKinds()},
      {"LogisticsPlan", workflow::LogisticsPlans()},
      {"LogisticsStep", workflow::LogisticsSteps()},
      {"ClosureReason", workflow::ClosureReasons()},
      {"DeadlineKind", workflow::DeadlineKinds()},
  };
  for (const auto& [name, values] : words) {
    ASSERT_TRUE(schemas.contains(name)) << name;
    EXPECT_EQ(schemas[name]["enum"].get<std::vector<std::string>>(), values) << name;
  }
}

}  // namespace
}  // namespace reunite::web
