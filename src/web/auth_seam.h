// The seam where accounts, sessions and authorisation plug into the web front end.
// The web layer only asks these questions; the accounts library (src/access) answers
// them. Until it is wired in, NoAccounts answers "no" to everything, so every gated
// route stays closed rather than open.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "access/principal.h"

namespace reunite::web {

// Who is asking, as far as the HTTP layer can tell; for rate limits and the audit trail.
struct RemoteInfo {
  std::string address;     // the client's IP (behind a trusted proxy, from X-Forwarded-For)
  std::string user_agent;  // as sent; may be empty
};

// A signed-in user, as the accounts library describes them to the front end; `who`
// is what the library's services (CaseAccess) act as.
struct Principal {
  std::string username;
  std::string display_name;
  reunite::Principal who;
};

struct LoginResult {
  enum class Outcome {
    kOk,                  // session_token is set
    kInvalidCredentials,  // wrong name or password; never says which
    kLockedOut,           // too many attempts; try later
    kBusy,                // too many passwords being checked at once; try again in a moment
    kUnavailable,         // no account store configured, or it failed
  };
  Outcome outcome = Outcome::kUnavailable;
  std::string session_token;            // opaque; the web layer puts it in an HttpOnly cookie
  std::chrono::seconds max_age{0};      // cookie lifetime; 0 = browser session
};

class Authenticator {
 public:
  virtual ~Authenticator() = default;

  // Checks a username and password and, if they are right, opens a session.
  virtual LoginResult Login(std::string_view username, std::string_view password,
                            const RemoteInfo& remote) = 0;

  // The user a session token belongs to, or nullopt if it is unknown, expired or revoked.
  virtual std::optional<Principal> CheckSession(std::string_view session_token,
                                                const RemoteInfo& remote) = 0;

  // The user an API token ("Authorization: Bearer ...") belongs to, for integrations.
  virtual std::optional<Principal> CheckToken(std::string_view /*token*/, const RemoteInfo& /*remote*/) {
    return std::nullopt;
  }

  // Ends a session; unknown tokens are ignored.
  virtual void Logout(std::string_view session_token) = 0;

  // Accounts changed (a user deactivated, a role changed, a password changed, a
  // token revoked): forget any credential remembered as verified, so the change
  // holds from the next request.
  virtual void AccountsChanged() {}

  // Whether the principal may perform an action (e.g. "families.read"); routes ask
  // before doing anything on the user's behalf.
  virtual bool Allowed(const Principal& principal, std::string_view action) = 0;
};

// The authenticator used until the accounts library exists: no one can sign in.
class NoAccounts final : public Authenticator {
 public:
  LoginResult Login(std::string_view, std::string_view, const RemoteInfo&) override {
    return {};
  }
  std::optional<Principal> CheckSession(std::string_view, const RemoteInfo&) override {
    return std::nullopt;
  }
  void Logout(std::string_view) override {}
  bool Allowed(const Principal&, std::string_view) override { return false; }
};

}  // namespace reunite::web
