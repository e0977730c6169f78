// Issue 13, items 1 to 6, through the server: the API answers, the pages and the
// downloads of each leak, as the bodies a browser or a client gets. Protected
// values (a2's phone digits, village, department; the copy's facility) must be
// absent for the roles that may not see them and present for those that may,
// and the allowed reads audited. A world of its own: these tests change
// protection.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#include <gtest/gtest.h>

#include "access/workflow_access.h"
#include "match/explanation_json.h"
#include "store/repositories.h"
#include "web/api_internal.h"
#include "web/api_test_fixture.h"
#include "web/pages.h"

namespace reunite::web {
namespace {

using nlohmann::json;

constexpr const char* kPhoneDigits = "55550002";
constexpr const char* kVillage = "Xecoxol";
constexpr const char* kDepartment = "GT-HU";
constexpr const char* kFacility = "Port Isabel";

bool Has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

// The shared seed, with a2 (at risk) moved somewhere only she lives, removed to
// Honduras; a record of her from another list (`copy`, c2's mother, pending as her
// duplicate); a family link candidate whose explanation holds her phone and home;
// a search task for her; and `lifted`, an adult at risk a coordinator will lift.
class Issue13World {
 public:
  static Issue13World& Get() {
    static Issue13World world;
    return world;
  }
  testing::ApiWorld& api;
  const reunite::testing::SeededCases& seed;
  PersonId copy = 0, lifted = 0;
  std::int64_t duplicate = 0, family_link = 0, task = 0;

  testing::Answer Ask(const std::string& who, const std::string& method, const std::string& path,
                      const std::string& body = "") {
    httplib::Client cli("127.0.0.1", api.port);
    const httplib::Headers h = api.As(who);
    httplib::Result res = method == "GET"   ? cli.Get(path, h)
                          : method == "PUT" ? cli.Put(path, h, body, "application/json")
                                            : cli.Post(path, h, body, "application/json");
    EXPECT_TRUE(res) << path;
    if (!res) return {};
    return {res->status, json::parse(res->body, nullptr, false), res->body, res->get_header_value("Content-Type"),
            res->get_header_value("Content-Disposition")};
  }
  // Audit entries of `action` by `actor` about person `id`.
  long Audits(const std::string& action, const std::string& actor, PersonId id) {
    auto opened = Database::Open(api.db_url);
    EXPECT_TRUE(opened.ok());
    auto db = std::move(*opened);
    long n = 0;
    const long long key = id;
    db->session() << "SELECT COUNT(*) FROM audit_log WHERE action = :a AND actor = :u AND entity = 'person' "
                     "AND entity_id = :id",
        soci::use(action), soci::use(actor), soci::use(key), soci::into(n);
    return n;
  }

 private:
  Issue13World() : api(testing::ApiWorld::Get("issue13")), seed(api.seed) {
    auto opened = Database::Open(api.db_url);
    EXPECT_TRUE(opened.ok());
    auto db = std::move(*opened);
    CaseWriter writer(*db, "seed");
    Person a2 = *PersonRepository(*db).Get(seed.a2);
    a2.location = {"", "GT", kDepartment, "Chiantla", std::string("Aldea ") + kVillage, "Aldea Xecoxol, Chiantla"};
    a2.custody = {CustodyStatus::kRemoved, {2018, 7, 20}, "HN"};
    EXPECT_TRUE(writer.UpdatePerson(a2, "seed").ok());
    Person c = a2;
    c.id = 0;
    c.custody = {};
    c.location.facility = kFacility;
    copy = *writer.CreatePerson(c, "seed");
    EXPECT_TRUE(writer.AddFamilyLink({0, seed.c2, copy, Relationship::kMother, Verification::kClaimed}, "seed").ok());
    duplicate = reunite::testing::InsertCandidate(*db, "duplicate", seed.a2, copy, "");
    family_link = reunite::testing::InsertCandidate(*db, "family_link", seed.c1, seed.a2, "mother");
    match::Explanation e;
    e.left_id = std::to_string(seed.c1);
    e.right_id = std::to_string(seed.a2);
    e.steps = {{"surname_line", "Xol", "Caal", 8, "no surname shared", 0.1, 0.5, -2.3, false, 0},
               {"home_place", "", "Aldea Xecoxol, Chiantla, GT-HU", 0, "exact", 0.6, 0.01, 5.9, false, 0},
               {"phone", "", "+50255550002", 0, "equal", 0.5, 0.001, 8.9, false, 0}};
    const std::string text = match::ExplanationToJson(e);
    const long long key = family_link;
    db->session() << "UPDATE review_candidates SET explanation = :e WHERE id = :id", soci::use(text), soci::use(key);
    WorkflowAccess admin(*db, reunite::testing::MakePrincipal(UserRole::kAdmin));
    task = *admin.AddSearchTask({0, seed.a2, "GT", kDepartment, "Chiantla", kVillage, "ICRC", "north"}, "seed");
    lifted = *writer.CreatePerson(reunite::testing::MakeCasePerson(Role::kAdult, "Rosa", "Tum", "+50255550077"), "seed");
    EXPECT_TRUE(writer.SetPersonProtection(lifted, true, "threatened", "seed").ok());
  }
};

TEST(Issue13WebTest, Issue13Item1ReviewExplanationWithholdsValues) {
  Issue13World& w = Issue13World::Get();
  const std::string one = "/api/review/" + std::to_string(w.family_link);
  for (const std::string& path : {one, std::string("/api/review?limit=500"), "/review/" + std::to_string(w.family_link)}) {
    auto cw = w.Ask("case_worker", "GET", path);
    ASSERT_EQ(cw.status, 200) << path << cw.body;
    EXPECT_FALSE(Has(cw.body, kPhoneDigits)) << path;
    EXPECT_FALSE(Has(cw.body, kVillage)) << path;
    EXPECT_FALSE(Has(cw.body, kDepartment)) << path;
  }
  auto cw = w.Ask("case_worker", "GET", one);
  EXPECT_EQ(cw.json["withheld"], json({"location", "phones"}));
  EXPECT_TRUE(cw.json["touches_protected"].get<bool>());
  EXPECT_EQ(cw.json["explanation"]["steps"][2]["right"], "[withheld]");
  EXPECT_EQ(cw.json["explanation"]["steps"][2]["level"], "equal");
  auto page = w.Ask("case_worker", "GET", "/review/" + std::to_string(w.family_link));
  EXPECT_TRUE(Has(page.body, "id=\"touches-protected\"")) << page.body;
  EXPECT_TRUE(Has(page.body, "id=\"explanation-withheld\""));
  // A coordinator sees the values; the list read that showed them is audited.
  const long before = w.Audits("read_protected", "coordinator", w.seed.a2);
  auto list = w.Ask("coordinator", "GET", "/api/review?limit=500");
  EXPECT_TRUE(Has(list.body, kPhoneDigits));
  EXPECT_EQ(w.Audits("read_protected", "coordinator", w.seed.a2), before + 1);
  EXPECT_TRUE(Has(w.Ask("coordinator", "GET", "/review/" + std::to_string(w.family_link)).body, kVillage));
  EXPECT_GT(w.Audits("read_protected", "coordinator", w.seed.a2), before + 1);
}

TEST(Issue13WebTest, Issue13Item2ProtectionFollowsThePerson) {
  Issue13World& w = Issue13World::Get();
  const std::string copy = std::to_string(w.copy), c2 = std::to_string(w.seed.c2);
  for (const std::string& path : {"/api/people/" + copy, "/people/" + copy, "/api/families/" + c2, "/families/" + c2}) {
    auto cw = w.Ask("case_worker", "GET", path);
    ASSERT_EQ(cw.status, 200) << path;
    for (const char* value : {kPhoneDigits, kVillage, kDepartment, kFacility}) EXPECT_FALSE(Has(cw.body, value)) << path << ": " << value;
    if (path.rfind("/families/", 0) == 0) continue;  // the family page shows no adult's place to anyone
    auto coord = w.Ask("coordinator", "GET", path);
    EXPECT_TRUE(Has(coord.body, kVillage)) << path;
  }
  auto cw = w.Ask("case_worker", "GET", "/api/people/" + copy);
  EXPECT_TRUE(cw.json["protected"].get<bool>());
  EXPECT_FALSE(cw.json["at_risk"].get<bool>());
  EXPECT_FALSE(Has(w.Ask("government_liaison", "GET", "/api/people/" + copy).body, kFacility));
  EXPECT_TRUE(Has(w.Ask("case_worker", "GET", "/people/" + copy).body, "id=\"protected-person\""));
  // The queue marks the pair (EN and ES).
  auto queue = w.Ask("case_worker", "GET", "/review?kind=duplicate");
  EXPECT_TRUE(Has(queue.body, "Protected person")) << queue.body;
  EXPECT_TRUE(Has(w.Ask("case_worker", "GET", "/review?kind=duplicate&lang=es").body, "Persona protegida"));
  auto api_queue = w.Ask("case_worker", "GET", "/api/review?kind=duplicate");
  for (const json& item : api_queue.json["items"])
    EXPECT_EQ(item["touches_protected"].get<bool>(), item["id"] == w.duplicate) << item.dump();
}

TEST(Issue13WebTest, Issue13Item3OnlyCoordinatorsRemoveProtection) {
  Issue13World& w = Issue13World::Get();
  const std::string path = "/api/people/" + std::to_string(w.lifted) + "/protection";
  for (const char* who : {"case_worker", "field_searcher", "government_liaison", "auditor"})
    EXPECT_EQ(w.Ask(who, "PUT", path, R"({"at_risk":false,"reason":"safe now"})").status, 403) << who;
  EXPECT_EQ(w.Ask("case_worker", "POST", "/api/review/" + std::to_string(w.duplicate) + "/reject",
                  R"({"reason":"different women"})").status,
            403)
      << "rejecting a duplicate of a protected person lifts protection too";
  EXPECT_TRUE(w.Ask("coordinator", "GET", "/api/people/" + std::to_string(w.lifted)).json["at_risk"].get<bool>());
  EXPECT_EQ(w.Ask("coordinator", "PUT", path, R"({"at_risk":false})").status, 400) << "a reason is required";
  ASSERT_EQ(w.Ask("coordinator", "PUT", path, R"({"at_risk":false,"reason":"moved to the capital"})").status, 200);
  auto person = w.Ask("case_worker", "GET", "/api/people/" + std::to_string(w.lifted));
  EXPECT_FALSE(person.json["at_risk"].get<bool>());
  EXPECT_EQ(person.json["protection_removed"]["by"], "coordinator");
  EXPECT_EQ(person.json["protection_removed"]["reason"], "moved to the capital");
  EXPECT_TRUE(Has(w.Ask("case_worker", "GET", "/people/" + std::to_string(w.lifted)).body, "id=\"protection-removed\""));
  // The other coordinators (and admins) are told on their dashboard.
  auto admin = w.Ask("admin", "GET", "/");
  EXPECT_TRUE(Has(admin.body, "id=\"protection-removals\"")) << admin.body;
  EXPECT_TRUE(Has(admin.body, "href=\"/people/" + std::to_string(w.lifted) + "\""));
  EXPECT_TRUE(Has(admin.body, "moved to the capital"));
  EXPECT_TRUE(Has(w.Ask("admin", "GET", "/?lang=es").body, "Protección retirada recientemente"));
  EXPECT_FALSE(Has(w.Ask("coordinator", "GET", "/").body, "id=\"protection-removals\"")) << "their own removal";
  EXPECT_FALSE(Has(w.Ask("case_worker", "GET", "/").body, "id=\"protection-removals\""));
}

TEST(Issue13WebTest, Issue13Item4SearchTasksWithholdPlaces) {
  Issue13World& w = Issue13World::Get();
  for (const char* path : {"/api/search-tasks", "/api/search-plan?team=north", "/search-plan/worklist.csv?team=north",
                           "/search-plan/worklist?team=north", "/search-plan?team=north"}) {
    auto cw = w.Ask("case_worker", "GET", path);
    ASSERT_EQ(cw.status, 200) << path << cw.body;
    for (const char* value : {kVillage, kDepartment, "Chiantla"}) EXPECT_FALSE(Has(cw.body, value)) << path << ": " << value;
  }
  auto tasks = w.Ask("case_worker", "GET", "/api/search-tasks");
  bool seen = false;
  for (const json& t : tasks.json["items"])
    if (t["id"] == w.task) {
      seen = true;
      EXPECT_EQ(t["country"], "[withheld]");
      EXPECT_EQ(t["department"], "[withheld]");
    }
  EXPECT_TRUE(seen) << tasks.body;
  EXPECT_TRUE(w.Ask("case_worker", "GET", std::string("/api/search-tasks?department=") + kDepartment).json["items"].empty());
  // Those who may see the village read it, and the read is audited.
  const long before = w.Audits("read_protected", "coordinator", w.seed.a2);
  EXPECT_TRUE(Has(w.Ask("coordinator", "GET", "/search-plan/worklist.csv?team=north").body, kVillage));
  EXPECT_GT(w.Audits("read_protected", "coordinator", w.seed.a2), before);
  const long team_before = w.Audits("read_protected", "field_searcher", w.seed.a2);
  EXPECT_TRUE(Has(w.Ask("field_searcher", "GET", "/api/search-tasks").body, kVillage));
  EXPECT_EQ(w.Audits("read_protected", "field_searcher", w.seed.a2), team_before + 1);
}

TEST(Issue13WebTest, Issue13Item5ReportsDoNotRevealByDifference) {
  Issue13World& w = Issue13World::Get();
  const std::string now = DefaultClock().NowIso();
  auto api = w.Ask("government_liaison", "GET", "/api/reports/status?as_of=" + now);
  ASSERT_EQ(api.status, 200) << api.body;
  const std::string as_of = api.json["as_of"];
  EXPECT_EQ(as_of.substr(10), "T23:59:59.999Z") << "whole days";
  EXPECT_LT(as_of, now);
  EXPECT_EQ(api.json["nodes"][0]["count"], json({{"fewer_than", 5}}));
  EXPECT_FALSE(Has(api.body, kDepartment));
  auto page = w.Ask("government_liaison", "GET", "/reports/status");
  EXPECT_TRUE(Has(page.body, "fewer than 5")) << page.body;
  EXPECT_TRUE(Has(page.body, "id=\"report-limited\""));
  EXPECT_TRUE(Has(w.Ask("government_liaison", "GET", "/reports/status?lang=es").body, "menos de 5"));
  EXPECT_TRUE(Has(w.Ask("case_worker", "GET", "/reports/status.csv").body, "fewer than 5"));
  EXPECT_TRUE(Has(w.Ask("auditor", "GET", "/api/reports/status?format=csv&lang=es").body, "menos de 5"));
  EXPECT_EQ(w.Ask("auditor", "GET", "/reports/status.xlsx").body.substr(0, 2), "PK");
  // A coordinator's report is to the millisecond, with the department.
  auto full = w.Ask("coordinator", "GET", "/api/reports/status?as_of=" + now);
  EXPECT_EQ(full.json["as_of"], now);
  EXPECT_TRUE(Has(full.body, kDepartment)) << full.body;
  EXPECT_FALSE(Has(full.body, "fewer_than"));
}

TEST(Issue13WebTest, Issue13Item6RemovalCountryAndTaskRefusals) {
  Issue13World& w = Issue13World::Get();
  const std::string a2 = "/api/people/" + std::to_string(w.seed.a2);
  EXPECT_FALSE(w.Ask("case_worker", "GET", a2).json["custody"].contains("removal_country"));
  EXPECT_FALSE(Has(w.Ask("case_worker", "GET", "/people/" + std::to_string(w.seed.a2)).body, " HN"));
  EXPECT_EQ(w.Ask("coordinator", "GET", a2).json["custody"]["removal_country"], "HN");
  auto refused = w.Ask("field_searcher_south", "PUT", "/api/search-tasks/" + std::to_string(w.task) + "/closure",
                       R"({"status":"done","result":"located","reason":"x"})");
  EXPECT_EQ(refused.status, 404) << refused.body;
  EXPECT_EQ(refused.json["error"]["message"], "no search task " + std::to_string(w.task));
}

// The leak crawler: every GET route of the API's route table and every GET page
// registered (a new route or page is crawled without editing this test), each id
// placeholder filled with every id of this world, fetched as each role that may not see a2's place and phones. No
// answer may hold her phone digits, village, department or her copy's facility.
// Searches by those values must not find her either (a hit would tell where she is).
TEST(Issue13WebTest, Issue13LeakCrawlerOverTheRouteTable) {
  Issue13World& w = Issue13World::Get();
  std::vector<long long> ids = {w.copy, w.lifted, w.duplicate, w.family_link, w.task};
  for (PersonId p : {w.seed.c1, w.seed.a1, w.seed.a2, w.seed.c2, w.seed.a3}) ids.push_back(p);
  for (long long i = 1; i <= 12; ++i) ids.push_back(i);  // families and anything numbered from 1
  std::vector<std::string> paths;
  for (const api::ApiRoute& r : api::AllApiRoutes()) {
    if (std::string(r.method) != "GET") continue;
    std::string path = r.path;
    const std::size_t open = path.find('{');
    if (open == std::string::npos) {
      paths.push_back(path);
      continue;
    }
    const std::size_t close = path.find('}', open);
    for (long long id : ids) paths.push_back(path.substr(0, open) + std::to_string(id) + path.substr(close + 1));
  }
  // The pages, from their registry: "(\\d{1,18})" takes each id, "\\." is a dot.
  for (std::string pattern : RegisteredPagePatterns()) {
    for (std::size_t at; (at = pattern.find("\\.")) != std::string::npos;) pattern.erase(at, 1);
    const std::string group = "(\\d{1,18})";
    const std::size_t at = pattern.find(group);
    if (at == std::string::npos) {
      if (pattern.find_first_of("()[]\\") == std::string::npos) paths.push_back(pattern);
      continue;
    }
    for (long long id : ids) paths.push_back(pattern.substr(0, at) + std::to_string(id) + pattern.substr(at + group.size()));
  }
  ASSERT_GT(paths.size(), 100u);
  for (const char* value : {kVillage, kDepartment, kFacility, kPhoneDigits, "Chiantla"}) {
    paths.push_back(std::string("/api/people?search=") + value);
    paths.push_back(std::string("/api/search-tasks?department=") + value);
  }
  paths.push_back(std::string("/api/families?department=") + kDepartment);
  paths.push_back("/api/review?limit=500");
  paths.push_back("/api/reports/status?format=csv");
  long fetched = 0;
  for (const std::string who : {"case_worker", "government_liaison", "auditor", "field_searcher_south"}) {
    for (const std::string& path : paths) {
      auto answer = w.Ask(who, "GET", path);
      ++fetched;
      for (const char* value : {kPhoneDigits, kVillage, kDepartment, kFacility}) {
        if (Has(path, value)) continue;  // an answer may quote what was asked ("the name '5555...' has no letters")
        EXPECT_FALSE(Has(answer.body, value)) << who << " GET " << path << " shows " << value << ": "
                                              << answer.body.substr(0, 300);
      }
      if (path.rfind("/api/families?department=", 0) == 0 && answer.json.is_object()) {
        EXPECT_EQ(answer.json.value("total", 0L), 0L) << who << ": a family found by the department only a2 lives in";
      }
      if (path.rfind("/api/people?search=", 0) == 0 && answer.json.is_object() && answer.json.contains("items")) {
        for (const auto& person : answer.json["items"]) {
          EXPECT_NE(person.value("id", 0LL), static_cast<long long>(w.seed.a2)) << who << " found a2 by " << path;
          EXPECT_NE(person.value("id", 0LL), static_cast<long long>(w.copy)) << who << " found her copy by " << path;
        }
      }
    }
  }
  EXPECT_GT(fetched, 200);
  // The crawler can fail: a coordinator's answers hold the values it looks for.
  EXPECT_TRUE(Has(w.Ask("coordinator", "GET", "/api/people/" + std::to_string(w.seed.a2)).body, kVillage));
}

}  // namespace
}  // namespace reunite::web
