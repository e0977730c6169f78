// Organisations, users, logins, sessions and API tokens.
//
// Passwords are stored as Argon2id hashes (libsodium crypto_pwhash_str, interactive
// limits); session and API tokens are 32 random bytes, base64url, of which only a
// SHA-256 hash is stored, so a copy of the database opens no session. Every
// account write (and every login, failed or not) is appended to the audit log.
//
// Login throttling: after kMaxLoginFailures failed logins of one username within
// kThrottleWindowSeconds, Login refuses that username with TooManyAttempts (without
// checking the password) until the oldest of those failures leaves the window.
// Sessions end after kSessionIdleSeconds without use or kSessionMaxSeconds after
// login, whichever comes first; both are read from the Clock.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "access/principal.h"
#include "common/clock.h"
#include "common/status.h"
#include "store/database.h"

namespace reunite {

inline constexpr int kMaxLoginFailures = 5;
inline constexpr long long kThrottleWindowSeconds = 15 * 60;
inline constexpr long long kSessionIdleSeconds = 30 * 60;
// How stale a session's last-seen time may get before a request refreshes it.
inline constexpr long long kSessionTouchSeconds = 60;
inline constexpr long long kSessionMaxSeconds = 12 * 60 * 60;
inline constexpr size_t kMinPasswordLength = 12;

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
  std::string created_at;
};

struct Session {
  std::string token;       // the cookie value; shown once, only its hash is stored
  std::string csrf_token;  // put in every form, checked with CsrfMatches
  std::string expires_at;  // the absolute expiry (ISO); idle expiry may come first
  Principal principal;
};

struct ApiToken {
  std::int64_t id = 0;
  std::string token;  // shown once; only its hash is stored
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
  // Allowed to admins and to the user themself. Ends the user's sessions.
  Status SetPassword(const Principal& by, const std::string& username, const std::string& password);
  // Deactivates (or reactivates) a user; a deactivated user cannot log in and
  // their sessions and tokens stop working. Admins only.
  Status SetActive(const Principal& by, const std::string& username, bool active);

  // Logs in from `remote` (IP address). Unauthenticated for a wrong password, an
  // unknown or deactivated user (one message for all, and an unknown user costs a
  // hash too, so neither the message nor the time tells them apart);
  // TooManyAttempts when throttled.
  Result<Session> Login(const std::string& username, const std::string& password, const std::string& remote);
  // The principal of a session cookie, refreshing its idle timer; Unauthenticated
  // when unknown, expired (the session is then deleted) or the user deactivated.
  // `remote` is recorded in the principal for the audit log.
  Result<Principal> Authenticate(const std::string& session_token, const std::string& remote);
  // Ends the session (no error when it is already gone).
  Status Logout(const std::string& session_token);

  // A token for an integration acting as `username` (admins, or the user themself).
  Result<ApiToken> CreateApiToken(const Principal& by, const std::string& username, const std::string& name);
  // Unauthenticated when unknown, revoked, or the user is deactivated.
  Result<Principal> AuthenticateToken(const std::string& token, const std::string& remote);
  // Admins, or the token's owner. NotFound when there is no such token.
  Status RevokeToken(const Principal& by, std::int64_t token_id);

 private:
  Database& db_;
  Clock& clock_;
};

}  // namespace reunite
