// The schema as a numbered list of migrations, applied when a Database opens. A
// migration, once released, is never edited: a schema change is a new step at the
// end of the list.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "store/soci_includes.h"

#include "common/status.h"
#include "store/database.h"

namespace reunite {

struct Migration {
  int version;                     // 1, 2, 3... in list order, rising
  std::string description;
  std::vector<std::string> steps;  // SQL statements, run in order in one transaction
  // Statements for one back end only, run after `steps` in the same transaction
  // (triggers, whose syntax the two do not share).
  std::vector<std::string> sqlite_steps = {};
  std::vector<std::string> postgres_steps = {};
  // Work SQL alone cannot do (computing hashes), run last in the same transaction;
  // throws soci::soci_error to fail the migration.
  std::function<void(soci::session&, Backend)> code = nullptr;
};

// Every migration, oldest first. Statements may contain ${ID}, the id column's
// declaration for the back end (an auto-assigned 64-bit integer primary key).
const std::vector<Migration>& Migrations();

// The SQL of one step for `backend`, with ${ID} substituted.
std::string MigrationSql(const std::string& step, Backend backend);

// Creates schema_migrations(version, applied_at) if needed and applies each
// pending migration in its own transaction, recording its version. A failed
// migration is rolled back and reported as StorageError; earlier ones stay
// applied. Concurrent openers on PostgreSQL wait for each other (the migration
// table is locked while a version is checked and applied).
Status ApplyMigrations(soci::session& session, Backend backend);

// Highest applied version; 0 for a new database. Throws soci::soci_error.
int AppliedSchemaVersion(soci::session& session);

}  // namespace reunite
