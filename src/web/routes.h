// The routes of the web workspace and the generic gates in front of them.
#pragma once
#include <httplib.h>

#include <string>

#include "web/auth_seam.h"

namespace reunite {
class AuditWriter;
class DatabasePool;
class SearchService;
}

namespace reunite::web {

struct RouteContext {
  Authenticator* auth = nullptr;
  bool secure_cookies = false;
  DatabasePool* pool = nullptr;     // connections for case data, one per request
  SearchService* search = nullptr;  // the resident person search
  AuditWriter* audit = nullptr;     // group commit for the audit entries of reads (none: each on its request's connection)
  std::string trusted_proxy;        // the reverse proxy whose X-Forwarded-For is believed ("" none; client_address.h)
};

// Registers every route on server; the handlers keep a copy of ctx, whose pointers must outlive it.
void RegisterRoutes(httplib::Server& server, const RouteContext& ctx);

// The signed-in user of a request: an API token (Authorization: Bearer) or the
// session cookie; nullopt when neither is valid.
std::optional<Principal> CurrentUser(const httplib::Request& req, const RouteContext& ctx);

// The JSON API under /api/ (api_routes.cc) and the case worker's pages
// (page_routes.cc), registered by RegisterRoutes.
void RegisterApiRoutes(httplib::Server& server, const RouteContext& ctx);
void RegisterPageRoutes(httplib::Server& server, const RouteContext& ctx);

// Runs before routing: refuses bodies over the path's limit (413), /api/ requests other
// than /api/login without a valid session (401 JSON), and those of a user who must
// change their password first, but for that change, /api/me and /api/logout (403
// "password_change_required"). Handled means the request was refused.
httplib::Server::HandlerResponse GateRequest(const httplib::Request& req, httplib::Response& res,
                                             const RouteContext& ctx);

// Answers `status` with the message `key` of the catalogs in the request's language:
// {"error": {...}} under /api/, an error page otherwise.
void SendLocalizedError(const httplib::Request& req, httplib::Response& res, int status, const std::string& key);

// Fills the body of an error response no handler wrote: JSON under /api/, a page otherwise.
void FillErrorBody(const httplib::Request& req, httplib::Response& res);

}  // namespace reunite::web
