// Shared pieces of the JSON API (api_*.cc): the route table, JSON encoders of the
// library's values, paging, CSRF and error answers. Internal to src/web.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "access/audit.h"
#include "access/case_access.h"
#include "access/review_access.h"
#include "common/status.h"
#include "web/case_request.h"
#include "web/routes.h"

namespace reunite::web::api {

using Json = nlohmann::json;
using httplib::Request;
using httplib::Response;
using Handler = void (*)(const Request&, Response&, const RouteContext&);

// One API route. `path` is as the OpenAPI document writes it ("/api/families/{id}");
// the router matches "{id}" as a number. One table serves the router, the document
// test and nothing else, so a route cannot be served without being documented.
struct ApiRoute {
  const char* method;  // "GET", "POST", "PUT"
  const char* path;
  Handler handler;
};

std::vector<ApiRoute> CaseRoutes();    // api_case_routes.cc: families, people, me, openapi
std::vector<ApiRoute> ReviewRoutes();  // api_review_routes.cc: review queue, list import
std::vector<ApiRoute> AdminRoutes();   // api_admin_routes.cc: users, audit
std::vector<ApiRoute> AccountRoutes();  // api_account_routes.cc: API tokens, one's own password
// The tracing and reunification workflow (access/workflow_access.h):
std::vector<ApiRoute> WorkflowRoutes();        // api_workflow_routes.cc: one adult's tracing, contacts, tasks, flags
std::vector<ApiRoute> FamilyWorkflowRoutes();  // api_workflow_family.cc: decisions, logistics, closure
std::vector<ApiRoute> ReportRoutes();          // api_report_routes.cc: deadlines, overdue and status reports
// Every route above, in the order registered.
std::vector<ApiRoute> AllApiRoutes();

// Answers.
void SendJson(Response& res, const Json& body, int status = 200);
// {"error": {...}} for a library error, with HttpStatusOf's status.
void SendStatusError(Response& res, const Status& status);
// The library names a bad input by its own field ("date: ..."), as the CLI's flags
// do; an API body may call it otherwise ("decided_on"). Renames the leading field of
// an InvalidArgument message from `from` to `to` when the rest starts with `then`.
Status RenameField(const Status& status, const std::string& from, const std::string& to,
                   const std::string& then = "");

// ?limit=&offset=: defaults 50 and 0, limit at most kMaxLimit. Sends 400 and
// returns nullopt for a value that is not a number in range.
inline constexpr int kMaxLimit = 500;
struct Paging {
  int limit = 50;
  int offset = 0;
};
std::optional<Paging> ParsePaging(const Request& req, Response& res);
// An optional integer parameter; sends 400 when present and not a number.
bool IntParam(const Request& req, Response& res, const char* name, std::optional<int>& out);
Json PageJson(Json items, long total, const Paging& paging);
// The items of `all` on the page, for lists the library returns whole.
Json Slice(const Json& all, const Paging& paging);

// The {id} of a route path; 0 when it does not parse (no route then matches).
std::int64_t PathId(const Request& req);
// The request body as a JSON object; sends 400 and returns nullopt otherwise
// (an empty body reads as {}).
std::optional<Json> BodyObject(const Request& req, Response& res);

// A string member of a request body: nullopt when absent; 400 (and false) when it
// is there but not a string.
bool StringMember(const Json& body, Response& res, const char* name, std::optional<std::string>& out);

// Runs `handle` for the signed-in user; POSTs and PUTs from a browser session must carry
// the session's CSRF token in X-CSRF-Token (403 otherwise). API-token callers
// (Authorization: Bearer) send none: no cookie rides along with their requests.
void WithUser(const Request& req, Response& res, const RouteContext& ctx,
              const std::function<void(CaseRequest&)>& handle);

// Encoders.
// "protected": at risk, or the same person as a record at risk (withheld alike).
Json PersonJson(const Person& person, const std::vector<std::string>& withheld, bool at_risk, bool protected_person);
Json PersonViewJson(const PersonView& view);
// A candidate with its explanation decoded (match/explanation_json.h): null, with
// "explanation_error", when the stored text does not read; "withheld" lists the
// field groups whose values the explanation withholds ("[withheld]"), and
// "touches_protected" says that a record of the pair is a protected person.
Json CandidateJson(const ReviewCandidate& candidate, const CandidateProtection& protection);
// One candidate as GET /api/review/{id} answers: the candidate, both people, and the
// run that scored it with its models' health ("run" null when none was recorded).
Json ReviewItemJson(const ReviewItem& item);
Json AuditJson(const AuditEntry& entry);
Json JournalJson(const JournalEntry& entry);

}  // namespace reunite::web::api
