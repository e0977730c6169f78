// Organisations, users, logins, sessions and API tokens.
//
// Passwords are stored as Argon2id hashes (libsodium crypto_pwhash_str, interactive
// limits); session and API tokens are 32 random bytes, base64url, of which only a
// SHA-256 hash is stored, so a copy of the database opens no session. Every
// account write (and every login, failed or not) is appended to the audit log.
//
// Login throttling (login_throttle.h): an attempt is counted before its password is
// checked, in one atomic step with the check of the limits, so parallel guesses
// cannot slip past them. Refused without checking the password (TooManyAttempts):
// a username with kMaxLoginFailures failures within kThrottleWindowSeconds, and an
// address with kMaxLoginFailuresPerAddress failures (any usernames) within the
// same window, until the oldest of those failures leaves the window. A successful
// login forgives the username's failures, not the address's. A wrong current
// password in ChangeOwnPassword counts as a failed login. Password hashes run at
// most kMaxConcurrentPasswordHashes at a time (password_gate.h): Unavailable when
// the queue is full.
//
// Sessions end after kSessionIdleSeconds without use or kSessionMaxSeconds after
// login, whichever comes first; both are read from the Clock. A changed password,
// role or team, a reset password and a deactivation end the user's sessions.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/principal.h"
#include "common/clock.h"
#include "common/status.h"
#include "store/database.h"

namespace reunite {

inline constexpr int kMaxLoginFailures = 5;
// Several people may sign in from one office's address, so it is allowed more.
inline constexpr int kMaxLoginFailuresPerAddress = 20;
inline constexpr long long kThrottleWindowSeconds = 15 * 60;
inline constexpr long long kSessionIdleSeconds = 30 * 60;
// How stale a session's last-seen time may get before a request refreshes it.
inline constexpr long long kSessionTouchSeconds = 60;
inline constexpr long long kSessionMaxSeconds = 12 * 60 * 60;
inline constexpr size_t kMinPasswordLength = 12;
// API tokens expire this many days after creation unless asked otherwise; 0 asks
// for a token that never expires. At most kMaxTokenExpiryDays.
inline constexpr int kDefaultTokenExpiryDays = 90;
inline constexpr int kMaxTokenExpiryDays = 3650;

struct NewUser {
  std::string username;  // letters, digits, '.', '_', '-', '@'; 1..64 characters
  std::string org;       // an existing organisation's name
  UserRole role = UserRole::kCaseWorker;
  std::string password;  // at least kMinPasswordLength characters (bytes)
  std::string team;      // field team; "" none (a field searcher without a team sees nothing)
  std::string language = "en";  // "en" or "es": the language of the pages
};

struct UserInfo {
  std::int64_t id = 0;
  std::string username, org;
  UserRole role = UserRole::kCaseWorker;
  std::string team, language;
  bool active = true;
  bool must_change_password = false;  // an admin reset it; the user sets their own at next sign-in
  std::string created_at;
};

// A change of a user's role or team; what is left out stays.
struct UserChange {
  std::optional<UserRole> role;
  std::optional<std::string> team;
};

struct Session {
  std::string token;       // the cookie value; shown once, only its hash is stored
  std::string csrf_token;  // put in every form, checked with CsrfMatches
  std::string expires_at;  // the absolute expiry (ISO); idle expiry may come first
  Principal principal;
};

struct ApiToken {
  std::int64_t id = 0;
  std::string token;       // shown once; only its hash is stored
  std::string expires_at;  // ISO; "" never
};

struct ApiTokenInfo {
  std::int64_t id = 0;
  std::string username, name, created_at;
  std::string expires_at;  // "" never
  std::string revoked_at;  // "" not revoked
  std::string state;       // "active", "expired" or "revoked", as of the clock's now
};

class Accounts {
 public:
  explicit Accounts(Database& db, Clock& clock = DefaultClock()) : db_(db), clock_(clock) {}

  // Admin operations: PermissionDenied unless `by` may manage users.
  // AlreadyExists for a repeated name; InvalidArgument for a bad name.
  Result<std::int64_t> CreateOrganisation(const Principal& by, const std::string& name);
  // InvalidArgument: short password, bad username, language or team; NotFound: no
  // such organisation; AlreadyExists: the username is taken.
  Result<std::int64_t> CreateUser(const Principal& by, const NewUser& user);
  Result<std::vector<UserInfo>> ListUsers(const Principal& by);
  // One user by id; NotFound when there is none.
  Result<UserInfo> FindUser(const Principal& by, std::int64_t user_id);
  // Changes the role and/or the team, and ends the user's sessions, so that no page
  // or form opened under the old role lives on (API tokens act under the new one
  // from their next request). InvalidArgument when neither is given or the team is
  // bad; Conflict for an admin changing their own role (another admin must).
  Status UpdateUser(const Principal& by, const std::string& username, const UserChange& change);
  // Deactivates (or reactivates) a user; a deactivated user cannot log in, their
  // sessions end and their tokens stop working. Conflict for one's own account.
  Status SetActive(const Principal& by, const std::string& username, bool active);
  // Sets a temporary password the user must replace at their next sign-in (until
  // then they may do nothing else), ends their sessions and forgives the username's
  // failed logins. Same rules as at creation. API tokens keep working: revoke them
  // when the account may be compromised.
  Status ResetPassword(const Principal& by, const std::string& username, const std::string& temporary);

  // Logs in from `remote` (IP address). Unauthenticated for a wrong password, an
  // unknown or deactivated user (one message for all, and an unknown user costs a
  // hash too, so neither the message nor the time tells them apart);
  // TooManyAttempts when throttled; Unavailable when too many passwords are being
  // checked at once.
  Result<Session> Login(const std::string& username, const std::string& password, const std::string& remote);
  // The user changes their own password, proving it with the current one (checked
  // and throttled as a login: a wrong one is a failed login, Unauthenticated). The
  // replacement follows the creation rules and must differ from the current one.
  // Ends every session of the user but the one whose CSRF token is `keep_csrf`
  // ("" ends them all), and lifts a reset's must-change mark.
  Status ChangeOwnPassword(const std::string& username, const std::string& current, const std::string& replacement,
                           const std::string& remote, const std::string& keep_csrf = "");
  // The principal of a session cookie, refreshing its idle timer; Unauthenticated
  // when unknown, expired (the session is then deleted) or the user deactivated.
  // `remote` is recorded in the principal for the audit log.
  Result<Principal> Authenticate(const std::string& session_token, const std::string& remote);
  // Ends the session (no error when it is already gone).
  Status Logout(const std::string& session_token);

  // A token for an integration acting as `username` (admins, or the user themself),
  // expiring `expires_days` days from now (0: never; at most kMaxTokenExpiryDays).
  Result<ApiToken> CreateApiToken(const Principal& by, const std::string& username, const std::string& name,
                                  int expires_days = kDefaultTokenExpiryDays);
  // Every token (admins), or those of `username` only (admins, or the user themself),
  // newest first. Never the secret.
  Result<std::vector<ApiTokenInfo>> ListApiTokens(const Principal& by, const std::string& username = "");
  // Unauthenticated when unknown, revoked, expired, or the user is deactivated;
  // each refusal is audited ("token_refused").
  Result<Principal> AuthenticateToken(const std::string& token, const std::string& remote);
  // Admins, or the token's owner. NotFound when there is no such token.
  Status RevokeToken(const Principal& by, std::int64_t token_id);

 private:
  Database& db_;
  Clock& clock_;
};

}  // namespace reunite
