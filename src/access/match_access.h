// The protected match run (linkage/match_run.h) that front ends use: checks that
// the principal may run the matcher (Action::kRunMatching; refusals are audited as
// "denied"), runs as the principal (the run's actor, and the journal's for the
// candidates it decides), and audits every run, failed ones too, as "match_run"
// with its counts.
//
// Not thread-safe: one MatchAccess per request, on that request's Database.
#pragma once
#include "access/principal.h"
#include "common/clock.h"
#include "common/status.h"
#include "linkage/match_run.h"
#include "store/database.h"

namespace reunite {

class MatchAccess {
 public:
  MatchAccess(Database& db, Principal principal, Clock& clock = DefaultClock());

  // RunMatching's report and errors; PermissionDenied (audited) for a role that
  // may not run the matcher.
  Result<MatchRunReport> Run(const MatchRunOptions& options);

 private:
  Database& db_;
  Principal principal_;
  Clock& clock_;
};

}  // namespace reunite
