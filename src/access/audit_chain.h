// The journal's and the audit log's hash chains (store/chain.h, chain_verify.h) for
// those who may read the audit log (admins and auditors; a refusal is audited):
// `reunite audit verify` and `audit anchor`, and the anchor on the audit page.
#pragma once
#include <optional>
#include <vector>

#include "access/principal.h"
#include "common/clock.h"
#include "common/status.h"
#include "store/chain_verify.h"
#include "store/database.h"

namespace reunite {

// Walks both chains and checks every recorded anchor and `anchors`.
Result<VerifyReport> VerifyAuditChains(Database& db, Clock& clock, const Principal& by,
                                       const std::vector<Anchor>& anchors = {});

// The chains' latest points now, stamped with the clock's now.
Result<Anchor> TakeAnchor(Database& db, Clock& clock, const Principal& by);

// The latest anchor recorded in the database (chain_anchors); nullopt when none is.
Result<std::optional<Anchor>> LatestAnchor(Database& db, Clock& clock, const Principal& by);

// TakeAnchor, recorded in the database (chain_anchors) by `by`. Not audited: an
// anchor copies hashes, it changes no case data and grants no access, and an audit
// entry for it would move the chain it has just recorded.
Result<Anchor> RecordAnchorNow(Database& db, Clock& clock, const Principal& by);

// RecordAnchorNow when either chain has moved since the latest recorded anchor (or
// none is recorded); nullopt when nothing moved. For periodic anchoring.
Result<std::optional<Anchor>> RecordAnchorIfMoved(Database& db, Clock& clock, const Principal& by);

}  // namespace reunite
