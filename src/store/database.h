// The store: one SOCI session to SQLite (the embedded default) or PostgreSQL, with
// versioned schema migrations applied when it opens. SQL is kept portable so both
// back ends run the same statements.
#pragma once
#include <memory>
#include <string>
#include <unordered_map>

#include "store/soci_includes.h"

#include "common/status.h"

namespace reunite {

enum class Backend { kSqlite, kPostgres };

class Database {
 public:
  // Opens `url`: a libpq URI "postgresql://user:password@host:port/dbname?k=v" (or
  // "postgres://...") or a libpq keyword string starting "dbname=" / "host=" for
  // PostgreSQL, anything else is an SQLite file path (created if missing). Applies
  // every pending migration in one transaction each. Returns StorageError with the
  // back end's message when it cannot connect or a migration fails (the failed
  // migration leaves no trace), and when a URI is malformed or one of its values
  // holds white space (SOCI 4.0 splits connection strings at white space).
  static Result<std::unique_ptr<Database>> Open(const std::string& url);

  // The url from REUNITE_DB when set, else "reunite.db".
  static std::string DefaultUrl();

  soci::session& session() { return session_; }
  // A statement kept prepared on this connection under `name` (null until the
  // store puts one there), for the hottest reads: parsing a wide SELECT costs
  // more than running it. For the store's own use (store/row_readers.cc).
  std::shared_ptr<void>& Prepared(const std::string& name) { return prepared_[name]; }
  Backend backend() const { return backend_; }
  int schema_version();          // highest applied migration; -1 if it cannot be read
  static int LatestSchemaVersion();

 private:
  Database() = default;
  soci::session session_;
  std::unordered_map<std::string, std::shared_ptr<void>> prepared_;  // declared after session_: closed before it
  Backend backend_ = Backend::kSqlite;
};

}  // namespace reunite
