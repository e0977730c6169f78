#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <iostream>

#include "cli/cli.h"
#include "ingest/field_guard.h"
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

namespace {

// "<path>: no such file or directory", in the system's words.
Status OsError(const std::string& path, int err) {
  std::string why = std::strerror(err);
  if (!why.empty()) why[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(why[0])));
  return Status::IOError(path + ": " + why);
}

Status TooLarge(const std::string& path, std::size_t bytes, std::size_t limit) {
  return Status::InvalidArgument(path + ": " + TooLargeProblem(bytes, limit).message +
                                 ", or raise the limit with --max-bytes");
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

Result<std::string> ReadFile(const std::string& path, std::size_t max_bytes) {
  // Without O_NONBLOCK, opening a FIFO would wait for a writer; what was opened is
  // then checked (fstat), not the name, which could change in between.
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) return OsError(path, errno);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return OsError(path, errno);
  if (S_ISDIR(st.st_mode)) return Status::IOError(path + ": is a directory");
  if (!S_ISREG(st.st_mode))
    return Status::IOError(path + ": not a regular file (a FIFO, socket or device); save it to a file first");
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size > max_bytes) return TooLarge(path, size, max_bytes);
  // Read straight into the result: one copy of the file in memory, not two.
  std::string bytes(size, '\0');
  std::size_t used = 0;
  while (used < size) {
    const ssize_t n = ::read(fd.get(), bytes.data() + used, size - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return OsError(path, errno);
    if (n == 0) break;  // it shrank while read
    used += static_cast<std::size_t>(n);
  }
  bytes.resize(used);
  // What was added while it was read, still within the limit.
  for (char more[1 << 16];;) {
    const ssize_t n = ::read(fd.get(), more, sizeof more);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return OsError(path, errno);
    if (n == 0) break;
    if (bytes.size() + static_cast<std::size_t>(n) > max_bytes)
      return TooLarge(path, bytes.size() + static_cast<std::size_t>(n), max_bytes);
    bytes.append(more, static_cast<std::size_t>(n));
  }
  return bytes;
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
