#include "access/login_throttle.h"

#include "access/accounts.h"
#include "access/accounts_internal.h"

namespace reunite::access_internal {

LoginAttempt ReserveLoginAttempt(Database& db, const std::string& username, const std::string& remote,
                                 const std::string& now) {
  soci::session& sql = db.session();
  const std::string since = Offset(now, -kThrottleWindowSeconds);
  LoginAttempt attempt;
  attempt.key = RandomToken(16);
  const int max_account = kMaxLoginFailures, max_address = kMaxLoginFailuresPerAddress;
  soci::transaction tx(sql);
  // PostgreSQL would run concurrent INSERT ... SELECTs side by side, each counting
  // without the others' rows; the lock (which conflicts with itself) queues them.
  // SQLite takes its write lock at the transaction's first write, the DELETE, and
  // holds it to the commit.
  if (db.backend() == Backend::kPostgres) sql << "LOCK TABLE login_failures IN SHARE ROW EXCLUSIVE MODE";
  sql << "DELETE FROM login_failures WHERE at < :since", soci::use(since);
  soci::statement insert =
      (sql.prepare << "INSERT INTO login_failures (username, at, remote, attempt) SELECT :u, :at, :r, :k "
                      "WHERE (SELECT COUNT(*) FROM login_failures WHERE username = :u2 AND account_cleared = 0 "
                      "AND at >= :s1) < :max_account "
                      "AND (SELECT COUNT(*) FROM login_failures WHERE remote = :r2 AND at >= :s2) < :max_address",
       soci::use(username), soci::use(now), soci::use(remote), soci::use(attempt.key), soci::use(username),
       soci::use(since), soci::use(max_account), soci::use(remote), soci::use(since), soci::use(max_address));
  insert.execute(true);
  if (insert.get_affected_rows() == 0) {
    long long account = 0;
    sql << "SELECT COUNT(*) FROM login_failures WHERE username = :u AND account_cleared = 0 AND at >= :s",
        soci::use(username), soci::use(since), soci::into(account);
    attempt.verdict = account >= kMaxLoginFailures ? Throttle::kAccount : Throttle::kAddress;
    attempt.key.clear();
  }
  tx.commit();
  return attempt;
}

void ForgiveLoginAttempt(soci::session& sql, const std::string& username, const std::string& key) {
  CancelLoginAttempt(sql, key);
  ForgiveAccount(sql, username);
}

void ForgiveAccount(soci::session& sql, const std::string& username) {
  sql << "UPDATE login_failures SET account_cleared = 1 WHERE username = :u", soci::use(username);
}

void CancelLoginAttempt(soci::session& sql, const std::string& key) {
  sql << "DELETE FROM login_failures WHERE attempt = :k", soci::use(key);
}

std::string ThrottleMessage(Throttle verdict, const std::string& username) {
  const std::string wait = "; try again in " + std::to_string(kThrottleWindowSeconds / 60) + " minutes";
  if (verdict == Throttle::kAddress) return "too many failed logins from this address" + wait;
  return "too many failed logins for '" + username + "'" + wait;
}

}  // namespace reunite::access_internal
