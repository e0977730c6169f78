// Internal to access/: helpers shared by accounts.cc (users) and
// accounts_sessions.cc (logins, sessions, tokens).
#pragma once
#include <sodium.h>

#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "access/accounts.h"
#include "access/audit.h"
#include "access/password_gate.h"
#include "access/policy.h"
#include "access/principal.h"
#include "store/database.h"

namespace reunite::access_internal {

inline void EnsureSodium() {
  static const int ready = sodium_init();  // idempotent; < 0 only when the OS has no randomness
  (void)ready;
}

// `bytes` random bytes as base64url without padding (43 characters for 32).
inline std::string RandomToken(size_t bytes = 32) {
  EnsureSodium();
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

// Tokens are long random secrets, so a fast hash is enough (no salt, no
// stretching: there is nothing to guess), and it lets a token be found by its hash.
inline std::string HashToken(const std::string& token) {
  EnsureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

inline Status Busy() {
  return Status::Unavailable("the server is busy checking other passwords; try again in a moment");
}

// Argon2id with libsodium's interactive limits: about 0.1 s and 64 MiB a hash, so
// callers pass the process's PasswordGate (password_gate.h) first.
inline Result<std::string> HashPasswordUngated(const std::string& password) {
  EnsureSodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return Status::Internal("out of memory hashing a password");
  return std::string(out);
}

// Unavailable when every hashing slot is taken and the queue is full.
inline Result<std::string> HashPassword(const std::string& password) {
  auto permit = PasswordGate::Shared().Enter();
  if (!permit) return Busy();
  return HashPasswordUngated(password);
}

// Whether `password` matches `hash`; Unavailable as for HashPassword.
inline Result<bool> VerifyPassword(const std::string& hash, const std::string& password) {
  EnsureSodium();
  auto permit = PasswordGate::Shared().Enter();
  if (!permit) return Busy();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

// Checked against when the username is unknown, so that a login for a user who
// does not exist takes as long as one with a wrong password. Built once, outside
// the gate (it is taken by the verification that needs it).
inline const std::string& DummyHash() {
  static const std::string hash = *HashPasswordUngated(RandomToken());
  return hash;
}

// The rules every new password meets (creation, reset, change).
inline Status CheckNewPassword(const std::string& password) {
  if (password.size() < kMinPasswordLength)
    return Status::InvalidArgument("password too short: at least " + std::to_string(kMinPasswordLength) +
                                   " characters");
  return Status::Ok();
}

inline bool ValidUsername(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (unsigned char c : name)
    if (!std::isalnum(c) && c != '.' && c != '_' && c != '-' && c != '@') return false;
  return true;
}

inline std::string Offset(const std::string& iso, long long seconds) {
  return MillisToIso(IsoToMillis(iso) + seconds * 1000);
}

struct UserRow {
  long long id = 0;
  Principal principal;
  std::string password_hash;
  bool active = false;
};

// The user by name (`by_id` == 0) or by id. Throws soci::soci_error.
inline std::optional<UserRow> LoadUser(soci::session& sql, const std::string& username, long long by_id = 0) {
  UserRow row;
  std::string role, name, org, team, language, hash;
  int active = 0, must_change = 0;
  sql << "SELECT u.id, u.username, o.name, u.role, u.team, u.language, u.password_hash, u.active, "
         "u.must_change_password FROM users u JOIN organisations o ON o.id = u.org_id "
         "WHERE (:id1 = 0 AND u.username = :name) OR u.id = :id2",
      soci::into(row.id), soci::into(name), soci::into(org), soci::into(role), soci::into(team),
      soci::into(language), soci::into(hash), soci::into(active), soci::into(must_change), soci::use(by_id),
      soci::use(username), soci::use(by_id);
  if (!sql.got_data()) return std::nullopt;
  std::optional<UserRole> parsed = UserRoleFromString(role);
  if (!parsed) return std::nullopt;  // a role this version does not know grants nothing
  row.principal = {row.id, name, org, *parsed, team, language, "", ""};
  row.principal.must_change_password = must_change != 0;
  row.password_hash = hash;
  row.active = active != 0;
  return row;
}

inline AuditEntry Event(const std::string& actor, const std::string& role, const std::string& remote,
                 const std::string& action, const std::string& detail = "") {
  AuditEntry e;
  e.actor = actor;
  e.role = role;
  e.remote = remote;
  e.action = action;
  e.detail = detail;
  return e;
}

// Whether `by` acts on their own account and may (not while a reset password
// waits to be changed: until then only ChangeOwnPassword).
inline bool SelfService(const Principal& by, const std::string& username) {
  return by.user_id != 0 && by.username == username && !by.must_change_password;
}

// A refusal is audited too: an attempt to act beyond one's role is what auditors look for.
inline Status Deny(Database& db, Clock& clock, const Principal& by, const std::string& what) {
  (void)AppendAudit(db, clock, by, "denied", "", 0, what);
  return Status::PermissionDenied(ToString(by.role) + " " + by.username + " may not " + what);
}

}  // namespace reunite::access_internal
