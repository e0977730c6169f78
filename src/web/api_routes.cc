// The JSON API under /api/: everything the pages do, with the same authorisation
// (access/case_access.h). Errors are {"error": {"code", "message"}}.
#include "web/routes.h"

namespace reunite::web {

void RegisterApiRoutes(httplib::Server& server, const RouteContext& ctx) {
  (void)server;
  (void)ctx;
}

}  // namespace reunite::web
