#include "access/report_access.h"

#include "access/audit.h"
#include "access/policy.h"
#include "workflow/report_replay.h"

namespace reunite {

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
  Result<report::StatusReport> built = report::BuildStatusReport(db_, *until, tree);
  if (!built.ok()) return built;
  // Audited after the read succeeds: a failed read showed nothing.
  if (Status s = AppendAudit(db_, clock_, principal_, "read_report", "report", 0,
                              "status as of " + *until + ", tree " + tree.source);
      !s.ok())
    return s;
  return built;
}

}  // namespace reunite
