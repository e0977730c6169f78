// The workflow API's shared helpers: the WorkflowAccess of a request, the body
// reader and the encoders of the workflow's records.
#include "web/api_workflow.h"

#include "web/http_util.h"

namespace reunite::web::api {

using namespace workflow;

void WithWorkflow(const Request& req, Response& res, const RouteContext& ctx,
                  const std::function<void(CaseRequest&, WorkflowAccess&)>& handle) {
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    // CaseAccess's principal carries the request's address for the audit log.
    WorkflowAccess workflow = cr.services.workflow();
    handle(cr, workflow);
  });
}

bool BodyFields::Refuse(const std::string& message) {
  if (ok_) SendJsonError(res_, 400, "bad_request", message);
  ok_ = false;
  return false;
}

std::string BodyFields::Text(const char* name, bool required) {
  if (!ok_) return "";
  if (!body_.contains(name)) {
    if (required) Refuse(std::string(name) + " is required");
    return "";
  }
  if (!body_[name].is_string()) return Refuse(std::string(name) + " must be a string"), "";
  return body_[name].get<std::string>();
}

std::int64_t BodyFields::Id(const char* name, bool required) {
  if (!ok_) return 0;
  if (!body_.contains(name)) {
    if (required) Refuse(std::string(name) + " is required");
    return 0;
  }
  if (!body_[name].is_number_integer()) return Refuse(std::string(name) + " must be a whole number"), 0;
  return body_[name].get<std::int64_t>();
}

std::optional<bool> BodyFields::Flag(const char* name) {
  if (!ok_ || !body_.contains(name)) return std::nullopt;
  if (!body_[name].is_boolean()) return Refuse(std::string(name) + " must be true or false"), std::nullopt;
  return body_[name].get<bool>();
}

void WithBody(const Request& req, Response& res, const std::function<void(BodyFields&)>& handle) {
  std::optional<Json> body = BodyObject(req, res);
  if (!body) return;
  BodyFields fields(*body, res);
  handle(fields);
}

Json ContactJson(const Contact& c) {
  return {{"id", c.id},         {"adult_id", c.adult_id}, {"child_id", c.child_id}, {"kind", c.kind},
          {"result", c.result}, {"number", c.number},     {"place", c.place},       {"team", c.team},
          {"through", c.through}, {"at", c.at},           {"recorded_by", c.recorded_by}, {"notes", c.notes}};
}

Json SearchTaskJson(const SearchTask& t) {
  return {{"id", t.id},
          {"adult_id", t.adult_id},
          {"country", t.country},
          {"department", t.department},
          {"municipality", t.municipality},
          {"village", t.village},
          {"organisation", t.organisation},
          {"team", t.team},
          {"status", t.status},
          {"result", t.result},
          {"created_at", t.created_at},
          {"created_by", t.created_by},
          {"closed_at", t.closed_at},
          {"last_attempt", t.last_attempt}};
}

Json SearchPlanRowJson(const SearchPlanRow& r) {
  return {{"country", r.country},       {"department", r.department}, {"municipality", r.municipality},
          {"village", r.village},       {"open_tasks", r.open_tasks}, {"last_attempt", r.last_attempt}};
}

Json DecisionJson(const Decision& d) {
  return {{"id", d.id},
          {"child_id", d.child_id},
          {"adult_id", d.adult_id},
          {"kind", d.kind},
          {"language", d.language},
          {"interpreter_used", d.interpreter_used},
          {"interpreter", d.interpreter},
          {"witness", d.witness},
          {"decided_on", d.decided_on},
          {"signed", d.signed_form},
          {"reason", d.reason},
          {"recorded_at", d.recorded_at},
          {"recorded_by", d.recorded_by}};
}

namespace {

Json FlagJson(const EligibilityFlag& f) {
  return {{"id", f.id},
          {"adult_id", f.adult_id},
          {"kind", f.kind},
          {"evidence", f.evidence},
          {"reviewer", f.reviewer},
          {"finality", f.finality},
          {"contested", f.contested},
          {"outcome", f.outcome},
          {"reassess_by", f.reassess_by},
          {"open", f.open},
          {"resolution", f.resolution},
          {"created_at", f.created_at},
          {"created_by", f.created_by},
          {"resolved_at", f.resolved_at},
          {"resolved_by", f.resolved_by}};
}

}  // namespace

Json EligibilityJson(const EligibilityView& view) {
  Json flags = Json::array();
  for (const EligibilityFlag& f : view.flags) flags.push_back(FlagJson(f));
  return {{"adult_id", view.adult_id}, {"status", view.status}, {"flags", flags}};
}

Json LogisticsJson(const Logistics& l) {
  Json steps = Json::array();
  for (const LogisticsStepDone& s : l.steps)
    steps.push_back({{"step", s.step}, {"done_on", s.done_on}, {"done_by", s.done_by},
                     {"recorded_at", s.recorded_at}, {"recorded_by", s.recorded_by}});
  return {{"plan", l.plan}, {"steps", steps}, {"next_step", l.next_step}};
}

Json ClosureJson(const Closure& c) {
  return {{"closed", c.closed()}, {"reason", c.reason}, {"note", c.note}, {"updated_at", c.updated_at},
          {"updated_by", c.updated_by}};
}

Json DeadlineJson(const Deadline& d) {
  return {{"id", d.id},           {"title", d.title},       {"kind", d.kind},
          {"due_at", d.due_at},   {"child_id", d.child_id}, {"adult_id", d.adult_id},
          {"done_at", d.done_at}, {"open", d.done_at.empty()}, {"created_at", d.created_at},
          {"created_by", d.created_by}};
}

Json DueItemJson(const DueItem& d) {
  return {{"source", d.source},     {"deadline_id", d.deadline_id}, {"title", d.title},
          {"kind", d.kind},         {"due_at", d.due_at},           {"child_id", d.child_id},
          {"adult_id", d.adult_id}, {"overdue", d.overdue}};
}

void SendCreated(Response& res, std::int64_t id) { SendJson(res, {{"id", id}}, 201); }

}  // namespace reunite::web::api
