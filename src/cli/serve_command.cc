// reunite serve: the web workspace over HTTP(S) until SIGINT or SIGTERM.
#include <csignal>
#include <ctime>
#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <thread>

#include "cli/cli.h"
#include "access/audit_chain.h"
#include "access/audit_writer.h"
#include "access/search_service.h"
#include "store/database_pool.h"
#include "web/access_authenticator.h"
#include "web/client_address.h"
#include "web/server.h"

namespace reunite::cli {
namespace {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string cert;
  std::string key;
  bool secure_cookies = false;
  std::string trusted_proxy;
  int anchor_minutes = 60;
};

// Waits on the calling thread for SIGINT or SIGTERM (blocked in every thread, so none is
// interrupted mid-request), or for the server to stop on its own; calls `each_second`
// in between.
void WaitForShutdown(const sigset_t& signals, const web::WebServer& server, const std::function<void()>& each_second) {
  timespec tick{1, 0};
  while (server.running()) {
    if (sigtimedwait(&signals, nullptr, &tick) > 0) return;
    each_second();
  }
}

// Records an anchor of the hash chains every `minutes` when they have moved
// (docs/audit_chain.md) and prints its line, so a log collector off this machine
// keeps a copy.
class PeriodicAnchor {
 public:
  PeriodicAnchor(DatabasePool& pool, const std::string& actor, int minutes)
      : pool_(pool), by_(Principal::LocalOperator(actor)), every_(std::chrono::minutes(minutes)) {}
  void operator()() {
    if (every_.count() <= 0 || std::chrono::steady_clock::now() < next_) return;
    next_ = std::chrono::steady_clock::now() + every_;
    auto db = pool_.Acquire();
    Result<std::optional<Anchor>> anchor = RecordAnchorIfMoved(*db, DefaultClock(), by_);
    if (!anchor.ok()) std::cerr << "reunite: anchor: " << anchor.status().ToString() << std::endl;
    else if (*anchor) std::cout << "anchor " << FormatAnchor(**anchor) << std::endl;
  }

 private:
  DatabasePool& pool_;
  const Principal by_;
  const std::chrono::minutes every_;
  std::chrono::steady_clock::time_point next_ = std::chrono::steady_clock::now();
};

int Serve(const GlobalOptions& global, const ServeOptions& opts) {
  if (opts.cert.empty() != opts.key.empty()) {
    std::cerr << "reunite: --cert and --key go together\n";
    return kExitUsage;
  }
  if (!opts.trusted_proxy.empty() && web::CanonicalAddress(opts.trusted_proxy).empty()) {
    std::cerr << "reunite: --trusted-proxy '" << opts.trusted_proxy << "': give the proxy's IP address\n";
    return kExitUsage;
  }
  const std::string url = global.db.empty() ? Database::DefaultUrl() : global.db;
  // Opened first to bring the schema up to date (once) and report a bad --db; the
  // server itself reaches the database through the pool's connections.
  auto db = OpenDatabase(global);
  if (!db.ok()) return Fail(db.status());
  // Requests lease a connection each (a SOCI session is not thread-safe): several per
  // core keep the cores busy while others wait on the disk or for their audit
  // entries' shared commit (which holds the lease; the more reads wait together, the
  // more share a commit); one more connection holds the resident search index.
  const int connections = static_cast<int>(std::max(16u, 8 * std::thread::hardware_concurrency()));
  auto pool = DatabasePool::Open(url, connections);
  if (!pool.ok()) return Fail(pool.status());
  auto search_db = Database::Open(url);
  if (!search_db.ok()) return Fail(search_db.status());
  SearchService search(**search_db);
  // And one for the audit entries of reads, written in shared transactions.
  auto audit_db = Database::Open(url);
  if (!audit_db.ok()) return Fail(audit_db.status());
  AuditWriter audit(**audit_db);
  // Block the signals before any server thread starts, so the threads inherit the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  web::AccessAuthenticator accounts(**pool);
  web::WebServer server(&accounts, {opts.cert, opts.key, 0, opts.secure_cookies, opts.trusted_proxy},
                        pool->get(), &search, &audit);
  auto port = server.Start(opts.bind, opts.port);
  if (!port.ok()) return Fail(port.status());
  std::string host = opts.bind.find(':') != std::string::npos ? "[" + opts.bind + "]" : opts.bind;
  std::cout << "listening on " << (server.tls() ? "https" : "http") << "://" << host << ":" << *port
            << std::endl;
  PeriodicAnchor anchor(**pool, global.actor, opts.anchor_minutes);
  WaitForShutdown(signals, server, std::ref(anchor));
  std::cout << "shutting down" << std::endl;
  server.Stop();
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the web workspace until interrupted (Ctrl-C)");
  cmd->add_option("--bind", opts->bind, "Address to listen on (default 127.0.0.1; 0.0.0.0 for all)");
  cmd->add_option("--port", opts->port, "Port (default 8080; 0 picks a free one)")->check(CLI::Range(0, 65535));
  cmd->add_option("--cert", opts->cert, "TLS certificate chain (PEM); with --key, serve HTTPS")->check(CLI::ExistingFile);
  cmd->add_option("--key", opts->key, "TLS private key (PEM)")->check(CLI::ExistingFile);
  cmd->add_flag("--secure-cookies", opts->secure_cookies,
                "Mark cookies Secure (behind an HTTPS reverse proxy; automatic with --cert)");
  cmd->add_option("--trusted-proxy", opts->trusted_proxy,
                  "The reverse proxy's IP address: from it alone, the client's address is read from "
                  "X-Forwarded-For (for the audit log and the login throttle)");
  cmd->add_option("--anchor-every", opts->anchor_minutes,
                  "Record an anchor of the audit log's and journal's hash chains every this many minutes when they\n"
                  "moved, and print it (default 60; 0: never)")
      ->check(CLI::Range(0, 1000000));
  cmd->footer("Example: reunite --db cases.db serve --port 8080\n"
              "Prints \"listening on http://HOST:PORT\" once it accepts connections.");
  cmd->callback([&global, opts, exit_code] { *exit_code = Serve(global, *opts); });
}

}  // namespace reunite::cli
