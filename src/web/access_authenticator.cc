#include "web/access_authenticator.h"

#include "access/accounts.h"
#include "access/policy.h"

namespace reunite::web {
namespace {

Principal FromAccess(reunite::Principal who) {
  Principal p;
  p.username = who.username;
  p.display_name = who.username;
  p.who = std::move(who);
  return p;
}

}  // namespace

LoginResult AccessAuthenticator::Login(std::string_view username, std::string_view password,
                                       const RemoteInfo& remote) {
  auto db = pool_.Acquire();
  auto session = Accounts(*db, clock_).Login(std::string(username), std::string(password), remote.address);
  LoginResult result;
  if (session.ok()) {
    result.outcome = LoginResult::Outcome::kOk;
    result.session_token = session->token;
    result.max_age = std::chrono::seconds(0);  // a browser-session cookie; the server expires it
    return result;
  }
  switch (session.status().code()) {
    case StatusCode::kUnauthenticated: result.outcome = LoginResult::Outcome::kInvalidCredentials; break;
    case StatusCode::kTooManyAttempts: result.outcome = LoginResult::Outcome::kLockedOut; break;
    default: result.outcome = LoginResult::Outcome::kUnavailable; break;
  }
  return result;
}

std::optional<Principal> AccessAuthenticator::CheckSession(std::string_view session_token, const RemoteInfo& remote) {
  auto db = pool_.Acquire();
  auto who = Accounts(*db, clock_).Authenticate(std::string(session_token), remote.address);
  if (!who.ok()) return std::nullopt;
  return FromAccess(std::move(*who));
}

std::optional<Principal> AccessAuthenticator::CheckToken(std::string_view token, const RemoteInfo& remote) {
  auto db = pool_.Acquire();
  auto who = Accounts(*db, clock_).AuthenticateToken(std::string(token), remote.address);
  if (!who.ok()) return std::nullopt;
  return FromAccess(std::move(*who));
}

void AccessAuthenticator::Logout(std::string_view session_token) {
  auto db = pool_.Acquire();
  (void)Accounts(*db, clock_).Logout(std::string(session_token));
}

bool AccessAuthenticator::Allowed(const Principal& principal, std::string_view action) {
  for (Action a : {Action::kReadPeople, Action::kReadFamilies, Action::kWriteCase, Action::kReviewMatches,
                   Action::kImportLists, Action::kAssignFamilies, Action::kSetProtection, Action::kManageUsers,
                   Action::kReadAudit, Action::kReadReports}) {
    if (ToString(a) == action) return reunite::Allowed(principal.who, a);
  }
  return false;
}

}  // namespace reunite::web
