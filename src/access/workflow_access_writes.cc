// WorkflowAccess's writes: each checks the role and the team scope, then runs the
// workflow writer (rules and journal) and appends its audit entry in one
// transaction, so an action is stored whole or not at all.
#include "access/audit.h"
#include "access/workflow_access.h"
#include "store/storage_guard.h"

namespace reunite {

using namespace workflow;

// Runs `work(writer)` in a transaction; `work` returns Result<T> and the audit
// (entity id, detail) of a success, which is appended before the commit.
template <typename T, typename Work>
Result<T> WorkflowAccess::Write(const char* what, const std::string& action, const std::string& entity, Work&& work) {
  return GuardStorage(what, [&]() -> Result<T> {
    soci::transaction tx(db_.session());
    WorkflowWriter writer(db_, principal_.username, clock_);
    std::int64_t entity_id = 0;
    std::string detail;
    Result<T> r = work(writer, entity_id, detail);
    if (!r.ok()) return r;  // the transaction rolls back
    if (Status s = AppendAudit(db_, clock_, principal_, action, entity, entity_id, detail); !s.ok()) return s;
    tx.commit();
    return r;
  });
}

namespace {

// Wraps a Status-returning call so that Write<bool> can carry it.
Result<bool> AsResult(const Status& s) {
  if (!s.ok()) return s;
  return true;
}

}  // namespace

// Check on the task's adult, but a refusal names the task only: whose it is is not
// for a reader outside the adult's team.
Status WorkflowAccess::CheckTask(Action action, const SearchTask& task, const std::string& what) {
  Status s = Check(action, task.adult_id, what);
  if (s.code() == StatusCode::kNotFound) return Status::NotFound("no search task " + std::to_string(task.id));
  return s;
}

Result<TracingState> WorkflowAccess::SetTracingState(PersonId adult, TracingState to, TracingEventRef event,
                                                     const std::string& reason) {
  if (Status s = Check(Action::kTrace, adult, "move a parent's tracing state"); !s.ok()) return s;
  return Write<TracingState>("set tracing state", "set_tracing_state", "tracing",
                             [&](WorkflowWriter& w, std::int64_t& id, std::string& detail) {
    Result<TracingState> before = w.SetTracingState(adult, to, event, reason);
    id = adult;
    if (before.ok()) detail = ToString(*before) + " -> " + ToString(to);
    return before;
  });
}

Result<std::int64_t> WorkflowAccess::AddContact(const Contact& contact) {
  if (Status s = Check(Action::kTrace, contact.adult_id, "log contacts"); !s.ok()) return s;
  return Write<std::int64_t>("add contact", "add_contact", "contact",
                             [&](WorkflowWriter& w, std::int64_t& id, std::string& detail) {
    Result<std::int64_t> r = w.AddContact(contact);
    if (r.ok()) id = *r, detail = "adult " + std::to_string(contact.adult_id) + " " + contact.kind + " " + contact.result;
    return r;
  });
}

Result<std::int64_t> WorkflowAccess::AddSearchTask(const SearchTask& task, const std::string& reason) {
  if (Status s = Check(Action::kWorkSearchTasks, task.adult_id, "open search tasks"); !s.ok()) return s;
  return Write<std::int64_t>("add search task", "add_search_task", "search_task",
                             [&](WorkflowWriter& w, std::int64_t& id, std::string& detail) {
    Result<std::int64_t> r = w.AddSearchTask(task, reason);
    if (r.ok()) id = *r, detail = "adult " + std::to_string(task.adult_id);
    return r;
  });
}

Result<int> WorkflowAccess::AssignSearchTask(std::int64_t task_id, const std::string& organisation,
                                             const std::string& team, const std::string& reason) {
  if (!Allowed(principal_, Action::kAssignSearchTasks)) return Deny("assign search tasks");
  Result<std::optional<SearchTask>> task = WorkflowReader(db_).GetSearchTask(task_id);
  if (!task.ok()) return task.status();
  if (!*task) return Status::NotFound("no search task " + std::to_string(task_id));
  if (Status s = CheckTask(Action::kAssignSearchTasks, **task, "assign search tasks"); !s.ok()) return s;
  return Write<int>("assign search task", "assign_search_task", "search_task",
                    [&](WorkflowWriter& w, std::int64_t& id, std::string& detail) {
    id = task_id;
    detail = "organisation '" + organisation + "' team '" + team + "'";
    return w.AssignSearchTask(task_id, organisation, team, reason);
  });
}

Status WorkflowAccess::CloseSearchTask(std::int64_t task_id, const std::string& status, const std::string& result,
                                       const std::string& reason) {
  if (!Allowed(principal_, Action::kWorkSearchTasks)) return Deny("close search tasks");
  Result<std::optional<SearchTask>> task = WorkflowReader(db_).GetSearchTask(task_id);
  if (!task.ok()) return task.status();
  if (!*task) return Status::NotFound("no search task " + std::to_string(task_id));
  if (Status s = CheckTask(Action::kWorkSearchTasks, **task, "close search tasks"); !s.ok()) return s;
  return Write<bool>("close search task", "close_search_task", "search_task",
                     [&](WorkflowWriter& w, std::int64_t& id, std::string& detail) {
    id = task_id;
    detail = status + (result.empty() ? "" : " " + result);
    return AsResult(w.CloseSearchTask(task_id, status, result, reason));
  }).status();
}

Result<std::int64_t> WorkflowAccess::SetDecision(const Decision& decision) {
  if (Status s = Check(Action::kRecordDecisions, decision.child_id, "record decisions"); !s.ok()) return s;
  return Write<std::int64_t>("set decision", "set_decision", "decision",
                             [&](WorkflowWriter& w, std::int64_t& id, std::string& detail) {
    id = decision.child_id;
    detail = decision.kind + " by adult " + std::to_string(decision.adult_id);
    return w.SetDecision(decision);
  });
}

Result<std::int64_t> WorkflowAccess::AddEligibilityFlag(const EligibilityFlag& flag, const std::string& reason) {
  if (Status s = Check(Action::kFlagEligibility, flag.adult_id, "flag eligibility"); !s.ok()) return s;
  return Write<std::int64_t>("add eligibility flag", "add_eligibility_flag", "eligibility_flag",
                             [&](WorkflowWriter& w, std::int64_t& id, std::string& detail) {
    Result<std::int64_t> r = w.AddEligibilityFlag(flag, reason);
    // The evidence stays out of the audit log, which auditors read.
    if (r.ok()) id = *r, detail = "adult " + std::to_string(flag.adult_id) + " " + flag.kind + " " + flag.finality;
    return r;
  });
}

Result<int> WorkflowAccess::ReviewEligibilityFlag(std::int64_t flag_id, const std::string& finality,
                                                  std::optional<bool> contested, const std::string& outcome,
                                                  const std::string& reason) {
  if (!Allowed(principal_, Action::kFlagEligibility)) return Deny("review eligibility flags");
  return Write<int>("review eligibility flag", "review_eligibility_flag", "eligibility_flag",
                    [&](WorkflowWriter& w, std::int64_t& id, std::string& detail) {
    id = flag_id;
    detail = reason;
    return w.ReviewEligibilityFlag(flag_id, finality, contested, outcome, reason);
  });
}

Status WorkflowAccess::ResolveEligibilityFlag(std::int64_t flag_id, const std::string& reason) {
  if (!Allowed(principal_, Action::kFlagEligibility)) return Deny("resolve eligibility flags");
  return Write<bool>("resolve eligibility flag", "resolve_eligibility_flag", "eligibility_flag",
                     [&](WorkflowWriter& w, std::int64_t& id, std::string& detail) {
    id = flag_id;
    detail = reason;
    return AsResult(w.ResolveEligibilityFlag(flag_id, reason));
  }).status();
}

Status WorkflowAccess::SetLogisticsPlan(PersonId child, const std::string& plan, const std::string& reason) {
  if (Status s = Check(Action::kManageLogistics, child, "plan logistics"); !s.ok()) return s;
  return Write<bool>("set logistics plan", "set_logistics_plan", "logistics",
                     [&](WorkflowWriter& w, std::int64_t& id, std::string& detail) {
    id = child;
    detail = plan;
    return AsResult(w.SetLogisticsPlan(child, plan, reason));
  }).status();
}

Status WorkflowAccess::RecordLogisticsStep(PersonId child, const std::string& step, const std::string& date,
                                           const std::string& done_by, const std::string& reason) {
  if (Status s = Check(Action::kManageLogistics, child, "record logistics steps"); !s.ok()) return s;
  return Write<bool>("record logistics step", "record_logistics_step", "logistics_step",
                     [&](WorkflowWriter& w, std::int64_t& id, std::string& detail) {
    id = child;
    detail = step + " " + date;
    return AsResult(w.RecordLogisticsStep(child, step, date, done_by, reason));
  }).status();
}

Status WorkflowAccess::CloseFamily(PersonId child, const std::string& reason_code, const std::string& note,
                                   const std::string& reason) {
  if (Status s = Check(Action::kCloseFamilies, child, "close families"); !s.ok()) return s;
  return Write<bool>("close family", "close_family", "closure",
                     [&](WorkflowWriter& w, std::int64_t& id, std::string& detail) {
    id = child;
    detail = reason_code;
    return AsResult(w.CloseFamily(child, reason_code, note, reason));
  }).status();
}

Status WorkflowAccess::ReopenFamily(PersonId child, const std::string& reason) {
  if (Status s = Check(Action::kCloseFamilies, child, "reopen families"); !s.ok()) return s;
  return Write<bool>("reopen family", "reopen_family", "closure",
                     [&](WorkflowWriter& w, std::int64_t& id, std::string& detail) {
    id = child;
    detail = reason;
    return AsResult(w.ReopenFamily(child, reason));
  }).status();
}

Result<std::int64_t> WorkflowAccess::AddDeadline(const Deadline& deadline, const std::string& reason) {
  if (!Allowed(principal_, Action::kManageDeadlines)) return Deny("manage deadlines");
  for (PersonId person : {deadline.child_id, deadline.adult_id})
    if (person != 0)
      if (Status s = Check(Action::kManageDeadlines, person, "manage deadlines"); !s.ok()) return s;
  return Write<std::int64_t>("add deadline", "add_deadline", "deadline",
                             [&](WorkflowWriter& w, std::int64_t& id, std::string& detail) {
    Result<std::int64_t> r = w.AddDeadline(deadline, reason);
    if (r.ok()) id = *r, detail = deadline.kind + " due " + deadline.due_at;
    return r;
  });
}

Status WorkflowAccess::CompleteDeadline(std::int64_t deadline_id, const std::string& at, const std::string& reason) {
  if (!Allowed(principal_, Action::kManageDeadlines)) return Deny("manage deadlines");
  return Write<bool>("complete deadline", "complete_deadline", "deadline",
                     [&](WorkflowWriter& w, std::int64_t& id, std::string& detail) {
    id = deadline_id;
    detail = reason;
    return AsResult(w.CompleteDeadline(deadline_id, at, reason));
  }).status();
}

}  // namespace reunite
