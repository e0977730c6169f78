// Who is asking: the authenticated user a front end passes to every access/ call.
// Built only by Accounts (from a session or an API token) or, for the command line
// run by whoever holds the database, by Principal::LocalOperator.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reunite {

enum class UserRole { kAdmin, kCoordinator, kCaseWorker, kFieldSearcher, kGovernmentLiaison, kAuditor };

// "admin", "coordinator", "case_worker", "field_searcher", "government_liaison", "auditor".
std::string ToString(UserRole role);
std::optional<UserRole> UserRoleFromString(const std::string& s);
// Every role, in the order above (for listings and table-driven tests).
const std::vector<UserRole>& AllUserRoles();

struct Principal {
  std::int64_t user_id = 0;  // 0 for the local operator
  std::string username;
  std::string org;
  UserRole role = UserRole::kAuditor;
  std::string team;          // field team ("" none); scopes field searchers
  std::string language = "en";
  std::string remote;        // where the request came from (IP address, "cli"), for the audit log
  std::string csrf_token;    // the session's CSRF token; "" for API tokens (no cookies, no CSRF)
  // An admin reset the password: until the user sets their own, policy.h allows
  // them nothing (Accounts::ChangeOwnPassword needs no permission).
  bool must_change_password = false;

  // The command line: whoever can open the database file or connect to the server
  // already holds every record, so the CLI acts as an admin named `actor`. Its
  // actions are audited under that name with remote "cli".
  static Principal LocalOperator(const std::string& actor);
};

// True when `submitted` equals the principal's CSRF token, compared in constant
// time. False when the principal has no CSRF token (API tokens need none, and a
// form post must not pass with one).
bool CsrfMatches(const Principal& principal, const std::string& submitted);

// A fresh random token (base64url, 43 characters) for a form that needs a CSRF
// check before there is a session: the login form (a cookie and a hidden field
// that must match).
std::string NewCsrfToken();
// True when both are non-empty and equal, compared in constant time.
bool SameToken(const std::string& expected, const std::string& submitted);

}  // namespace reunite
