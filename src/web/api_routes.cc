// The JSON API under /api/: everything the pages do, with the same authorisation
// (access/case_access.h, review_access.h, import_access.h, accounts.h). Errors are
// {"error": {"code", "message"}}; lists are {"items", "total", "limit", "offset"}.
// The routes are in api_case_routes.cc, api_review_routes.cc, api_admin_routes.cc and,
// for the workflow (access/workflow_access.h, report_access.h), api_workflow_*.cc and
// api_report_routes.cc.
#include <regex>

#include "web/api_internal.h"
#include "web/body_limit.h"

namespace reunite::web {

namespace api {

std::vector<ApiRoute> AllApiRoutes() {
  std::vector<ApiRoute> all = CaseRoutes();
  for (auto part : {ReviewRoutes(), AdminRoutes(), AccountRoutes(), WorkflowRoutes(), FamilyWorkflowRoutes(),
                    ReportRoutes()})
    all.insert(all.end(), part.begin(), part.end());
  return all;
}

}  // namespace api

void RegisterApiRoutes(httplib::Server& server, const RouteContext& ctx) {
  for (const api::ApiRoute& route : api::AllApiRoutes()) {
    const std::string pattern = std::regex_replace(route.path, std::regex(R"(\{id\})"), R"((\d+))");
    auto handler = [ctx, fn = route.handler](const httplib::Request& req, httplib::Response& res) {
      fn(req, res, ctx);
    };
    const std::string method = route.method;
    if (method == "GET") server.Get(pattern, handler);
    else if (method == "PUT") server.Put(pattern, WithLimitedBody(handler));
    else server.Post(pattern, WithLimitedBody(handler));
  }
}

}  // namespace reunite::web
