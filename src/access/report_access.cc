#include "access/report_access.h"

#include <algorithm>
#include <set>

#include "access/audit.h"
#include "access/policy.h"
#include "access/protected_people.h"
#include "workflow/report_replay.h"

namespace reunite {

bool SeesProtectedPlaces(const Principal& principal) {
  Person protected_adult;
  protected_adult.role = Role::kAdult;
  return !Withheld(principal, protected_adult, ProtectionFacts{true, false}).home_location;
}

ReportAccess::ReportAccess(Database& db, Principal principal, Clock& clock)
    : db_(db), principal_(std::move(principal)), clock_(clock) {}

Result<report::StatusReport> ReportAccess::CourtStatus(const std::string& as_of, const report::CategoryTree& tree) {
  // A team-scoped principal may read reports of its team only; this one counts
  // every family.
  if (!Allowed(principal_, Action::kReadReports) || TeamScoped(principal_)) {
    (void)AppendAudit(db_, clock_, principal_, "denied", "report", 0, "read the status report");
    return Status::PermissionDenied(ToString(principal_.role) + " " + principal_.username +
                                    " may not read the status report");
  }
  Result<std::string> until = as_of.empty() ? Result<std::string>(clock_.NowIso()) : report::ParseAsOf(as_of);
  if (!until.ok()) return until.status();
  report::Disclosure disclosure;
  std::set<PersonId> hidden;
  if (!SeesProtectedPlaces(principal_)) {
    Result<std::set<PersonId>> protected_people = ProtectedPeople(db_);
    if (!protected_people.ok()) return protected_people.status();
    hidden = std::move(*protected_people);
    disclosure.hidden_places = &hidden;
    disclosure.fewer_than = kFewerThan;
    // Whole days that have ended: two reports a moment apart around a list update
    // would otherwise tell what that update changed.
    *until = report::EndOfLastWholeDay(std::min(*until, clock_.NowIso()));
  }
  Result<report::StatusReport> built = report::BuildStatusReport(db_, *until, tree, disclosure);
  if (!built.ok()) return built;
  // Audited after the read succeeds: a failed read showed nothing.
  if (Status s = AppendAudit(db_, clock_, principal_, "read_report", "report", 0,
                              "status as of " + *until + ", tree " + tree.source);
      !s.ok())
    return s;
  return built;
}

}  // namespace reunite
