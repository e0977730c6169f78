// Internal to store/: migration 8's code step (store/migrations.cc), which chains
// the journal and audit log entries written before the chains existed.
#pragma once
#include "store/database.h"

namespace reunite {

// Chains every existing entry of each chained table in id order from the genesis
// hash (seq 1, 2, ...), adds each chain's row to chain_locks, and puts back the audit log's
// append-only triggers, which migration 8 lifts while it fills the new columns.
// Throws soci::soci_error.
void ChainExistingEntries(soci::session& session, Backend backend);

}  // namespace reunite
