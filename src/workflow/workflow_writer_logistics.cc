// WorkflowWriter: reunification logistics (§6), closure (§7) and deadlines (§8).
#include <algorithm>

#include "workflow/vocabulary.h"
#include "workflow/writer_impl.h"

namespace reunite::workflow {

namespace {

// The preconditions a plan rests on, checked when it is set and at each step, as
// the decision or the parent's eligibility may have changed since.
Status CheckPlanBasis(soci::session& session, PersonId child, const std::string& plan) {
  const std::optional<Decision> decision = LoadDecision(session, child);
  if (plan == "return_home" && (!decision || decision->kind != "reunify_home"))
    return Status::Conflict("a return_home plan for child " + std::to_string(child) +
                            " needs the decision reunify_home (now " + (decision ? decision->kind : "pending") + ")");
  if (decision && LoadEligibilityStatus(session, decision->adult_id) == "ineligible")
    return Status::Conflict("the deciding parent " + std::to_string(decision->adult_id) + " of child " +
                            std::to_string(child) + " is ineligible; no reunification plan");
  return Status::Ok();
}

}  // namespace

Status WorkflowWriter::Impl::SetLogisticsPlan(PersonId child, const std::string& plan, const std::string& reason) {
  if (Status s = Require(child, Role::kChild, "child"); !s.ok()) return s;
  if (Status s = CheckOneOf("plan", plan, LogisticsPlans()); !s.ok()) return s;
  if (Status s = RequireOpenFamily(child); !s.ok()) return s;
  if (Status s = CheckPlanBasis(session, child, plan); !s.ok()) return s;
  const Logistics current = LoadLogistics(session, child);
  if (current.plan == plan) return Status::Conflict("child " + std::to_string(child) + " already has plan " + plan);
  if (!current.plan.empty()) {
    if (!current.steps.empty())
      return Status::Conflict("the plan of child " + std::to_string(child) + " cannot change: step " +
                              current.steps.back().step + " is done");
    if (reason.empty()) return Status::InvalidArgument("reason: changing a plan (now " + current.plan + ") needs one");
  }
  long long id = child;
  std::string now = Now();
  session << "DELETE FROM logistics_plans WHERE child_id = :c", soci::use(id);
  session << "INSERT INTO logistics_plans (child_id, plan, updated_at, updated_by) VALUES (:c, :p, :at, :by)",
      soci::use(id), soci::use(plan), soci::use(now), soci::use(actor());
  Journal("logistics", id, "plan", current.plan, plan, reason);
  return Status::Ok();
}

Status WorkflowWriter::Impl::RecordLogisticsStep(PersonId child, const std::string& step, const std::string& date,
                                                 const std::string& done_by, const std::string& reason) {
  if (Status s = Require(child, Role::kChild, "child"); !s.ok()) return s;
  if (Status s = CheckOneOf("step", step, LogisticsSteps()); !s.ok()) return s;
  if (Status s = CheckDate("date", date); !s.ok()) return s;
  if (date > Now().substr(0, 10)) return Status::InvalidArgument("date: " + date + " is in the future");
  if (Status s = RequireOpenFamily(child); !s.ok()) return s;
  const Logistics l = LoadLogistics(session, child);
  if (l.plan.empty())
    return Status::Conflict("child " + std::to_string(child) + " has no logistics plan; set one first");
  if (Status s = CheckPlanBasis(session, child, l.plan); !s.ok()) return s;
  for (const auto& done : l.steps)
    if (done.step == step)
      return Status::AlreadyExists("step " + step + " of child " + std::to_string(child) + " is done (" +
                                   done.done_on + ")");
  if (step != l.next_step)
    return Status::Conflict("step " + step + " comes before its predecessors: the next step of child " +
                            std::to_string(child) + " is " + l.next_step);
  if (!l.steps.empty() && date < l.steps.back().done_on)
    return Status::InvalidArgument("date: " + date + " is before the previous step (" + l.steps.back().step + ", " +
                                   l.steps.back().done_on + ")");
  long long id = child;
  int position = static_cast<int>(l.steps.size());
  std::string by = done_by.empty() ? actor() : done_by, now = Now();
  session << "INSERT INTO logistics_steps (child_id, step, position, done_on, done_by, recorded_at, recorded_by) "
             "VALUES (:c, :s, :p, :d, :by, :at, :rb)",
      soci::use(id), soci::use(step), soci::use(position), soci::use(date), soci::use(by), soci::use(now),
      soci::use(actor());
  Journal("logistics_step", id, step, "", date, reason.empty() ? "done by " + by : reason);
  return Status::Ok();
}

Status WorkflowWriter::Impl::CheckClosure(PersonId child, const std::string& code, const std::string& note) {
  const std::string who = "child " + std::to_string(child);
  if (code == "reunified") {
    const Logistics l = LoadLogistics(session, child);
    bool done = std::any_of(l.steps.begin(), l.steps.end(), [](const auto& s) { return s.step == "reunified"; });
    if (!done) return Status::Conflict("closing " + who + " as reunified needs the logistics step reunified");
  } else if (code == "parent_chose_waiver") {
    const std::optional<Decision> d = LoadDecision(session, child);
    if (!d || d->kind != "waiver")
      return Status::Conflict("closing " + who + " as parent_chose_waiver needs the decision waiver (now " +
                              (d ? d->kind : "pending") + ")");
  } else if (code == "parent_not_found") {
    const std::vector<FamilyLink> parents = ParentLinks(session, child);
    if (parents.empty()) return Status::Conflict("closing " + who + " as parent_not_found needs a linked parent");
    for (const FamilyLink& p : parents) {
      const TracingState state = LoadTracingState(session, p.adult_id);
      if (state != TracingState::kNotFound)
        return Status::Conflict("closing " + who + " as parent_not_found needs every linked parent not_found; parent " +
                                std::to_string(p.adult_id) + " is " + ToString(state));
    }
  } else if (code == "other" && note.empty()) {
    return Status::InvalidArgument("note: required when closing for reason other");
  }
  return Status::Ok();
}

Status WorkflowWriter::Impl::CloseFamily(PersonId child, const std::string& code, const std::string& note,
                                         const std::string& reason) {
  if (Status s = Require(child, Role::kChild, "child"); !s.ok()) return s;
  if (Status s = CheckOneOf("reason", code, ClosureReasons()); !s.ok()) return s;
  const Closure current = LoadClosure(session, child);
  if (current.closed())
    return Status::Conflict("the family of child " + std::to_string(child) + " is already closed (" + current.reason + ")");
  if (Status s = CheckClosure(child, code, note); !s.ok()) return s;
  long long id = child;
  std::string now = Now();
  session << "DELETE FROM closures WHERE child_id = :c", soci::use(id);
  session << "INSERT INTO closures (child_id, reason, note, updated_at, updated_by) VALUES (:c, :r, :n, :at, :by)",
      soci::use(id), soci::use(code), soci::use(note), soci::use(now), soci::use(actor());
  Journal("closure", id, "reason", "", code, reason.empty() ? note : reason);
  return Status::Ok();
}

Status WorkflowWriter::Impl::ReopenFamily(PersonId child, const std::string& reason) {
  if (Status s = Require(child, Role::kChild, "child"); !s.ok()) return s;
  if (reason.empty()) return Status::InvalidArgument("reason: required to reopen a family");
  const Closure current = LoadClosure(session, child);
  if (!current.closed()) return Status::Conflict("the family of child " + std::to_string(child) + " is not closed");
  long long id = child;
  std::string now = Now();
  session << "UPDATE closures SET reason = '', note = '', updated_at = :at, updated_by = :by WHERE child_id = :c",
      soci::use(now), soci::use(actor()), soci::use(id);
  Journal("closure", id, "reason", current.reason, "", reason);
  return Status::Ok();
}

Result<std::int64_t> WorkflowWriter::Impl::AddDeadline(const Deadline& deadline, const std::string& reason) {
  Deadline d = deadline;
  if (d.title.empty()) return Status::InvalidArgument("title: required");
  if (Status s = CheckOneOf("kind", d.kind, DeadlineKinds()); !s.ok()) return s;
  Result<std::string> due = ParseTime("due", d.due_at, TimeFill::kEndOfDay);
  if (!due.ok()) return due.status();
  d.due_at = *due;
  if (d.child_id != 0)
    if (Status s = Require(d.child_id, Role::kChild, "child"); !s.ok()) return s;
  if (d.adult_id != 0)
    if (Status s = Require(d.adult_id, Role::kAdult, "adult"); !s.ok()) return s;
  d.created_at = Now();
  d.created_by = actor();
  d.done_at.clear();
  long long child = d.child_id, adult = d.adult_id, id = 0;
  session << "INSERT INTO deadlines (title, kind, due_at, child_id, adult_id, done_at, created_at, created_by) "
             "VALUES (:t, :k, :d, :c, :a, '', :at, :by) RETURNING id",
      soci::use(d.title), soci::use(d.kind), soci::use(d.due_at), soci::use(child), soci::use(adult),
      soci::use(d.created_at), soci::use(d.created_by), soci::into(id);
  d.id = id;
  Journal("deadline", id, "*", "", Snapshot(d), reason);
  return static_cast<std::int64_t>(id);
}

Status WorkflowWriter::Impl::CompleteDeadline(std::int64_t deadline_id, const std::string& at,
                                              const std::string& reason) {
  long long id = deadline_id;
  auto found = SelectDeadlines(session, "WHERE id = :id", BindOne(id));
  if (found.empty()) return Status::NotFound("no deadline " + std::to_string(deadline_id));
  if (!found.front().done_at.empty())
    return Status::Conflict("deadline " + std::to_string(deadline_id) + " was done at " + found.front().done_at);
  const std::string now = Now();
  std::string done = now;
  if (!at.empty()) {
    Result<std::string> parsed = ParseTime("at", at);
    if (!parsed.ok()) return parsed.status();
    if (*parsed > now) return Status::InvalidArgument("at: " + *parsed + " is in the future");
    done = *parsed;
  }
  session << "UPDATE deadlines SET done_at = :d WHERE id = :id", soci::use(done), soci::use(id);
  Journal("deadline", id, "done_at", "", done, reason);
  return Status::Ok();
}

}  // namespace reunite::workflow
