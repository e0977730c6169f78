// The search plan, worklists, due items and status report pages end to end over a
// seeded SQLite database: each page's numbers against the library's, the CSV
// downloads as RFC 4180, scope (a field searcher's team) and withheld places.
// Tests build records with partial aggregate initialisers; the rest take defaults.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#include <gtest/gtest.h>
#include <httplib.h>

#include <map>
#include <memory>

#include "access/report_access.h"
#include "access/test_cases.h"
#include "store/case_writer.h"
#include "access/workflow_access.h"
#include "web/api_test_fixture.h"
#include "web/i18n.h"
#include "workflow/report_format.h"
#include "workflow/report_replay.h"

namespace reunite::web {
namespace {

// Families of access/test_cases.h with open search tasks: a1 and a2 (family c1,
// team north; a2 at risk) given to team north, a3 (family c2) to team south; and a
// court deadline of c1 that fell due in 2018, so it is overdue.
class PagesWorld {
 public:
  static PagesWorld& Get() {
    static PagesWorld world;
    return world;
  }

  httplib::Result GetAs(const std::string& who, const std::string& path) {
    httplib::Client cli("127.0.0.1", api.port);
    return cli.Get(path, api.As(who, /*csrf=*/false));
  }
  std::unique_ptr<Database> Open() {
    auto db = Database::Open(api.db_url);
    EXPECT_TRUE(db.ok());
    return std::move(*db);
  }

  // The seeded server: a world of its own (api_test_fixture.h).
  testing::ApiWorld& api;
  const reunite::testing::SeededCases& seed;
  std::int64_t task_a2 = 0;

 private:
  PagesWorld() : api(testing::ApiWorld::Get("report_pages")), seed(api.seed) { SeedWorkflow(*Open()); }

  void SeedWorkflow(Database& db) {
    WorkflowAccess admin(db, reunite::testing::MakePrincipal(UserRole::kAdmin));
    using workflow::SearchTask;
    EXPECT_TRUE(admin.AddSearchTask({0, seed.a1, "GT", "GT-AV", "Cobán", "Chamelco", "ICRC", "north"}, "seed").ok());
    auto a2 = admin.AddSearchTask({0, seed.a2, "GT", "GT-AV", "Cobán", "Chamelco", "ICRC", "north"}, "seed");
    EXPECT_TRUE(a2.ok());
    task_a2 = a2.ok() ? *a2 : 0;
    EXPECT_TRUE(admin.AddSearchTask({0, seed.a3, "GT", "GT-QC", "Chichicastenango", "", "ICRC", "south"}, "seed").ok());
    // Issue 13, item 12: a parent and places as a hostile list could give them, on a
    // team of their own. No family link, so no first-contact item joins the due lists.
    CaseWriter writer(db, "seed");
    auto hostile = writer.CreatePerson(
        reunite::testing::MakeCasePerson(Role::kAdult, "=HYPERLINK(\"http://x\")", "Xol", "+50255550009"), "seed");
    EXPECT_TRUE(hostile.ok());
    if (hostile.ok()) {
      EXPECT_TRUE(admin.AddSearchTask({0, *hostile, "GT", "GT-AV", "@SUM(1)", "\tChamelco", "ICRC", "guard"}, "seed")
                      .ok());
    }
    auto deadline = admin.AddDeadline({0, "Status filing to the court", "court", "2018-07-26", seed.c1}, "order");
    EXPECT_TRUE(deadline.ok()) << deadline.status().ToString();
  }
};

// The text between `open` and the next '<' (an element's content by its id).
std::string Between(const std::string& html, const std::string& open) {
  const std::size_t at = html.find(open);
  if (at == std::string::npos) return "<missing " + open + ">";
  const std::size_t from = at + open.size();
  return html.substr(from, html.find('<', from) - from);
}

// Parses RFC 4180 text (fields quoted or not, records ending in LF or CRLF); fails
// the test on a stray quote.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') field += c;
      else if (i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
      else quoted = false;
    } else if (c == '"') {
      EXPECT_TRUE(field.empty()) << "stray quote at byte " << i;
      quoted = true;
    } else if (c == ',') {
      fields.push_back(field), field.clear();
    } else if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      if (c == '\r') ++i;
      fields.push_back(field), field.clear();
      records.push_back(fields), fields.clear();
    } else {
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quoted field";
  EXPECT_TRUE(fields.empty() && field.empty()) << "last record without a line end";
  return records;
}

const report::NodeCount& Node(const report::StatusReport& r, const std::string& id) {
  for (const auto& n : r.nodes)
    if (n.id == id) return n;
  static report::NodeCount none;
  return none;
}

TEST(SearchPlanPageTest, CoordinatorSeesEveryTeamsOpenTasksByPlace) {
  PagesWorld& w = PagesWorld::Get();
  auto res = w.GetAs("coordinator", "/search-plan");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  auto tasks = WorkflowAccess(*w.Open(), reunite::testing::MakePrincipal(UserRole::kCoordinator))
                   .SearchTasks(workflow::TaskQuery{});
  ASSERT_TRUE(tasks.ok());
  EXPECT_EQ(Between(res->body, "id=\"plan-total\">"), std::to_string(tasks->size()));
  EXPECT_NE(res->body.find("Alta Verapaz"), std::string::npos);  // GT-AV by its name
  EXPECT_NE(res->body.find("Guatemala"), std::string::npos);
  EXPECT_NE(res->body.find("href=\"/search-plan/worklist?team=north\""), std::string::npos);
  EXPECT_NE(res->body.find("href=\"/search-plan/worklist?team=south\""), std::string::npos);
  EXPECT_NE(res->body.find("href=\"/search-plan\""), std::string::npos);  // the navigation link
  auto south = w.GetAs("coordinator", "/search-plan?team=south");
  EXPECT_EQ(Between(south->body, "id=\"plan-total\">"), "1");
  auto quiche = w.GetAs("coordinator", "/search-plan?department=GT-QC");
  EXPECT_EQ(Between(quiche->body, "id=\"plan-total\">"), "1");
}

TEST(SearchPlanPageTest, FieldSearcherSeesOnlyTheirTeam) {
  PagesWorld& w = PagesWorld::Get();
  auto res = w.GetAs("field_searcher", "/search-plan");
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(Between(res->body, "id=\"plan-total\">"), "2");
  EXPECT_EQ(res->body.find("team=south"), std::string::npos);
  EXPECT_EQ(res->body.find("Chichicastenango"), std::string::npos);
  EXPECT_EQ(w.GetAs("field_searcher", "/search-plan?team=south")->status, 403);
  EXPECT_EQ(w.GetAs("field_searcher", "/search-plan/worklist?team=south")->status, 403);
  EXPECT_EQ(w.GetAs("field_searcher", "/search-plan/worklist.csv?team=south")->status, 403);
  EXPECT_EQ(w.GetAs("field_searcher", "/search-plan/worklist?team=north")->status, 200);
}

TEST(WorklistPageTest, PrintableWithATablePerVillageAndBlankColumns) {
  PagesWorld& w = PagesWorld::Get();
  auto res = w.GetAs("coordinator", "/search-plan/worklist?team=north");
  ASSERT_EQ(res->status, 200) << res->body;
  for (const char* part : {"/static/print.css", "id=\"print-button\" data-print", "class=\"worklist-table\"",
                           "José Xol", "Chamelco", "Visited on", "class=\"fill-in notes\"", "worklist.csv?team=north"})
    EXPECT_NE(res->body.find(part), std::string::npos) << part;
  EXPECT_EQ(Between(res->body, "id=\"worklist-total\">"), "2");
  EXPECT_EQ(w.GetAs("coordinator", "/search-plan/worklist")->status, 400);  // no team named
}

TEST(WorklistPageTest, CsvIsRfc4180WithAHeader) {
  PagesWorld& w = PagesWorld::Get();
  auto res = w.GetAs("coordinator", "/search-plan/worklist.csv?team=north");
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(res->get_header_value("Content-Disposition"), "attachment; filename=\"worklist-north.csv\"");
  auto records = ParseCsv(res->body);
  ASSERT_EQ(records.size(), 3u) << res->body;
  EXPECT_EQ(records[0], (std::vector<std::string>{"task_id", "parent_id", "parent", "country", "department",
                                                  "municipality", "village", "last_attempt", "team", "visited_on",
                                                  "result", "notes", "at_risk"}));
  for (const auto& r : records) EXPECT_EQ(r.size(), records[0].size());
  EXPECT_EQ(records[1][2], "José Xol");
  EXPECT_EQ(records[1][6], "Chamelco");
  EXPECT_EQ(records[1][8], "north");
}

TEST(WorklistPageTest, Issue13Item12CsvNeutralisesFormulasAndALeadingTab) {
  PagesWorld& w = PagesWorld::Get();
  auto res = w.GetAs("coordinator", "/search-plan/worklist.csv?team=guard");
  ASSERT_EQ(res->status, 200) << res->body;
  auto records = ParseCsv(res->body);
  ASSERT_EQ(records.size(), 2u) << res->body;
  ASSERT_EQ(records[1].size(), records[0].size()) << res->body;
  EXPECT_EQ(records[1][2], "'=HYPERLINK(\"http://x\") Xol");
  EXPECT_EQ(records[1][5], "'@SUM(1)");
  EXPECT_EQ(records[1][6], "'\tChamelco");
  EXPECT_EQ(records[1][8], "guard");
}

TEST(WorklistPageTest, CaseWorkerGetsTheVillageOfAParentAtRiskWithheld) {
  PagesWorld& w = PagesWorld::Get();
  auto csv = w.GetAs("case_worker", "/search-plan/worklist.csv?team=north");
  ASSERT_EQ(csv->status, 200) << csv->body;
  bool seen = false;
  for (const auto& r : ParseCsv(csv->body)) {
    if (r[0] != std::to_string(w.task_a2)) continue;
    seen = true;
    EXPECT_EQ(r[5], "[withheld]");
    EXPECT_EQ(r[6], "[withheld]");
    EXPECT_EQ(r.back(), "yes");  // issue 14: the worklist says who is at risk
  }
  EXPECT_TRUE(seen) << csv->body;
  auto page = w.GetAs("case_worker", "/search-plan/worklist?team=north");
  EXPECT_NE(page->body.find("<mark class=\"at-risk\">"), std::string::npos);
  // The page and the plan say no more than the CSV.
  auto plan = w.GetAs("case_worker", "/search-plan?team=north");
  EXPECT_NE(plan->body.find("withheld"), std::string::npos);
  // Government liaisons read reports only: no worklist at all.
  EXPECT_EQ(w.GetAs("government_liaison", "/search-plan/worklist.csv?team=north")->status, 403);
  EXPECT_EQ(w.GetAs("government_liaison", "/search-plan")->status, 403);
}

TEST(StatusReportPageTest, CountsMatchTheLibrary) {
  PagesWorld& w = PagesWorld::Get();
  auto tree = report::DefaultCategoryTree();
  ASSERT_TRUE(tree.ok());
  auto expected = ReportAccess(*w.Open(), reunite::testing::MakePrincipal(UserRole::kCoordinator))
                      .CourtStatus("2100-01-01", *tree);
  ASSERT_TRUE(expected.ok());
  auto res = w.GetAs("coordinator", "/reports/status?as_of=2100-01-01");
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(Between(res->body, "id=\"report-as-of-used\">"), expected->as_of);
  EXPECT_EQ(Between(res->body, "id=\"report-entries\">"), std::to_string(expected->journal_entries));
  const std::string children_row = "data-node=\"children\">";
  const std::string row = res->body.substr(res->body.find(children_row));
  EXPECT_EQ(Between(row, "class=\"count\">"), std::to_string(Node(*expected, "children").count));
  EXPECT_EQ(Node(*expected, "children").count, 2);
  EXPECT_NE(res->body.find("href=\"/reports/status.csv?as_of=2100-01-01\""), std::string::npos);
  // Downloads carry the same report.
  auto csv = w.GetAs("coordinator", "/reports/status.csv?as_of=2100-01-01");
  ASSERT_EQ(csv->status, 200);
  EXPECT_EQ(csv->body, report::RenderCsv(*expected));
  EXPECT_EQ(csv->get_header_value("Content-Disposition"), "attachment; filename=\"status-report-2100-01-01.csv\"");
  EXPECT_EQ(w.GetAs("coordinator", "/reports/status.json?as_of=2100-01-01")->body, report::RenderJson(*expected));
  auto xlsx = w.GetAs("coordinator", "/reports/status.xlsx?as_of=2100-01-01");
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");  // a zip archive
  EXPECT_EQ(w.GetAs("coordinator", "/reports/status.md?as_of=2100-01-01&lang=es")->body,
            report::RenderMarkdown(*expected, "es"));
}

TEST(StatusReportPageTest, BeforeAnyDataEverythingIsZeroAndLabelsFollowTheLanguage) {
  PagesWorld& w = PagesWorld::Get();
  auto res = w.GetAs("coordinator", "/reports/status?as_of=2000-01-01&lang=es");
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(Between(res->body, "id=\"report-entries\">"), "0");
  const std::string row = res->body.substr(res->body.find("data-node=\"children\">"));
  EXPECT_EQ(Between(row, "class=\"count\">"), "0");
  EXPECT_NE(res->body.find(CatalogFor("es").at("report.heading")), std::string::npos);
}

TEST(StatusReportPageTest, BadAsOfIsAFormErrorWithTheLibrarysMessage) {
  PagesWorld& w = PagesWorld::Get();
  auto res = w.GetAs("coordinator", "/reports/status?as_of=next%20week");
  ASSERT_EQ(res->status, 400);
  // The library's message without the CLI flag it starts with (the form's one field).
  std::string message = report::ParseAsOf("next week").status().message();
  ASSERT_EQ(message.rfind("--as-of: ", 0), 0u) << message;
  message.erase(0, 9);
  std::string escaped;
  for (char c : message) escaped += c == '\'' ? "&apos;" : c == '"' ? "&quot;" : c == '<' ? "&lt;" : c == '>' ? "&gt;"
                                     : c == '&' ? "&amp;" : std::string(1, c);
  EXPECT_NE(res->body.find(escaped), std::string::npos) << message << "\n" << res->body;
  EXPECT_NE(res->body.find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_EQ(w.GetAs("coordinator", "/reports/status.csv?as_of=next%20week")->status, 400);
}

TEST(StatusReportPageTest, FieldSearcherIsRefusedWithTheLocalisedPage) {
  PagesWorld& w = PagesWorld::Get();
  auto res = w.GetAs("field_searcher", "/reports/status?lang=es");
  ASSERT_EQ(res->status, 403);
  EXPECT_NE(res->body.find(CatalogFor("es").at("error.403")), std::string::npos);
  EXPECT_EQ(w.GetAs("field_searcher", "/reports/status.csv")->status, 403);
  // Nor is the report in their navigation.
  EXPECT_EQ(w.GetAs("field_searcher", "/")->body.find("href=\"/reports/status\""), std::string::npos);
  EXPECT_NE(w.GetAs("government_liaison", "/")->body.find("href=\"/reports/status\""), std::string::npos);
}

TEST(DuePagesTest, DashboardLoadsThePanelWithTheOverdueDeadlineFirst) {
  PagesWorld& w = PagesWorld::Get();
  auto dashboard = w.GetAs("coordinator", "/");
  ASSERT_EQ(dashboard->status, 200) << dashboard->body;
  EXPECT_NE(dashboard->body.find("hx-get=\"/deadlines/due/panel\""), std::string::npos);
  EXPECT_NE(dashboard->body.find("href=\"/deadlines/due\""), std::string::npos);  // without scripts
  auto res = w.GetAs("coordinator", "/deadlines/due/panel");
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->body.find("<html"), std::string::npos);  // a fragment
  ASSERT_EQ(res->body.rfind("<section aria-labelledby=\"due-heading\" id=\"due-panel\">", 0), 0u);
  const std::size_t first_item = res->body.find("<li class=\"due-");
  EXPECT_EQ(res->body.compare(first_item, 28, "<li class=\"due-overdue\"><a h"), 0);
  EXPECT_NE(res->body.find("Status filing to the court"), std::string::npos);
  EXPECT_NE(res->body.find("href=\"/families/" + std::to_string(w.seed.c1) + "\""), std::string::npos);
  EXPECT_NE(res->body.find("days late"), std::string::npos);
  EXPECT_NE(w.GetAs("coordinator", "/deadlines/due/panel?lang=es")->body.find("días de retraso"), std::string::npos);
}

TEST(DuePagesTest, FullListMatchesTheLibrary) {
  PagesWorld& w = PagesWorld::Get();
  auto due = WorkflowAccess(*w.Open(), reunite::testing::MakePrincipal(UserRole::kCoordinator))
                 .Due(DefaultClock().NowIso(), 30);
  ASSERT_TRUE(due.ok());
  auto list = w.GetAs("coordinator", "/deadlines/due?within_days=30");
  ASSERT_EQ(list->status, 200) << list->body;
  EXPECT_EQ(Between(list->body, "id=\"due-total\">"), std::to_string(due->size()));
  EXPECT_EQ(Between(list->body, "id=\"due-overdue\">"), "1");
  EXPECT_EQ(w.GetAs("coordinator", "/deadlines/due?within_days=soon")->status, 400);
  EXPECT_EQ(w.GetAs("coordinator", "/deadlines/due?within_days=-1")->status, 400);
}

}  // namespace
}  // namespace reunite::web
