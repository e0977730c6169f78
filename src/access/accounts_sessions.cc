// Logins, sessions and API tokens (accounts.h).
#include "access/accounts.h"
#include "access/accounts_internal.h"
#include "store/storage_guard.h"

namespace reunite {

using namespace access_internal;

namespace {

constexpr const char* kLoginRefused = "wrong username or password";

long long RecentFailures(soci::session& sql, const std::string& username, const std::string& since) {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM login_failures WHERE username = :u AND at >= :since", soci::use(username),
      soci::use(since), soci::into(n);
  return n;
}

}  // namespace

Result<Session> Accounts::Login(const std::string& username, const std::string& password,
                                const std::string& remote) {
  return GuardStorage("login", [&]() -> Result<Session> {
    soci::session& sql = db_.session();
    const std::string now = clock_.NowIso();
    if (RecentFailures(sql, username, Offset(now, -kThrottleWindowSeconds)) >= kMaxLoginFailures) {
      // Refused without looking at the password, so guessing on stops counting.
      (void)AppendAuditEntry(db_, clock_, Event(username, "", remote, "login_throttled"));
      return Status::TooManyAttempts("too many failed logins for '" + username + "'; try again in " +
                                     std::to_string(kThrottleWindowSeconds / 60) + " minutes");
    }
    std::optional<UserRow> user = LoadUser(sql, username);
    // Unknown users cost a hash as well, so timing does not reveal who exists.
    const bool verified = VerifyPassword(user ? user->password_hash : DummyHash(), password);
    if (!user || !user->active || !verified) {
      sql << "INSERT INTO login_failures (username, at, remote) VALUES (:u, :at, :r)", soci::use(username),
          soci::use(now), soci::use(remote);
      (void)AppendAuditEntry(db_, clock_, Event(username, user ? ToString(user->principal.role) : "", remote,
                                                "login_failed", user ? "" : "unknown user"));
      return Status::Unauthenticated(kLoginRefused);
    }
    Session session;
    session.token = RandomToken();
    session.csrf_token = RandomToken();
    session.expires_at = Offset(now, kSessionMaxSeconds);
    const std::string hash = HashToken(session.token);
    soci::transaction tx(sql);
    sql << "DELETE FROM login_failures WHERE username = :u", soci::use(username);
    sql << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at, remote) "
           "VALUES (:h, :u, :c, :at, :exp, :seen, :r)",
        soci::use(hash), soci::use(user->id), soci::use(session.csrf_token), soci::use(now),
        soci::use(session.expires_at), soci::use(now), soci::use(remote);
    session.principal = user->principal;
    session.principal.remote = remote;
    session.principal.csrf_token = session.csrf_token;
    if (Status s = AppendAudit(db_, clock_, session.principal, "login", "user", user->id, ""); !s.ok()) return s;
    tx.commit();
    return session;
  });
}

Result<Principal> Accounts::Authenticate(const std::string& session_token, const std::string& remote) {
  return GuardStorage("authenticate", [&]() -> Result<Principal> {
    soci::session& sql = db_.session();
    const std::string hash = HashToken(session_token);
    long long id = 0, user_id = 0;
    std::string csrf, expires_at, last_seen;
    sql << "SELECT id, user_id, csrf_token, expires_at, last_seen_at FROM sessions WHERE token_hash = :h",
        soci::use(hash), soci::into(id), soci::into(user_id), soci::into(csrf), soci::into(expires_at),
        soci::into(last_seen);
    if (!sql.got_data()) return Status::Unauthenticated("not logged in (no such session)");
    const std::string now = clock_.NowIso();
    if (now >= expires_at || now >= Offset(last_seen, kSessionIdleSeconds)) {
      sql << "DELETE FROM sessions WHERE id = :id", soci::use(id);
      return Status::Unauthenticated("session expired; log in again");
    }
    std::optional<UserRow> user = LoadUser(sql, "", user_id);
    if (!user || !user->active) return Status::Unauthenticated("account deactivated");
    // The idle timer moves in steps of a minute: a write on every request would
    // serialise a busy server on the database's write lock for no gain.
    if (now >= Offset(last_seen, kSessionTouchSeconds)) {
      sql << "UPDATE sessions SET last_seen_at = :now WHERE id = :id", soci::use(now), soci::use(id);
    }
    Principal p = user->principal;
    p.remote = remote;
    p.csrf_token = csrf;
    return p;
  });
}

Status Accounts::Logout(const std::string& session_token) {
  return GuardStorage("logout", [&]() -> Status {
    soci::session& sql = db_.session();
    const std::string hash = HashToken(session_token);
    long long user_id = 0;
    std::string remote;
    sql << "SELECT user_id, remote FROM sessions WHERE token_hash = :h", soci::use(hash), soci::into(user_id),
        soci::into(remote);
    if (!sql.got_data()) return Status::Ok();
    soci::transaction tx(sql);
    sql << "DELETE FROM sessions WHERE token_hash = :h", soci::use(hash);
    if (std::optional<UserRow> user = LoadUser(sql, "", user_id)) {
      user->principal.remote = remote;
      if (Status s = AppendAudit(db_, clock_, user->principal, "logout", "user", user_id, ""); !s.ok()) return s;
    }
    tx.commit();
    return Status::Ok();
  });
}

Result<ApiToken> Accounts::CreateApiToken(const Principal& by, const std::string& username,
                                          const std::string& name) {
  if (!Allowed(by, Action::kManageUsers) && by.username != username)
    return Deny(db_, clock_, by, "create API tokens for " + username);
  if (name.empty() || name.size() > 200) return Status::InvalidArgument("a token needs a name (up to 200 characters)");
  return GuardStorage("create api token", [&]() -> Result<ApiToken> {
    soci::session& sql = db_.session();
    soci::transaction tx(sql);
    std::optional<UserRow> user = LoadUser(sql, username);
    if (!user) return Status::NotFound("no user '" + username + "'");
    ApiToken token;
    // The prefix makes a leaked token recognisable (secret scanners, logs).
    token.token = "rnt_" + RandomToken();
    const std::string hash = HashToken(token.token), now = clock_.NowIso();
    long long id = 0;
    sql << "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (:u, :n, :h, :at) RETURNING id",
        soci::use(user->id), soci::use(name), soci::use(hash), soci::use(now), soci::into(id);
    token.id = id;
    if (Status s = AppendAudit(db_, clock_, by, "create_api_token", "api_token", id, username + ": " + name);
        !s.ok())
      return s;
    tx.commit();
    return token;
  });
}

Result<Principal> Accounts::AuthenticateToken(const std::string& token, const std::string& remote) {
  return GuardStorage("authenticate token", [&]() -> Result<Principal> {
    soci::session& sql = db_.session();
    const std::string hash = HashToken(token);
    long long user_id = 0;
    std::string revoked_at;
    sql << "SELECT user_id, revoked_at FROM api_tokens WHERE token_hash = :h", soci::use(hash),
        soci::into(user_id), soci::into(revoked_at);
    if (!sql.got_data()) return Status::Unauthenticated("unknown API token");
    if (!revoked_at.empty()) return Status::Unauthenticated("API token revoked");
    std::optional<UserRow> user = LoadUser(sql, "", user_id);
    if (!user || !user->active) return Status::Unauthenticated("account deactivated");
    Principal p = user->principal;
    p.remote = remote;
    return p;
  });
}

Status Accounts::RevokeToken(const Principal& by, std::int64_t token_id) {
  return GuardStorage("revoke api token", [&]() -> Status {
    soci::session& sql = db_.session();
    long long id = token_id, user_id = 0;
    std::string revoked_at;
    sql << "SELECT user_id, revoked_at FROM api_tokens WHERE id = :id", soci::use(id), soci::into(user_id),
        soci::into(revoked_at);
    if (!sql.got_data()) return Status::NotFound("no API token " + std::to_string(token_id));
    if (!Allowed(by, Action::kManageUsers) && by.user_id != user_id)
      return Deny(db_, clock_, by, "revoke API token " + std::to_string(token_id));
    if (!revoked_at.empty()) return Status::Ok();
    soci::transaction tx(sql);
    const std::string now = clock_.NowIso();
    sql << "UPDATE api_tokens SET revoked_at = :at WHERE id = :id", soci::use(now), soci::use(id);
    if (Status s = AppendAudit(db_, clock_, by, "revoke_api_token", "api_token", id, ""); !s.ok()) return s;
    tx.commit();
    return Status::Ok();
  });
}

}  // namespace reunite
