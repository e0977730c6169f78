// Issue 14, "Lists to run the follow-up": the families page's saved views, filters
// and columns, and its CSV and XLSX downloads (withheld as the page, audited).
#include <gtest/gtest.h>

#include "access/audit.h"
#include "web/api_test_fixture.h"
#include "web/i18n.h"

namespace reunite::web {
namespace {

using testing::ApiWorld;

ApiWorld& World() { return ApiWorld::Get("families_list"); }

httplib::Result Get(const std::string& who, const std::string& path, const std::string& lang = "en") {
  httplib::Client cli("127.0.0.1", World().port);
  return cli.Get(path + (path.find('?') == std::string::npos ? "?" : "&") + "lang=" + lang, World().As(who));
}

bool Lists(const httplib::Result& res, PersonId child) {
  return res && res->body.find("href=\"/families/" + std::to_string(child) + "\"") != std::string::npos;
}

long Exports(const std::string& actor) {
  auto db = Database::Open(World().db_url);
  EXPECT_TRUE(db.ok());
  AuditQuery q;
  q.action = "export_families";
  q.actor = actor;
  auto n = CountAudit(**db, q);
  EXPECT_TRUE(n.ok());
  return n.ok() ? *n : -1;
}

TEST(FamiliesListTest, ViewsFiltersAndColumnsInBothLanguages) {
  ApiWorld& w = World();
  for (const std::string lang : {"en", "es"}) {
    const Messages& t = CatalogFor(lang);
    auto all = Get("coordinator", "/families", lang);
    ASSERT_TRUE(all);
    ASSERT_EQ(all->status, 200);
    EXPECT_TRUE(Lists(all, w.seed.c1) && Lists(all, w.seed.c2));
    for (const char* view : {"not_reached", "located_no_decision", "ineligible_or_contested", "deadline_7",
                             "reunifying"})
      EXPECT_NE(all->body.find(t.at(std::string("families.view.") + view)), std::string::npos) << view;
    // The parents live in Alta Verapaz: the family's department, by name.
    EXPECT_NE(all->body.find("Alta Verapaz"), std::string::npos);
    EXPECT_NE(all->body.find(t.at("families.at_risk")), std::string::npos);  // c1's mother is at risk
    auto bad = Get("coordinator", "/families?view=everything", lang);
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 422);
    EXPECT_NE(bad->body.find(t.at("families.bad_filter")), std::string::npos);
  }
  auto not_reached = Get("coordinator", "/families?view=not_reached");
  EXPECT_TRUE(Lists(not_reached, w.seed.c1) && Lists(not_reached, w.seed.c2));
  EXPECT_FALSE(Lists(Get("coordinator", "/families?view=located_no_decision"), w.seed.c1));
  auto named = Get("coordinator", "/families?name=pedro");
  EXPECT_TRUE(Lists(named, w.seed.c2));
  EXPECT_FALSE(Lists(named, w.seed.c1));
  auto at_risk = Get("coordinator", "/families?at_risk=1");
  EXPECT_TRUE(Lists(at_risk, w.seed.c1));
  EXPECT_FALSE(Lists(at_risk, w.seed.c2));
  // Departments by name or code.
  EXPECT_TRUE(Lists(Get("coordinator", "/families?department=Alta%20Verapaz"), w.seed.c1));
  EXPECT_TRUE(Lists(Get("coordinator", "/families?department=GT-AV"), w.seed.c1));
  EXPECT_FALSE(Lists(Get("coordinator", "/families?department=Huehuetenango"), w.seed.c1));
  // A liaison may not see where a parent lives: no department shown or matched.
  auto liaison = Get("government_liaison", "/families");
  ASSERT_TRUE(liaison);
  EXPECT_EQ(liaison->body.find("Alta Verapaz"), std::string::npos);
  EXPECT_FALSE(Lists(Get("government_liaison", "/families?department=GT-AV"), w.seed.c1));
  // A field searcher's list holds the team's families only.
  auto north = Get("field_searcher", "/families?view=not_reached");
  EXPECT_TRUE(Lists(north, w.seed.c1));
  EXPECT_FALSE(Lists(north, w.seed.c2));
}

TEST(FamiliesListTest, TheApiTakesTheSameViewsAndFilters) {
  ApiWorld& w = World();
  httplib::Client cli("127.0.0.1", w.port);
  auto at_risk = cli.Get("/api/families?at_risk=1&view=not_reached", w.As("coordinator"));
  ASSERT_TRUE(at_risk);
  ASSERT_EQ(at_risk->status, 200) << at_risk->body;
  auto json = nlohmann::json::parse(at_risk->body);
  ASSERT_EQ(json["items"].size(), 1u) << at_risk->body;
  EXPECT_EQ(json["items"][0]["child_id"], w.seed.c1);
  EXPECT_EQ(json["items"][0]["at_risk"], true);
  EXPECT_EQ(json["items"][0]["decision"], "pending");
  EXPECT_EQ(json["items"][0]["department"], "GT-AV");
  auto bad = cli.Get("/api/families?view=everything", w.As("coordinator"));
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  auto days = cli.Get("/api/families?deadline_days=x", w.As("coordinator"));
  ASSERT_TRUE(days);
  EXPECT_EQ(days->status, 400);
}

TEST(FamiliesListTest, AFieldSearcherStartsFromTheTeamsTasks) {
  for (const std::string lang : {"en", "es"}) {
    const Messages& t = CatalogFor(lang);
    auto field = Get("field_searcher", "/", lang);
    ASSERT_TRUE(field);
    ASSERT_EQ(field->status, 200);
    EXPECT_NE(field->body.find("<title>" + t.at("worklist.title")), std::string::npos) << field->body.substr(0, 800);
    EXPECT_NE(field->body.find(t.at("nav.my_tasks")), std::string::npos);
    EXPECT_EQ(field->body.find("href=\"/review\""), std::string::npos);
    EXPECT_EQ(field->body.find("href=\"/import\""), std::string::npos);
    auto coordinator = Get("coordinator", "/", lang);
    ASSERT_TRUE(coordinator);
    EXPECT_NE(coordinator->body.find("<title>" + t.at("dashboard.title")), std::string::npos);
    EXPECT_EQ(coordinator->body.find(t.at("nav.my_tasks")), std::string::npos);
  }
}

TEST(FamiliesListTest, TheFamilyPageWarnsFirst) {
  ApiWorld& w = World();
  for (const std::string lang : {"en", "es"}) {
    const Messages& t = CatalogFor(lang);
    auto page = Get("coordinator", "/families/" + std::to_string(w.seed.c1), lang);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200);
    const std::size_t banner = page->body.find(t.at("family.warning.at_risk"));
    EXPECT_NE(banner, std::string::npos);
    EXPECT_LT(banner, page->body.find(t.at("family.child")));  // before the family's details
    EXPECT_NE(page->body.find(t.at("family.warning.duplicate")), std::string::npos);
  }
}

TEST(FamiliesListTest, DownloadsAreTheFilteredListWithheldAndAudited) {
  ApiWorld& w = World();
  const long before = Exports("coordinator");
  auto csv = Get("coordinator", "/families.csv?name=pedro");
  ASSERT_TRUE(csv);
  ASSERT_EQ(csv->status, 200) << csv->body;
  EXPECT_NE(csv->get_header_value("Content-Type").find("text/csv"), std::string::npos);
  EXPECT_NE(csv->body.find("Pedro Pop"), std::string::npos) << csv->body;
  EXPECT_EQ(csv->body.find("Ana Xol"), std::string::npos) << "the filter applies to the download";
  EXPECT_NE(csv->body.find(CatalogFor("en").at("families.next_deadline")), std::string::npos);
  EXPECT_EQ(Exports("coordinator"), before + 1);
  auto xlsx = Get("coordinator", "/families.xlsx");
  ASSERT_TRUE(xlsx);
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");  // a zip: the workbook
  EXPECT_EQ(Exports("coordinator"), before + 2);
  // Withheld in the download as on the page.
  auto liaison = Get("government_liaison", "/families.csv");
  ASSERT_TRUE(liaison);
  ASSERT_EQ(liaison->status, 200);
  EXPECT_EQ(liaison->body.find("Alta Verapaz"), std::string::npos);
  auto north = Get("field_searcher", "/families.csv");
  ASSERT_TRUE(north);
  EXPECT_NE(north->body.find("Ana Xol"), std::string::npos);
  EXPECT_EQ(north->body.find("Pedro Pop"), std::string::npos);
  auto none = Get("none", "/families.csv");
  ASSERT_TRUE(none);
  EXPECT_NE(none->status, 200);
  (void)w;
}

}  // namespace
}  // namespace reunite::web
