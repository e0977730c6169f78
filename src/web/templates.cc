#include "web/templates.h"

#include "access/policy.h"
#include "web/assets.h"
#include "web/embedded_web.h"

namespace reunite::web {
namespace {

using kainjow::mustache::mustache;

// Puts value at the dotted path inside obj, creating the objects on the way.
// A key that is both a leaf and a prefix ("nav" and "nav.x") keeps the first one;
// i18n_test rejects such catalogs.
void SetDotted(TemplateData& obj, std::string_view key, const std::string& value) {
  size_t dot = key.find('.');
  if (dot == std::string_view::npos) {
    obj.set(std::string(key), value);
    return;
  }
  std::string head(key.substr(0, dot));
  const TemplateData* existing = obj.get(head);
  TemplateData child = existing ? *existing : TemplateData(TemplateData::type::object);
  if (!child.is_object()) return;
  SetDotted(child, key.substr(dot + 1), value);
  obj.set(head, child);
}

TemplateData AssetData() {
  TemplateData a;
  a.set("pico_css", AssetUrl("pico.min.css"));
  a.set("app_css", AssetUrl("app.css"));
  a.set("htmx_js", AssetUrl("htmx.min.js"));
  a.set("app_js", AssetUrl("app.js"));
  a.set("chart_js", AssetUrl("chart.umd.js"));
  a.set("print_css", AssetUrl("print.css"));
  return a;
}

TemplateData LanguageLinks(const PageContext& ctx, const Messages& t) {
  TemplateData list(TemplateData::type::list);
  for (const auto& code : SupportedLanguages()) {
    TemplateData item;
    item.set("code", code);
    auto label = t.find("lang." + code);
    item.set("label", label == t.end() ? code : label->second);
    item.set("href", ctx.path + "?lang=" + code);
    item.set("current", code == ctx.lang);
    list.push_back(item);
  }
  return list;
}

}  // namespace

std::vector<std::string> TemplateNames() { return {"layout", "login", "dashboard", "error", "families", "family", "person",
          "search", "review_list", "review", "import", "users", "audit", "family_workflow",
          "family_workflow_parent", "search_plan", "worklist", "due_list", "due_panel", "status_report", "user",
          "own_password"}; }

TemplateData CatalogData(const Messages& messages) {
  TemplateData t;
  for (const auto& [key, value] : messages) SetDotted(t, key, value);
  return t;
}

Result<std::string> RenderTemplate(std::string_view name, const TemplateData& data) {
  auto text = EmbeddedWebFile("templates/" + std::string(name) + ".mustache");
  if (!text) return Status::Internal("no template " + std::string(name));
  mustache tmpl{std::string(*text)};
  if (!tmpl.is_valid()) return Status::Internal("template " + std::string(name) + ": " + tmpl.error_message());
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) return Status::Internal("template " + std::string(name) + ": " + tmpl.error_message());
  return out;
}

Result<std::string> RenderPage(std::string_view page, const PageContext& ctx, TemplateData vars) {
  const Messages& messages = CatalogFor(ctx.lang);
  TemplateData t = CatalogData(messages);
  vars.set("t", t);
  vars.set("assets", AssetData());
  // Every form a page posts carries the session's CSRF token as the hidden field `csrf`.
  std::string csrf = ctx.user ? ctx.user->who.csrf_token : "";
  vars.set("csrf", csrf);
  auto body = RenderTemplate(page, vars);
  if (!body.ok()) return body.status();

  TemplateData layout;
  layout.set("t", t);
  layout.set("assets", AssetData());
  layout.set("lang", ctx.lang);
  auto title = messages.find(ctx.title_key);
  layout.set("title", title == messages.end() ? std::string("Reunite") : title->second);
  layout.set("languages", LanguageLinks(ctx, messages));
  if (ctx.user) layout.set("user", ctx.user->display_name.empty() ? ctx.user->username : ctx.user->display_name);
  layout.set("csrf", csrf);
  // Links to pages the role may not open are left out of the navigation.
  if (ctx.user) {
    const reunite::Principal& who = ctx.user->who;
    layout.set("nav_review", Allowed(who, Action::kReviewMatches));
    layout.set("nav_import", Allowed(who, Action::kImportLists));
    layout.set("nav_users", Allowed(who, Action::kManageUsers));
    layout.set("nav_audit", Allowed(who, Action::kReadAudit));
    layout.set("nav_search_plan", Allowed(who, Action::kReadWorkflow));
    // The status report counts every family, so team-scoped roles may not read it.
    layout.set("nav_reports", Allowed(who, Action::kReadReports) && !TeamScoped(who));
    // A field searcher's start page is the team's open tasks (pages_dashboard.cc).
    layout.set("nav_my_tasks", TeamScoped(who) && !who.team.empty());
  }
  layout.set("query", ctx.query);
  layout.set("body", *body);
  return RenderTemplate("layout", layout);
}

}  // namespace reunite::web
