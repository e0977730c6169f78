// The audit log: who did what, when, from where. Every write, every refusal and
// every read of a person's protected fields appends one entry; the schema refuses
// UPDATE and DELETE on it (migration 3), so no role can edit it, and each entry is
// chained by hash to the one before (store/chain.h), so an edit made around the
// schema is found by `reunite audit verify`. Reading it is for admins and auditors
// (CaseAccess::ListAudit, which checks the role).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/principal.h"
#include "common/clock.h"
#include "common/status.h"
#include "store/database.h"

namespace reunite {

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;         // ISO 8601 UTC
  std::string actor;      // username
  std::string role;       // the actor's role then
  std::string action;     // "login", "login_failed", "create_user", "read_protected", "update_person", ...
  std::string entity;     // "person", "user", "family_assignment", ... ("" none)
  std::int64_t entity_id = 0;
  std::string detail;     // what, in words or field names (never a password or token)
  std::string remote;     // IP address, "cli"
};

struct AuditQuery {
  std::string actor;   // "" any
  std::string action;  // "" any
  std::string entity;  // "" any
  std::string since;   // ISO time, inclusive; "" unbounded
  std::string until;   // ISO time, exclusive; "" unbounded
  int limit = 100;     // negative reads as 0
  int offset = 0;
};

// Appends `entry` (its id and `at` are set here: the database's id, the clock's now).
Status AppendAuditEntry(Database& db, Clock& clock, AuditEntry entry);

// Writes `entries` as given (their `at` too) at the end of the audit log's chain,
// with their ids, places and hashes, in the caller's transaction (or in one of
// their own when there is none). For AppendAuditEntry and AuditWriter.
Status InsertAuditEntries(Database& db, const std::vector<const AuditEntry*>& entries);

// Appends an entry as `principal` (actor, role, remote), at the clock's now.
// Runs in the caller's open transaction, if any, so a write and its audit entry
// commit together.
Status AppendAudit(Database& db, Clock& clock, const Principal& principal, const std::string& action,
                   const std::string& entity, std::int64_t entity_id, const std::string& detail);

// The entries matching every filter, newest first. No permission check: callers
// are CaseAccess::ListAudit (which checks) and tests.
Result<std::vector<AuditEntry>> QueryAudit(Database& db, const AuditQuery& query);

// How many entries match every filter (limit and offset aside), for paging. No
// permission check either: callers check first, as for QueryAudit.
Result<long> CountAudit(Database& db, const AuditQuery& query);

}  // namespace reunite
