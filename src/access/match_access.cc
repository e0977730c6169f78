#include "access/match_access.h"

#include <cstdio>

#include "access/audit.h"
#include "access/policy.h"

namespace reunite {

namespace {

std::string Threshold(const MatchRunOptions& options) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", options.threshold);
  return std::string("threshold ") + text;
}

// What was asked, for a run that failed.
std::string Asked(const MatchRunOptions& options) {
  return std::string(options.full ? "full" : "incremental") + ", " + Threshold(options);
}

// What was done: a run is full when a role had no stored model, whatever was asked.
std::string Detail(const MatchRunOptions& options, const MatchRunReport& r) {
  return std::string(r.full ? "full" : "incremental") + ", " + Threshold(options) + ": run " +
         std::to_string(r.run_id) + ", people " + std::to_string(r.people) + ", compared " +
         std::to_string(r.compared_people) + ", candidates new " + std::to_string(r.candidates_new) +
         ", refreshed " + std::to_string(r.candidates_refreshed) + ", reopened " +
         std::to_string(r.candidates_reopened) + ", withdrawn " + std::to_string(r.candidates_withdrawn);
}

}  // namespace

MatchAccess::MatchAccess(Database& db, Principal principal, Clock& clock)
    : db_(db), principal_(std::move(principal)), clock_(clock) {}

// The run commits its own transaction (SOCI transactions do not nest), so the
// audit entry follows it, as an import's does; a failed audit write is reported.
Result<MatchRunReport> MatchAccess::Run(const MatchRunOptions& options) {
  if (!Allowed(principal_, Action::kRunMatching)) {
    (void)AppendAudit(db_, clock_, principal_, "denied", "", 0, "run matching");
    return Status::PermissionDenied(ToString(principal_.role) + " " + principal_.username + " may not run matching");
  }
  Result<MatchRunReport> report = RunMatching(db_, principal_.username, options, clock_);
  if (!report.ok()) {
    (void)AppendAudit(db_, clock_, principal_, "match_run", "match_run", 0,
                      Asked(options) + ": failed: " + report.status().ToString());
    return report;
  }
  if (Status s = AppendAudit(db_, clock_, principal_, "match_run", "match_run", report->run_id,
                             Detail(options, *report));
      !s.ok())
    return s;
  return report;
}

}  // namespace reunite
