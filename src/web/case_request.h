// What a route that reads or writes case data needs: the signed-in user and the
// library's protected services acting as that user, on a connection leased for
// this request (access/services.h). The connection itself stays out of reach:
// routes reach case data, the audit log and accounts only through access/, so its
// withholding and audit hold on every route (tests/layering/one_path_test.sh).
#pragma once
#include <functional>

#include <httplib.h>

#include "access/services.h"
#include "web/routes.h"

namespace reunite::web {

struct CaseRequest {
  const Principal& user;
  CaseAccess& access;          // services.cases()
  AccessServices& services;    // review, workflow, reports, imports, accounts, anchors
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
