#include "linkage/match_run.h"

#include <chrono>

#include "linkage/matcher.h"
#include "match/linker.h"
#include "store/repositories.h"

namespace reunite {

Result<MatchRunReport> RunMatching(Database& db, const std::string& actor, const MatchRunOptions& options,
                                   Clock& clock) {
  auto start = std::chrono::steady_clock::now();
  MatchRunOutcome outcome;
  outcome.started_at = clock.NowIso();
  auto state = ReadMatchState(db);
  if (!state.ok()) return state.status();
  RoleRows children, adults;
  Status read = PersonRepository(db).ForEach([&](Person&& p) {
    (p.role == Role::kChild ? children : adults).Add(std::move(p));
    return Status::Ok();
  });
  if (!read.ok()) return read;
  outcome.counts.people = static_cast<long>(children.rows.size() + adults.rows.size());

  Matcher matcher(*state, children, adults, options, &outcome);
  if (Status s = matcher.Dedupe(Role::kAdult); !s.ok()) return s;
  if (Status s = matcher.Dedupe(Role::kChild); !s.ok()) return s;
  matcher.MatchSmallRoles();
  if (Status s = matcher.Families(); !s.ok()) return s;
  matcher.Finish();
  outcome.model_health = match::HealthsToJson(matcher.health());

  auto record = RecordMatchRun(db, actor, *state, outcome, clock);
  if (!record.ok()) return record.status();
  MatchRunReport report;
  static_cast<MatchRunCounts&>(report) = record->counts;
  report.run_id = record->id;
  report.health = matcher.health();
  report.seconds = match::MillisecondsSince(start) / 1000.0;
  return report;
}

}  // namespace reunite
