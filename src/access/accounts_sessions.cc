// Logins, sessions and a user's own password change (accounts.h); API tokens are in
// accounts_tokens.cc, the login throttle in login_throttle.cc.
#include "access/accounts.h"
#include "access/accounts_internal.h"
#include "access/login_throttle.h"
#include "store/storage_guard.h"

namespace reunite {

using namespace access_internal;

namespace {

constexpr const char* kLoginRefused = "wrong username or password";

}  // namespace

Result<Session> Accounts::Login(const std::string& username, const std::string& password,
                                const std::string& remote) {
  return GuardStorage("login", [&]() -> Result<Session> {
    soci::session& sql = db_.session();
    const std::string now = clock_.NowIso();
    const LoginAttempt attempt = ReserveLoginAttempt(db_, username, remote, now);
    if (attempt.verdict != Throttle::kAllowed) {
      // Refused without looking at the password, so guessing on stops counting.
      const char* which = attempt.verdict == Throttle::kAccount ? "username" : "address";
      (void)AppendAuditEntry(db_, clock_, Event(username, "", remote, "login_throttled", which));
      return Status::TooManyAttempts(ThrottleMessage(attempt.verdict, username));
    }
    std::optional<UserRow> user = LoadUser(sql, username);
    // Unknown users cost a hash as well, so timing does not reveal who exists.
    Result<bool> verified = VerifyPassword(user ? user->password_hash : DummyHash(), password);
    if (!verified.ok()) {
      CancelLoginAttempt(sql, attempt.key);  // never checked: not a failure
      (void)AppendAuditEntry(db_, clock_, Event(username, "", remote, "login_busy"));
      return verified.status();
    }
    if (!user || !user->active || !*verified) {  // the counted attempt stays: it is the failure
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
    ForgiveLoginAttempt(sql, username, attempt.key);
    sql << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at, remote) "
           "VALUES (:h, :u, :c, :at, :exp, :seen, :r)",
        soci::use(hash), soci::use(user->id), soci::use(session.csrf_token), soci::use(now),
        soci::use(session.expires_at), soci::use(now), soci::use(remote);
    session.principal = user->principal;
    session.principal.remote = remote;
    session.principal.csrf_token = session.csrf_token;
    const std::string detail = user->principal.must_change_password ? "must change password" : "";
    if (Status s = AppendAudit(db_, clock_, session.principal, "login", "user", user->id, detail); !s.ok()) return s;
    tx.commit();
    return session;
  });
}

Status Accounts::ChangeOwnPassword(const std::string& username, const std::string& current,
                                   const std::string& replacement, const std::string& remote,
                                   const std::string& keep_csrf) {
  if (Status s = CheckNewPassword(replacement); !s.ok()) return s;
  if (replacement == current) return Status::InvalidArgument("password: the new password must differ from the current one");
  return GuardStorage("change password", [&]() -> Status {
    soci::session& sql = db_.session();
    const LoginAttempt attempt = ReserveLoginAttempt(db_, username, remote, clock_.NowIso());
    if (attempt.verdict != Throttle::kAllowed) {
      (void)AppendAuditEntry(db_, clock_, Event(username, "", remote, "login_throttled", "password change"));
      return Status::TooManyAttempts(ThrottleMessage(attempt.verdict, username));
    }
    std::optional<UserRow> user = LoadUser(sql, username);
    Result<bool> verified = VerifyPassword(user ? user->password_hash : DummyHash(), current);
    if (!verified.ok()) {
      CancelLoginAttempt(sql, attempt.key);
      return verified.status();
    }
    if (!user || !user->active || !*verified) {  // counted as a failed login
      (void)AppendAuditEntry(db_, clock_, Event(username, user ? ToString(user->principal.role) : "", remote,
                                                "change_password_failed", "wrong current password"));
      return Status::Unauthenticated("current_password: the current password is not right");
    }
    Result<std::string> hash = HashPassword(replacement);
    if (!hash.ok()) {
      CancelLoginAttempt(sql, attempt.key);
      return hash.status();
    }
    soci::transaction tx(sql);
    ForgiveLoginAttempt(sql, username, attempt.key);
    sql << "UPDATE users SET password_hash = :h, must_change_password = 0 WHERE id = :id", soci::use(*hash),
        soci::use(user->id);
    // Whoever else holds a session opened with the old password is signed out.
    sql << "DELETE FROM sessions WHERE user_id = :id AND csrf_token <> :keep", soci::use(user->id),
        soci::use(keep_csrf);
    Principal who = user->principal;
    who.remote = remote;
    if (Status s = AppendAudit(db_, clock_, who, "change_password", "user", user->id, username); !s.ok()) return s;
    tx.commit();
    return Status::Ok();
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

}  // namespace reunite
