// The case worker's pages: server-rendered HTML from templates, with htmx. The shared
// helpers live here; each group of pages is in its own pages_*.cc.
#include "web/pages.h"

#include <algorithm>

#include <charconv>

#include "web/body_limit.h"
#include "web/http_util.h"
#include "web/i18n.h"
#include "web/refusal_audit.h"

namespace reunite::web {

using httplib::Request;
using httplib::Response;

std::string PageLanguage(const Request& req, const Principal* user) {
  std::string chosen = req.get_param_value("lang");
  if (IsSupportedLanguage(chosen)) return chosen;
  std::string remembered = GetCookie(req, kLanguageCookie);
  if (IsSupportedLanguage(remembered)) return remembered;
  if (user && IsSupportedLanguage(user->who.language)) return user->who.language;
  return RequestLanguage(req);
}

PageContext PageFor(const Request& req, const Principal& user, const std::string& title_key) {
  PageContext page;
  page.lang = PageLanguage(req, &user);
  page.title_key = title_key;
  page.user = user;
  return page;
}

namespace {

// Remembers an explicit ?lang= choice so the next pages answer in it too.
void RememberLanguage(const Request& req, Response& res, const std::string& lang) {
  if (req.has_param("lang") && req.get_param_value("lang") == lang)
    res.set_header("Set-Cookie", std::string(kLanguageCookie) + "=" + lang +
                                     "; Path=/; Max-Age=31536000; SameSite=Lax");
}

}  // namespace

void SendPage(const Request& req, Response& res, std::string_view page, PageContext ctx,
              TemplateData vars, int status) {
  ctx.path = req.path;
  auto html = RenderPage(page, ctx, std::move(vars));
  if (!html.ok()) {
    res.status = 500;  // FillErrorBody writes the page; a broken template is a build bug
    return;
  }
  RememberLanguage(req, res, ctx.lang);
  res.status = status;
  res.set_content(*html, "text/html; charset=utf-8");
}

void SendErrorPage(const Request& req, Response& res, const Principal& user, int status) {
  PageContext page = PageFor(req, user, "error.title");
  const Messages& t = CatalogFor(page.lang);
  std::string key = "error." + std::to_string(status);
  if (!t.count(key)) key = "error.other";
  TemplateData vars;
  vars.set("status", std::to_string(status));
  vars.set("message", t.at(key));
  SendPage(req, res, "error", page, vars, status);
}

std::string Param(const Request& req, const std::string& name) {
  if (req.has_param(name.c_str())) return req.get_param_value(name.c_str());
  if (req.has_file(name.c_str())) return req.get_file_value(name.c_str()).content;
  return "";
}

TemplateData SelectOptions(const std::vector<std::pair<std::string, std::string>>& choices, const std::string& chosen) {
  TemplateData list(TemplateData::type::list);
  for (const auto& [value, label] : choices) {
    TemplateData o;
    o.set("value", value);
    o.set("label", label);
    o.set("selected", value == chosen);
    list.push_back(o);
  }
  return list;
}

std::optional<long> IntParam(const Request& req, const std::string& name) {
  std::string text = Param(req, name);
  long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string Shorten(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not mid-character
  return text.substr(0, cut) + "…";
}

std::string Label(const Messages& t, const std::string& key, const std::string& fallback) {
  auto it = t.find(key);
  return it == t.end() ? fallback : it->second;
}

std::string FormErrorKey(const Status& status) {
  for (const char* field : {"team", "reason", "notes"})
    if (status.message().rfind(std::string(field) + ":", 0) == 0) return std::string("form.error.") + field;
  return "form.error.other";
}

bool CsrfOk(const Request& req, const Principal& user) { return CsrfMatches(user.who, Param(req, "csrf")); }

namespace {

void Handle(const Request& req, Response& res, const RouteContext& ctx, bool post, const PageHandler& h) {
  // Signed in, but the server has no case data to offer (no pool): say so rather than
  // sending the user back to the login page.
  if (!ctx.pool && ctx.auth) {
    if (auto user = CurrentUser(req, ctx)) return SendErrorPage(req, res, *user, 503);
  }
  bool signed_in = WithCaseRequest(req, ctx, [&](CaseRequest& cr) {
    if (post && !CsrfOk(req, cr.user)) {
      AuditRefusal(cr, req, kCsrfRefusal);
      return SendErrorPage(req, res, cr.user, 403);
    }
    // After an admin reset the password, the user's own password comes first.
    if (cr.user.who.must_change_password && req.path != kOwnPasswordPath) {
      if (post) return SendErrorPage(req, res, cr.user, 403);
      return res.set_redirect(std::string(kOwnPasswordPath), 303);
    }
    h(req, res, cr);
  });
  if (signed_in) return;
  if (post) res.status = 401;
  else res.set_redirect("/login", 303);
}

}  // namespace

std::vector<std::string>& PagePatterns() {
  static std::vector<std::string> patterns;
  return patterns;
}

const std::vector<std::string>& RegisteredPagePatterns() { return PagePatterns(); }

void GetPage(httplib::Server& server, const std::string& pattern, const RouteContext& ctx, PageHandler h) {
  // Servers are set up one at a time (tests start theirs before any request).
  auto& patterns = PagePatterns();
  if (std::find(patterns.begin(), patterns.end(), pattern) == patterns.end()) patterns.push_back(pattern);
  server.Get(pattern, [ctx, h](const Request& req, Response& res) { Handle(req, res, ctx, false, h); });
}

void PostPage(httplib::Server& server, const std::string& pattern, const RouteContext& ctx, PageHandler h) {
  server.Post(pattern, WithLimitedBody([ctx, h](const Request& req, Response& res) { Handle(req, res, ctx, true, h); }));
}

void RegisterPageRoutes(httplib::Server& server, const RouteContext& ctx) {
  RegisterDashboardPages(server, ctx);
  RegisterFamilyPages(server, ctx);
  RegisterPeoplePages(server, ctx);
  RegisterReviewPages(server, ctx);
  RegisterImportPages(server, ctx);
  RegisterAdminPages(server, ctx);
  RegisterAccountPages(server, ctx);
  RegisterSearchPlanPages(server, ctx);
  RegisterReportPages(server, ctx);
  RegisterDuePages(server, ctx);
  RegisterWorkflowPages(server, ctx);
}

}  // namespace reunite::web
