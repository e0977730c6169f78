// The JSON API's API tokens (admins for every user; a user for their own) and
// one's own password, through Accounts, which checks the role and audits.
#include "access/accounts.h"
#include "web/api_internal.h"
#include "web/http_util.h"

namespace reunite::web::api {
namespace {

Json TokenJson(const ApiTokenInfo& t) {
  return {{"id", t.id},
          {"username", t.username},
          {"name", t.name},
          {"created_at", t.created_at},
          {"expires_at", t.expires_at.empty() ? Json() : Json(t.expires_at)},
          {"revoked_at", t.revoked_at.empty() ? Json() : Json(t.revoked_at)},
          {"state", t.state}};
}

// GET /api/tokens?user=NAME: every token (admins) or one user's, newest first.
void ListTokens(const Request& req, Response& res, const RouteContext& ctx) {
  auto paging = ParsePaging(req, res);
  if (!paging) return;
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    auto tokens = cr.services.accounts().ListApiTokens(cr.access.principal(), req.get_param_value("user"));
    if (!tokens.ok()) return SendStatusError(res, tokens.status());
    Json all = Json::array();
    for (const ApiTokenInfo& t : *tokens) all.push_back(TokenJson(t));
    SendJson(res, PageJson(Slice(all, *paging), static_cast<long>(all.size()), *paging));
  });
}

// POST /api/tokens {"user", "name", "expires_days"?}: the token, shown this once.
void CreateToken(const Request& req, Response& res, const RouteContext& ctx) {
  auto body = BodyObject(req, res);
  std::optional<std::string> user, name;
  if (!body || !StringMember(*body, res, "user", user) || !StringMember(*body, res, "name", name)) return;
  if (!user || !name) return SendJsonError(res, 400, "bad_request", "user and name are required");
  int days = kDefaultTokenExpiryDays;
  if (body->contains("expires_days")) {
    const Json& d = (*body)["expires_days"];
    if (!d.is_number_integer() || d.get<long long>() < 0 || d.get<long long>() > kMaxTokenExpiryDays)
      return SendJsonError(res, 400, "bad_request",
                           "expires_days: 0 (never) to " + std::to_string(kMaxTokenExpiryDays));
    days = d.get<int>();
  }
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    auto token = cr.services.accounts().CreateApiToken(cr.access.principal(), *user, *name, days);
    if (!token.ok()) return SendStatusError(res, token.status());
    SendJson(res,
             {{"id", token->id},
              {"token", token->token},
              {"user", *user},
              {"name", *name},
              {"expires_at", token->expires_at.empty() ? Json() : Json(token->expires_at)}},
             201);
  });
}

void RevokeToken(const Request& req, Response& res, const RouteContext& ctx) {
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    if (Status s = cr.services.accounts().RevokeToken(cr.access.principal(), PathId(req)); !s.ok())
      return SendStatusError(res, s);
    ctx.auth->AccountsChanged();  // a remembered check of the token ends now
    SendJson(res, {{"id", PathId(req)}, {"state", "revoked"}});
  });
}

// POST /api/me/password {"current_password", "new_password"}: the signed-in user's
// own; their other sessions end, this one goes on.
void ChangeOwnPassword(const Request& req, Response& res, const RouteContext& ctx) {
  auto body = BodyObject(req, res);
  std::optional<std::string> current, replacement;
  if (!body || !StringMember(*body, res, "current_password", current) ||
      !StringMember(*body, res, "new_password", replacement))
    return;
  if (!current || !replacement)
    return SendJsonError(res, 400, "bad_request", "current_password and new_password are required");
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    const reunite::Principal& who = cr.user.who;
    Status s = cr.services.accounts().ChangeOwnPassword(who.username, *current, *replacement, who.remote, who.csrf_token);
    // A wrong current password is not a lost session: 403, not 401.
    if (s.code() == StatusCode::kUnauthenticated) return SendJsonError(res, 403, "wrong_password", s.message());
    if (!s.ok()) return SendStatusError(res, s);
    ctx.auth->AccountsChanged();
    SendJson(res, {{"status", "ok"}});
  });
}

}  // namespace

std::vector<ApiRoute> AccountRoutes() {
  return {
      {"GET", "/api/tokens", ListTokens},
      {"POST", "/api/tokens", CreateToken},
      {"POST", "/api/tokens/{id}/revoke", RevokeToken},
      {"POST", "/api/me/password", ChangeOwnPassword},
  };
}

}  // namespace reunite::web::api
