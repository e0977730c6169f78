// The family page's workflow panel: per parent their tracing state, contact log,
// search tasks and eligibility, then the family's decision, logistics, closure and
// deadlines (pages_workflow_family.cc), each with the forms the reader's role may
// use. Everything is read through access/WorkflowAccess as the signed-in user.
#include "access/policy.h"
#include "web/pages_workflow_internal.h"
#include "workflow/vocabulary.h"

namespace reunite::web {
namespace wf {
namespace {

using httplib::Request;
using workflow::Contact;
using workflow::SearchTask;

constexpr const char* kWithheld = "[withheld]";  // what WorkflowAccess leaves of a withheld value

std::string Shown(const Messages& t, const std::string& value) {
  return value == kWithheld ? t.at("workflow.withheld") : value;
}

TemplateData ContactRows(const std::vector<Contact>& contacts, const Messages& t) {
  TemplateData rows(TemplateData::type::list);
  for (const Contact& c : contacts) {
    TemplateData r;
    r.set("id", std::to_string(c.id));
    r.set("at", When(c.at));
    r.set("kind", Word(t, "contact_kind", c.kind));
    r.set("result", Word(t, "contact_result", c.result));
    std::string details;
    for (const std::string* v : {&c.number, &c.place, &c.team, &c.through}) {
      if (v->empty()) continue;
      const std::string shown = Shown(t, *v);
      if (details.find(shown) != std::string::npos) continue;  // "withheld" once
      details += (details.empty() ? "" : " · ") + shown;
    }
    r.set("details", details);
    r.set("recorded_by", c.recorded_by);
    r.set("notes", c.notes);
    rows.push_back(r);
  }
  return rows;
}

// The events a transition may cite: the parent's contacts and search tasks.
// The newest one is preselected, as it is usually the one that justifies the move.
TemplateData EventChoices(const std::vector<Contact>& contacts, const std::vector<SearchTask>& tasks,
                          const std::string& chosen, const Messages& t) {
  std::vector<std::pair<std::string, std::string>> events;  // value, label
  std::string newest, newest_at;
  for (const Contact& c : contacts) {
    events.emplace_back("contact:" + std::to_string(c.id),
                        t.at("workflow.event.contact") + " " + std::to_string(c.id) + ": " +
                            Word(t, "contact_kind", c.kind) + ", " + Word(t, "contact_result", c.result) + " (" +
                            When(c.at) + ")");
    if (c.at >= newest_at) newest_at = c.at, newest = events.back().first;
  }
  for (const SearchTask& task : tasks) {
    std::string label = t.at("workflow.event.task") + " " + std::to_string(task.id) + ": " +
                        Word(t, "task_status", task.status);
    if (!task.result.empty()) label += ", " + Word(t, "contact_result", task.result);
    events.emplace_back("task:" + std::to_string(task.id), label);
    const std::string& at = task.closed_at.empty() ? task.created_at : task.closed_at;
    if (at >= newest_at) newest_at = at, newest = events.back().first;
  }
  return SelectOptions(events, chosen.empty() ? newest : chosen);
}

// The tracing form: only the states the diagram allows from the current one.
TemplateData TracingForm(const Request& req, PersonId adult, workflow::TracingState state,
                         const std::vector<Contact>& contacts, const std::vector<SearchTask>& tasks,
                         const Messages& t, const WorkflowRefusal* refusal) {
  std::vector<std::string> next;
  for (auto to : workflow::AllTracingStates())
    if (workflow::TransitionRequirement(state, to)) next.push_back(workflow::ToString(to));
  FormFill form(req, refusal, "tracing-form-" + std::to_string(adult));
  form.Field("to", next.empty() ? "" : next.front()).Field("event").Field("reason");
  TemplateData data = form.Data();
  data.set("states", Choices(t, next, "tracing_state", form.Value("to")));
  data.set("events", EventChoices(contacts, tasks, form.Value("event"), t));
  data.set("no_events", contacts.empty() && tasks.empty());
  return data;
}

// One select of results per contact kind, grouped, so the form works without scripts.
TemplateData ContactForm(const Request& req, PersonId adult, const Messages& t, const WorkflowRefusal* refusal) {
  FormFill form(req, refusal, "contact-form-" + std::to_string(adult));
  form.Field("kind", "call").Field("result").Field("number").Field("place").Field("team").Field("through");
  form.Field("at").Field("notes");
  TemplateData data = form.Data();
  data.set("kinds", Choices(t, workflow::ContactKinds(), "contact_kind", form.Value("kind")));
  TemplateData groups(TemplateData::type::list);
  for (const auto& kind : workflow::ContactKinds()) {
    TemplateData g;
    g.set("label", Word(t, "contact_kind", kind));
    g.set("results", Choices(t, workflow::ContactResults(kind), "contact_result", form.Value("result")));
    groups.push_back(g);
  }
  data.set("result_groups", groups);
  return data;
}

TemplateData TaskForm(const Request& req, PersonId adult, const WorkflowRefusal* refusal) {
  FormFill form(req, refusal, "task-form-" + std::to_string(adult));
  for (const char* f : {"country", "department", "municipality", "village", "organisation", "team", "reason"})
    form.Field(f);
  return form.Data();
}

TemplateData TaskRows(const Request& req, const std::vector<SearchTask>& tasks, const reunite::Principal& who,
                      const Messages& t, const WorkflowRefusal* refusal) {
  TemplateData rows(TemplateData::type::list);
  for (const SearchTask& task : tasks) {
    const std::string id = std::to_string(task.id);
    TemplateData r;
    r.set("task", id);
    std::string place = Shown(t, task.country);
    for (const std::string* v : {&task.department, &task.municipality, &task.village})
      if (!v->empty() && place.find(Shown(t, *v)) == std::string::npos) place += " · " + Shown(t, *v);
    r.set("place", place);
    r.set("organisation", task.organisation);
    r.set("team", task.team);
    r.set("status", Word(t, "task_status", task.status));
    r.set("result", task.result.empty() ? "" : Word(t, "contact_result", task.result));
    r.set("created", When(task.created_at) + " · " + task.created_by);
    r.set("closed_at", When(task.closed_at));
    r.set("last_attempt", When(task.last_attempt));
    const bool open = task.status == workflow::kTaskOpen;
    if (open && Allowed(who, Action::kWorkSearchTasks)) {
      FormFill close(req, refusal, "task-close-form-" + id);
      close.Field("status", workflow::kTaskDone).Field("result").Field("reason");
      TemplateData c = close.Data();
      c.set("statuses",
            Choices(t, {workflow::kTaskDone, workflow::kTaskCancelled}, "task_status", close.Value("status")));
      c.set("results", Choices(t, workflow::TaskResults(), "contact_result", close.Value("result"), "workflow.none"));
      r.set("close_form", c);
    }
    if (open && Allowed(who, Action::kAssignSearchTasks)) {
      FormFill assign(req, refusal, "task-assign-form-" + id);
      assign.Field("organisation", task.organisation).Field("team", task.team).Field("reason");
      r.set("assign_form", assign.Data());
    }
    rows.push_back(r);
  }
  return rows;
}

TemplateData FlagRows(const Request& req, const std::vector<workflow::EligibilityFlag>& flags, bool can_flag,
                      const Messages& t, const WorkflowRefusal* refusal) {
  TemplateData rows(TemplateData::type::list);
  for (const auto& flag : flags) {
    const std::string id = std::to_string(flag.id);
    TemplateData r;
    r.set("flag", id);
    r.set("kind", Word(t, "flag_kind", flag.kind));
    r.set("evidence", flag.evidence);
    r.set("reviewer", flag.reviewer);
    r.set("finality", Word(t, "flag_finality", flag.finality));
    r.set("contested", t.at(flag.contested ? "workflow.yes" : "workflow.no"));
    r.set("outcome", Word(t, "flag_outcome", flag.outcome));
    r.set("reassess_by", flag.reassess_by);
    r.set("state", t.at(flag.open ? "workflow.flag_open" : "workflow.flag_resolved"));
    r.set("resolution", flag.resolution);
    r.set("created", When(flag.created_at) + " · " + flag.created_by);
    if (flag.open && can_flag) {
      FormFill review(req, refusal, "flag-review-form-" + id);
      review.Field("finality", flag.finality).Field("contested", flag.contested ? "1" : "0");
      review.Field("outcome", flag.outcome).Field("reason");
      TemplateData v = review.Data();
      v.set("finalities", Choices(t, workflow::FlagFinalities(), "flag_finality", review.Value("finality")));
      v.set("contest_choices", Choices(t, {"1", "0"}, "contested", review.Value("contested")));
      v.set("outcomes", Choices(t, workflow::FlagOutcomes(), "flag_outcome", review.Value("outcome")));
      r.set("review_form", v);
      FormFill resolve(req, refusal, "flag-resolve-form-" + id);
      resolve.Field("reason");
      r.set("resolve_form", resolve.Data());
    }
    rows.push_back(r);
  }
  return rows;
}

TemplateData FlagForm(const Request& req, PersonId adult, const Messages& t, const WorkflowRefusal* refusal) {
  FormFill form(req, refusal, "flag-form-" + std::to_string(adult));
  form.Field("kind").Field("evidence").Field("reviewer").Field("finality", "provisional").Field("reassess_by");
  form.Field("reason");
  TemplateData data = form.Data();
  data.set("kinds", Choices(t, workflow::FlagKinds(), "flag_kind", form.Value("kind")));
  data.set("finalities", Choices(t, workflow::FlagFinalities(), "flag_finality", form.Value("finality")));
  return data;
}

}  // namespace

TemplateData ParentData(const Request& req, WorkflowAccess& wa, const Parent& parent, const Messages& t,
                        const WorkflowRefusal* refusal) {
  const reunite::Principal& who = wa.principal();
  const std::string id = std::to_string(parent.id);
  TemplateData p;
  p.set("adult", id);
  p.set("name", parent.name);
  p.set("relationship", Label(t, "relationship." + parent.relationship, parent.relationship));
  auto state = wa.Tracing(parent.id);
  auto contacts = wa.Contacts(parent.id);
  workflow::TaskQuery query;
  query.adult_id = parent.id;
  query.status = "";
  auto tasks = wa.SearchTasks(query);
  auto eligibility = wa.Eligibility(parent.id);
  p.set("unreadable", !state.ok() || !contacts.ok() || !tasks.ok() || !eligibility.ok());
  if (state.ok()) p.set("state", Word(t, "tracing_state", workflow::ToString(*state)));
  p.set("contacts", ContactRows(RowsOr(contacts), t));
  p.set("no_contacts", RowsOr(contacts).empty());
  p.set("tasks", TaskRows(req, RowsOr(tasks), who, t, refusal));
  p.set("no_tasks", RowsOr(tasks).empty());
  if (Allowed(who, Action::kTrace)) {
    if (state.ok())
      p.set("tracing_form", TracingForm(req, parent.id, *state, RowsOr(contacts), RowsOr(tasks), t, refusal));
    p.set("contact_form", ContactForm(req, parent.id, t, refusal));
  }
  if (Allowed(who, Action::kWorkSearchTasks)) p.set("task_form", TaskForm(req, parent.id, refusal));
  const bool can_flag = Allowed(who, Action::kFlagEligibility);
  if (eligibility.ok()) {
    p.set("eligibility", Word(t, "eligibility", eligibility->status));
    p.set("flags", FlagRows(req, eligibility->flags, can_flag, t, refusal));
    p.set("no_flags", eligibility->flags.empty());
  }
  if (can_flag) p.set("flag_form", FlagForm(req, parent.id, t, refusal));
  return p;
}

}  // namespace wf

std::string WorkflowPanel(const httplib::Request& req, CaseRequest& cr, const FamilyView& family,
                          const std::string& lang, const WorkflowRefusal* refusal) {
  if (!Allowed(cr.user.who, Action::kReadWorkflow)) return "";
  const PersonId child = family.child.person.id;
  const std::vector<wf::Parent> parents = wf::ParentsOf(family);
  WorkflowAccess wa = cr.services.workflow();
  const Messages& t = CatalogFor(lang);
  const TemplateData catalog = CatalogData(t);
  const std::string& csrf = cr.user.who.csrf_token;
  TemplateData vars;
  vars.set("child", std::to_string(child));
  TemplateData list(TemplateData::type::list);
  for (const wf::Parent& parent : parents) {
    TemplateData p = wf::ParentData(req, wa, parent, t, refusal);
    p.set("child", std::to_string(child));
    TemplateData item;
    item.set("html", wf::RenderPart("family_workflow_parent", p, catalog, csrf));
    list.push_back(item);
  }
  vars.set("parents", list);
  vars.set("no_parents", parents.empty());
  // A closed family refuses decisions and logistics until reopened: offer no form the
  // library would refuse, and say why.
  const Result<workflow::Closure> closure = wa.Closure(child);
  const bool closed = closure.ok() && closure->closed();
  vars.set("closed_note", closed);
  vars.set("decision", wf::DecisionData(req, wa, child, parents, t, refusal, closed));
  vars.set("logistics", wf::LogisticsData(req, wa, child, t, refusal, closed));
  vars.set("closure", wf::ClosureData(req, wa, closure, t, refusal));
  if (Allowed(cr.user.who, Action::kManageDeadlines))
    vars.set("deadlines", wf::DeadlineData(req, wa, child, parents, t, refusal));
  return wf::RenderPart("family_workflow", vars, catalog, csrf);
}

}  // namespace reunite::web
