#include "access/policy.h"

#include "access/accounts_internal.h"

#include <sodium.h>

#include <array>

namespace reunite {

namespace {

// Rows: Action in enum order. Columns: UserRole in enum order (admin, coordinator,
// case_worker, field_searcher, government_liaison, auditor). The header's table.
constexpr std::array<std::array<bool, 6>, 21> kMatrix = {{
    {true, true, true, true, true, true},       // kReadPeople
    {true, true, true, true, true, true},       // kReadFamilies
    {true, true, true, true, false, false},     // kWriteCase
    {true, true, true, false, false, false},    // kReviewMatches
    {true, true, false, false, false, false},   // kImportLists
    {true, true, false, false, false, false},   // kAssignFamilies
    {true, true, true, false, false, false},    // kSetProtection
    {true, false, false, false, false, false},  // kManageUsers
    {true, false, false, false, false, true},   // kReadAudit
    {true, true, true, true, false, false},     // kTrace
    {true, true, true, true, false, false},     // kWorkSearchTasks
    {true, true, true, false, false, false},    // kAssignSearchTasks
    {true, true, true, false, false, false},    // kRecordDecisions
    {true, true, true, false, false, false},    // kFlagEligibility
    {true, true, true, false, false, false},    // kManageLogistics
    {true, true, true, false, false, false},    // kCloseFamilies
    {true, true, true, false, false, false},    // kManageDeadlines
    {true, true, true, true, false, false},     // kReadWorkflow
    {true, true, true, true, true, true},       // kReadReports
    {true, true, false, false, false, false},   // kRemoveProtection
    {true, true, false, false, false, false},   // kRunMatching
}};

}  // namespace

std::string ToString(UserRole role) {
  switch (role) {
    case UserRole::kAdmin: return "admin";
    case UserRole::kCoordinator: return "coordinator";
    case UserRole::kCaseWorker: return "case_worker";
    case UserRole::kFieldSearcher: return "field_searcher";
    case UserRole::kGovernmentLiaison: return "government_liaison";
    case UserRole::kAuditor: return "auditor";
  }
  return "auditor";
}

const std::vector<UserRole>& AllUserRoles() {
  static const std::vector<UserRole> all = {UserRole::kAdmin,         UserRole::kCoordinator,
                                            UserRole::kCaseWorker,    UserRole::kFieldSearcher,
                                            UserRole::kGovernmentLiaison, UserRole::kAuditor};
  return all;
}

std::optional<UserRole> UserRoleFromString(const std::string& s) {
  for (UserRole r : AllUserRoles())
    if (ToString(r) == s) return r;
  return std::nullopt;
}

Principal Principal::LocalOperator(const std::string& actor) {
  Principal p;
  p.username = actor;
  p.role = UserRole::kAdmin;
  p.remote = "cli";
  return p;
}

bool SameToken(const std::string& expected, const std::string& submitted) {
  if (expected.empty() || submitted.size() != expected.size()) return false;
  return sodium_memcmp(submitted.data(), expected.data(), submitted.size()) == 0;
}

bool CsrfMatches(const Principal& principal, const std::string& submitted) {
  return SameToken(principal.csrf_token, submitted);
}

std::string NewCsrfToken() { return access_internal::RandomToken(); }

std::string ToString(Action action) {
  switch (action) {
    case Action::kReadPeople: return "read_people";
    case Action::kReadFamilies: return "read_families";
    case Action::kWriteCase: return "write_case";
    case Action::kReviewMatches: return "review_matches";
    case Action::kImportLists: return "import_lists";
    case Action::kAssignFamilies: return "assign_families";
    case Action::kSetProtection: return "set_protection";
    case Action::kManageUsers: return "manage_users";
    case Action::kReadAudit: return "read_audit";
    case Action::kTrace: return "trace";
    case Action::kWorkSearchTasks: return "work_search_tasks";
    case Action::kAssignSearchTasks: return "assign_search_tasks";
    case Action::kRecordDecisions: return "record_decisions";
    case Action::kFlagEligibility: return "flag_eligibility";
    case Action::kManageLogistics: return "manage_logistics";
    case Action::kCloseFamilies: return "close_families";
    case Action::kManageDeadlines: return "manage_deadlines";
    case Action::kReadWorkflow: return "read_workflow";
    case Action::kReadReports: return "read_reports";
    case Action::kRemoveProtection: return "remove_protection";
    case Action::kRunMatching: return "run_matching";
  }
  return "unknown";
}

bool Allowed(const Principal& principal, Action action) {
  if (principal.must_change_password) return false;  // only their own password change, until then
  return kMatrix[static_cast<size_t>(action)][static_cast<size_t>(principal.role)];
}

bool TeamScoped(const Principal& principal) { return principal.role == UserRole::kFieldSearcher; }

Withholding Withheld(const Principal& principal, const Person& person, const ProtectionFacts& facts) {
  Withholding w;
  const UserRole role = principal.role;
  if (role == UserRole::kGovernmentLiaison) {
    w.notes = true;
    if (person.role == Role::kAdult) w.home_location = w.phones = true;
  }
  if (role == UserRole::kAuditor) w.notes = true;
  if (facts.at_risk) {
    const bool trusted = role == UserRole::kAdmin || role == UserRole::kCoordinator ||
                         (role == UserRole::kFieldSearcher && facts.in_principals_team);
    if (!trusted) w.home_location = w.facility = w.phones = true;
  }
  return w;
}

std::vector<std::string> Withholding::Names() const {
  std::vector<std::string> names;
  if (home_location || facility) names.push_back("location");
  if (phones) names.push_back("phones");
  if (notes) names.push_back("protection_notes");
  return names;
}

void Withholding::Apply(Person& person) const {
  Location& l = person.location;
  // The country a person was removed to is where they are: withheld with the home country.
  if (home_location) {
    l.country = l.department = l.municipality = l.village = l.text = "";
    person.custody.removal_country.clear();
  }
  if (facility) l.facility.clear();
  if (phones) person.phones.clear();
}

}  // namespace reunite
