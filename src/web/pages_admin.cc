// Administration pages: the users (admins) and the audit log (admins and auditors).
#include "access/accounts.h"
#include "access/audit_chain.h"
#include "access/policy.h"
#include "web/pages.h"

namespace reunite::web {
namespace {

using httplib::Request;
using httplib::Response;

void ShowUsers(const Request& req, Response& res, CaseRequest& cr) {
  PageContext page = PageFor(req, cr.user, "users.title");
  const Messages& t = CatalogFor(page.lang);
  auto users = cr.services.accounts().ListUsers(cr.user.who);  // refuses all but admins
  if (!users.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(users.status()));
  TemplateData rows(TemplateData::type::list);
  for (const auto& u : *users) {
    TemplateData r;
    r.set("id", std::to_string(u.id));
    r.set("username", u.username);
    r.set("must_change", u.must_change_password);
    r.set("org", u.org);
    r.set("role", Label(t, "user_role." + ToString(u.role), ToString(u.role)));
    r.set("team", u.team);
    r.set("language", Label(t, "lang." + u.language, u.language));
    r.set("active", u.active ? t.at("common.yes") : t.at("common.no"));
    r.set("created_at", u.created_at);
    rows.push_back(r);
  }
  TemplateData vars;
  vars.set("users", rows);
  SendPage(req, res, "users", page, vars);
}

constexpr int kAuditPageSize = 100;

AuditQuery AuditQueryFrom(const Request& req) {
  AuditQuery q;
  q.actor = Param(req, "actor");
  q.action = Param(req, "action");
  q.entity = Param(req, "entity");
  q.since = Param(req, "since");
  q.until = Param(req, "until");
  q.limit = kAuditPageSize;
  q.offset = static_cast<int>((std::max(1L, IntParam(req, "page").value_or(1)) - 1) * kAuditPageSize);
  return q;
}

// The filters as a query string, for the next page link.
std::string AuditFilterString(const AuditQuery& q) {
  std::string qs;
  for (const auto& [name, value] : {std::pair<const char*, const std::string&>{"actor", q.actor}, {"action", q.action},
                                    {"entity", q.entity}, {"since", q.since}, {"until", q.until}})
    if (!value.empty()) qs += std::string(name) + "=" + httplib::detail::encode_query_param(value) + "&";
  return qs;
}

// The chains' latest points, to be copied outside (docs/audit_chain.md): a table
// and the one line `audit verify --anchor` reads, with its download.
void AddAnchor(TemplateData& vars, CaseRequest& cr, const Messages& t) {
  Result<Anchor> anchor = cr.services.TakeAnchor();
  if (!anchor.ok()) return;
  TemplateData points(TemplateData::type::list);
  for (const ChainPoint& p : anchor->points) {
    TemplateData row;
    row.set("chain", Label(t, "audit.chain_name." + p.table, p.table));
    row.set("seq", std::to_string(p.seq));
    row.set("id", std::to_string(p.id));
    row.set("at", p.at);
    row.set("hash", p.hash);
    points.push_back(row);
  }
  vars.set("anchor_points", points);
  vars.set("anchor_line", FormatAnchor(*anchor));
  Result<std::optional<Anchor>> recorded = cr.services.LatestAnchor();
  if (recorded.ok() && *recorded) vars.set("anchor_recorded_at", (*recorded)->made_at);
}

// The current anchor as a text file, for whoever keeps the copies outside.
void DownloadAnchor(const Request&, Response& res, CaseRequest& cr) {
  Result<Anchor> anchor = cr.services.TakeAnchor();  // admins and auditors
  if (!anchor.ok()) {
    res.status = HttpStatusOf(anchor.status());
    return;
  }
  res.set_header("Content-Disposition",
                 "attachment; filename=\"reunite-anchor-" + anchor->made_at.substr(0, 10) + ".txt\"");
  res.set_content(FormatAnchor(*anchor) + "\n", "text/plain; charset=utf-8");
}

void ShowAudit(const Request& req, Response& res, CaseRequest& cr) {
  PageContext page = PageFor(req, cr.user, "audit.title");
  AuditQuery q = AuditQueryFrom(req);
  auto entries = cr.access.ListAudit(q);  // refuses all but admins and auditors
  if (!entries.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(entries.status()));
  TemplateData rows(TemplateData::type::list);
  for (const auto& e : *entries) {
    TemplateData r;
    r.set("at", e.at);
    r.set("actor", e.actor);
    r.set("role", e.role);
    r.set("action", e.action);
    // "request", not "request 0".
    r.set("entity", e.entity_id ? e.entity + " " + std::to_string(e.entity_id) : e.entity);
    r.set("detail", Shorten(e.detail, 200));
    r.set("remote", e.remote);
    rows.push_back(r);
  }
  TemplateData vars;
  for (const auto& [name, value] : {std::pair<const char*, const std::string&>{"actor", q.actor}, {"action", q.action},
                                    {"entity", q.entity}, {"since", q.since}, {"until", q.until}})
    vars.set(name, value);
  vars.set("entries", rows);
  vars.set("none", entries->empty());
  AddAnchor(vars, cr, CatalogFor(page.lang));
  long page_no = q.offset / kAuditPageSize + 1;
  if (page_no > 1) vars.set("prev_href", "/audit?" + AuditFilterString(q) + "page=" + std::to_string(page_no - 1));
  if (static_cast<int>(entries->size()) == kAuditPageSize)
    vars.set("next_href", "/audit?" + AuditFilterString(q) + "page=" + std::to_string(page_no + 1));
  SendPage(req, res, "audit", page, vars);
}

}  // namespace

void RegisterAdminPages(httplib::Server& server, const RouteContext& ctx) {
  GetPage(server, "/users", ctx, ShowUsers);
  GetPage(server, "/audit", ctx, ShowAudit);
  GetPage(server, "/audit/anchor.txt", ctx, DownloadAnchor);
}

}  // namespace reunite::web
