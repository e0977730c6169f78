#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli.h"
#include "store/database.h"

namespace reunite::cli {

int Fail(const Status& status) {
  std::cerr << "reunite: " << status.ToString() << "\n";
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kConflict:
    case StatusCode::kAlreadyExists: return kExitInputErrors;
    case StatusCode::kNotFound: return kExitNotFound;
    case StatusCode::kIOError: return kExitIO;
    case StatusCode::kUnauthenticated:
    case StatusCode::kPermissionDenied:
    case StatusCode::kTooManyAttempts: return kExitDenied;
    default: return kExitStorage;
  }
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IOError("cannot read " + path);
  return buf.str();
}

Result<std::unique_ptr<Database>> OpenDatabase(const GlobalOptions& global) {
  return Database::Open(global.db.empty() ? Database::DefaultUrl() : global.db);
}

Result<PersonId> ParseId(const std::string& text) {
  try {
    size_t used = 0;
    long long id = std::stoll(text, &used);
    if (used == text.size() && id > 0) return static_cast<PersonId>(id);
  } catch (...) {
  }
  return Status::InvalidArgument("'" + text + "' is not a person id (a positive number)");
}

void AddInitCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto* cmd = app.add_subcommand("init", "Create the database (or bring its schema up to date)");
  cmd->footer("Example: reunite --db cases.db init");
  cmd->callback([&global, exit_code] {
    auto db = OpenDatabase(global);
    if (!db.ok()) {
      *exit_code = Fail(db.status());
      return;
    }
    std::cout << "database ready: " << (global.db.empty() ? Database::DefaultUrl() : global.db) << " (schema version " << (*db)->schema_version() << ")\n";
  });
}

}  // namespace reunite::cli
