// The workflow panel's form posts: POST /families/{child}/workflow/<action>, each
// one call of access/WorkflowAccess as the signed-in user. Success goes back to the
// family page (303; htmx follows it and swaps the panel); a refusal shows the page
// again (400, 409) with the form as typed and the library's reason; the library
// guarantees that a refusal changed nothing.
#include <functional>

#include "web/pages_workflow_internal.h"
#include "workflow/vocabulary.h"

namespace reunite::web {
namespace {

using httplib::Request;
using httplib::Response;
using wf::Parent;

struct Family {
  PersonId child = 0;
  std::vector<Parent> parents;
};

// What a post did, and which form (its element id) shows a refusal.
struct Outcome {
  Status status;
  std::string form;
};

using Handler = std::function<Outcome(const Request&, WorkflowAccess&, const Family&)>;

std::int64_t Id(const Request& req, const char* name) { return IntParam(req, name).value_or(0); }

// Posts name records by id: refuse those of another family, as if they did not exist.
Status ParentOfFamily(const Family& f, PersonId adult) {
  if (wf::IsParent(f.parents, adult)) return Status::Ok();
  return Status::NotFound("adult " + std::to_string(adult) + " is not a parent in this family");
}

Status TaskOfFamily(WorkflowAccess& wa, const Family& f, std::int64_t task) {
  for (const Parent& p : f.parents) {
    workflow::TaskQuery q;
    q.adult_id = p.id;
    q.status = "";
    const auto tasks = wa.SearchTasks(q);
    for (const auto& t : wf::RowsOr(tasks))
      if (t.id == task) return Status::Ok();
  }
  return Status::NotFound("search task " + std::to_string(task) + " is not one of this family's");
}

Status FlagOfFamily(WorkflowAccess& wa, const Family& f, std::int64_t flag) {
  for (const Parent& p : f.parents) {
    auto view = wa.Eligibility(p.id);
    if (!view.ok()) continue;
    for (const auto& fl : view->flags)
      if (fl.id == flag) return Status::Ok();
  }
  return Status::NotFound("eligibility flag " + std::to_string(flag) + " is not one of this family's");
}

Status DeadlineOfFamily(WorkflowAccess& wa, const Family& f, std::int64_t id) {
  const auto deadlines = wa.Deadlines(false);
  for (const auto& d : wf::RowsOr(deadlines))
    if (d.id == id && (d.child_id == f.child || wf::IsParent(f.parents, d.adult_id))) return Status::Ok();
  return Status::NotFound("deadline " + std::to_string(id) + " is not one of this family's");
}

template <typename T>
Status StatusOf(const Result<T>& r) {
  return r.ok() ? Status::Ok() : r.status();
}

// "contact:7" or "task:3", the event a tracing move cites.
workflow::TracingEventRef EventRef(const std::string& text) {
  workflow::TracingEventRef ref;
  const auto colon = text.find(':');
  if (colon == std::string::npos) return ref;
  std::int64_t id = 0;
  try {
    id = std::stoll(text.substr(colon + 1));
  } catch (const std::exception&) {
    return ref;
  }
  if (text.compare(0, colon, "contact") == 0) ref.contact_id = id;
  if (text.compare(0, colon, "task") == 0) ref.task_id = id;
  return ref;
}

Outcome Tracing(const Request& req, WorkflowAccess& wa, const Family& f) {
  const PersonId adult = Id(req, "adult");
  const std::string form = "tracing-form-" + std::to_string(adult);
  if (Status s = ParentOfFamily(f, adult); !s.ok()) return {s, form};
  Result<workflow::TracingState> state = workflow::ParseTracingState("to", Param(req, "to"));
  if (!state.ok()) return {state.status(), form};
  return {StatusOf(wa.SetTracingState(adult, *state, EventRef(Param(req, "event")), Param(req, "reason"))), form};
}

Outcome AddContact(const Request& req, WorkflowAccess& wa, const Family& f) {
  workflow::Contact c;
  c.adult_id = Id(req, "adult");
  const std::string form = "contact-form-" + std::to_string(c.adult_id);
  if (Status s = ParentOfFamily(f, c.adult_id); !s.ok()) return {s, form};
  c.kind = Param(req, "kind");
  // The panel is one family's: a child-parent call is this child's.
  if (c.kind == "child_parent_call") c.child_id = f.child;
  c.result = Param(req, "result");
  c.number = Param(req, "number");
  c.place = Param(req, "place");
  c.team = Param(req, "team");
  c.through = Param(req, "through");
  c.at = Param(req, "at");
  c.notes = Param(req, "notes");
  return {StatusOf(wa.AddContact(c)), form};
}

Outcome AddTask(const Request& req, WorkflowAccess& wa, const Family& f) {
  workflow::SearchTask task;
  task.adult_id = Id(req, "adult");
  const std::string form = "task-form-" + std::to_string(task.adult_id);
  if (Status s = ParentOfFamily(f, task.adult_id); !s.ok()) return {s, form};
  task.country = Param(req, "country");
  task.department = Param(req, "department");
  task.municipality = Param(req, "municipality");
  task.village = Param(req, "village");
  task.organisation = Param(req, "organisation");
  task.team = Param(req, "team");
  return {StatusOf(wa.AddSearchTask(task, Param(req, "reason"))), form};
}

Outcome CloseTask(const Request& req, WorkflowAccess& wa, const Family& f) {
  const std::int64_t task = Id(req, "task");
  const std::string form = "task-close-form-" + std::to_string(task);
  if (Status s = TaskOfFamily(wa, f, task); !s.ok()) return {s, form};
  return {wa.CloseSearchTask(task, Param(req, "status"), Param(req, "result"), Param(req, "reason")), form};
}

Outcome AssignTask(const Request& req, WorkflowAccess& wa, const Family& f) {
  const std::int64_t task = Id(req, "task");
  const std::string form = "task-assign-form-" + std::to_string(task);
  if (Status s = TaskOfFamily(wa, f, task); !s.ok()) return {s, form};
  return {StatusOf(wa.AssignSearchTask(task, Param(req, "organisation"), Param(req, "team"), Param(req, "reason"))),
          form};
}

Outcome SetDecision(const Request& req, WorkflowAccess& wa, const Family& f) {
  workflow::Decision d;
  d.child_id = f.child;
  d.adult_id = Id(req, "adult");
  if (Status s = ParentOfFamily(f, d.adult_id); !s.ok()) return {s, "decision-form"};
  d.kind = Param(req, "kind");
  d.language = Param(req, "language");
  d.interpreter_used = Param(req, "interpreter_used") == "1";
  d.interpreter = Param(req, "interpreter");
  d.witness = Param(req, "witness");
  d.decided_on = Param(req, "date");
  d.signed_form = Param(req, "signed") == "1";
  d.reason = Param(req, "reason");
  return {StatusOf(wa.SetDecision(d)), "decision-form"};
}

Outcome AddFlag(const Request& req, WorkflowAccess& wa, const Family& f) {
  workflow::EligibilityFlag flag;
  flag.adult_id = Id(req, "adult");
  const std::string form = "flag-form-" + std::to_string(flag.adult_id);
  if (Status s = ParentOfFamily(f, flag.adult_id); !s.ok()) return {s, form};
  flag.kind = Param(req, "kind");
  flag.evidence = Param(req, "evidence");
  flag.reviewer = Param(req, "reviewer");
  flag.finality = Param(req, "finality");
  flag.reassess_by = Param(req, "reassess_by");
  return {StatusOf(wa.AddEligibilityFlag(flag, Param(req, "reason"))), form};
}

Outcome ReviewFlag(const Request& req, WorkflowAccess& wa, const Family& f) {
  const std::int64_t flag = Id(req, "flag");
  const std::string form = "flag-review-form-" + std::to_string(flag);
  if (Status s = FlagOfFamily(wa, f, flag); !s.ok()) return {s, form};
  const std::string contested = Param(req, "contested");
  std::optional<bool> contest;
  if (!contested.empty()) contest = contested == "1";
  return {StatusOf(wa.ReviewEligibilityFlag(flag, Param(req, "finality"), contest, Param(req, "outcome"),
                                            Param(req, "reason"))),
          form};
}

Outcome ResolveFlag(const Request& req, WorkflowAccess& wa, const Family& f) {
  const std::int64_t flag = Id(req, "flag");
  const std::string form = "flag-resolve-form-" + std::to_string(flag);
  if (Status s = FlagOfFamily(wa, f, flag); !s.ok()) return {s, form};
  return {wa.ResolveEligibilityFlag(flag, Param(req, "reason")), form};
}

Outcome SetPlan(const Request& req, WorkflowAccess& wa, const Family& f) {
  return {wa.SetLogisticsPlan(f.child, Param(req, "plan"), Param(req, "reason")), "logistics-plan-form"};
}

Outcome RecordStep(const Request& req, WorkflowAccess& wa, const Family& f) {
  return {wa.RecordLogisticsStep(f.child, Param(req, "step"), Param(req, "date"), Param(req, "done_by"),
                                 Param(req, "reason")),
          "logistics-step-form"};
}

Outcome Close(const Request& req, WorkflowAccess& wa, const Family& f) {
  return {wa.CloseFamily(f.child, Param(req, "closure_reason"), Param(req, "note"), ""),
          "close-form"};
}

Outcome Reopen(const Request& req, WorkflowAccess& wa, const Family& f) {
  return {wa.ReopenFamily(f.child, Param(req, "reason")), "reopen-form"};
}

Outcome AddDeadline(const Request& req, WorkflowAccess& wa, const Family& f) {
  workflow::Deadline d;
  d.title = Param(req, "title");
  d.kind = Param(req, "kind");
  d.due_at = Param(req, "due");
  d.child_id = f.child;
  d.adult_id = Id(req, "adult");
  if (d.adult_id != 0)
    if (Status s = ParentOfFamily(f, d.adult_id); !s.ok()) return {s, "deadline-form"};
  return {StatusOf(wa.AddDeadline(d, Param(req, "reason"))), "deadline-form"};
}

Outcome CompleteDeadline(const Request& req, WorkflowAccess& wa, const Family& f) {
  const std::int64_t id = Id(req, "deadline");
  const std::string form = "deadline-done-form-" + std::to_string(id);
  if (Status s = DeadlineOfFamily(wa, f, id); !s.ok()) return {s, form};
  return {wa.CompleteDeadline(id, "", ""), form};
}

const std::map<std::string, Handler>& Handlers() {
  static const std::map<std::string, Handler> handlers = {
      {"tracing", Tracing},          {"contact", AddContact},          {"search-task", AddTask},
      {"task-close", CloseTask},     {"task-assign", AssignTask},      {"decision", SetDecision},
      {"flag", AddFlag},             {"flag-review", ReviewFlag},      {"flag-resolve", ResolveFlag},
      {"logistics-plan", SetPlan},   {"logistics-step", RecordStep},   {"close", Close},
      {"reopen", Reopen},            {"deadline", AddDeadline},        {"deadline-done", CompleteDeadline},
  };
  return handlers;
}

// The input a refusal is about: the library's messages start with the field's
// name ("number: required for a call"); the close form's select is closure_reason.
std::string FieldOf(const Status& s, const std::string& form) {
  if (s.code() != StatusCode::kInvalidArgument) return "";
  const std::string& m = s.message();
  const auto colon = m.find(':');
  if (colon == std::string::npos || colon == 0) return "";
  for (std::size_t i = 0; i < colon; ++i)
    if (!std::islower(static_cast<unsigned char>(m[i])) && m[i] != '_') return "";
  const std::string field = m.substr(0, colon);
  return form == "close-form" && field == "reason" ? "closure_reason" : field;
}

WorkflowRefusal Refusal(const Outcome& o, const Messages& t) {
  const char* key = o.status.code() == StatusCode::kInvalidArgument ? "workflow.error.invalid"
                    : o.status.code() == StatusCode::kConflict      ? "workflow.error.conflict"
                                                                    : "workflow.error.exists";
  return {o.form, t.at(key) + " " + o.status.message(), FieldOf(o.status, o.form)};
}

void PostWorkflow(const Request& req, Response& res, CaseRequest& cr) {
  Family family;
  family.child = std::stoll(req.matches[1].str());
  auto handler = Handlers().find(req.matches[2].str());
  if (handler == Handlers().end()) return SendErrorPage(req, res, cr.user, 404);
  auto view = cr.access.GetFamily(family.child);
  if (!view.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(view.status()));
  family.parents = wf::ParentsOf(*view);
  WorkflowAccess wa = cr.services.workflow();
  const Outcome outcome = handler->second(req, wa, family);
  if (outcome.status.ok()) return res.set_redirect("/families/" + std::to_string(family.child) + "#workflow", 303);
  switch (outcome.status.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kConflict:
    case StatusCode::kAlreadyExists: {
      const WorkflowRefusal refusal = Refusal(outcome, CatalogFor(PageLanguage(req, &cr.user)));
      return RenderFamilyPage(req, res, cr, family.child, "", &refusal, HttpStatusOf(outcome.status));
    }
    default:
      return SendErrorPage(req, res, cr.user, HttpStatusOf(outcome.status));
  }
}

}  // namespace

void RegisterWorkflowPages(httplib::Server& server, const RouteContext& ctx) {
  PostPage(server, R"(/families/(\d{1,18})/workflow/([a-z-]{1,32}))", ctx, PostWorkflow);
}

}  // namespace reunite::web
