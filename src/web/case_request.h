// What a route that reads or writes case data needs: the signed-in user, a
// connection leased for this request, and the library's protected service acting as
// that user (access/case_access.h). Routes never query the store directly.
#pragma once
#include <functional>

#include <httplib.h>

#include "access/case_access.h"
#include "store/database_pool.h"
#include "web/routes.h"

namespace reunite::web {

struct CaseRequest {
  const Principal& user;
  Database& db;      // the leased connection (for ReviewQueue and other services)
  CaseAccess& access;
};

// Runs `handle` for a signed-in user; false (nothing run) when there is none. The
// principal's remote is the client's address (behind a trusted proxy, from
// X-Forwarded-For), for the audit log.
bool WithCaseRequest(const httplib::Request& req, const RouteContext& ctx,
                     const std::function<void(CaseRequest&)>& handle);

// The HTTP status for a library error: 400 InvalidArgument, 401 Unauthenticated,
// 403 PermissionDenied, 404 NotFound, 409 Conflict and AlreadyExists, 429 TooManyAttempts,
// 503 Unavailable, else 500.
int HttpStatusOf(const Status& status);

}  // namespace reunite::web
