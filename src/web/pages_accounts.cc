// The account pages: one user's page for admins (role and team, deactivation,
// password reset, API tokens) and every user's own password page. Every change
// goes through Accounts, which checks the role and audits; the server then forgets
// the credentials it remembered as verified, so the change holds at once.
#include "access/accounts.h"
#include "web/pages.h"

namespace reunite::web {
namespace {

using httplib::Request;
using httplib::Response;

// The reader's words for a change the library refused.
std::string RefusalKey(const Status& s) {
  const std::string& m = s.message();
  switch (s.code()) {
    case StatusCode::kConflict: return "account.error.self";
    case StatusCode::kUnauthenticated: return "account.error.wrong_current";
    case StatusCode::kTooManyAttempts: return "account.error.throttled";
    case StatusCode::kUnavailable: return "account.error.busy";
    case StatusCode::kInvalidArgument:
      if (m.rfind("password too short", 0) == 0) return "account.error.password_short";
      if (m.find("must differ") != std::string::npos) return "account.error.password_same";
      if (m.rfind("team", 0) == 0) return "account.error.team";
      if (m.rfind("a token needs a name", 0) == 0) return "account.error.token_name";
      if (m.rfind("expires_days", 0) == 0) return "account.error.token_expiry";
      return "form.error.other";
    default: return "";
  }
}

std::int64_t UserId(const Request& req) { return std::stoll(req.matches[1].str()); }

struct UserPageExtras {
  std::string notice_key;  // "user.done.<what>" after a change
  std::string error;       // a refusal, in the reader's words
  std::string new_token;   // shown this once
};

TemplateData TokenRows(const std::vector<ApiTokenInfo>& tokens, const Messages& t) {
  TemplateData rows(TemplateData::type::list);
  for (const ApiTokenInfo& k : tokens) {
    TemplateData r;
    r.set("id", std::to_string(k.id));
    r.set("name", k.name);
    r.set("created_at", k.created_at);
    r.set("expires_at", k.expires_at.empty() ? t.at("user.token_never") : k.expires_at);
    r.set("state", Label(t, "user.token_state." + k.state, k.state));
    r.set("revocable", k.state != "revoked");
    rows.push_back(r);
  }
  return rows;
}

void RenderUser(const Request& req, Response& res, CaseRequest& cr, std::int64_t id, const UserPageExtras& extras,
                int status) {
  PageContext page = PageFor(req, cr.user, "user.title");
  const Messages& t = CatalogFor(page.lang);
  Accounts accounts = cr.services.accounts();
  auto user = accounts.FindUser(cr.user.who, id);  // refuses all but admins
  if (!user.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(user.status()));
  auto tokens = accounts.ListApiTokens(cr.user.who, user->username);
  if (!tokens.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(tokens.status()));
  TemplateData vars;
  vars.set("id", std::to_string(user->id));
  vars.set("user_id", std::to_string(user->id));
  vars.set("username", user->username);
  vars.set("org", user->org);
  vars.set("role_label", Label(t, "user_role." + ToString(user->role), ToString(user->role)));
  vars.set("team", user->team);
  vars.set("language", Label(t, "lang." + user->language, user->language));
  vars.set("active", user->active);
  vars.set("active_label", t.at(user->active ? "common.yes" : "common.no"));
  vars.set("must_change_label", t.at(user->must_change_password ? "common.yes" : "common.no"));
  vars.set("created_at", user->created_at);
  std::vector<std::pair<std::string, std::string>> roles;
  for (UserRole r : AllUserRoles()) roles.push_back({ToString(r), Label(t, "user_role." + ToString(r), ToString(r))});
  vars.set("roles", SelectOptions(roles, ToString(user->role)));
  vars.set("tokens", TokenRows(*tokens, t));
  vars.set("no_tokens", tokens->empty());
  vars.set("default_days", std::to_string(kDefaultTokenExpiryDays));
  if (auto it = t.find(extras.notice_key); !extras.notice_key.empty() && it != t.end()) vars.set("notice", it->second);
  if (!extras.error.empty()) vars.set("error", extras.error);
  if (!extras.new_token.empty()) vars.set("new_token", extras.new_token);
  SendPage(req, res, "user", page, vars, status);
}

void ShowUser(const Request& req, Response& res, CaseRequest& cr) {
  UserPageExtras extras;
  const std::string done = Param(req, "done");
  for (const char* known : {"saved", "deactivated", "reactivated", "reset", "revoked"})
    if (done == known) extras.notice_key = "user.done." + done;
  RenderUser(req, res, cr, UserId(req), extras, 200);
}

using UserChangeFn = std::function<Status(Accounts&, const reunite::Principal&, const UserInfo&)>;

// Runs `change` on the user of the path as the signed-in admin: back to the user's
// page with `done` as its notice, or the page again with the refusal (4xx).
void ChangeUserFromForm(const Request& req, Response& res, CaseRequest& cr, const RouteContext& ctx,
                        const std::string& done, const UserChangeFn& change) {
  const std::int64_t id = UserId(req);
  Accounts accounts = cr.services.accounts();
  auto user = accounts.FindUser(cr.user.who, id);
  if (!user.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(user.status()));
  Status s = change(accounts, cr.user.who, *user);
  if (s.ok()) {
    ctx.auth->AccountsChanged();
    return res.set_redirect("/users/" + std::to_string(id) + "?done=" + done, 303);
  }
  const std::string key = RefusalKey(s);
  if (key.empty()) return SendErrorPage(req, res, cr.user, HttpStatusOf(s));
  RenderUser(req, res, cr, id, {"", CatalogFor(PageLanguage(req, &cr.user)).at(key), ""}, HttpStatusOf(s));
}

void PostAccess(const Request& req, Response& res, CaseRequest& cr, const RouteContext& ctx) {
  UserChange change;
  change.role = UserRoleFromString(Param(req, "role"));
  if (!change.role) return SendErrorPage(req, res, cr.user, 400);
  change.team = Param(req, "team");
  ChangeUserFromForm(req, res, cr, ctx, "saved", [&](Accounts& a, const reunite::Principal& by, const UserInfo& u) {
    return a.UpdateUser(by, u.username, change);
  });
}

void PostActive(const Request& req, Response& res, CaseRequest& cr, const RouteContext& ctx, bool active) {
  ChangeUserFromForm(req, res, cr, ctx, active ? "reactivated" : "deactivated",
                     [&](Accounts& a, const reunite::Principal& by, const UserInfo& u) {
                       return a.SetActive(by, u.username, active);
                     });
}

void PostReset(const Request& req, Response& res, CaseRequest& cr, const RouteContext& ctx) {
  const std::string password = Param(req, "password");
  if (password != Param(req, "confirm")) {
    const Messages& t = CatalogFor(PageLanguage(req, &cr.user));
    return RenderUser(req, res, cr, UserId(req), {"", t.at("account.error.password_mismatch"), ""}, 400);
  }
  ChangeUserFromForm(req, res, cr, ctx, "reset", [&](Accounts& a, const reunite::Principal& by, const UserInfo& u) {
    return a.ResetPassword(by, u.username, password);
  });
}

void PostRevoke(const Request& req, Response& res, CaseRequest& cr, const RouteContext& ctx) {
  const std::int64_t token = std::stoll(req.matches[2].str());
  ChangeUserFromForm(req, res, cr, ctx, "revoked", [&](Accounts& a, const reunite::Principal& by, const UserInfo&) {
    return a.RevokeToken(by, token);
  });
}

// A new token is shown on the page it was made on, this once: no redirect.
void PostToken(const Request& req, Response& res, CaseRequest& cr) {
  const std::int64_t id = UserId(req);
  const Messages& t = CatalogFor(PageLanguage(req, &cr.user));
  Accounts accounts = cr.services.accounts();
  auto user = accounts.FindUser(cr.user.who, id);
  if (!user.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(user.status()));
  const std::optional<long> days = IntParam(req, "expires_days");
  if (!days || *days < 0 || *days > kMaxTokenExpiryDays)
    return RenderUser(req, res, cr, id, {"", t.at("account.error.token_expiry"), ""}, 400);
  auto token = accounts.CreateApiToken(cr.user.who, user->username, Param(req, "name"), static_cast<int>(*days));
  if (!token.ok()) {
    const std::string key = RefusalKey(token.status());
    if (key.empty()) return SendErrorPage(req, res, cr.user, HttpStatusOf(token.status()));
    return RenderUser(req, res, cr, id, {"", t.at(key), ""}, HttpStatusOf(token.status()));
  }
  RenderUser(req, res, cr, id, {"", "", token->token}, 200);
}

void RenderOwnPassword(const Request& req, Response& res, CaseRequest& cr, const std::string& error_key,
                       int status) {
  PageContext page = PageFor(req, cr.user, "account.title");
  TemplateData vars;
  vars.set("forced", cr.user.who.must_change_password);
  vars.set("changed", Param(req, "done") == "changed" && error_key.empty());
  if (!error_key.empty()) vars.set("error", CatalogFor(page.lang).at(error_key));
  SendPage(req, res, "own_password", page, vars, status);
}

void PostOwnPassword(const Request& req, Response& res, CaseRequest& cr, const RouteContext& ctx) {
  const std::string replacement = Param(req, "password");
  if (replacement != Param(req, "confirm")) return RenderOwnPassword(req, res, cr, "account.error.password_mismatch", 400);
  const reunite::Principal& who = cr.user.who;
  Status s = cr.services.accounts().ChangeOwnPassword(who.username, Param(req, "current"), replacement, who.remote,
                                               who.csrf_token);
  if (s.ok()) {
    ctx.auth->AccountsChanged();  // a remembered "must change" ends with it
    return res.set_redirect(std::string(kOwnPasswordPath) + "?done=changed", 303);
  }
  const std::string key = RefusalKey(s);
  if (key.empty()) return SendErrorPage(req, res, cr.user, HttpStatusOf(s));
  // A wrong current password is a refused form, not a lost session: 403, not 401.
  RenderOwnPassword(req, res, cr, key, s.code() == StatusCode::kUnauthenticated ? 403 : HttpStatusOf(s));
}

}  // namespace

void RegisterAccountPages(httplib::Server& server, const RouteContext& ctx) {
  const std::string user = R"(/users/(\d{1,18}))";
  GetPage(server, user, ctx, ShowUser);
  PostPage(server, user + "/access", ctx, [ctx](auto& req, auto& res, auto& cr) { PostAccess(req, res, cr, ctx); });
  PostPage(server, user + "/deactivate", ctx,
           [ctx](auto& req, auto& res, auto& cr) { PostActive(req, res, cr, ctx, false); });
  PostPage(server, user + "/reactivate", ctx,
           [ctx](auto& req, auto& res, auto& cr) { PostActive(req, res, cr, ctx, true); });
  PostPage(server, user + "/reset-password", ctx,
           [ctx](auto& req, auto& res, auto& cr) { PostReset(req, res, cr, ctx); });
  PostPage(server, user + "/tokens", ctx, PostToken);
  PostPage(server, user + R"(/tokens/(\d{1,18})/revoke)", ctx,
           [ctx](auto& req, auto& res, auto& cr) { PostRevoke(req, res, cr, ctx); });
  const std::string own(kOwnPasswordPath);
  GetPage(server, own, ctx, [](auto& req, auto& res, auto& cr) { RenderOwnPassword(req, res, cr, "", 200); });
  PostPage(server, own, ctx, [ctx](auto& req, auto& res, auto& cr) { PostOwnPassword(req, res, cr, ctx); });
}

}  // namespace reunite::web
