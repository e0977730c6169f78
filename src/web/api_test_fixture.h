// Test support for the JSON API tests: a server on 127.0.0.1 over a SQLite temp
// database seeded with access/test_cases.h's families, a signed-in session (cookie
// and CSRF token) per role, and an API token of a coordinator. Built once per
// test binary: logins hash passwords, which is slow on purpose.
#pragma once
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "access/accounts.h"
#include "access/audit_writer.h"
#include "access/search_service.h"
#include "access/test_cases.h"
#include "store/database_pool.h"
#include "web/access_authenticator.h"
#include "web/server.h"

namespace reunite::web::testing {

// The callers of the authorisation matrices: every role, a field searcher of
// another team, and no session ("none").
inline const std::vector<std::string> kWho = {"admin",          "coordinator",          "case_worker",
                                              "field_searcher", "field_searcher_south", "government_liaison",
                                              "auditor",        "none"};

// One row of a matrix: a request and the status expected for each of kWho.
struct Call {
  std::string method, path, body;
  std::vector<int> want;  // per kWho
};

inline constexpr const char* kPassword = "correct horse battery staple";

struct Login {
  std::string cookie;  // "reunite_session=..."
  std::string csrf;
};

class ApiWorld {
 public:
  // The world called `name`, started on first use: tests that leave the seed
  // changed in ways others would notice (the workflow panel moves parents through
  // tracing) use one of their own, with its own database and server.
  // `options` serve the world when it starts (a trusted proxy, say), with
  // `connections` pooled database connections (as many requests at once).
  static ApiWorld& Get(const std::string& name = "shared", const ServerOptions& options = {}, int connections = 4) {
    static std::map<std::string, std::unique_ptr<ApiWorld>> worlds;
    std::unique_ptr<ApiWorld>& world = worlds[name];
    if (!world) world.reset(new ApiWorld(options, connections));
    return *world;
  }
  ~ApiWorld() {
    server_->Stop();
    std::filesystem::remove_all(dir_);
  }

  int port = 0;
  reunite::testing::SeededCases seed;
  std::map<std::string, Login> logins;  // by role name; field_searcher is team north
  std::string coordinator_token;        // an API token
  std::string db_url;                   // the server's database, for tests that count its rows

  httplib::Headers As(const std::string& who, bool csrf = true) const {
    if (who == "none") return {};
    const Login& l = logins.at(who);
    httplib::Headers h = {{"Cookie", l.cookie}};
    if (csrf) h.emplace("X-CSRF-Token", l.csrf);
    return h;
  }

 private:
  ApiWorld(const ServerOptions& options, int connections) {
    char tmpl[] = "/tmp/reunite_api_XXXXXX";
    dir_ = mkdtemp(tmpl);
    const std::string url = (dir_ / "api.db").string();
    db_url = url;
    auto pool = DatabasePool::Open(url, connections);
    auto search_db = Database::Open(url);
    EXPECT_TRUE(pool.ok() && search_db.ok());
    pool_ = std::move(*pool);
    search_db_ = std::move(*search_db);
    search_ = std::make_unique<SearchService>(*search_db_);
    auto audit_db = Database::Open(url);
    EXPECT_TRUE(audit_db.ok());
    audit_db_ = std::move(*audit_db);
    audit_ = std::make_unique<AuditWriter>(*audit_db_);
    auto db = pool_->Acquire();
    seed = reunite::testing::SeedCases(*db, DefaultClock());
    CreateUsers(*db);
    auth_ = std::make_unique<AccessAuthenticator>(*pool_);
    server_ = std::make_unique<WebServer>(auth_.get(), options, pool_.get(), search_.get(), audit_.get());
    port = *server_->Start("127.0.0.1", 0);
  }
  void CreateUsers(Database& db) {
    Accounts accounts(db);
    const reunite::Principal root = reunite::Principal::LocalOperator("root");
    EXPECT_TRUE(accounts.CreateOrganisation(root, "Kids in Need").ok());
    auto add = [&](const std::string& name, UserRole role, const std::string& team) {
      NewUser u{name, "Kids in Need", role, kPassword, team, "en"};
      auto id = accounts.CreateUser(root, u);
      EXPECT_TRUE(id.ok()) << name << ": " << id.status().ToString();
      auto session = accounts.Login(name, kPassword, "127.0.0.1");
      EXPECT_TRUE(session.ok()) << name << ": " << session.status().ToString();
      if (session.ok()) logins[name] = {"reunite_session=" + session->token, session->csrf_token};
    };
    for (UserRole role : AllUserRoles())
      add(ToString(role), role, role == UserRole::kFieldSearcher ? "north" : "");
    add("field_searcher_south", UserRole::kFieldSearcher, "south");
    auto token = accounts.CreateApiToken(root, "coordinator", "integration");
    EXPECT_TRUE(token.ok()) << token.status().ToString();
    if (token.ok()) coordinator_token = token->token;
  }

  std::filesystem::path dir_;
  std::unique_ptr<DatabasePool> pool_;
  std::unique_ptr<Database> search_db_;
  std::unique_ptr<SearchService> search_;
  std::unique_ptr<Database> audit_db_;
  std::unique_ptr<AuditWriter> audit_;
  std::unique_ptr<AccessAuthenticator> auth_;
  std::unique_ptr<WebServer> server_;
};

// One answer of the API, its body parsed when it is JSON (else discarded).
struct Answer {
  int status = 0;
  nlohmann::json json;
  std::string body;
  std::string content_type;
  std::string disposition;
};

// `method` `path` as `who` (a role name, "field_searcher_south" or "none").
inline Answer Ask(const std::string& who, const std::string& method, const std::string& path,
                  const std::string& body = "") {
  ApiWorld& w = ApiWorld::Get();
  httplib::Client cli("127.0.0.1", w.port);
  httplib::Result res = method == "GET"   ? cli.Get(path, w.As(who))
                        : method == "PUT" ? cli.Put(path, w.As(who), body, "application/json")
                                          : cli.Post(path, w.As(who), body, "application/json");
  EXPECT_TRUE(res) << method << " " << path;
  if (!res) return {};
  return {res->status, nlohmann::json::parse(res->body, nullptr, false), res->body,
          res->get_header_value("Content-Type"), res->get_header_value("Content-Disposition")};
}

// The rows of the server's change journal.
inline long JournalRows() {
  auto db = Database::Open(ApiWorld::Get().db_url);
  EXPECT_TRUE(db.ok());
  if (!db.ok()) return -1;
  long n = 0;
  (*db)->session() << "SELECT COUNT(*) FROM journal", soci::into(n);
  return n;
}

}  // namespace reunite::web::testing
