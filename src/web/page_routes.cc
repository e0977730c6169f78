// The case worker's pages: server-rendered HTML from templates, with htmx.
#include "web/routes.h"

namespace reunite::web {

void RegisterPageRoutes(httplib::Server& server, const RouteContext& ctx) {
  (void)server;
  (void)ctx;
}

}  // namespace reunite::web
