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
    case StatusCode::kUnavailable: result.outcome = LoginResult::Outcome::kBusy; break;
    default: result.outcome = LoginResult::Outcome::kUnavailable; break;
  }
  return result;
}

std::optional<Principal> AccessAuthenticator::Remembered(const std::string& key, const RemoteInfo& remote) {
  std::lock_guard lock(verified_mutex_);
  auto it = verified_.find(key);
  if (it == verified_.end()) return std::nullopt;
  if (Steady::now() >= it->second.until) {
    verified_.erase(it);
    return std::nullopt;
  }
  Principal p = it->second.principal;
  p.who.remote = remote.address;  // this request's peer, for the audit log
  return p;
}

std::uint64_t AccessAuthenticator::Forgets() {
  std::lock_guard lock(verified_mutex_);
  return forgets_;
}

void AccessAuthenticator::Remember(const std::string& key, const Principal& principal, std::uint64_t forgets) {
  std::lock_guard lock(verified_mutex_);
  // A logout or an account change since the check began may have ended this very
  // credential: not remembered.
  if (forgets != forgets_) return;
  // Bounded: past a few thousand live credentials, drop them all and verify afresh.
  if (verified_.size() >= 4096) verified_.clear();
  verified_[key] = {principal, Steady::now() + kVerifiedFor};
}

std::optional<Principal> AccessAuthenticator::CheckSession(std::string_view session_token, const RemoteInfo& remote) {
  const std::string key = "s" + std::string(session_token);
  if (auto p = Remembered(key, remote)) return p;
  const std::uint64_t forgets = Forgets();
  auto db = pool_.Acquire();
  auto who = Accounts(*db, clock_).Authenticate(std::string(session_token), remote.address);
  if (!who.ok()) return std::nullopt;
  Principal p = FromAccess(std::move(*who));
  Remember(key, p, forgets);
  return p;
}

std::optional<Principal> AccessAuthenticator::CheckToken(std::string_view token, const RemoteInfo& remote) {
  const std::string key = "t" + std::string(token);
  if (auto p = Remembered(key, remote)) return p;
  const std::uint64_t forgets = Forgets();
  auto db = pool_.Acquire();
  auto who = Accounts(*db, clock_).AuthenticateToken(std::string(token), remote.address);
  if (!who.ok()) return std::nullopt;
  Principal p = FromAccess(std::move(*who));
  Remember(key, p, forgets);
  return p;
}

void AccessAuthenticator::Logout(std::string_view session_token) {
  {
    auto db = pool_.Acquire();
    (void)Accounts(*db, clock_).Logout(std::string(session_token));
  }
  std::lock_guard lock(verified_mutex_);
  verified_.erase("s" + std::string(session_token));
  ++forgets_;
}

void AccessAuthenticator::AccountsChanged() {
  std::lock_guard lock(verified_mutex_);
  verified_.clear();
  ++forgets_;
}

bool AccessAuthenticator::Allowed(const Principal& principal, std::string_view action) {
  for (Action a : {Action::kReadPeople, Action::kReadFamilies, Action::kWriteCase, Action::kReviewMatches,
                   Action::kImportLists, Action::kAssignFamilies, Action::kSetProtection, Action::kManageUsers,
                   Action::kReadAudit, Action::kReadReports, Action::kRemoveProtection}) {
    if (ToString(a) == action) return reunite::Allowed(principal.who, a);
  }
  return false;
}

}  // namespace reunite::web
