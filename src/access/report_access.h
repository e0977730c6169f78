// The protected service over the court status report (workflow/report_replay.h):
// checks that the principal may read reports (Action::kReadReports) without a
// team scope (admins, coordinators, case workers, government liaisons,
// auditors; not field searchers, whose reads are limited to their team while
// this report counts every family), audits each report read as "read_report" and each refusal as
// "denied". The report holds counts only, never a person's fields, so nothing is
// withheld from it.
//
// Not thread-safe: one ReportAccess per request, on that request's Database.
#pragma once
#include <string>

#include "access/principal.h"
#include "common/clock.h"
#include "common/status.h"
#include "store/database.h"
#include "workflow/report_count.h"
#include "workflow/report_tree.h"

namespace reunite {

class ReportAccess {
 public:
  ReportAccess(Database& db, Principal principal, Clock& clock = DefaultClock());

  // The status report as of `as_of` (as typed: a date, a time, or "" for now;
  // see report::ParseAsOf) counted over `tree`. PermissionDenied (audited) when
  // the role may not read reports; InvalidArgument for a bad as_of.
  Result<report::StatusReport> CourtStatus(const std::string& as_of, const report::CategoryTree& tree);

 private:
  Database& db_;
  Principal principal_;
  Clock& clock_;
};

}  // namespace reunite
