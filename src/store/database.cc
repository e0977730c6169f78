#include "store/database.h"

#include <chrono>
#include <thread>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <libpq-fe.h>

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

// libpq's quoting for a keyword=value connection string: quoted when empty or
// when it holds a quote or backslash.
std::string QuoteConninfoValue(const std::string& value) {
  if (!value.empty() && value.find_first_of("'\\") == std::string::npos) return value;
  std::string out(1, '\'');
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

// SOCI 4.0's PostgreSQL back end splits its connection string at white space and
// rebuilds each piece as key=value, adding '=' to a piece without one, so a URI
// ("postgresql://user@host:5432/db") would reach libpq as ".../db=" and name the
// wrong database. A URI is therefore rewritten in keyword=value form, parsed by
// libpq itself (percent-decoding, query parameters); keyword strings pass as given.
// A value holding white space cannot survive SOCI's split, so it is refused.
Result<std::string> PostgresConnectString(const std::string& url) {
  if (!StartsWith(url, "postgresql://") && !StartsWith(url, "postgres://")) return url;
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (!options) {
    std::string message = error ? error : "out of memory";
    PQfreemem(error);
    return Status::StorageError("cannot open database: bad PostgreSQL URL: " + message);
  }
  std::string out;
  Status status;
  for (const PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val) continue;
    const std::string value = o->val;
    if (value.find_first_of(" \t\n\r\f\v") != std::string::npos) {
      // The value itself stays out of the message: it may be a password.
      std::string message = "cannot open database: the URL's ";
      message.append(o->keyword).append(" holds white space, which SOCI cannot pass to PostgreSQL");
      status = Status::StorageError(message);
      break;
    }
    if (!out.empty()) out += ' ';
    out.append(o->keyword).append("=").append(QuoteConninfoValue(value));
  }
  PQconninfoFree(options);
  if (!status.ok()) return status;
  return out;
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
  // While another connection writes, retry every 200 microseconds for up to 10 s.
  // SQLite's own busy_timeout backs off to 100 ms sleeps, which under a busy server
  // turns a sub-millisecond wait for the write lock into a long tail.
  auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
  sqlite_api::sqlite3_busy_handler(
      backend->conn_,
      [](void*, int attempts) -> int {
        if (attempts >= 50'000) return 0;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        return 1;
      },
      nullptr);
}

// SQLite counts every allocation under one process-wide mutex unless told not to;
// with many connections on many threads (reunite serve) that mutex is the hot spot.
// Only possible before SQLite initialises, hence once, before the first open.
void DisableSqliteMemoryStatistics() {
  static const int once = sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)once;
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& url) {
  DisableSqliteMemoryStatistics();
  std::unique_ptr<Database> db(new Database());
  db->backend_ = IsPostgresUrl(url) ? Backend::kPostgres : Backend::kSqlite;
  Result<std::string> conninfo = db->backend_ == Backend::kPostgres ? PostgresConnectString(url) : url;
  if (!conninfo.ok()) return conninfo.status();
  Status opened = GuardStorage("cannot open database", [&]() -> Status {
    if (db->backend_ == Backend::kPostgres) {
      db->session_.open(*soci::factory_postgresql(), *conninfo);
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
