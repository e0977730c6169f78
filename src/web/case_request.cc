#include "web/case_request.h"

#include "store/database_pool.h"
#include "web/http_util.h"

namespace reunite::web {

bool WithCaseRequest(const httplib::Request& req, const RouteContext& ctx,
                     const std::function<void(CaseRequest&)>& handle) {
  if (!ctx.pool || !ctx.auth) return false;
  auto user = CurrentUser(req, ctx);
  if (!user) return false;
  reunite::Principal who = user->who;  // its remote is the client's address (client_address.h)
  auto db = ctx.pool->Acquire();
  AccessServices services(*db, who, DefaultClock(), ctx.audit);
  CaseRequest request{*user, services.cases(), services};
  handle(request);
  return true;
}

int HttpStatusOf(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kUnauthenticated: return 401;
    case StatusCode::kPermissionDenied: return 403;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kAlreadyExists:
    case StatusCode::kConflict: return 409;
    case StatusCode::kTooManyAttempts: return 429;
    case StatusCode::kUnavailable: return 503;
    default: return 500;
  }
}

}  // namespace reunite::web
