// The JSON API's administration: users, their role, team, activation and password
// reset (admins, through Accounts, which checks the role and audits) and the audit
// log (admins and auditors, through CaseAccess::ListAudit).
#include "access/accounts.h"
#include "web/api_internal.h"
#include "web/http_util.h"

namespace reunite::web::api {
namespace {

Json UserJson(const UserInfo& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"org", u.org},
          {"role", ToString(u.role)},
          {"team", u.team},
          {"language", u.language},
          {"active", u.active},
          {"must_change_password", u.must_change_password},
          {"created_at", u.created_at}};
}

// Runs `change(accounts, user)` on the user of the path ({id}) as the signed-in
// admin (Accounts checks the role), answers the user as changed, and has the
// server forget credentials it remembered, so the change holds from the next request.
void ChangeUser(const Request& req, Response& res, const RouteContext& ctx,
                const std::function<Status(Accounts&, const reunite::Principal&, const UserInfo&)>& change) {
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    Accounts accounts = cr.services.accounts();
    const reunite::Principal& by = cr.access.principal();
    auto user = accounts.FindUser(by, PathId(req));
    if (!user.ok()) return SendStatusError(res, user.status());
    if (Status s = change(accounts, by, *user); !s.ok()) return SendStatusError(res, s);
    ctx.auth->AccountsChanged();
    auto changed = accounts.FindUser(by, user->id);
    if (!changed.ok()) return SendStatusError(res, changed.status());
    SendJson(res, UserJson(*changed));
  });
}

void GetUser(const Request& req, Response& res, const RouteContext& ctx) {
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    auto user = cr.services.accounts().FindUser(cr.access.principal(), PathId(req));
    if (!user.ok()) return SendStatusError(res, user.status());
    SendJson(res, UserJson(*user));
  });
}

// PUT /api/users/{id} {"role"?, "team"?}: what is left out stays; the user's sessions end.
void PutUser(const Request& req, Response& res, const RouteContext& ctx) {
  auto body = BodyObject(req, res);
  std::optional<std::string> role_name, team;
  if (!body || !StringMember(*body, res, "role", role_name) || !StringMember(*body, res, "team", team)) return;
  UserChange change;
  change.team = team;
  if (role_name) {
    change.role = UserRoleFromString(*role_name);
    if (!change.role) return SendJsonError(res, 400, "bad_request", "role: unknown role '" + *role_name + "'");
  }
  ChangeUser(req, res, ctx, [&](Accounts& accounts, const reunite::Principal& by, const UserInfo& user) {
    return accounts.UpdateUser(by, user.username, change);
  });
}

void Deactivate(const Request& req, Response& res, const RouteContext& ctx) {
  ChangeUser(req, res, ctx, [](Accounts& accounts, const reunite::Principal& by, const UserInfo& user) {
    return accounts.SetActive(by, user.username, false);
  });
}

void Reactivate(const Request& req, Response& res, const RouteContext& ctx) {
  ChangeUser(req, res, ctx, [](Accounts& accounts, const reunite::Principal& by, const UserInfo& user) {
    return accounts.SetActive(by, user.username, true);
  });
}

// POST /api/users/{id}/reset-password {"password"}: a temporary password the user
// must replace at their next sign-in.
void ResetPassword(const Request& req, Response& res, const RouteContext& ctx) {
  auto body = BodyObject(req, res);
  std::optional<std::string> password;
  if (!body || !StringMember(*body, res, "password", password)) return;
  if (!password) return SendJsonError(res, 400, "bad_request", "password is required");
  ChangeUser(req, res, ctx, [&](Accounts& accounts, const reunite::Principal& by, const UserInfo& user) {
    return accounts.ResetPassword(by, user.username, *password);
  });
}

void ListUsers(const Request& req, Response& res, const RouteContext& ctx) {
  auto paging = ParsePaging(req, res);
  if (!paging) return;
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    auto users = cr.services.accounts().ListUsers(cr.access.principal());
    if (!users.ok()) return SendStatusError(res, users.status());
    Json all = Json::array();
    for (const UserInfo& u : *users) all.push_back(UserJson(u));
    SendJson(res, PageJson(Slice(all, *paging), static_cast<long>(all.size()), *paging));
  });
}

// {"username", "org", "role", "password", "team", "language"}; sends 400 for a bad value.
std::optional<NewUser> ParseNewUser(const Json& body, Response& res) {
  if (!body.value("username", Json()).is_string() || !body.value("password", Json()).is_string() ||
      !body.value("org", Json()).is_string() || !body.value("role", Json()).is_string())
    return SendJsonError(res, 400, "bad_request", "username, password, org and role are required"), std::nullopt;
  NewUser u;
  u.username = body["username"].get<std::string>();
  u.password = body["password"].get<std::string>();
  u.org = body["org"].get<std::string>();
  auto role = UserRoleFromString(body["role"].get<std::string>());
  if (!role) return SendJsonError(res, 400, "bad_request", "unknown role"), std::nullopt;
  u.role = *role;
  u.team = body.value("team", std::string());
  u.language = body.value("language", std::string("en"));
  return u;
}

void CreateUser(const Request& req, Response& res, const RouteContext& ctx) {
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    auto body = BodyObject(req, res);
    if (!body) return;
    std::optional<NewUser> user;
    try {
      user = ParseNewUser(*body, res);
    } catch (const Json::type_error&) {
      // The library's text names its own internals; the user gets the catalog's.
      return SendLocalizedError(req, res, 400, "error.bad_field");
    }
    if (!user) return;
    auto id = cr.services.accounts().CreateUser(cr.access.principal(), *user);
    if (!id.ok()) return SendStatusError(res, id.status());
    SendJson(res, {{"id", *id}, {"username", user->username}}, 201);
  });
}

std::optional<AuditQuery> ParseAuditQuery(const Request& req, Response& res) {
  auto paging = ParsePaging(req, res);
  if (!paging) return std::nullopt;
  AuditQuery q;
  q.limit = paging->limit;
  q.offset = paging->offset;
  q.actor = req.get_param_value("actor");
  q.action = req.get_param_value("action");
  q.entity = req.get_param_value("entity");
  q.since = req.get_param_value("since");
  q.until = req.get_param_value("until");
  return q;
}

void ListAudit(const Request& req, Response& res, const RouteContext& ctx) {
  auto query = ParseAuditQuery(req, res);
  if (!query) return;
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    auto entries = cr.access.ListAudit(*query);  // checks the role
    if (!entries.ok()) return SendStatusError(res, entries.status());
    auto total = cr.access.CountAudit(*query);
    if (!total.ok()) return SendStatusError(res, total.status());
    Json items = Json::array();
    for (const AuditEntry& e : *entries) items.push_back(AuditJson(e));
    SendJson(res, PageJson(std::move(items), *total, {query->limit, query->offset}));
  });
}

}  // namespace

std::vector<ApiRoute> AdminRoutes() {
  return {
      {"GET", "/api/users", ListUsers},
      {"POST", "/api/users", CreateUser},
      {"GET", "/api/users/{id}", GetUser},
      {"PUT", "/api/users/{id}", PutUser},
      {"POST", "/api/users/{id}/deactivate", Deactivate},
      {"POST", "/api/users/{id}/reactivate", Reactivate},
      {"POST", "/api/users/{id}/reset-password", ResetPassword},
      {"GET", "/api/audit", ListAudit},
  };
}

}  // namespace reunite::web::api
