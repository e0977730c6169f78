// The Authenticator of the web front end, answered by the accounts library
// (access/accounts.h) on connections leased from the server's pool.
#pragma once
#include "common/clock.h"
#include "store/database_pool.h"
#include "web/auth_seam.h"

namespace reunite::web {

class AccessAuthenticator final : public Authenticator {
 public:
  AccessAuthenticator(DatabasePool& pool, Clock& clock = DefaultClock()) : pool_(pool), clock_(clock) {}

  LoginResult Login(std::string_view username, std::string_view password, const RemoteInfo& remote) override;
  std::optional<Principal> CheckSession(std::string_view session_token, const RemoteInfo& remote) override;
  // An API token ("Authorization: Bearer rnt_..."), for integrations.
  std::optional<Principal> CheckToken(std::string_view token, const RemoteInfo& remote) override;
  void Logout(std::string_view session_token) override;
  // Actions are access/policy.h's names: "read_people", "review_matches", ...
  bool Allowed(const Principal& principal, std::string_view action) override;

 private:
  DatabasePool& pool_;
  Clock& clock_;
};

}  // namespace reunite::web
