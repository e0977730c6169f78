// The workflow API of one adult (docs/workflow.md §1-3, §5): tracing state,
// contacts, search tasks and the search plan, eligibility flags. Every read and
// write goes through WorkflowAccess as the signed-in user, which checks the role,
// the team scope and the rules, withholds what the user may not see, and audits.
#include "web/api_workflow.h"
#include "web/http_util.h"
#include "workflow/vocabulary.h"

namespace reunite::web::api {
namespace {

using namespace workflow;

// GET /api/people/{id}/workflow.
void GetAdultWorkflow(const Request& req, Response& res, const RouteContext& ctx) {
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    const PersonId adult = PathId(req);
    auto state = w.Tracing(adult);
    if (!state.ok()) return SendStatusError(res, state.status());
    auto contacts = w.Contacts(adult);
    if (!contacts.ok()) return SendStatusError(res, contacts.status());
    auto eligibility = w.Eligibility(adult);
    if (!eligibility.ok()) return SendStatusError(res, eligibility.status());
    TaskQuery query;
    query.adult_id = adult;
    query.status = "";  // every task of the adult, closed ones too
    auto tasks = w.SearchTasks(query);
    if (!tasks.ok()) return SendStatusError(res, tasks.status());
    Json contact_list = Json::array(), task_list = Json::array();
    for (const Contact& c : *contacts) contact_list.push_back(ContactJson(c));
    for (const SearchTask& t : *tasks) task_list.push_back(SearchTaskJson(t));
    SendJson(res, {{"adult_id", adult},
                   {"tracing", ToString(*state)},
                   {"contacts", contact_list},
                   {"eligibility", EligibilityJson(*eligibility)},
                   {"search_tasks", task_list}});
  });
}

// PUT /api/people/{id}/tracing {to, event_kind: contact|search_task, event_id, reason}.
void PutTracing(const Request& req, Response& res, const RouteContext& ctx) {
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    WithBody(req, res, [&](BodyFields& body) {
      const std::string to = body.Text("to", true), event_kind = body.Text("event_kind", true);
      const std::int64_t event_id = body.Id("event_id", true);
      const std::string reason = body.Text("reason");
      if (!body.ok()) return;
      TracingEventRef event;
      if (event_kind == "contact") event.contact_id = event_id;
      else if (event_kind == "search_task") event.task_id = event_id;
      else return SendJsonError(res, 400, "bad_request", "event_kind must be contact or search_task");
      Result<TracingState> target = ParseTracingState("to", to);
      if (!target.ok()) return SendStatusError(res, target.status());
      auto before = w.SetTracingState(PathId(req), *target, event, reason);
      if (!before.ok()) return SendStatusError(res, before.status());
      SendJson(res, {{"adult_id", PathId(req)}, {"before", ToString(*before)}, {"tracing", to}});
    });
  });
}

// POST /api/people/{id}/contacts {kind, result, number, place, team, through, child_id, at, notes}.
void PostContact(const Request& req, Response& res, const RouteContext& ctx) {
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    WithBody(req, res, [&](BodyFields& body) {
      Contact c;
      c.adult_id = PathId(req);
      c.kind = body.Text("kind", true);
      c.result = body.Text("result", true);
      c.number = body.Text("number");
      c.place = body.Text("place");
      c.team = body.Text("team");
      c.through = body.Text("through");
      c.child_id = body.Id("child_id");
      c.at = body.Text("at");
      c.notes = body.Text("notes");
      if (!body.ok()) return;
      auto id = w.AddContact(c);
      if (!id.ok()) return SendStatusError(res, id.status());
      SendCreated(res, *id);
    });
  });
}

// GET /api/search-tasks?team=&status=&country=&department=&adult_id=&limit=&offset=.
void ListSearchTasks(const Request& req, Response& res, const RouteContext& ctx) {
  auto paging = ParsePaging(req, res);
  if (!paging) return;
  std::optional<int> adult;
  if (!IntParam(req, res, "adult_id", adult)) return;
  TaskQuery query;
  query.adult_id = adult.value_or(0);
  query.team = req.get_param_value("team");
  query.country = req.get_param_value("country");
  query.department = req.get_param_value("department");
  if (req.has_param("status")) query.status = req.get_param_value("status");  // "" any; default open
  if (!query.status.empty())
    if (Status s = CheckOneOf("status", query.status, {kTaskOpen, kTaskDone, kTaskCancelled}); !s.ok())
      return SendStatusError(res, s);
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    auto tasks = w.SearchTasks(query);
    if (!tasks.ok()) return SendStatusError(res, tasks.status());
    Json all = Json::array();
    for (const SearchTask& t : *tasks) all.push_back(SearchTaskJson(t));
    SendJson(res, PageJson(Slice(all, *paging), static_cast<long>(all.size()), *paging));
  });
}

// POST /api/search-tasks {adult_id, country, department, municipality, village, organisation, team, reason}.
void PostSearchTask(const Request& req, Response& res, const RouteContext& ctx) {
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    WithBody(req, res, [&](BodyFields& body) {
      SearchTask t;
      t.adult_id = body.Id("adult_id", true);
      t.country = body.Text("country");
      t.department = body.Text("department");
      t.municipality = body.Text("municipality");
      t.village = body.Text("village");
      t.organisation = body.Text("organisation");
      t.team = body.Text("team");
      const std::string reason = body.Text("reason");
      if (!body.ok()) return;
      auto id = w.AddSearchTask(t, reason);
      if (!id.ok()) return SendStatusError(res, id.status());
      SendCreated(res, *id);
    });
  });
}

// PUT /api/search-tasks/{id}/assignment {organisation, team, reason}.
void PutTaskAssignment(const Request& req, Response& res, const RouteContext& ctx) {
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    WithBody(req, res, [&](BodyFields& body) {
      const std::string organisation = body.Text("organisation"), team = body.Text("team");
      const std::string reason = body.Text("reason");
      if (!body.ok()) return;
      auto changed = w.AssignSearchTask(PathId(req), organisation, team, reason);
      if (!changed.ok()) return SendStatusError(res, changed.status());
      SendJson(res, {{"id", PathId(req)}, {"organisation", organisation}, {"team", team},
                     {"fields_changed", *changed}});
    });
  });
}

// PUT /api/search-tasks/{id}/closure {status: done|cancelled, result, reason}.
void PutTaskClosure(const Request& req, Response& res, const RouteContext& ctx) {
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    WithBody(req, res, [&](BodyFields& body) {
      const std::string status = body.Text("status", true), result = body.Text("result");
      const std::string reason = body.Text("reason");
      if (!body.ok()) return;
      if (Status s = w.CloseSearchTask(PathId(req), status, result, reason); !s.ok())
        return SendStatusError(res, s);
      SendJson(res, {{"id", PathId(req)}, {"status", status}, {"result", result}});
    });
  });
}

// GET /api/search-plan?team= ("" every team's; a field searcher names their own).
void GetSearchPlan(const Request& req, Response& res, const RouteContext& ctx) {
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    const std::string team = req.get_param_value("team");
    auto rows = w.SearchPlan(team);
    if (!rows.ok()) return SendStatusError(res, rows.status());
    Json items = Json::array();
    for (const SearchPlanRow& r : *rows) items.push_back(SearchPlanRowJson(r));
    SendJson(res, {{"team", team}, {"items", items}});
  });
}

// POST /api/people/{id}/eligibility-flags {kind, evidence, reviewer, finality, reassess_by, reason}.
void PostEligibilityFlag(const Request& req, Response& res, const RouteContext& ctx) {
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    WithBody(req, res, [&](BodyFields& body) {
      EligibilityFlag f;
      f.adult_id = PathId(req);
      f.kind = body.Text("kind", true);
      f.evidence = body.Text("evidence");
      f.reviewer = body.Text("reviewer");
      const std::string finality = body.Text("finality");
      if (!finality.empty()) f.finality = finality;  // else the record's default, provisional
      f.reassess_by = body.Text("reassess_by");
      const std::string reason = body.Text("reason");
      if (!body.ok()) return;
      auto id = w.AddEligibilityFlag(f, reason);
      if (!id.ok()) return SendStatusError(res, id.status());
      SendCreated(res, *id);
    });
  });
}

// PUT /api/eligibility-flags/{id}/review {finality, contested, outcome, reason}; an
// absent member leaves that part of the review as it is.
void PutFlagReview(const Request& req, Response& res, const RouteContext& ctx) {
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    WithBody(req, res, [&](BodyFields& body) {
      const std::string finality = body.Text("finality"), outcome = body.Text("outcome");
      const std::optional<bool> contested = body.Flag("contested");
      const std::string reason = body.Text("reason");
      if (!body.ok()) return;
      auto changed = w.ReviewEligibilityFlag(PathId(req), finality, contested, outcome, reason);
      if (!changed.ok()) return SendStatusError(res, changed.status());
      SendJson(res, {{"id", PathId(req)}, {"fields_changed", *changed}});
    });
  });
}

// PUT /api/eligibility-flags/{id}/resolution {reason}.
void PutFlagResolution(const Request& req, Response& res, const RouteContext& ctx) {
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    WithBody(req, res, [&](BodyFields& body) {
      const std::string reason = body.Text("reason");
      if (!body.ok()) return;
      if (Status s = w.ResolveEligibilityFlag(PathId(req), reason); !s.ok()) return SendStatusError(res, s);
      SendJson(res, {{"id", PathId(req)}, {"open", false}});
    });
  });
}

}  // namespace

std::vector<ApiRoute> WorkflowRoutes() {
  return {
      {"GET", "/api/people/{id}/workflow", GetAdultWorkflow},
      {"PUT", "/api/people/{id}/tracing", PutTracing},
      {"POST", "/api/people/{id}/contacts", PostContact},
      {"GET", "/api/search-tasks", ListSearchTasks},
      {"POST", "/api/search-tasks", PostSearchTask},
      {"PUT", "/api/search-tasks/{id}/assignment", PutTaskAssignment},
      {"PUT", "/api/search-tasks/{id}/closure", PutTaskClosure},
      {"GET", "/api/search-plan", GetSearchPlan},
      {"POST", "/api/people/{id}/eligibility-flags", PostEligibilityFlag},
      {"PUT", "/api/eligibility-flags/{id}/review", PutFlagReview},
      {"PUT", "/api/eligibility-flags/{id}/resolution", PutFlagResolution},
  };
}

}  // namespace reunite::web::api
