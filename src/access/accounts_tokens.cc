// API tokens (accounts.h): created with an expiry, listed, revoked; every refusal
// of one is audited.
#include "access/accounts.h"
#include "access/accounts_internal.h"
#include "store/storage_guard.h"

namespace reunite {

using namespace access_internal;

namespace {

std::string TokenState(const std::string& now, const std::string& expires_at, const std::string& revoked_at) {
  if (!revoked_at.empty()) return "revoked";
  if (!expires_at.empty() && now >= expires_at) return "expired";
  return "active";
}

}  // namespace

Result<ApiToken> Accounts::CreateApiToken(const Principal& by, const std::string& username, const std::string& name,
                                          int expires_days) {
  if (!Allowed(by, Action::kManageUsers) && !SelfService(by, username))
    return Deny(db_, clock_, by, "create API tokens for " + username);
  if (name.empty() || name.size() > 200) return Status::InvalidArgument("a token needs a name (up to 200 characters)");
  if (expires_days < 0 || expires_days > kMaxTokenExpiryDays)
    return Status::InvalidArgument("expires_days: 0 (never) to " + std::to_string(kMaxTokenExpiryDays));
  return GuardStorage("create api token", [&]() -> Result<ApiToken> {
    soci::session& sql = db_.session();
    soci::transaction tx(sql);
    std::optional<UserRow> user = LoadUser(sql, username);
    if (!user) return Status::NotFound("no user '" + username + "'");
    ApiToken token;
    // The prefix makes a leaked token recognisable (secret scanners, logs).
    token.token = "rnt_" + RandomToken();
    const std::string hash = HashToken(token.token), now = clock_.NowIso();
    token.expires_at = expires_days == 0 ? "" : Offset(now, expires_days * 24LL * 60 * 60);
    long long id = 0;
    sql << "INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at) "
           "VALUES (:u, :n, :h, :at, :exp) RETURNING id",
        soci::use(user->id), soci::use(name), soci::use(hash), soci::use(now), soci::use(token.expires_at),
        soci::into(id);
    token.id = id;
    const std::string detail =
        username + ": " + name + (token.expires_at.empty() ? " (never expires)" : " (expires " + token.expires_at + ")");
    if (Status s = AppendAudit(db_, clock_, by, "create_api_token", "api_token", id, detail); !s.ok()) return s;
    tx.commit();
    return token;
  });
}

Result<std::vector<ApiTokenInfo>> Accounts::ListApiTokens(const Principal& by, const std::string& username) {
  if (!Allowed(by, Action::kManageUsers) && !SelfService(by, username))
    return Deny(db_, clock_, by, "list API tokens" + (username.empty() ? "" : " of " + username));
  return GuardStorage("list api tokens", [&]() -> Result<std::vector<ApiTokenInfo>> {
    ApiTokenInfo t;
    long long id = 0;
    soci::statement st =
        (db_.session().prepare << "SELECT t.id, u.username, t.name, t.created_at, t.expires_at, t.revoked_at "
                                  "FROM api_tokens t JOIN users u ON u.id = t.user_id "
                                  "WHERE :u1 = '' OR u.username = :u2 ORDER BY t.id DESC",
         soci::into(id), soci::into(t.username), soci::into(t.name), soci::into(t.created_at),
         soci::into(t.expires_at), soci::into(t.revoked_at), soci::use(username), soci::use(username));
    const std::string now = clock_.NowIso();
    std::vector<ApiTokenInfo> out;
    for (st.execute(); st.fetch();) {
      t.id = id;
      t.state = TokenState(now, t.expires_at, t.revoked_at);
      out.push_back(t);
    }
    return out;
  });
}

Result<Principal> Accounts::AuthenticateToken(const std::string& token, const std::string& remote) {
  return GuardStorage("authenticate token", [&]() -> Result<Principal> {
    soci::session& sql = db_.session();
    const std::string hash = HashToken(token);
    long long id = 0, user_id = 0;
    std::string expires_at, revoked_at;
    sql << "SELECT id, user_id, expires_at, revoked_at FROM api_tokens WHERE token_hash = :h", soci::use(hash),
        soci::into(id), soci::into(user_id), soci::into(expires_at), soci::into(revoked_at);
    std::optional<UserRow> user = sql.got_data() ? LoadUser(sql, "", user_id) : std::nullopt;
    std::string why;  // the refusal, for the audit log and the caller
    if (!user) why = id ? "account gone" : "unknown API token";
    else if (TokenState(clock_.NowIso(), expires_at, revoked_at) != "active")
      why = "API token " + TokenState(clock_.NowIso(), expires_at, revoked_at);
    else if (!user->active) why = "account deactivated";
    if (!why.empty()) {
      AuditEntry e = Event(user ? user->principal.username : "", user ? ToString(user->principal.role) : "", remote,
                           "token_refused", why);
      e.entity = id ? "api_token" : "";
      e.entity_id = id;
      (void)AppendAuditEntry(db_, clock_, std::move(e));
      return Status::Unauthenticated(why);
    }
    Principal p = user->principal;
    p.remote = remote;
    return p;
  });
}

Status Accounts::RevokeToken(const Principal& by, std::int64_t token_id) {
  return GuardStorage("revoke api token", [&]() -> Status {
    soci::session& sql = db_.session();
    long long id = token_id, user_id = 0;
    std::string revoked_at, name;
    sql << "SELECT user_id, revoked_at, name FROM api_tokens WHERE id = :id", soci::use(id), soci::into(user_id),
        soci::into(revoked_at), soci::into(name);
    if (!sql.got_data()) return Status::NotFound("no API token " + std::to_string(token_id));
    std::optional<UserRow> owner = LoadUser(sql, "", user_id);
    const std::string username = owner ? owner->principal.username : "";
    if (!Allowed(by, Action::kManageUsers) && !(owner && SelfService(by, username)))
      return Deny(db_, clock_, by, "revoke API token " + std::to_string(token_id));
    if (!revoked_at.empty()) return Status::Ok();
    soci::transaction tx(sql);
    const std::string now = clock_.NowIso();
    sql << "UPDATE api_tokens SET revoked_at = :at WHERE id = :id", soci::use(now), soci::use(id);
    if (Status s = AppendAudit(db_, clock_, by, "revoke_api_token", "api_token", id, username + ": " + name); !s.ok())
      return s;
    tx.commit();
    return Status::Ok();
  });
}

}  // namespace reunite
