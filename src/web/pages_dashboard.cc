// The dashboard: removals of protection by other coordinators, children by
// custody status and by country, what is overdue or due soon (pages_due.cc), and
// what waits for review.
#include <map>

#include <nlohmann/json.hpp>

#include "access/policy.h"
#include "web/i18n.h"
#include "web/pages.h"

namespace reunite::web {
namespace {

using httplib::Request;
using httplib::Response;

constexpr CustodyStatus kChildStatuses[] = {CustodyStatus::kInCare, CustodyStatus::kDischarged,
                                            CustodyStatus::kUnknown};

// One bar chart: a table (what screen readers and the print read) and the same
// numbers as JSON for app.js to draw, since the CSP forbids inline scripts.
TemplateData Chart(const std::vector<std::pair<std::string, long>>& bars) {
  TemplateData rows(TemplateData::type::list);
  nlohmann::json labels = nlohmann::json::array(), values = nlohmann::json::array();
  for (const auto& [label, count] : bars) {
    TemplateData row;
    row.set("label", label);
    row.set("count", std::to_string(count));
    rows.push_back(row);
    labels.push_back(label);
    values.push_back(count);
  }
  TemplateData chart;
  chart.set("rows", rows);
  chart.set("json", nlohmann::json{{"labels", labels}, {"values", values}}.dump(
                        -1, ' ', false, nlohmann::json::error_handler_t::replace));
  return chart;
}


// Children by custody status, then by country: one indexed count through
// CaseAccess, so scope applies.
Result<std::pair<TemplateData, TemplateData>> Charts(CaseAccess& access, const Messages& t) {
  auto counts = access.CountFamilies();
  if (!counts.ok()) return counts.status();
  std::vector<std::pair<std::string, long>> by_status, by_country;
  for (CustodyStatus s : kChildStatuses) {
    auto it = counts->by_status.find(ToString(s));
    by_status.emplace_back(Label(t, "status." + ToString(s), ToString(s)), it == counts->by_status.end() ? 0 : it->second);
  }
  for (const auto& [code, n] : counts->by_country)
    by_country.emplace_back(code.empty() ? Label(t, "common.unknown", "?") : Label(t, "country." + code, code), n);
  return std::make_pair(Chart(by_status), Chart(by_country));
}

// Pending candidates, shown only to roles that may decide them.
void AddReviewCounts(CaseRequest& cr, TemplateData& vars) {
  if (!Allowed(cr.user.who, Action::kReviewMatches)) return;
  ReviewAccess queue = cr.services.review();
  auto dups = queue.Count(CandidateKind::kDuplicate, ReviewStatus::kPending);
  auto links = queue.Count(CandidateKind::kFamilyLink, ReviewStatus::kPending);
  if (!dups.ok() || !links.ok()) return;
  TemplateData review;
  review.set("duplicates", std::to_string(*dups));
  review.set("family_links", std::to_string(*links));
  vars.set("review", review);
}

// How far back the dashboard tells coordinators of removals of protection.
constexpr int kRemovalDays = 30;

// Removals of protection by others, for the coordinators and admins who may make
// them (the access layer refuses everyone else).
void AddProtectionRemovals(CaseRequest& cr, TemplateData& vars) {
  if (!Allowed(cr.user.who, Action::kRemoveProtection)) return;
  auto removals = cr.access.ProtectionRemovals(kRemovalDays, 50);
  if (!removals.ok() || removals->empty()) return;
  TemplateData rows(TemplateData::type::list);
  for (const ProtectionRemovalNotice& n : *removals) {
    TemplateData row;
    row.set("person_id", std::to_string(n.person_id));
    row.set("by", n.removal.by);
    row.set("at", n.removal.at);
    row.set("reason", n.removal.reason);
    rows.push_back(row);
  }
  TemplateData section;
  section.set("rows", rows);
  vars.set("removals", section);
}

void ShowDashboard(const Request& req, Response& res, CaseRequest& cr) {
  // A field searcher's day starts from the team's open tasks, not the custody charts.
  if (TeamScoped(cr.user.who) && !cr.user.who.team.empty()) return ShowTeamWorklist(req, res, cr, cr.user.who.team);
  PageContext page = PageFor(req, cr.user, "dashboard.title");
  const Messages& t = CatalogFor(page.lang);
  TemplateData vars;
  if (Allowed(cr.user.who, Action::kReadFamilies)) {
    auto charts = Charts(cr.access, t);
    if (!charts.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(charts.status()));
    vars.set("by_status", charts->first);
    vars.set("by_country", charts->second);
  }
  AddProtectionRemovals(cr, vars);
  AddReviewCounts(cr, vars);
  AddDuePanel(cr, vars);
  SendPage(req, res, "dashboard", page, vars);
}

}  // namespace

void RegisterDashboardPages(httplib::Server& server, const RouteContext& ctx) {
  GetPage(server, "/", ctx, ShowDashboard);
}

}  // namespace reunite::web
