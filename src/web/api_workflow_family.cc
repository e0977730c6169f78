// The workflow API of one family, identified by its child (docs/workflow.md
// §4, §6, §7): the reunification decision and its history, logistics, closure and
// the state of each linked parent. Through WorkflowAccess as the signed-in user;
// the linked parents come from CaseAccess's family view.
#include "web/api_workflow.h"
#include "web/http_util.h"

namespace reunite::web::api {
namespace {

using namespace workflow;

// Each parent the user may see: the link, their tracing state and eligibility status.
Result<Json> ParentsJson(CaseRequest& cr, WorkflowAccess& w, PersonId child) {
  Result<FamilyView> family = cr.access.GetFamily(child);
  if (!family.ok()) return family.status();
  Json parents = Json::array();
  for (const FamilyMemberView& m : family->adults) {
    if (m.link.verification == Verification::kRejected) continue;  // a rejected link is no link
    const PersonId adult = m.adult.person.id;
    auto state = w.Tracing(adult);
    if (!state.ok()) return state.status();
    auto eligibility = w.Eligibility(adult);
    if (!eligibility.ok()) return eligibility.status();
    parents.push_back({{"adult_id", adult},
                       {"name", m.adult.person.name.Display()},
                       {"relationship", ToString(m.link.relationship)},
                       {"verification", ToString(m.link.verification)},
                       {"tracing", ToString(*state)},
                       {"eligibility", eligibility->status}});
  }
  return parents;
}

// GET /api/families/{id}/workflow.
void GetFamilyWorkflow(const Request& req, Response& res, const RouteContext& ctx) {
  WithWorkflow(req, res, ctx, [&](CaseRequest& cr, WorkflowAccess& w) {
    const PersonId child = PathId(req);
    auto current = w.CurrentDecision(child);
    if (!current.ok()) return SendStatusError(res, current.status());
    auto history = w.DecisionHistory(child);
    if (!history.ok()) return SendStatusError(res, history.status());
    auto logistics = w.Logistics(child);
    if (!logistics.ok()) return SendStatusError(res, logistics.status());
    auto closure = w.Closure(child);
    if (!closure.ok()) return SendStatusError(res, closure.status());
    auto parents = ParentsJson(cr, w, child);
    if (!parents.ok()) return SendStatusError(res, parents.status());
    Json decisions = Json::array();
    for (const Decision& d : *history) decisions.push_back(DecisionJson(d));
    SendJson(res, {{"child_id", child},
                   {"decision", *current ? DecisionJson(**current) : Json(nullptr)},
                   {"decision_history", decisions},
                   {"logistics", LogisticsJson(*logistics)},
                   {"closure", ClosureJson(*closure)},
                   {"parents", *parents}});
  });
}

// POST /api/families/{id}/decisions {adult_id, kind, language, interpreter_used,
// interpreter, witness, decided_on, signed, reason}.
void PostDecision(const Request& req, Response& res, const RouteContext& ctx) {
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    WithBody(req, res, [&](BodyFields& body) {
      Decision d;
      d.child_id = PathId(req);
      d.adult_id = body.Id("adult_id", true);
      d.kind = body.Text("kind", true);
      d.language = body.Text("language");
      d.interpreter_used = body.Flag("interpreter_used").value_or(false);
      d.interpreter = body.Text("interpreter");
      d.witness = body.Text("witness");
      d.decided_on = body.Text("decided_on");
      d.signed_form = body.Flag("signed").value_or(false);
      d.reason = body.Text("reason");
      if (!body.ok()) return;
      auto id = w.SetDecision(d);
      if (!id.ok()) return SendStatusError(res, RenameField(id.status(), "date", "decided_on"));
      SendCreated(res, *id);
    });
  });
}

// PUT /api/families/{id}/logistics {plan, reason}.
void PutLogisticsPlan(const Request& req, Response& res, const RouteContext& ctx) {
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    WithBody(req, res, [&](BodyFields& body) {
      const std::string plan = body.Text("plan", true), reason = body.Text("reason");
      if (!body.ok()) return;
      if (Status s = w.SetLogisticsPlan(PathId(req), plan, reason); !s.ok()) return SendStatusError(res, s);
      SendJson(res, {{"child_id", PathId(req)}, {"plan", plan}});
    });
  });
}

// POST /api/families/{id}/logistics/steps {step, date, done_by, reason}.
void PostLogisticsStep(const Request& req, Response& res, const RouteContext& ctx) {
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    WithBody(req, res, [&](BodyFields& body) {
      const std::string step = body.Text("step", true), date = body.Text("date", true);
      const std::string done_by = body.Text("done_by"), reason = body.Text("reason");
      if (!body.ok()) return;
      if (Status s = w.RecordLogisticsStep(PathId(req), step, date, done_by, reason); !s.ok())
        return SendStatusError(res, s);
      auto logistics = w.Logistics(PathId(req));
      if (!logistics.ok()) return SendStatusError(res, logistics.status());
      SendJson(res, LogisticsJson(*logistics), 201);
    });
  });
}

// PUT /api/families/{id}/closure {reason_code, note, reason}.
void PutClosure(const Request& req, Response& res, const RouteContext& ctx) {
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    WithBody(req, res, [&](BodyFields& body) {
      const std::string code = body.Text("reason_code", true), note = body.Text("note");
      const std::string reason = body.Text("reason");
      if (!body.ok()) return;
      if (Status s = w.CloseFamily(PathId(req), code, note, reason); !s.ok())
        return SendStatusError(res, RenameField(s, "reason", "reason_code", "'" + code + "'"));
      SendJson(res, {{"child_id", PathId(req)}, {"closed", true}, {"reason", code}});
    });
  });
}

// POST /api/families/{id}/reopen {reason}: the router serves no DELETE.
void PostReopen(const Request& req, Response& res, const RouteContext& ctx) {
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    WithBody(req, res, [&](BodyFields& body) {
      const std::string reason = body.Text("reason");
      if (!body.ok()) return;
      if (Status s = w.ReopenFamily(PathId(req), reason); !s.ok()) return SendStatusError(res, s);
      SendJson(res, {{"child_id", PathId(req)}, {"closed", false}});
    });
  });
}

}  // namespace

std::vector<ApiRoute> FamilyWorkflowRoutes() {
  return {
      {"GET", "/api/families/{id}/workflow", GetFamilyWorkflow},
      {"POST", "/api/families/{id}/decisions", PostDecision},
      {"PUT", "/api/families/{id}/logistics", PutLogisticsPlan},
      {"POST", "/api/families/{id}/logistics/steps", PostLogisticsStep},
      {"PUT", "/api/families/{id}/closure", PutClosure},
      {"POST", "/api/families/{id}/reopen", PostReopen},
  };
}

}  // namespace reunite::web::api
