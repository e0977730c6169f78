// Test support (header-only, included by tests only: store, linkage, access): every store test
// runs against SQLite and against a real PostgreSQL server that the test binary
// starts itself in a temporary directory and stops at exit. Missing PostgreSQL
// binaries fail the tests (scripts/install-deps.sh installs them); they never skip.
#pragma once
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "common/status.h"
#include "store/database.h"  // first SOCI include (see store/soci_includes.h)

#include <soci/postgresql/soci-postgresql.h>

namespace reunite::testing {

namespace fs = std::filesystem;

// A throwaway PostgreSQL cluster: trust auth, superuser "postgres", durability off.
class TestPostgres {
 public:
  static TestPostgres& Instance() {
    static TestPostgres server;
    return server;
  }

  // Starts the server on first call; returns a url for a new, empty database.
  // A failed start is reported to every caller, not retried.
  Result<std::string> NewDatabaseUrl() {
    if (!start_error_.ok()) return start_error_;
    if (!started_) {
      if (Status s = Start(); !s.ok()) {
        start_error_ = s;
        Stop();
        return s;
      }
    }
    std::string name = "t_" + std::to_string(++databases_);
    try {
      soci::session admin(*soci::factory_postgresql(), Url("postgres"));
      admin << "CREATE DATABASE " + name;
    } catch (const std::exception& e) {
      return Status::StorageError(std::string("CREATE DATABASE failed: ") + e.what());
    }
    return Url(name);
  }

  void Stop() {
    if (started_) Run(Bin("pg_ctl") + " -D " + (dir_ / "data").string() + " -m fast -w stop > /dev/null");
    started_ = false;
    if (!dir_.empty()) fs::remove_all(dir_);
    dir_.clear();
  }

 private:
  ~TestPostgres() { Stop(); }

  std::string Url(const std::string& db) const {
    return "host=127.0.0.1 port=" + std::to_string(port_) + " dbname=" + db + " user=postgres";
  }

  // The newest installed /usr/lib/postgresql/<major>/bin.
  static fs::path FindBinDir() {
    fs::path best;
    int best_major = -1;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
      int major = std::atoi(entry.path().filename().c_str());
      if (major > best_major && fs::exists(entry.path() / "bin" / "initdb")) {
        best_major = major;
        best = entry.path() / "bin";
      }
    }
    return best;
  }

  // initdb and postgres refuse to run as root, so run them as the postgres user.
  std::string Bin(const std::string& tool) const {
    std::string path = (bin_ / tool).string();
    return geteuid() == 0 ? "runuser -u postgres -- " + path : path;
  }

  static int Run(const std::string& command) { return std::system(command.c_str()); }

  // A TCP port that was free a moment ago (bind to port 0 and read it back).
  static int FreePort() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int port = 0;
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
      port = ntohs(addr.sin_port);
    close(fd);
    return port;
  }

  Status MakeDir() {
    char tmpl[] = "/tmp/reunite-pg-XXXXXX";
    if (!mkdtemp(tmpl)) return Status::IOError("mkdtemp failed");
    dir_ = tmpl;
    if (geteuid() != 0) return Status::Ok();
    passwd* pg = getpwnam("postgres");
    if (!pg || chown(dir_.c_str(), pg->pw_uid, pg->pw_gid) != 0)
      return Status::IOError("running as root but cannot hand " + dir_.string() + " to user postgres");
    return Status::Ok();
  }

  Status Start() {
    bin_ = FindBinDir();
    if (bin_.empty())
      return Status::NotFound("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin; "
                              "run scripts/install-deps.sh (package postgresql)");
    if (Status s = MakeDir(); !s.ok()) return s;
    // initdb's output is captured by this process; the server's log is written by
    // the server's user, so the two go to different files.
    const std::string data = (dir_ / "data").string(), initdb_log = (dir_ / "initdb.log").string(),
                      log = (dir_ / "server.log").string();
    if (Run(Bin("initdb") + " -D " + data + " -A trust -U postgres -E UTF8 --no-locale --no-sync > " +
            initdb_log + " 2>&1") != 0)
      return Status::IOError("initdb failed: " + Tail(initdb_log));
    for (int attempt = 0; attempt < 3 && !started_; ++attempt) {
      port_ = FreePort();
      std::string options = "-p " + std::to_string(port_) + " -k " + dir_.string() +
                            " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                            " -c full_page_writes=off";
      started_ = Run(Bin("pg_ctl") + " -D " + data + " -l " + log + " -w -t 30 -o '" + options +
                     "' start > /dev/null 2>&1") == 0;
    }
    if (!started_) return Status::IOError("postgres did not start; log: " + Tail(log));
    return Status::Ok();
  }

  static std::string Tail(const std::string& file) {
    std::ifstream in(file);
    std::stringstream all;
    all << in.rdbuf();
    std::string text = all.str();
    return text.size() > 2000 ? text.substr(text.size() - 2000) : text;
  }

  fs::path bin_, dir_;
  int port_ = 0;
  int databases_ = 0;
  bool started_ = false;
  Status start_error_;
};

// Stops the server when the test binary finishes.
class PostgresEnvironment : public ::testing::Environment {
 public:
  void TearDown() override { TestPostgres::Instance().Stop(); }
};
inline ::testing::Environment* const kPostgresEnvironment =
    ::testing::AddGlobalTestEnvironment(new PostgresEnvironment);

// Base fixture: GetParam() is "sqlite" or "postgresql"; SetUp opens a fresh,
// migrated database of that kind in db_ (url_ to reopen it).
class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      char tmpl[] = "/tmp/reunite-store-XXXXXX";
      ASSERT_NE(mkdtemp(tmpl), nullptr);
      sqlite_dir_ = tmpl;
      url_ = (sqlite_dir_ / "test.db").string();
    } else {
      Result<std::string> url = TestPostgres::Instance().NewDatabaseUrl();
      ASSERT_TRUE(url.ok()) << "PostgreSQL test server: " << url.status().ToString();
      url_ = *url;
    }
    auto db = Database::Open(url_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
  }
  void TearDown() override {
    db_.reset();
    if (!sqlite_dir_.empty()) fs::remove_all(sqlite_dir_);
  }

  std::string url_;
  std::unique_ptr<Database> db_;

 private:
  fs::path sqlite_dir_;
};

inline std::string BackendName(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

}  // namespace reunite::testing

// Runs every TEST_P of `suite` on both back ends.
#define REUNITE_ON_BOTH_BACKENDS(suite)                                                         \
  INSTANTIATE_TEST_SUITE_P(Backends, suite, ::testing::Values("sqlite", "postgresql"), \
                           ::reunite::testing::BackendName)
