// Every protected service of access/ for one principal on one connection: what a
// front end holds for a request instead of the Database, so that it reaches case
// data, the review queue, match runs, the workflow, reports, imports, accounts and
// the audit log only through the services that check the role, withhold what the
// principal may not see and audit (issue 13, "one path to the data"). The web
// gives each request one (web/case_request.h); its handlers never see the store.
//
// Not thread-safe: one per request, on that request's connection, which must
// outlive it. The services it returns share the connection and the principal.
#pragma once
#include <optional>
#include <string>

#include "access/accounts.h"
#include "access/audit_chain.h"
#include "access/case_access.h"
#include "access/import_access.h"
#include "access/match_access.h"
#include "access/report_access.h"
#include "access/review_access.h"
#include "access/workflow_access.h"

namespace reunite {

class AccessServices {
 public:
  // `reads`, when given, writes the audit entries of CaseAccess's reads (case_access.h).
  AccessServices(Database& db, Principal principal, Clock& clock = DefaultClock(), AuditWriter* reads = nullptr);
  AccessServices(const AccessServices&) = delete;
  AccessServices& operator=(const AccessServices&) = delete;

  const Principal& principal() const { return cases_.principal(); }

  // One CaseAccess for the whole request (it reads the protected people once).
  CaseAccess& cases() { return cases_; }
  ReviewAccess review() { return ReviewAccess(db_, principal(), clock_); }
  WorkflowAccess workflow() { return WorkflowAccess(db_, principal(), clock_); }
  ReportAccess reports() { return ReportAccess(db_, principal(), clock_); }
  ImportAccess imports() { return ImportAccess(db_, principal(), clock_); }
  MatchAccess matching() { return MatchAccess(db_, principal(), clock_); }
  // Accounts take the acting principal per call (and none for one's own password).
  Accounts accounts() { return Accounts(db_, clock_); }

  // The hash chains' anchors (access/audit_chain.h): admins and auditors.
  Result<Anchor> TakeAnchor() { return reunite::TakeAnchor(db_, clock_, principal()); }
  Result<std::optional<Anchor>> LatestAnchor() { return reunite::LatestAnchor(db_, clock_, principal()); }

  // A refusal the front end made itself (a form without its CSRF token, a page the
  // role may not open), audited as "denied" (entity "request") with `detail`;
  // `remote` stands in for the principal's when it has none. A refusal stands
  // whether or not its entry could be written.
  void AuditRefusal(const std::string& detail, const std::string& remote);

 private:
  Database& db_;
  Clock& clock_;
  CaseAccess cases_;
};

}  // namespace reunite
