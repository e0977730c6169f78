// Internal to access/: the login throttle of accounts.h. Each attempt is written
// to login_failures before its password is checked, in the same atomic step that
// counts the username's and the address's recent failures, so that twenty guesses
// sent at once cannot all pass a check none of them has yet counted in. The row
// stays when the password was wrong (it is the failure), goes when it was right.
#pragma once
#include <string>

#include "store/database.h"

namespace reunite::access_internal {

enum class Throttle { kAllowed, kAccount, kAddress };

struct LoginAttempt {
  Throttle verdict = Throttle::kAllowed;
  std::string key;  // identifies the counted row while kAllowed
};

// Counts an attempt at `username` from `remote` at `now` unless either is already at
// its limit (accounts.h), and drops rows older than the window. Its own
// transaction: call outside any other. Throws soci::soci_error.
LoginAttempt ReserveLoginAttempt(Database& db, const std::string& username, const std::string& remote,
                                 const std::string& now);

// The password was right: the attempt was no failure, and the username's earlier
// failures are forgiven (the address's still count). Runs in the caller's transaction.
void ForgiveLoginAttempt(soci::session& sql, const std::string& username, const std::string& key);

// Forgives the username's failures (an admin set a new password).
void ForgiveAccount(soci::session& sql, const std::string& username);

// The password was never checked (the server was too busy): not counted.
void CancelLoginAttempt(soci::session& sql, const std::string& key);

// The message for a refusal.
std::string ThrottleMessage(Throttle verdict, const std::string& username);

}  // namespace reunite::access_internal
