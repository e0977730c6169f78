// What is overdue or due soon (access/WorkflowAccess::Due: court deadlines,
// internal targets and the first-contact rule): a panel on the dashboard, loaded
// after it from /deadlines/due/panel (the rule reads every linked parent: half a
// second at 100,000 families), and every item at /deadlines/due, 200 a page. Only
// roles that read reports are asked; a field searcher's list holds their team's
// families (the service scopes it).
#include <algorithm>
#include <optional>

#include "access/policy.h"
#include "access/workflow_access.h"
#include "web/pages.h"

namespace reunite::web {
namespace {

using httplib::Request;
using httplib::Response;
using workflow::DueItem;

constexpr int kDueSoonDays = 7;       // docs/workflow.md §8: due within 7 days
constexpr std::size_t kPanelItems = 20;
constexpr std::size_t kListPageSize = 200;
constexpr long kMaxDays = 3660;
constexpr long kDayMillis = 86400000;

// Overdue first (most late first, as Due sorts soonest first), then due soon.
std::vector<DueItem> OverdueFirst(std::vector<DueItem> items) {
  std::stable_partition(items.begin(), items.end(), [](const DueItem& d) { return d.overdue; });
  return items;
}

TemplateData DueRow(const DueItem& d, const Messages& t, long long now) {
  TemplateData r;
  const bool rule = d.source == "first_contact";
  // The rule's title is the library's English sentence: say it in the reader's words.
  r.set("title", rule ? t.at("due.first_contact") + " #" + std::to_string(d.adult_id) : d.title);
  r.set("kind", Label(t, "due.kind." + d.kind, d.kind));
  r.set("due_at", d.due_at.substr(0, 10) + " " + d.due_at.substr(11, 5));
  r.set("href", d.child_id ? "/families/" + std::to_string(d.child_id) : "/people/" + std::to_string(d.adult_id));
  r.set("overdue", d.overdue);
  if (d.overdue) {
    const long long late = (now - IsoToMillis(d.due_at)) / kDayMillis;
    r.set("late", late < 1 ? t.at("due.late_today") : std::to_string(late) + " " + t.at("due.days_late"));
  }
  return r;
}

// The rows of items [from, from + count).
TemplateData DueRows(const std::vector<DueItem>& items, std::size_t from, std::size_t count, const Messages& t,
                     long long now) {
  TemplateData rows(TemplateData::type::list);
  for (std::size_t i = from; i < items.size() && i < from + count; ++i) rows.push_back(DueRow(items[i], t, now));
  return rows;
}

long CountOverdue(const std::vector<DueItem>& items) {
  return static_cast<long>(std::count_if(items.begin(), items.end(), [](const DueItem& d) { return d.overdue; }));
}

// The current page's items of a long list, and the pager's links.
TemplateData PageOf(const std::vector<DueItem>& items, long page, long days, const Messages& t, long long now,
                    TemplateData& vars) {
  const long pages = std::max(1L, static_cast<long>((items.size() + kListPageSize - 1) / kListPageSize));
  page = std::clamp(page, 1L, pages);
  const std::string base = "/deadlines/due?within_days=" + std::to_string(days) + "&page=";
  vars.set("page", std::to_string(page));
  vars.set("pages", std::to_string(pages));
  if (page > 1) vars.set("prev_href", base + std::to_string(page - 1));
  if (page < pages) vars.set("next_href", base + std::to_string(page + 1));
  return DueRows(items, static_cast<std::size_t>(page - 1) * kListPageSize, kListPageSize, t, now);
}

void ShowDueList(const Request& req, Response& res, CaseRequest& cr) {
  PageContext page = PageFor(req, cr.user, "due.title");
  const Messages& t = CatalogFor(page.lang);
  const std::string days_text = Param(req, "within_days");
  const std::optional<long> days = days_text.empty() ? std::optional<long>(kDueSoonDays) : IntParam(req, "within_days");
  TemplateData vars;
  vars.set("within_days", days_text.empty() ? std::to_string(kDueSoonDays) : days_text);
  if (!days || *days < 0 || *days > kMaxDays) {
    vars.set("form_error", t.at("due.bad_days"));
    return SendPage(req, res, "due_list", page, vars, 400);
  }
  const std::string now = DefaultClock().NowIso();
  auto due = cr.services.workflow().Due(now, static_cast<int>(*days));
  if (!due.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(due.status()));
  std::vector<DueItem> items = OverdueFirst(std::move(*due));
  vars.set("items", PageOf(items, IntParam(req, "page").value_or(1), *days, t, IsoToMillis(now), vars));
  vars.set("total", std::to_string(items.size()));
  vars.set("overdue", std::to_string(CountOverdue(items)));
  vars.set("empty", items.empty());
  SendPage(req, res, "due_list", page, vars);
}

// GET /deadlines/due/panel: the dashboard's panel alone, which the dashboard loads
// after itself (htmx).
void ShowDuePanel(const Request& req, Response& res, CaseRequest& cr) {
  const Messages& t = CatalogFor(PageLanguage(req, &cr.user));
  const std::string now = DefaultClock().NowIso();
  auto due = cr.services.workflow().Due(now, kDueSoonDays);
  if (!due.ok() && due.status().code() == StatusCode::kPermissionDenied)
    return SendErrorPage(req, res, cr.user, 403);
  TemplateData vars;
  vars.set("t", CatalogData(t));
  if (!due.ok()) {
    vars.set("error", t.at("due.unavailable"));
  } else {
    std::vector<DueItem> items = OverdueFirst(std::move(*due));
    const long overdue = CountOverdue(items);
    vars.set("items", DueRows(items, 0, kPanelItems, t, IsoToMillis(now)));
    vars.set("overdue", std::to_string(overdue));
    vars.set("soon", std::to_string(static_cast<long>(items.size()) - overdue));
    vars.set("empty", items.empty());
    if (items.size() > kPanelItems) vars.set("more", std::to_string(items.size() - kPanelItems));
  }
  auto html = RenderTemplate("due_panel", vars);
  if (!html.ok()) return SendErrorPage(req, res, cr.user, 500);
  res.set_content(*html, "text/html; charset=utf-8");
}

}  // namespace

void AddDuePanel(CaseRequest& cr, TemplateData& vars) {
  // Roles that may not read reports get no panel, and no query is made for them.
  vars.set("due_panel", Allowed(cr.user.who, Action::kReadReports));
}

void RegisterDuePages(httplib::Server& server, const RouteContext& ctx) {
  GetPage(server, "/deadlines/due", ctx, ShowDueList);
  GetPage(server, "/deadlines/due/panel", ctx, ShowDuePanel);
}

}  // namespace reunite::web
