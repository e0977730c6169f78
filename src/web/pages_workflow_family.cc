// The family-wide parts of the workflow panel: the child's decision and its
// history, the logistics plan and steps, closure, and deadlines, each with the
// forms the reader's role may use.
#include "access/policy.h"
#include "web/pages_workflow_internal.h"
#include "workflow/vocabulary.h"

namespace reunite::web::wf {
namespace {

using httplib::Request;

std::string ParentName(const std::vector<Parent>& parents, PersonId id) {
  for (const Parent& p : parents)
    if (p.id == id) return p.name;
  return id == 0 ? "" : std::to_string(id);
}

TemplateData ParentChoices(const std::vector<Parent>& parents, const std::string& chosen, const std::string& blank) {
  std::vector<std::pair<std::string, std::string>> choices;
  if (!blank.empty()) choices.emplace_back("", blank);
  for (const Parent& p : parents) choices.emplace_back(std::to_string(p.id), p.name);
  return SelectOptions(choices, chosen);
}

std::string Today() { return DefaultClock().TodayIso(); }

TemplateData DecisionRow(const workflow::Decision& d, const std::vector<Parent>& parents, const Messages& t) {
  TemplateData r;
  r.set("kind", Word(t, "decision_kind", d.kind));
  r.set("parent", ParentName(parents, d.adult_id));
  r.set("language", d.language);
  r.set("interpreter", d.interpreter_used ? d.interpreter : t.at("workflow.no"));
  r.set("witness", d.witness);
  r.set("date", d.decided_on);
  r.set("signed", t.at(d.signed_form ? "workflow.yes" : "workflow.no"));
  r.set("reason", d.reason);
  r.set("recorded", When(d.recorded_at) + " · " + d.recorded_by);
  return r;
}

}  // namespace

TemplateData DecisionData(const Request& req, WorkflowAccess& wa, PersonId child, const std::vector<Parent>& parents,
                          const Messages& t, const WorkflowRefusal* refusal, bool closed) {
  TemplateData data;
  auto history = wa.DecisionHistory(child);
  const auto& rows = RowsOr(history);
  TemplateData list(TemplateData::type::list);
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) list.push_back(DecisionRow(*it, parents, t));  // newest first
  data.set("history", list);
  data.set("pending", rows.empty());
  if (!rows.empty()) data.set("current", DecisionRow(rows.back(), parents, t));
  if (closed || !Allowed(wa.principal(), Action::kRecordDecisions)) return data;
  const workflow::Decision* now = rows.empty() ? nullptr : &rows.back();
  FormFill form(req, refusal, "decision-form");
  form.Field("kind", now ? now->kind : "")
      .Field("adult", now ? std::to_string(now->adult_id) : parents.empty() ? "" : std::to_string(parents[0].id))
      .Field("language", now ? now->language : "")
      .Field("interpreter_used", now && now->interpreter_used ? "1" : "")
      .Field("interpreter", now ? now->interpreter : "")
      .Field("witness", now ? now->witness : "")
      .Field("date", Today())
      .Field("signed", now && now->signed_form ? "1" : "")
      .Field("reason");
  TemplateData f = form.Data();
  f.set("kinds", Choices(t, workflow::DecisionKinds(), "decision_kind", form.Value("kind")));
  f.set("parents", ParentChoices(parents, form.Value("adult"), ""));
  f.set("is_change", now != nullptr);
  data.set("form", f);
  return data;
}

TemplateData LogisticsData(const Request& req, WorkflowAccess& wa, PersonId child, const Messages& t,
                           const WorkflowRefusal* refusal, bool closed) {
  TemplateData data;
  auto logistics = wa.Logistics(child);
  if (!logistics.ok()) {
    data.set("unreadable", true);
    return data;
  }
  data.set("plan", logistics->plan.empty() ? t.at("workflow.no_plan") : Word(t, "logistics_plan", logistics->plan));
  TemplateData steps(TemplateData::type::list);
  for (const auto& step : workflow::LogisticsSteps()) {
    TemplateData s;
    s.set("step", step);
    s.set("label", Word(t, "logistics_step", step));
    for (const auto& done : logistics->steps) {
      if (done.step != step) continue;
      s.set("done", true);
      s.set("date", done.done_on);
      s.set("by", done.done_by);
    }
    s.set("next", step == logistics->next_step);
    steps.push_back(s);
  }
  data.set("steps", steps);
  if (closed || !Allowed(wa.principal(), Action::kManageLogistics)) return data;
  FormFill plan(req, refusal, "logistics-plan-form");
  plan.Field("plan", logistics->plan).Field("reason");
  TemplateData p = plan.Data();
  p.set("plans", Choices(t, workflow::LogisticsPlans(), "logistics_plan", plan.Value("plan")));
  data.set("plan_form", p);
  if (!logistics->plan.empty() && !logistics->next_step.empty()) {
    FormFill step(req, refusal, "logistics-step-form");
    step.Field("step", logistics->next_step).Field("date", Today()).Field("done_by").Field("reason");
    TemplateData s = step.Data();
    s.set("steps", Choices(t, workflow::LogisticsSteps(), "logistics_step", step.Value("step")));
    data.set("step_form", s);
  }
  return data;
}

TemplateData ClosureData(const Request& req, const WorkflowAccess& wa, const Result<workflow::Closure>& closure,
                         const Messages& t, const WorkflowRefusal* refusal) {
  TemplateData data;
  if (!closure.ok()) {
    data.set("unreadable", true);
    return data;
  }
  data.set("closed", closure->closed());
  data.set("state", closure->closed() ? Word(t, "closure_reason", closure->reason) : t.at("workflow.open_family"));
  if (!closure->note.empty()) data.set("note", closure->note);
  if (!closure->updated_at.empty()) data.set("updated", When(closure->updated_at) + " · " + closure->updated_by);
  if (!Allowed(wa.principal(), Action::kCloseFamilies)) return data;
  if (closure->closed()) {
    FormFill reopen(req, refusal, "reopen-form");
    reopen.Field("reason");
    data.set("reopen_form", reopen.Data());
  } else {
    FormFill close(req, refusal, "close-form");
    close.Field("closure_reason").Field("note");
    TemplateData c = close.Data();
    c.set("reasons", Choices(t, workflow::ClosureReasons(), "closure_reason", close.Value("closure_reason")));
    data.set("close_form", c);
  }
  return data;
}

TemplateData DeadlineData(const Request& req, WorkflowAccess& wa, PersonId child, const std::vector<Parent>& parents,
                          const Messages& t, const WorkflowRefusal* refusal) {
  TemplateData data;
  auto deadlines = wa.Deadlines(false);
  TemplateData rows(TemplateData::type::list);
  for (const auto& d : RowsOr(deadlines)) {
    if (d.child_id != child && !IsParent(parents, d.adult_id)) continue;
    const std::string id = std::to_string(d.id);
    TemplateData r;
    r.set("deadline", id);
    r.set("title", d.title);
    r.set("kind", Word(t, "deadline_kind", d.kind));
    r.set("due", When(d.due_at));
    r.set("parent", ParentName(parents, d.adult_id));
    r.set("done_at", When(d.done_at));
    if (d.done_at.empty()) {
      FormFill done(req, refusal, "deadline-done-form-" + id);
      r.set("done_form", done.Data());
    }
    rows.push_back(r);
  }
  data.set("rows", rows);
  data.set("none", rows.is_empty_list());
  FormFill form(req, refusal, "deadline-form");
  form.Field("title").Field("kind", "court").Field("due").Field("adult").Field("reason");
  TemplateData f = form.Data();
  f.set("kinds", Choices(t, workflow::DeadlineKinds(), "deadline_kind", form.Value("kind")));
  f.set("parents", ParentChoices(parents, form.Value("adult"), t.at("workflow.whole_family")));
  data.set("form", f);
  return data;
}

}  // namespace reunite::web::wf
