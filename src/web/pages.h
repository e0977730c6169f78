// What the page routes (pages_*.cc) share: rendering a page in the reader's language,
// localised error pages, the CSRF check of form posts, and small parameter parsers.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <httplib.h>

#include "web/case_request.h"
#include "web/i18n.h"
#include "web/routes.h"
#include "web/templates.h"

namespace reunite::web {

// The language of a page: an explicit choice (?lang=, then the cookie that remembers
// it), else the signed-in user's own language, else the browser's.
std::string PageLanguage(const httplib::Request& req, const Principal* user);

// The layout's context for a signed-in user's page titled by the catalog key.
PageContext PageFor(const httplib::Request& req, const Principal& user, const std::string& title_key);

// Renders templates/<page> inside the layout and sends it; remembers a ?lang= choice.
void SendPage(const httplib::Request& req, httplib::Response& res, std::string_view page,
              PageContext ctx, TemplateData vars, int status = 200);

// A localised error page (403, 404, ...) for a signed-in user, with the navigation.
void SendErrorPage(const httplib::Request& req, httplib::Response& res, const Principal& user,
                   int status);

// True when the form's hidden field `csrf` matches the user's session; multipart
// forms carry it as a part.
bool CsrfOk(const httplib::Request& req, const Principal& user);

// A form or query value, "" when absent; parts of multipart forms too.
std::string Param(const httplib::Request& req, const std::string& name);
// An integer parameter; nullopt when absent or not a number.
std::optional<long> IntParam(const httplib::Request& req, const std::string& name);

// `text` cut to at most `max` bytes on a character boundary, with "…" when cut
// (journal snapshots of whole records are too long for a table cell).
std::string Shorten(const std::string& text, std::size_t max);

// The catalog key explaining a form input the library refused (InvalidArgument whose
// message starts with the field's name, "reason: ..."): "form.error.<field>" for the
// fields forms post (team, reason, notes), else "form.error.other".
std::string FormErrorKey(const Status& status);

// The choices (value, label) of a <select> for a template, the chosen one marked
// "selected".
TemplateData SelectOptions(const std::vector<std::pair<std::string, std::string>>& choices, const std::string& chosen);

// The catalog's text for key, or fallback when the catalog has none (codes such as "GT").
std::string Label(const Messages& t, const std::string& key, const std::string& fallback);

// A workflow form post the library refused (pages_workflow*.cc): the form shows
// again with what was typed, `message` (in the reader's words, with the library's
// own) beside it and the input named `field` marked invalid.
struct WorkflowRefusal {
  std::string form;     // the form's element id, e.g. "contact-form-42"
  std::string message;
  std::string field;    // the input the library named ("" none)
};

// The family page (pages_families.cc): `assign_error` beside the assignment form,
// `refusal` beside a workflow form (nullptr: none).
void RenderFamilyPage(const httplib::Request& req, httplib::Response& res, CaseRequest& cr, PersonId child,
                      const std::string& assign_error, const WorkflowRefusal* refusal, int status);

// The family's workflow panel as HTML (pages_workflow_panel.cc), "" for a role
// that may not read the workflow. Forms show what `req` posted when `refusal` is set.
std::string WorkflowPanel(const httplib::Request& req, CaseRequest& cr, const FamilyView& family,
                          const std::string& lang, const WorkflowRefusal* refusal);

// Where a user changes their own password (pages_accounts.cc); after an admin
// reset it, every other page sends them here.
inline constexpr std::string_view kOwnPasswordPath = "/account/password";

using PageHandler = std::function<void(const httplib::Request&, httplib::Response&, CaseRequest&)>;

// Registers a page route that needs a signed-in user: without one, GETs go to /login
// and other methods get 401.
void GetPage(httplib::Server& server, const std::string& pattern, const RouteContext& ctx, PageHandler h);
// Every GET page pattern registered so far (regexes such as "/people/(\\d{1,18})"), in
// order: the route table of the pages, for tests that must visit them all.
const std::vector<std::string>& RegisteredPagePatterns();
// As GetPage for POST forms, refusing (403) a post whose CSRF token does not match.
void PostPage(httplib::Server& server, const std::string& pattern, const RouteContext& ctx, PageHandler h);

// The page routes, one file each (pages_*.cc).
void RegisterDashboardPages(httplib::Server& server, const RouteContext& ctx);
void RegisterFamilyPages(httplib::Server& server, const RouteContext& ctx);
void RegisterPeoplePages(httplib::Server& server, const RouteContext& ctx);
void RegisterReviewPages(httplib::Server& server, const RouteContext& ctx);
void RegisterImportPages(httplib::Server& server, const RouteContext& ctx);
void RegisterAdminPages(httplib::Server& server, const RouteContext& ctx);
// A user's page (role, team, activation, password reset, tokens) and one's own password.
void RegisterAccountPages(httplib::Server& server, const RouteContext& ctx);
void RegisterWorkflowPages(httplib::Server& server, const RouteContext& ctx);
void RegisterSearchPlanPages(httplib::Server& server, const RouteContext& ctx);
void RegisterReportPages(httplib::Server& server, const RouteContext& ctx);
void RegisterDuePages(httplib::Server& server, const RouteContext& ctx);

// Marks the dashboard to load the "overdue and due soon" panel ({{due_panel}},
// GET /deadlines/due/panel) for roles that read reports; not for the others
// (pages_due.cc).
void AddDuePanel(CaseRequest& cr, TemplateData& vars);

// A team's worklist page (its open search tasks by place), also a field searcher's
// start page (pages_search_plan.cc).
void ShowTeamWorklist(const httplib::Request& req, httplib::Response& res, CaseRequest& cr, const std::string& team);

}  // namespace reunite::web
