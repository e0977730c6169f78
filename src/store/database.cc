#include "store/database.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstdlib>

#include "store/migrations.h"
#include "store/storage_guard.h"

namespace reunite {

namespace {

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

bool IsPostgresUrl(const std::string& url) {
  return StartsWith(url, "postgresql://") || StartsWith(url, "postgres://") ||
         StartsWith(url, "dbname=") || StartsWith(url, "host=");
}

// SOCI's SQLite back end reads "key=value" pairs when the string holds '=', so a
// path with '=' or a space must be passed quoted as db="...".
std::string SqliteConnectString(const std::string& path) {
  if (path.find_first_of("= \"") == std::string::npos) return path;
  return "db=\"" + path + "\"";
}

// WAL lets readers (the web UI) run while an import writes; NORMAL sync is safe
// in WAL mode (a crash loses at most the last commits, never corrupts); foreign
// keys are off by default in SQLite; the busy timeout makes a second writer wait
// instead of failing at once.
void ConfigureSqlite(soci::session& session) {
  std::string mode;
  session << "PRAGMA journal_mode=WAL", soci::into(mode);
  session << "PRAGMA synchronous=NORMAL";
  session << "PRAGMA foreign_keys=ON";
  int timeout_ms = 0;
  session << "PRAGMA busy_timeout=10000", soci::into(timeout_ms);
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& url) {
  std::unique_ptr<Database> db(new Database());
  db->backend_ = IsPostgresUrl(url) ? Backend::kPostgres : Backend::kSqlite;
  Status opened = GuardStorage("cannot open database", [&]() -> Status {
    if (db->backend_ == Backend::kPostgres) {
      db->session_.open(*soci::factory_postgresql(), url);
      // libpq prints NOTICEs (e.g. "already exists, skipping") to stderr.
      db->session_ << "SET client_min_messages = warning";
    } else {
      db->session_.open(*soci::factory_sqlite3(), SqliteConnectString(url));
      ConfigureSqlite(db->session_);
    }
    return Status::Ok();
  });
  if (!opened.ok()) return opened;
  if (Status s = ApplyMigrations(db->session_, db->backend_); !s.ok()) return s;
  return db;
}

std::string Database::DefaultUrl() {
  const char* env = std::getenv("REUNITE_DB");
  return env && *env ? env : "reunite.db";
}

int Database::schema_version() {
  Result<int> v = GuardStorage("schema version", [&]() -> Result<int> {
    return AppliedSchemaVersion(session_);
  });
  return v.ok() ? *v : -1;
}

int Database::LatestSchemaVersion() { return Migrations().back().version; }

}  // namespace reunite
