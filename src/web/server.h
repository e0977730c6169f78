// The web workspace's HTTP(S) server: routes, security headers, limits and the
// authentication gate around cpp-httplib.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <thread>

#include "common/status.h"
#include "web/auth_seam.h"

namespace httplib {
class Server;
}

namespace reunite {
class AuditWriter;
class DatabasePool;
class SearchService;
}

namespace reunite::web {

// Workers by default: one per open keep-alive connection (see server.cc).
inline constexpr std::size_t kDefaultWorkers = 128;

struct ServerOptions {
  std::string cert_path;        // with key_path: serve HTTPS
  std::string key_path;
  std::size_t threads = 0;      // worker threads; 0: kDefaultWorkers
  bool secure_cookies = false;  // mark cookies Secure (always on with TLS; set it behind an HTTPS proxy)
  std::string trusted_proxy;    // the reverse proxy's address: its X-Forwarded-For is believed ("" none)
};

class WebServer {
 public:
  // auth must outlive the server, as must pool, search and audit when given (the
  // routes that read case data need the first two: each request leases a connection
  // from pool; audit batches the audit entries of reads, access/audit_writer.h).
  WebServer(Authenticator* auth, ServerOptions options = {}, DatabasePool* pool = nullptr,
            SearchService* search = nullptr, AuditWriter* audit = nullptr);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  // Binds to bind:port (port 0: any free port) and serves on a background thread.
  // Returns the bound port; InvalidArgument if the address cannot be bound or TLS files fail to load.
  Result<int> Start(const std::string& bind, int port);

  // Stops accepting, finishes requests in flight, and joins the thread. Idempotent.
  void Stop();

  bool running() const;
  bool tls() const { return !options_.cert_path.empty(); }

 private:
  void Configure();

  Authenticator* auth_;
  DatabasePool* pool_;
  SearchService* search_;
  AuditWriter* audit_;
  ServerOptions options_;
  std::unique_ptr<httplib::Server> server_;
  int listen_socket_ = -1;  // the bound socket, for its backlog (see Configure)
  std::thread thread_;
};

}  // namespace reunite::web
