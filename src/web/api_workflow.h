// Shared pieces of the workflow's JSON API (api_workflow_*.cc, api_report_routes.cc):
// running a handler with a WorkflowAccess for the signed-in user, reading typed
// members of a request body, and the JSON of the workflow's records. The rules
// and vocabularies stay the library's: the body reader checks JSON types only.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "access/workflow_access.h"
#include "web/api_internal.h"

namespace reunite::web::api {

// Runs `handle` with a WorkflowAccess acting as the signed-in user (as WithUser:
// 401 without a user, 403 for a session write without the CSRF token).
void WithWorkflow(const Request& req, Response& res, const RouteContext& ctx,
                  const std::function<void(CaseRequest&, WorkflowAccess&)>& handle);

// Reads members of a JSON body by type. The first missing required member or
// member of the wrong type sends 400 naming it; later reads then do nothing, so
// a handler reads every member and checks ok() once before acting.
class BodyFields {
 public:
  BodyFields(const Json& body, Response& res) : body_(body), res_(res) {}

  // A string; "" when absent and not required.
  std::string Text(const char* name, bool required = false);
  // A whole number (a person or record id); 0 when absent and not required.
  std::int64_t Id(const char* name, bool required = false);
  // true or false; nullopt when absent.
  std::optional<bool> Flag(const char* name);
  bool ok() const { return ok_; }

 private:
  bool Refuse(const std::string& message);

  const Json& body_;
  Response& res_;
  bool ok_ = true;
};

// Runs `handle` with the reader over the request body; sends 400 when the body is
// not a JSON object.
void WithBody(const Request& req, Response& res, const std::function<void(BodyFields&)>& handle);

// Encoders of the workflow's records (workflow/records.h).
Json ContactJson(const workflow::Contact& c);
Json SearchTaskJson(const workflow::SearchTask& t);
Json SearchPlanRowJson(const workflow::SearchPlanRow& r);
Json DecisionJson(const workflow::Decision& d);
Json EligibilityJson(const workflow::EligibilityView& view);
Json LogisticsJson(const workflow::Logistics& l);
Json ClosureJson(const workflow::Closure& c);
Json DeadlineJson(const workflow::Deadline& d);
Json DueItemJson(const workflow::DueItem& d);

// 201 {"id": id} for a created record.
void SendCreated(Response& res, std::int64_t id);

}  // namespace reunite::web::api
