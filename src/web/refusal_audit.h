// Refusals the web layer makes itself, audited as "denied" like the library's own
// (README: the audit log records every refusal): a form post or an API write
// without the session's CSRF token, the sign-in form without its token, a page the
// role may not open. Each entry says who (when known), the route and from where.
#pragma once
#include <string>

#include <httplib.h>

#include "access/principal.h"
#include "web/routes.h"

namespace reunite::web {

struct CaseRequest;

// The request's user signed in: the entry is theirs, on the request's connection
// (their remote, else the request's peer).
void AuditRefusal(CaseRequest& cr, const httplib::Request& req, const std::string& why);

// No one signed in: the entry names `claimed` (the username a sign-in form carried,
// maybe empty) with no role. Written on a connection leased from ctx.pool; nothing
// when the server has no database.
void AuditAnonymousRefusal(const RouteContext& ctx, const httplib::Request& req, const std::string& claimed,
                           const std::string& why);

// As AuditRefusal, on a connection leased from ctx.pool.
void AuditRefusal(const RouteContext& ctx, const httplib::Request& req, const reunite::Principal& who,
                  const std::string& why);

// The reason the CSRF refusals give.
inline constexpr const char* kCsrfRefusal = "missing or wrong CSRF token";

}  // namespace reunite::web
