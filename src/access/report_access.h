// The protected service over the court status report (workflow/report_replay.h):
// checks that the principal may read reports (Action::kReadReports) without a
// team scope (admins, coordinators, case workers, government liaisons,
// auditors; not field searchers, whose reads are limited to their team while
// this report counts every family), audits each report read as "read_report" and each refusal as
// "denied".
//
// The report holds counts only, but counts can tell places: a reader comparing
// two reports a moment apart around a list update would learn a protected
// person's department. So for a reader who may not see protected people's places
// (policy.h: everyone but admins and coordinators) the report is limited
// (workflow/report_count.h's Disclosure): protected people
// (access/protected_people.h) are left out of the breakdowns by country and
// department, counts under kFewerThan read "fewer than 5", and the as-of is the
// end of the last whole UTC day that has ended at or before the time asked
// (a report "now" is as of the end of yesterday).
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

// True when the principal sees protected people's places (an unlimited report).
bool SeesProtectedPlaces(const Principal& principal);

class ReportAccess {
 public:
  static constexpr long kFewerThan = 5;

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
