#include "access/audit_chain.h"

#include <algorithm>

#include "access/audit.h"
#include "access/policy.h"

namespace reunite {

namespace {

Status MayRead(Database& db, Clock& clock, const Principal& by, const std::string& what) {
  if (Allowed(by, Action::kReadAudit)) return Status::Ok();
  (void)AppendAudit(db, clock, by, "denied", "", 0, what);
  return Status::PermissionDenied(ToString(by.role) + " " + by.username + " may not " + what);
}

}  // namespace

Result<VerifyReport> VerifyAuditChains(Database& db, Clock& clock, const Principal& by,
                                       const std::vector<Anchor>& anchors) {
  if (Status s = MayRead(db, clock, by, "verify the audit log"); !s.ok()) return s;
  return VerifyChains(db, anchors);
}

Result<Anchor> TakeAnchor(Database& db, Clock& clock, const Principal& by) {
  if (Status s = MayRead(db, clock, by, "anchor the audit log"); !s.ok()) return s;
  return CurrentAnchor(db, clock.NowIso());
}

Result<std::optional<Anchor>> LatestAnchor(Database& db, Clock& clock, const Principal& by) {
  if (Status s = MayRead(db, clock, by, "read the audit log's anchors"); !s.ok()) return s;
  return LatestRecordedAnchor(db);
}

Result<Anchor> RecordAnchorNow(Database& db, Clock& clock, const Principal& by) {
  Result<Anchor> anchor = TakeAnchor(db, clock, by);
  if (!anchor.ok()) return anchor;
  if (Status s = RecordAnchor(db, *anchor, by.username); !s.ok()) return s;
  return anchor;
}

Result<std::optional<Anchor>> RecordAnchorIfMoved(Database& db, Clock& clock, const Principal& by) {
  Result<Anchor> now = TakeAnchor(db, clock, by);
  if (!now.ok()) return now.status();
  Result<std::optional<Anchor>> last = LatestRecordedAnchor(db);
  if (!last.ok()) return last.status();
  auto same = [](const ChainPoint& a, const ChainPoint& b) { return a.table == b.table && a.seq == b.seq && a.hash == b.hash; };
  if (*last && std::equal(now->points.begin(), now->points.end(), (*last)->points.begin(), (*last)->points.end(), same))
    return std::optional<Anchor>();
  if (Status s = RecordAnchor(db, *now, by.username); !s.ok()) return s;
  return std::optional<Anchor>(*now);
}

}  // namespace reunite
