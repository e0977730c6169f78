// Internal to store/: the anchor checks VerifyChains runs (chain_anchor.cc).
#pragma once
#include <optional>
#include <vector>

#include "store/chain_verify.h"

namespace reunite {

// Every anchor recorded in chain_anchors, oldest first; InvalidArgument naming the
// row when one cannot be read. Throws soci::soci_error.
Result<std::vector<Anchor>> RecordedAnchors(soci::session& sql);

// The break when a chain no longer holds an anchored entry: the entry with the
// anchored id must still be there with the anchored place and hash. Run after the
// chain itself verified, so everything before that entry is what was anchored.
// Throws soci::soci_error.
std::optional<ChainBreak> CheckAnchor(soci::session& sql, const Anchor& anchor);

}  // namespace reunite
