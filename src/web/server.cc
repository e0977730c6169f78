#include "web/server.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <iostream>

#include <httplib.h>
#include <sys/socket.h>

#include "web/http_util.h"
#include "web/routes.h"

namespace reunite::web {
namespace {

void LogException(const httplib::Request& req, std::exception_ptr ep) {
  std::string what = "unknown exception";
  try {
    if (ep) std::rethrow_exception(ep);
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
  }
  // The method and route only: the query may hold names of people.
  std::cerr << "reunite web: " << req.method << " " << req.path << ": " << what << "\n";
}

}  // namespace

WebServer::WebServer(Authenticator* auth, ServerOptions options, DatabasePool* pool,
                     SearchService* search, AuditWriter* audit)
    : auth_(auth), pool_(pool), search_(search), audit_(audit), options_(std::move(options)) {
  if (tls()) {
    server_ = std::make_unique<httplib::SSLServer>(options_.cert_path.c_str(), options_.key_path.c_str());
    options_.secure_cookies = true;
  } else {
    server_ = std::make_unique<httplib::Server>();
  }
  Configure();
}

WebServer::~WebServer() { Stop(); }

void WebServer::Configure() {
  // cpp-httplib gives each keep-alive connection a worker for its whole life, so the
  // workers must outnumber the open connections (browsers, a proxy's upstream pool,
  // load tests), not the cores; idle workers only wait. Database connections are
  // leased per request from a smaller pool.
  std::size_t threads = options_.threads ? options_.threads : kDefaultWorkers;
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server_->set_payload_max_length(kMaxUploadBytes);
  server_->set_keep_alive_max_count(100);
  // Without TCP_NODELAY, Nagle and delayed ACKs hold each keep-alive response ~40 ms.
  server_->set_tcp_nodelay(true);
  // cpp-httplib listens with a backlog of 5: a burst of new connections (64 load-test
  // clients, a proxy opening its pool, keep-alive connections renewed after 100
  // requests) overflowed it, and each dropped SYN cost the client a 1 s retransmit.
  // The listening socket is noted here and given a full backlog in Start.
  server_->set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    listen_socket_ = static_cast<int>(sock);
  });
  server_->set_read_timeout(10);
  server_->set_write_timeout(10);
  const RouteContext ctx{auth_, options_.secure_cookies, pool_, search_, audit_, options_.trusted_proxy};
  server_->set_pre_routing_handler(
      [ctx](const httplib::Request& req, httplib::Response& res) { return GateRequest(req, res, ctx); });
  server_->set_error_handler(httplib::Server::Handler(FillErrorBody));
  // Never show an exception's text to the browser: it may hold case data, paths or the
  // libraries' internals. The operator finds it in the log.
  server_->set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    LogException(req, ep);
    res.status = 500;
    res.body.clear();
    FillErrorBody(req, res);
  });
  server_->set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    ApplySecurityHeaders(res);
  });
  RegisterRoutes(*server_, ctx);
}

Result<int> WebServer::Start(const std::string& bind, int port) {
  if (!server_->is_valid()) return Status::InvalidArgument("cannot load TLS certificate or key");
  if (thread_.joinable()) return Status::Conflict("server already started");
  int bound = port;
  if (port == 0) {
    bound = server_->bind_to_any_port(bind);
  } else if (!server_->bind_to_port(bind, port)) {
    bound = -1;
  }
  if (bound <= 0) return Status::InvalidArgument("cannot listen on " + bind + ":" + std::to_string(port));
  // Listening again on a listening socket only changes its backlog.
  if (listen_socket_ >= 0) ::listen(listen_socket_, SOMAXCONN);
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // stop() is a no-op until the accept loop runs, so wait for it: a Stop() right after
  // Start() must not leave the loop running forever.
  for (int i = 0; i < 500 && !server_->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return bound;
}

void WebServer::Stop() {
  if (!thread_.joinable()) return;
  server_->stop();
  thread_.join();
}

bool WebServer::running() const { return server_->is_running(); }

}  // namespace reunite::web
