// The Authenticator of the web front end, answered by the accounts library
// (access/accounts.h) on connections leased from the server's pool.
//
// Verified sessions and API tokens are remembered for kVerifiedFor: a request is
// checked twice (the /api/ gate, then the route) and a busy client sends hundreds
// a second, and each check costs a hash and two queries on a pooled connection.
// So a token revoked, a session expired or an account deactivated by another
// process is refused within kVerifiedFor; a logout or an account change through
// this server (AccountsChanged) at once.
#pragma once
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "common/clock.h"
#include "store/database_pool.h"
#include "web/auth_seam.h"

namespace reunite::web {

class AccessAuthenticator final : public Authenticator {
 public:
  static constexpr std::chrono::milliseconds kVerifiedFor{1000};

  AccessAuthenticator(DatabasePool& pool, Clock& clock = DefaultClock()) : pool_(pool), clock_(clock) {}

  LoginResult Login(std::string_view username, std::string_view password, const RemoteInfo& remote) override;
  std::optional<Principal> CheckSession(std::string_view session_token, const RemoteInfo& remote) override;
  // An API token ("Authorization: Bearer rnt_..."), for integrations.
  std::optional<Principal> CheckToken(std::string_view token, const RemoteInfo& remote) override;
  void Logout(std::string_view session_token) override;
  void AccountsChanged() override;
  // Actions are access/policy.h's names: "read_people", "review_matches", ...
  bool Allowed(const Principal& principal, std::string_view action) override;

 private:
  using Steady = std::chrono::steady_clock;
  struct Verified {
    Principal principal;
    Steady::time_point until;
  };
  // `key` is "s" or "t" (session or token) and the credential itself.
  std::optional<Principal> Remembered(const std::string& key, const RemoteInfo& remote);
  void Remember(const std::string& key, const Principal& principal, std::uint64_t forgets);
  std::uint64_t Forgets();

  DatabasePool& pool_;
  Clock& clock_;
  std::mutex verified_mutex_;
  std::unordered_map<std::string, Verified> verified_;
  std::uint64_t forgets_ = 0;  // logouts and account changes so far
};

}  // namespace reunite::web
