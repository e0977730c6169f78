// The family page's workflow panel end to end over HTTP: what each role is shown,
// plain form posts (CSRF, success, refusals that re-render the form and change
// nothing). Writes go to the unassigned family (c2, father a3) of this file's own seeded world.
#include <gtest/gtest.h>

#include "web/api_test_fixture.h"

namespace reunite::web {
namespace {

using testing::ApiWorld;

// A world of its own: these tests move the seed's parents through tracing. A test
// that needs a3 still unknown whatever ran before it takes a fresh one (WorldScope),
// so the binary passes in any order, not only one test per process as under ctest.
std::string world_name = "workflow_pages";
ApiWorld& World() { return ApiWorld::Get(world_name); }
struct WorldScope {
  explicit WorldScope(const std::string& name) { world_name = name; }
  ~WorldScope() { world_name = "workflow_pages"; }
};

httplib::Client Client() { return httplib::Client("127.0.0.1", World().port); }

std::string FamilyPath(PersonId child) { return "/families/" + std::to_string(child); }

httplib::Result Fetch(const std::string& who, const std::string& path) {
  return Client().Get(path, World().As(who, /*csrf=*/false));
}

// A form post as a browser without scripts sends it, with the user's CSRF token.
httplib::Result PostForm(const std::string& who, const std::string& path, const std::string& fields,
                         bool with_csrf = true) {
  const ApiWorld& w = World();
  std::string body = fields;
  if (with_csrf) body += "&csrf=" + w.logins.at(who).csrf;
  return Client().Post(path, w.As(who, /*csrf=*/false), body, "application/x-www-form-urlencoded");
}

bool Has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

// The text of the element with `id` up to its closing tag (enough for a <strong> or <td>).
std::string ElementText(const std::string& body, const std::string& id) {
  const size_t at = body.find("id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  const size_t from = body.find('>', at) + 1;
  return body.substr(from, body.find('<', from) - from);
}

// The options of the <select> with `id`.
std::string Select(const std::string& body, const std::string& id) {
  const size_t at = body.find("<select id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  return body.substr(at, body.find("</select>", at) - at);
}


// The id of the newest contact in the adult's contact log ("" none).
std::string LastContactId(const std::string& body, PersonId adult) {
  const size_t table = body.find("id=\"contacts-" + std::to_string(adult) + "\"");
  if (table == std::string::npos) return "";
  const size_t end = body.find("</tbody>", table);
  const size_t row = body.rfind("<tr><td>", end);
  if (row == std::string::npos || row < table) return "";
  return body.substr(row + 8, body.find('<', row + 8) - row - 8);
}

std::string PanelOf(const std::string& who, PersonId child) {
  auto res = Fetch(who, FamilyPath(child));
  EXPECT_TRUE(res && res->status == 200);
  return res ? res->body : "";
}

// Logs a call to the adult as the coordinator; returns its id.
std::string LogCall(PersonId child, PersonId adult, const std::string& result) {
  auto res = PostForm("coordinator", FamilyPath(child) + "/workflow/contact",
                      "adult=" + std::to_string(adult) + "&kind=call&result=" + result + "&number=%2B502555500");
  EXPECT_TRUE(res && res->status == 303) << (res ? res->body : "");
  return LastContactId(PanelOf("coordinator", child), adult);
}

void Move(PersonId child, PersonId adult, const std::string& to, const std::string& event) {
  auto res = PostForm("coordinator", FamilyPath(child) + "/workflow/tracing",
                      "adult=" + std::to_string(adult) + "&to=" + to + "&event=" + event);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303) << res->body;
}

TEST(WorkflowPagesTest, CoordinatorSeesThePanelWithEveryForm) {
  const auto& s = World().seed;
  auto res = Fetch("coordinator", FamilyPath(s.c1));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const std::string& b = res->body;
  EXPECT_TRUE(Has(b, "id=\"family-workflow\""));
  for (PersonId a : {s.a1, s.a2}) {
    const std::string id = std::to_string(a);
    EXPECT_TRUE(Has(b, "id=\"tracing-state-" + id + "\"")) << id;
    EXPECT_TRUE(Has(b, "id=\"contact-form-" + id + "\"")) << id;
    EXPECT_TRUE(Has(b, "id=\"task-form-" + id + "\"")) << id;
    EXPECT_TRUE(Has(b, "id=\"flag-form-" + id + "\"")) << id;
  }
  EXPECT_EQ(ElementText(b, "tracing-state-" + std::to_string(s.a1)), "Unknown");
  for (const char* form : {"decision-form", "logistics-plan-form", "close-form", "deadline-form"})
    EXPECT_TRUE(Has(b, std::string("id=\"") + form + "\"")) << form;
  // Values come from the vocabulary, labels from the catalog.
  EXPECT_TRUE(Has(b, "<option value=\"no_answer\">No answer</option>"));
  EXPECT_TRUE(Has(b, "<option value=\"reunify_home\">Reunify in the home country</option>"));
  // From unknown, only the moves the diagram allows.
  const std::string moves = Select(b, "tracing-form-" + std::to_string(s.a1) + "-to");
  EXPECT_TRUE(Has(moves, "<option value=\"phone_attempted\" selected>Phone attempted</option>")) << moves;
  EXPECT_TRUE(Has(moves, "<option value=\"field_search\">Field search</option>")) << moves;
  EXPECT_FALSE(Has(moves, "located")) << moves;
}

TEST(WorkflowPagesTest, SpanishLabels) {
  const auto& s = World().seed;
  auto res = Fetch("coordinator", FamilyPath(s.c1) + "?lang=es");
  ASSERT_TRUE(res);
  EXPECT_TRUE(Has(res->body, "Localización y reunificación"));
  EXPECT_TRUE(Has(res->body, "<option value=\"no_answer\">No contestó</option>"));
}

TEST(WorkflowPagesTest, FieldSearcherSeesOnlyTheirTeamsFamilyAndTheirForms) {
  const auto& s = World().seed;
  auto outside = Fetch("field_searcher_south", FamilyPath(s.c1));
  ASSERT_TRUE(outside);
  EXPECT_EQ(outside->status, 404);
  auto post = PostForm("field_searcher_south", FamilyPath(s.c1) + "/workflow/contact",
                       "adult=" + std::to_string(s.a1) + "&kind=call&result=no_answer&number=%2B50255550001");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 404);

  auto own = Fetch("field_searcher", FamilyPath(s.c1));
  ASSERT_TRUE(own);
  ASSERT_EQ(own->status, 200);
  EXPECT_TRUE(Has(own->body, "id=\"contact-form-" + std::to_string(s.a1) + "\""));
  EXPECT_FALSE(Has(own->body, "id=\"decision-form\""));
  EXPECT_FALSE(Has(own->body, "id=\"close-form\""));
  EXPECT_FALSE(Has(own->body, "id=\"deadline-form\""));
}

TEST(WorkflowPagesTest, GovernmentLiaisonSeesNoWriteForms) {
  const auto& s = World().seed;
  auto res = Fetch("government_liaison", FamilyPath(s.c1));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_FALSE(Has(res->body, "/workflow/"));
  EXPECT_FALSE(Has(res->body, "contact-form-"));
  auto post = PostForm("government_liaison", FamilyPath(s.c1) + "/workflow/close", "closure_reason=other&note=x");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 403);
}

TEST(WorkflowPagesTest, PostWithoutTheCsrfTokenIsRefusedAndWritesNothing) {
  const auto& s = World().seed;
  const std::string fields = "adult=" + std::to_string(s.a3) + "&kind=call&result=no_answer&number=%2B50255550003" +
                             "&notes=csrf-probe";
  auto res = PostForm("coordinator", FamilyPath(s.c2) + "/workflow/contact", fields, /*with_csrf=*/false);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  auto forged = PostForm("coordinator", FamilyPath(s.c2) + "/workflow/contact", fields + "&csrf=forged", false);
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 403);
  auto page = Fetch("coordinator", FamilyPath(s.c2));
  ASSERT_TRUE(page);
  EXPECT_FALSE(Has(page->body, "csrf-probe"));
}

TEST(WorkflowPagesTest, RefusalsShowTheFormAgainAndChangeNothing) {
  WorldScope fresh("workflow_refusals");
  const auto& s = World().seed;
  const std::string a3 = std::to_string(s.a3), family = FamilyPath(s.c2);
  // A call without the number: 400, the number marked invalid, what was typed kept.
  auto bad = PostForm("coordinator", family + "/workflow/contact",
                      "adult=" + a3 + "&kind=call&result=no_answer&notes=tried+twice");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_TRUE(Has(bad->body, "id=\"contact-form-" + a3 + "-error\""));
  EXPECT_TRUE(Has(bad->body, "Check what you entered: number: required for a call"));
  EXPECT_TRUE(Has(bad->body, "name=\"number\" type=\"tel\" maxlength=\"64\" value=\"\" aria-invalid=\"true\""));
  EXPECT_TRUE(Has(bad->body, ">tried twice</textarea>"));

  // A good one: 303 back to the panel, and the call is in the log.
  auto ok = PostForm("coordinator", family + "/workflow/contact",
                     "adult=" + a3 + "&kind=call&result=no_answer&number=%2B50255550003&notes=first+try");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 303);
  EXPECT_EQ(ok->get_header_value("Location"), family + "#workflow");
  auto page = Fetch("coordinator", family);
  ASSERT_TRUE(page);
  EXPECT_TRUE(Has(page->body, "first try"));
  const size_t cell = page->body.find("<td>first try</td>");
  ASSERT_NE(cell, std::string::npos);
  const size_t row = page->body.rfind("<tr><td>", cell);
  const std::string contact = page->body.substr(row + 8, page->body.find('<', row + 8) - row - 8);

  // unknown -> located is no edge: 409 with the library's words; still unknown.
  auto illegal = PostForm("coordinator", family + "/workflow/tracing",
                          "adult=" + a3 + "&to=located&event=contact%3A" + contact + "&reason=typed+reason");
  ASSERT_TRUE(illegal);
  EXPECT_EQ(illegal->status, 409);
  EXPECT_TRUE(Has(illegal->body, "role=\"alert\" id=\"tracing-form-" + a3 + "-error\""));
  EXPECT_TRUE(Has(illegal->body, "This cannot be done now: cannot move parent " + a3 + " from unknown to located"));
  EXPECT_TRUE(Has(illegal->body, "value=\"typed reason\""));
  EXPECT_EQ(ElementText(illegal->body, "tracing-state-" + a3), "Unknown");
  EXPECT_EQ(ElementText(Fetch("coordinator", family)->body, "tracing-state-" + a3), "Unknown");

  // The legal move with the same call.
  auto legal = PostForm("coordinator", family + "/workflow/tracing",
                        "adult=" + a3 + "&to=phone_attempted&event=contact%3A" + contact);
  ASSERT_TRUE(legal);
  EXPECT_EQ(legal->status, 303);
  EXPECT_EQ(ElementText(Fetch("coordinator", family)->body, "tracing-state-" + a3), "Phone attempted");

  // Another family's parent (a2 is only c1's) cannot be written through this family's page.
  auto elsewhere = PostForm("coordinator", family + "/workflow/contact",
                            "adult=" + std::to_string(s.a2) + "&kind=call&result=no_answer&number=1");
  ASSERT_TRUE(elsewhere);
  EXPECT_EQ(elsewhere->status, 404);
  auto unknown = PostForm("coordinator", family + "/workflow/teleport", "adult=" + a3);
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
}

// Numbers called to an adult at risk (a2) are withheld from a case worker, shown to
// the coordinator and to the family's own field team.
TEST(WorkflowPagesTest, WithheldNumbersReadAsWithheld) {
  const auto& s = World().seed;
  auto res = PostForm("coordinator", FamilyPath(s.c1) + "/workflow/contact",
                      "adult=" + std::to_string(s.a2) + "&kind=call&result=no_answer&number=%2B50255550002");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 303);
  const std::string table = "id=\"contacts-" + std::to_string(s.a2) + "\"";
  auto section = [&](const std::string& who) {
    const std::string body = PanelOf(who, s.c1);
    const size_t at = body.find(table);
    return at == std::string::npos ? std::string() : body.substr(at, body.find("</table>", at) - at);
  };
  EXPECT_TRUE(Has(section("case_worker"), "<td>withheld</td>")) << section("case_worker");
  EXPECT_FALSE(Has(section("case_worker"), "+50255550002"));
  EXPECT_TRUE(Has(section("coordinator"), "+50255550002"));
  EXPECT_TRUE(Has(section("field_searcher"), "+50255550002"));
}

// A decision once recorded needs a reason to change; the refusal says so beside
// the reason field; both decisions stay in the history.
TEST(WorkflowPagesTest, ChangingADecisionNeedsAReason) {
  const auto& s = World().seed;
  const std::string family = FamilyPath(s.c2), a3 = std::to_string(s.a3);
  if (ElementText(PanelOf("coordinator", s.c2), "tracing-state-" + a3) == "Unknown")
    Move(s.c2, s.a3, "phone_attempted", "contact%3A" + LogCall(s.c2, s.a3, "no_answer"));
  Move(s.c2, s.a3, "in_contact", "contact%3A" + LogCall(s.c2, s.a3, "reached_parent"));
  const std::string decision = "adult=" + a3 + "&language=es&date=2025-01-10&signed=1";
  auto first = PostForm("coordinator", family + "/workflow/decision", decision + "&kind=reunify_home");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 303) << first->body;
  auto unexplained = PostForm("coordinator", family + "/workflow/decision", decision + "&kind=waiver");
  ASSERT_TRUE(unexplained);
  EXPECT_EQ(unexplained->status, 400);
  EXPECT_TRUE(Has(unexplained->body, "reason: changing the decision of child")) << unexplained->body;
  EXPECT_TRUE(Has(unexplained->body, "aria-invalid=\"true\" aria-describedby=\"decision-form-error\""));
  EXPECT_EQ(ElementText(unexplained->body, "decision-current"), "Reunify in the home country");
  auto explained = PostForm("coordinator", family + "/workflow/decision", decision + "&kind=waiver&reason=asylum");
  ASSERT_TRUE(explained);
  EXPECT_EQ(explained->status, 303);
  const std::string body = PanelOf("coordinator", s.c2);
  EXPECT_EQ(ElementText(body, "decision-current"), "Waiver: the child stays to seek asylum");
  const size_t history = body.find("id=\"decision-history\"");
  ASSERT_NE(history, std::string::npos);
  EXPECT_TRUE(Has(body.substr(history), "Reunify in the home country"));
  EXPECT_TRUE(Has(body.substr(history), "asylum"));
}

// Flags (add, review, resolve) and deadlines (add, complete) through plain posts.
TEST(WorkflowPagesTest, FlagsAndDeadlines) {
  const auto& s = World().seed;
  const std::string family = FamilyPath(s.c2), a3 = std::to_string(s.a3);
  auto no_date = PostForm("coordinator", family + "/workflow/flag",
                          "adult=" + a3 + "&kind=criminal_custody&evidence=jail+roster&reviewer=Lic.+Ruiz"
                          "&finality=provisional");
  ASSERT_TRUE(no_date);
  EXPECT_EQ(no_date->status, 400);
  EXPECT_TRUE(Has(no_date->body, "reassess_by: required for criminal_custody"));
  auto flag = PostForm("coordinator", family + "/workflow/flag",
                       "adult=" + a3 + "&kind=not_parent&evidence=dna+test&reviewer=Lic.+Ruiz&finality=final");
  ASSERT_TRUE(flag);
  ASSERT_EQ(flag->status, 303);
  std::string body = PanelOf("coordinator", s.c2);
  EXPECT_EQ(ElementText(body, "eligibility-status-" + a3), "Ineligible");
  const size_t row = body.find("<tr id=\"flag-");
  ASSERT_NE(row, std::string::npos);
  const std::string id = body.substr(row + 13, body.find('"', row + 13) - row - 13);
  auto review = PostForm("coordinator", family + "/workflow/flag-review",
                         "flag=" + id + "&finality=final&contested=1&outcome=overturned&reason=appeal+won");
  ASSERT_TRUE(review);
  EXPECT_EQ(review->status, 303) << review->body;
  EXPECT_EQ(ElementText(PanelOf("coordinator", s.c2), "eligibility-status-" + a3), "Eligible");
  auto resolve = PostForm("coordinator", family + "/workflow/flag-resolve", "flag=" + id + "&reason=closed+by+court");
  ASSERT_TRUE(resolve);
  EXPECT_EQ(resolve->status, 303);
  EXPECT_FALSE(Has(PanelOf("coordinator", s.c2), "id=\"flag-resolve-form-" + id + "\""));

  auto deadline = PostForm("coordinator", family + "/workflow/deadline",
                           "title=Court+status+hearing&kind=court&due=2030-01-31&adult=");
  ASSERT_TRUE(deadline);
  ASSERT_EQ(deadline->status, 303) << deadline->body;
  body = PanelOf("coordinator", s.c2);
  const size_t d = body.find("<tr id=\"deadline-");
  ASSERT_NE(d, std::string::npos);
  EXPECT_TRUE(Has(body.substr(d, 200), "Court status hearing"));
  const std::string did = body.substr(d + 17, body.find('"', d + 17) - d - 17);
  auto done = PostForm("coordinator", family + "/workflow/deadline-done", "deadline=" + did);
  ASSERT_TRUE(done);
  EXPECT_EQ(done->status, 303);
  EXPECT_FALSE(Has(PanelOf("coordinator", s.c2), "id=\"deadline-done-form-" + did + "\""));
  auto again = PostForm("coordinator", family + "/workflow/deadline-done", "deadline=" + did);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 409);
  // Case workers manage deadlines too; field searchers do not.
  EXPECT_TRUE(Has(PanelOf("case_worker", s.c2), "id=\"deadline-form\""));
  EXPECT_FALSE(Has(PanelOf("field_searcher", s.c1), "id=\"deadline-form\""));
}

// A field search task through plain posts: a bad country is refused beside its
// field, then the task is opened, assigned and closed.
TEST(WorkflowPagesTest, SearchTaskOpenAssignClose) {
  const auto& s = World().seed;
  const std::string family = FamilyPath(s.c2), a3 = std::to_string(s.a3);
  auto bad = PostForm("coordinator", family + "/workflow/search-task",
                      "adult=" + a3 + "&country=Guatemala&village=Chamelco");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_TRUE(Has(bad->body, "country: &apos;Guatemala&apos; is not an ISO 3166-1 alpha-2 code")) << bad->body;
  EXPECT_TRUE(Has(bad->body, "value=\"Guatemala\" aria-invalid=\"true\""));
  EXPECT_TRUE(Has(bad->body, "value=\"Chamelco\""));
  auto opened = PostForm("coordinator", family + "/workflow/search-task",
                         "adult=" + a3 + "&country=GT&department=GT-AV&municipality=Cob%C3%A1n&village=Chamelco");
  ASSERT_TRUE(opened);
  ASSERT_EQ(opened->status, 303) << opened->body;
  std::string body = PanelOf("coordinator", s.c2);
  const size_t row = body.find("<tr id=\"task-");
  ASSERT_NE(row, std::string::npos);
  const std::string task = body.substr(row + 13, body.find('"', row + 13) - row - 13);
  EXPECT_TRUE(Has(body, "id=\"task-close-form-" + task + "\""));
  auto assigned = PostForm("coordinator", family + "/workflow/task-assign",
                           "task=" + task + "&organisation=ICRC&team=south");
  ASSERT_TRUE(assigned);
  EXPECT_EQ(assigned->status, 303) << assigned->body;
  auto no_result = PostForm("coordinator", family + "/workflow/task-close", "task=" + task + "&status=done");
  ASSERT_TRUE(no_result);
  EXPECT_EQ(no_result->status, 400);
  auto closed = PostForm("coordinator", family + "/workflow/task-close",
                         "task=" + task + "&status=done&result=not_found");
  ASSERT_TRUE(closed);
  EXPECT_EQ(closed->status, 303) << closed->body;
  body = PanelOf("coordinator", s.c2);
  const size_t done = body.find("<tr id=\"task-" + task + "\">");
  ASSERT_NE(done, std::string::npos);
  const std::string cells = body.substr(done, body.find("</tr>", done) - done);
  EXPECT_TRUE(Has(cells, "<td>ICRC</td><td>south</td><td>Done</td><td>Not found</td>")) << cells;
  EXPECT_FALSE(Has(body, "id=\"task-close-form-" + task + "\""));
}

}  // namespace
}  // namespace reunite::web
