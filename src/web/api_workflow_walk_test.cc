// The workflow's JSON API end to end: José (a1), father of Ana (c1, team north),
// walked from a failed call to located, a decision changed with a reason,
// eligibility flagged, reviewed and resolved, logistics in order, the family
// closed and reopened; deadlines and the overdue report; the status report in
// each format, with the same counts the library gives the CLI.
#include <gtest/gtest.h>

#include <ctime>

#include "access/report_access.h"
#include "web/api_test_fixture.h"
#include "workflow/report_format.h"

namespace reunite::web {
namespace {

using nlohmann::json;
using testing::ApiWorld;
using testing::Ask;
using testing::JournalRows;

// Sends and checks the status; the answer's JSON.
json Expect(int want, const std::string& who, const std::string& method, const std::string& path,
            const std::string& body = "") {
  testing::Answer a = Ask(who, method, path, body);
  EXPECT_EQ(a.status, want) << method << " " << path << " " << body << " as " << who << ": " << a.body;
  return a.json;
}

std::string Created(const std::string& who, const std::string& path, const std::string& body) {
  return std::to_string(Expect(201, who, "POST", path, body).value("id", std::int64_t{0}));
}

// The count of each node of the status report as an admin reads it.
std::map<std::string, long> StatusCounts() {
  std::map<std::string, long> counts;
  const json report = Expect(200, "admin", "GET", "/api/reports/status");
  for (const json& node : report["nodes"]) counts[node["id"]] = node["count"];
  return counts;
}

// Today plus `days`, "YYYY-MM-DD" (UTC).
std::string DatePlus(int days) {
  std::time_t t = std::time(nullptr) + static_cast<std::time_t>(days) * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// José's walk, a stage per method; the report's counts are read before it starts.
class FamilyWalk {
 public:
  FamilyWalk() : seed_(ApiWorld::Get().seed), counts_(StatusCounts()) {}

  // unknown -> phone_attempted -> not_reachable by failed calls.
  void FailedCalls() {
    ASSERT_EQ(Expect(200, "coordinator", "GET", a1_ + "/workflow")["tracing"], "unknown");
    const std::string call1 = Created("case_worker", a1_ + "/contacts",
                                      R"({"kind":"call","result":"no_answer","number":"+50255550001"})");
    json moved = Expect(200, "case_worker", "PUT", a1_ + "/tracing", Event("phone_attempted", "contact", call1));
    EXPECT_EQ(moved["before"], "unknown");
    EXPECT_EQ(moved["tracing"], "phone_attempted");
    const std::string call2 = Created("case_worker", a1_ + "/contacts",
                                      R"({"kind":"call","result":"wrong_number","number":"+50255550001"})");
    Expect(200, "case_worker", "PUT", a1_ + "/tracing", Event("not_reachable", "contact", call2));
  }

  // not_reachable -> field_search (a task given to team north) -> located (the visit).
  void FieldSearch() {
    const std::string task = Created("coordinator", "/api/search-tasks",
                                     R"({"adult_id":)" + father_ + R"(,"country":"GT","department":"GT-AV",)"
                                     R"("municipality":"Cobán","village":"Chamelco","reason":"no phone works"})");
    Expect(409, "coordinator", "POST", "/api/search-tasks", R"({"adult_id":)" + father_ + R"(,"country":"GT"})");
    json assigned = Expect(200, "coordinator", "PUT", "/api/search-tasks/" + task + "/assignment",
                           R"({"organisation":"ICRC","team":"north","reason":"their area"})");
    EXPECT_EQ(assigned["fields_changed"], 2);
    json north = Expect(200, "field_searcher", "GET", "/api/search-tasks?team=north");
    ASSERT_EQ(north["total"], 1) << north.dump();
    EXPECT_EQ(north["items"][0]["organisation"], "ICRC");
    EXPECT_EQ(Expect(200, "coordinator", "GET", "/api/search-tasks?team=south")["total"], 0);
    Expect(200, "field_searcher", "PUT", a1_ + "/tracing", Event("field_search", "search_task", task));
    const std::string visit = Created("field_searcher", a1_ + "/contacts",
                                      R"({"kind":"visit","result":"located","place":"Chamelco, casa 4","team":"north"})");
    json plan = Expect(200, "field_searcher", "GET", "/api/search-plan?team=north");
    ASSERT_EQ(plan["items"].size(), 1u) << plan.dump();
    EXPECT_EQ(plan["items"][0]["open_tasks"], 1);
    EXPECT_NE(plan["items"][0]["last_attempt"], "");
    Expect(200, "field_searcher", "PUT", a1_ + "/tracing", Event("located", "contact", visit));
    Expect(200, "field_searcher", "PUT", "/api/search-tasks/" + task + "/closure",
           R"({"status":"done","result":"located"})");
    json adult = Expect(200, "coordinator", "GET", a1_ + "/workflow");
    EXPECT_EQ(adult["tracing"], "located");
    EXPECT_EQ(adult["search_tasks"][0]["status"], "done");
    EXPECT_EQ(adult["eligibility"]["status"], "eligible");
    EXPECT_EQ(StatusCounts()["parents_located"], counts_["parents_located"] + 1);
  }

  // A decision, then a change that needs a reason: the history holds both.
  void Decisions() {
    Created("case_worker", decisions_,
            R"({"adult_id":)" + father_ + R"(,"kind":"undecided","language":"K'iche'","interpreter_used":true,)"
            R"("interpreter":"Juana Tum","decided_on":"2025-01-10"})");
    const std::string change = R"({"adult_id":)" + father_ +
                               R"(,"kind":"reunify_home","language":"es","decided_on":"2025-01-12","signed":true)";
    const long before_refusal = JournalRows();
    json refused = Expect(400, "case_worker", "POST", decisions_, change + "}");
    EXPECT_NE(refused["error"]["message"].get<std::string>().find("reason: changing the decision"),
              std::string::npos);
    EXPECT_EQ(JournalRows(), before_refusal);
    Created("case_worker", decisions_, change + R"(,"witness":"Lic. Pérez","reason":"after the consular visit"})");
    json family = Expect(200, "field_searcher", "GET", c1_ + "/workflow");
    ASSERT_EQ(family["decision_history"].size(), 2u) << family.dump();
    EXPECT_EQ(family["decision"]["kind"], "reunify_home");
    EXPECT_TRUE(family["decision"]["signed"].get<bool>());
    EXPECT_EQ(family["decision_history"][0]["interpreter"], "Juana Tum");
    EXPECT_EQ(StatusCounts()["children_decision_reunify_home"], counts_["children_decision_reunify_home"] + 1);
  }

  // A provisional flag, made final (ineligible: no plan), then resolved.
  void Eligibility() {
    const std::string flag = Created("case_worker", a1_ + "/eligibility-flags",
                                     R"({"kind":"criminal_custody","evidence":"jail roster","reviewer":"ORR",)"
                                     R"("reassess_by":"2027-01-01","reason":"ICE notice"})");
    EXPECT_EQ(Expect(200, "case_worker", "GET", a1_ + "/workflow")["eligibility"]["status"], "under_review");
    json reviewed = Expect(200, "coordinator", "PUT", "/api/eligibility-flags/" + flag + "/review",
                           R"({"finality":"final","contested":true,"reason":"confirmed by ICE"})");
    EXPECT_EQ(reviewed["fields_changed"], 2);
    bool ineligible = false;
    const json family = Expect(200, "coordinator", "GET", c1_ + "/workflow");
    for (const json& p : family["parents"])
      ineligible |= p["adult_id"] == seed_.a1 && p["eligibility"] == "ineligible" && p["tracing"] == "located";
    EXPECT_TRUE(ineligible) << family.dump();
    Expect(409, "coordinator", "PUT", c1_ + "/logistics", R"({"plan":"return_home"})");
    Expect(400, "coordinator", "PUT", "/api/eligibility-flags/" + flag + "/resolution", "{}");
    Expect(200, "coordinator", "PUT", "/api/eligibility-flags/" + flag + "/resolution", R"({"reason":"released"})");
    json eligibility = Expect(200, "coordinator", "GET", a1_ + "/workflow")["eligibility"];
    EXPECT_EQ(eligibility["status"], "eligible");
    EXPECT_FALSE(eligibility["flags"][0]["open"].get<bool>());
  }

  // A step needs a plan; steps go in order; closing as reunified needs the last.
  void Logistics() {
    const std::string steps = c1_ + "/logistics/steps";
    Expect(409, "case_worker", "POST", steps, R"({"step":"travel_document","date":"2025-01-20"})");
    Expect(200, "case_worker", "PUT", c1_ + "/logistics", R"({"plan":"return_home","reason":"decided home"})");
    json out_of_order = Expect(409, "case_worker", "POST", steps, R"({"step":"departed","date":"2025-01-20"})");
    EXPECT_NE(out_of_order.dump().find("the next step of child"), std::string::npos) << out_of_order.dump();
    Expect(409, "case_worker", "PUT", c1_ + "/closure", R"({"reason_code":"reunified"})");
    int day = 20;
    for (const char* step : {"travel_document", "flight_booked", "escort", "receiving_agency_notified", "departed",
                             "arrived", "reunified"}) {
      json now = Expect(201, "case_worker", "POST", steps,
                        std::string(R"({"step":")") + step + R"(","date":"2025-01-)" + std::to_string(day++) +
                            R"(","done_by":"Consulado GT"})");
      EXPECT_EQ(now["steps"].back()["step"], step);
    }
    json logistics = Expect(200, "coordinator", "GET", c1_ + "/workflow")["logistics"];
    EXPECT_EQ(logistics["steps"].size(), 7u);
    EXPECT_EQ(logistics["next_step"], "");
    EXPECT_EQ(StatusCounts()["children_reunified"], counts_["children_reunified"] + 1);
  }

  // Closed, the family refuses changes; reopened, it is open again.
  void CloseAndReopen() {
    Expect(200, "coordinator", "PUT", c1_ + "/closure", R"({"reason_code":"reunified","reason":"home"})");
    EXPECT_TRUE(Expect(200, "coordinator", "GET", c1_ + "/workflow")["closure"]["closed"].get<bool>());
    const long closed_rows = JournalRows();
    json refused = Expect(409, "case_worker", "POST", decisions_,
                          R"({"adult_id":)" + father_ +
                              R"(,"kind":"waiver","language":"es","decided_on":"2025-02-01","reason":"x"})");
    EXPECT_NE(refused.dump().find("is closed"), std::string::npos) << refused.dump();
    Expect(409, "case_worker", "PUT", c1_ + "/closure", R"({"reason_code":"other","note":"x"})");
    EXPECT_EQ(JournalRows(), closed_rows);
    Expect(200, "coordinator", "POST", c1_ + "/reopen", R"({"reason":"the court asked for a follow-up"})");
    EXPECT_FALSE(Expect(200, "coordinator", "GET", c1_ + "/workflow")["closure"]["closed"].get<bool>());
    EXPECT_EQ(Expect(200, "auditor", "GET", "/api/audit?action=reopen_family")["total"], 1);
  }

 private:
  static std::string Event(const std::string& to, const std::string& kind, const std::string& id) {
    return R"({"to":")" + to + R"(","event_kind":")" + kind + R"(","event_id":)" + id + "}";
  }

  const reunite::testing::SeededCases& seed_;
  std::map<std::string, long> counts_;
  const std::string father_ = std::to_string(seed_.a1);
  const std::string a1_ = "/api/people/" + father_;
  const std::string c1_ = "/api/families/" + std::to_string(seed_.c1);
  const std::string decisions_ = c1_ + "/decisions";
};

TEST(ApiWorkflowWalkTest, AFamilyFromAFailedCallToClosedAndReopened) {
  FamilyWalk walk;
  for (void (FamilyWalk::*stage)() : {&FamilyWalk::FailedCalls, &FamilyWalk::FieldSearch, &FamilyWalk::Decisions,
                                      &FamilyWalk::Eligibility, &FamilyWalk::Logistics, &FamilyWalk::CloseAndReopen}) {
    (walk.*stage)();
    ASSERT_FALSE(HasFatalFailure());
  }
}

TEST(ApiWorkflowWalkTest, DeadlinesAndTheOverdueReport) {
  const auto& s = ApiWorld::Get().seed;
  const std::string c1 = std::to_string(s.c1);
  const std::string id = Created("case_worker", "/api/deadlines",
                                 R"({"title":"Status report","kind":"court","due_at":")" + DatePlus(3) +
                                     R"(","child_id":)" + c1 + R"(,"reason":"court order"})");
  auto has = [&](const json& items, bool overdue) {
    for (const json& d : items)
      if (std::to_string(d.value("deadline_id", std::int64_t{0})) == id) return d["overdue"] == overdue;
    return false;
  };
  json soon = Expect(200, "field_searcher", "GET", "/api/reports/overdue?within_days=7");
  EXPECT_TRUE(has(soon["items"], false)) << soon.dump();
  EXPECT_FALSE(has(Expect(200, "field_searcher_south", "GET", "/api/reports/overdue?within_days=7")["items"], false));
  json later = Expect(200, "auditor", "GET", "/api/reports/overdue?within_days=0&as_of=" + DatePlus(10));
  EXPECT_TRUE(has(later["items"], true)) << later.dump();
  EXPECT_GE(later["overdue"].get<int>(), 1);
  json open = Expect(200, "field_searcher", "GET", "/api/deadlines");
  bool listed = false;
  for (const json& d : open["items"]) listed |= std::to_string(d["id"].get<std::int64_t>()) == id;
  EXPECT_TRUE(listed) << open.dump();
  EXPECT_EQ(Expect(200, "field_searcher_south", "GET", "/api/deadlines")["total"], 0);
  Expect(200, "case_worker", "PUT", "/api/deadlines/" + id + "/completion", R"({"reason":"filed"})");
  Expect(409, "case_worker", "PUT", "/api/deadlines/" + id + "/completion", R"({"reason":"filed"})");
  const json still_open = Expect(200, "admin", "GET", "/api/deadlines");
  for (const json& d : still_open["items"])
    EXPECT_NE(std::to_string(d["id"].get<std::int64_t>()), id);
  json all = Expect(200, "admin", "GET", "/api/deadlines?open=false");
  bool done = false;
  for (const json& d : all["items"]) done |= std::to_string(d["id"].get<std::int64_t>()) == id && !d["open"];
  EXPECT_TRUE(done) << all.dump();
}

// The API's JSON is the library's rendering of the same report the CLI reads (for
// admins and coordinators) or of the same limited report (issue 13, item 5: for the
// roles that may not see protected places, as ReportAccess builds it for them).
TEST(ApiWorkflowWalkTest, StatusReportMatchesTheLibraryInEveryFormat) {
  const std::string path = "/api/reports/status?as_of=2099-12-31";
  auto db = Database::Open(ApiWorld::Get().db_url);
  ASSERT_TRUE(db.ok());
  auto expected = [&](const reunite::Principal& who) {
    auto built = ReportAccess(**db, who).CourtStatus("2099-12-31", *report::DefaultCategoryTree());
    EXPECT_TRUE(built.ok()) << built.status().ToString();
    return built.ok() ? *built : report::StatusReport{};
  };
  const report::StatusReport full = expected(reunite::Principal::LocalOperator("cli"));
  const report::StatusReport limited = expected(reunite::testing::MakePrincipal(UserRole::kGovernmentLiaison));
  EXPECT_EQ(limited.as_of.substr(10), "T23:59:59.999Z");
  EXPECT_LT(limited.as_of, "2099-12-31");

  testing::Answer api = Ask("government_liaison", "GET", path);
  ASSERT_EQ(api.status, 200) << api.body;
  EXPECT_EQ(api.content_type, "application/json");
  EXPECT_EQ(api.body, report::RenderJson(limited));
  EXPECT_EQ(api.json["nodes"][0]["id"], "children");
  EXPECT_EQ(Ask("admin", "GET", path).body, report::RenderJson(full));

  testing::Answer csv = Ask("auditor", "GET", path + "&format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.content_type.substr(0, 8), "text/csv");
  EXPECT_EQ(csv.disposition, "attachment; filename=\"status-" + limited.as_of.substr(0, 10) + ".csv\"");
  EXPECT_EQ(csv.body, report::RenderCsv(limited));
  testing::Answer xlsx = Ask("coordinator", "GET", path + "&format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_NE(xlsx.disposition.find("status-2099-12-31.xlsx"), std::string::npos);
  testing::Answer md = Ask("case_worker", "GET", path + "&format=md&lang=es");
  EXPECT_EQ(md.body, report::RenderMarkdown(limited, "es"));
  testing::Answer html = Ask("admin", "GET", path + "&format=html");
  EXPECT_EQ(html.content_type.substr(0, 9), "text/html");
  EXPECT_EQ(html.body, report::RenderHtml(full, "en"));
}

}  // namespace
}  // namespace reunite::web
