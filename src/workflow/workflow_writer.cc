// WorkflowWriter: the public wrappers, tracing, contacts and search tasks.
#include "workflow/workflow_writer.h"

#include <cctype>

#include "store/repositories.h"
#include "store/storage_guard.h"
#include "workflow/vocabulary.h"
#include "workflow/writer_impl.h"

namespace reunite::workflow {

namespace {

// OK when the field is empty or belongs to the kind; else why it is refused.
Status OnlyFor(const std::string& field, const std::string& value, bool belongs, const std::string& kinds) {
  if (value.empty() || belongs) return Status::Ok();
  return Status::InvalidArgument(field + ": only a " + kinds + " has one");
}

Status Needs(const std::string& field, const std::string& value, const std::string& why) {
  if (!value.empty()) return Status::Ok();
  return Status::InvalidArgument(field + ": required " + why);
}

bool IsCountryCode(const std::string& s) {
  return s.size() == 2 && std::isupper(static_cast<unsigned char>(s[0])) &&
         std::isupper(static_cast<unsigned char>(s[1]));
}

}  // namespace

Result<TracingEvent> WorkflowWriter::Impl::LoadEvent(TracingEventRef ref) {
  if ((ref.contact_id > 0) == (ref.task_id > 0))
    return Status::InvalidArgument("a tracing transition names exactly one justifying event: a contact or a search task");
  TracingEvent ev;
  long long id = ref.contact_id > 0 ? ref.contact_id : ref.task_id;
  ev.id = id;
  if (ref.contact_id > 0) {
    auto found = SelectContacts(session, "WHERE id = :id", BindOne(id));
    if (found.empty()) return Status::NotFound("no contact " + std::to_string(id));
    ev.type = TracingEvent::Type::kContact;
    ev.adult_id = found.front().adult_id;
    ev.kind = found.front().kind;
    ev.result = found.front().result;
  } else {
    auto found = SelectTasks(session, "WHERE id = :id", BindOne(id));
    if (found.empty()) return Status::NotFound("no search task " + std::to_string(id));
    ev.type = TracingEvent::Type::kSearchTask;
    ev.adult_id = found.front().adult_id;
    ev.result = found.front().result;
    ev.task_status = found.front().status;
  }
  return ev;
}

Result<TracingState> WorkflowWriter::Impl::SetTracingState(PersonId adult, TracingState to, TracingEventRef ref,
                                                           const std::string& reason) {
  if (Status s = Require(adult, Role::kAdult, "adult"); !s.ok()) return s;
  if (Status s = RequireOpenAdult(adult); !s.ok()) return s;
  Result<TracingEvent> event = LoadEvent(ref);
  if (!event.ok()) return event.status();
  const TracingState from = LoadTracingState(session, adult);
  if (Status s = CheckTracingTransition(adult, from, to, *event); !s.ok()) return s;
  long long id = adult, event_id = event->id, last_id = 0;
  std::string state = ToString(to), now = Now(),
              kind = event->type == TracingEvent::Type::kContact ? "contact" : "search_task", last_kind;
  // One contact justifies one move: the visit that located a parent does not also
  // put them in contact. (A search task is two events, its opening and its
  // closing, and the edges tell them apart by its status.)
  session << "SELECT event_kind, event_id FROM tracing_states WHERE adult_id = :a", soci::use(id),
      soci::into(last_kind), soci::into(last_id);
  if (session.got_data() && kind == "contact" && last_kind == kind && last_id == event_id)
    return Status::Conflict("cannot move parent " + std::to_string(adult) + " from " + ToString(from) + " to " + state +
                            ": contact " + std::to_string(event_id) +
                            " already justified the move to " + ToString(from) + "; log a new contact");
  session << "DELETE FROM tracing_states WHERE adult_id = :a", soci::use(id);
  session << "INSERT INTO tracing_states (adult_id, state, event_kind, event_id, updated_at, updated_by) "
             "VALUES (:a, :s, :k, :e, :at, :by)",
      soci::use(id), soci::use(state), soci::use(kind), soci::use(event_id), soci::use(now), soci::use(actor());
  // The journal's reason names the justifying event, so a replay can show it.
  const std::string why = (kind == "contact" ? "contact " : "search task ") + std::to_string(event_id) +
                          (reason.empty() ? "" : ": " + reason);
  Journal("tracing", id, "state", ToString(from), state, why);
  return from;
}

Status WorkflowWriter::Impl::CheckContact(Contact& c) {
  if (Status s = Require(c.adult_id, Role::kAdult, "adult"); !s.ok()) return s;
  if (Status s = CheckOneOf("kind", c.kind, ContactKinds()); !s.ok()) return s;
  if (Status s = CheckOneOf("result", c.result, ContactResults(c.kind)); !s.ok()) return s;
  const bool call = c.kind == "call", visit = c.kind == "visit", message = c.kind == "message",
             child_call = c.kind == "child_parent_call";
  for (Status s : {OnlyFor("number", c.number, call || child_call, "call or child_parent_call"),
                   OnlyFor("place", c.place, visit, "visit"), OnlyFor("team", c.team, visit, "visit"),
                   OnlyFor("through", c.through, message, "message"),
                   call ? Needs("number", c.number, "for a call (the number used)") : Status::Ok(),
                   visit ? Needs("place", c.place, "for a visit") : Status::Ok(),
                   visit ? Needs("team", c.team, "for a visit (who went)") : Status::Ok(),
                   message ? Needs("through", c.through, "for a message (the community contact)") : Status::Ok()})
    if (!s.ok()) return s;
  if (child_call) {
    if (c.child_id == 0) return Status::InvalidArgument("child: required for a child_parent_call (the child who called)");
    if (Status s = Require(c.child_id, Role::kChild, "child"); !s.ok()) return s;
    bool linked = false;
    for (PersonId child : ChildrenOf(session, c.adult_id)) linked = linked || child == c.child_id;
    if (!linked)
      return Status::InvalidArgument("child: child " + std::to_string(c.child_id) + " is not linked to adult " +
                                     std::to_string(c.adult_id));
  } else if (c.child_id != 0) {
    return Status::InvalidArgument("child: only a child_parent_call names a child");
  }
  const std::string now = Now();
  if (c.at.empty()) {
    c.at = now;
  } else {
    Result<std::string> at = ParseTime("at", c.at);
    if (!at.ok()) return at.status();
    if (*at > now) return Status::InvalidArgument("at: " + *at + " is in the future");
    c.at = *at;
  }
  return RequireOpenAdult(c.adult_id);
}

Result<std::int64_t> WorkflowWriter::Impl::AddContact(const Contact& contact) {
  Contact c = contact;
  if (Status s = CheckContact(c); !s.ok()) return s;
  c.recorded_by = actor();
  long long adult = c.adult_id, child = c.child_id, id = 0;
  std::string now = Now();
  session << "INSERT INTO contacts (adult_id, child_id, kind, result, number, place, team, through, at, "
             "recorded_by, recorded_at, notes) VALUES (:a, :c, :k, :r, :n, :p, :t, :th, :at, :by, :rat, :notes) "
             "RETURNING id",
      soci::use(adult), soci::use(child), soci::use(c.kind), soci::use(c.result), soci::use(c.number),
      soci::use(c.place), soci::use(c.team), soci::use(c.through), soci::use(c.at), soci::use(c.recorded_by),
      soci::use(now), soci::use(c.notes), soci::into(id);
  c.id = id;
  Journal("contact", id, "*", "", Snapshot(c), c.kind + " " + c.result);
  return static_cast<std::int64_t>(id);
}

Result<std::int64_t> WorkflowWriter::Impl::AddSearchTask(const SearchTask& task, const std::string& reason) {
  if (Status s = Require(task.adult_id, Role::kAdult, "adult"); !s.ok()) return s;
  SearchTask t = task;
  // No place given: search where the adult was last recorded.
  if (t.country.empty() && t.department.empty() && t.municipality.empty() && t.village.empty()) {
    Result<Person> adult = PersonRepository(db).Get(t.adult_id);
    if (!adult.ok()) return adult.status();
    t.country = adult->location.country;
    t.department = adult->location.department;
    t.municipality = adult->location.municipality;
    t.village = adult->location.village;
  }
  if (!IsCountryCode(t.country))
    return Status::InvalidArgument("country: '" + t.country + "' is not an ISO 3166-1 alpha-2 code (e.g. GT)");
  if (!t.department.empty() && t.department.rfind(t.country + "-", 0) != 0)
    return Status::InvalidArgument("department: '" + t.department + "' is not an ISO 3166-2 code of " + t.country +
                                   " (e.g. " + t.country + "-QC)");
  if (Status s = RequireOpenAdult(t.adult_id); !s.ok()) return s;
  long long adult = t.adult_id, id = 0, open = 0;
  session << "SELECT COUNT(*) FROM search_tasks WHERE adult_id = :a AND status = 'open'", soci::use(adult),
      soci::into(open);
  if (open > 0)
    return Status::AlreadyExists("adult " + std::to_string(adult) + " already has an open search task");
  t.status = kTaskOpen;
  t.result.clear();
  t.created_at = Now();
  t.created_by = actor();
  t.closed_at.clear();
  session << "INSERT INTO search_tasks (adult_id, country, department, municipality, village, organisation, team, "
             "status, result, created_at, created_by, closed_at) VALUES (:a, :c, :d, :m, :v, :o, :t, :s, '', :at, "
             ":by, '') RETURNING id",
      soci::use(adult), soci::use(t.country), soci::use(t.department), soci::use(t.municipality),
      soci::use(t.village), soci::use(t.organisation), soci::use(t.team), soci::use(t.status),
      soci::use(t.created_at), soci::use(t.created_by), soci::into(id);
  t.id = id;
  Journal("search_task", id, "*", "", Snapshot(t), reason);
  return static_cast<std::int64_t>(id);
}

Result<SearchTask> WorkflowWriter::Impl::OpenTask(std::int64_t task_id) {
  long long id = task_id;
  auto found = SelectTasks(session, "WHERE id = :id", BindOne(id));
  if (found.empty()) return Status::NotFound("no search task " + std::to_string(task_id));
  if (found.front().status != kTaskOpen)
    return Status::Conflict("search task " + std::to_string(task_id) + " is " + found.front().status +
                            ", not open");
  if (Status s = RequireOpenAdult(found.front().adult_id); !s.ok()) return s;
  return found.front();
}

Result<int> WorkflowWriter::Impl::AssignSearchTask(std::int64_t task_id, const std::string& organisation,
                                                   const std::string& team, const std::string& reason) {
  if (organisation.empty() && team.empty())
    return Status::InvalidArgument("team: give a team or an organisation (or both) to assign the task to");
  Result<SearchTask> task = OpenTask(task_id);
  if (!task.ok()) return task.status();
  const std::string org = organisation.empty() ? task->organisation : organisation;
  const std::string tm = team.empty() ? task->team : team;
  long long id = task_id;
  session << "UPDATE search_tasks SET organisation = :o, team = :t WHERE id = :id", soci::use(org), soci::use(tm),
      soci::use(id);
  int changed = 0;
  if (tm != task->team) Journal("search_task", id, "team", task->team, tm, reason), ++changed;
  if (org != task->organisation) Journal("search_task", id, "organisation", task->organisation, org, reason), ++changed;
  return changed;
}

Status WorkflowWriter::Impl::CloseSearchTask(std::int64_t task_id, const std::string& status,
                                             const std::string& result, const std::string& reason) {
  if (status != kTaskDone && status != kTaskCancelled)
    return Status::InvalidArgument("status: '" + status + "' is not one of done, cancelled");
  if (status == kTaskDone) {
    if (Status s = CheckOneOf("result", result, TaskResults()); !s.ok()) return s;
  } else if (!result.empty()) {
    return Status::InvalidArgument("result: a cancelled task has no result");
  }
  Result<SearchTask> task = OpenTask(task_id);
  if (!task.ok()) return task.status();
  long long id = task_id;
  std::string now = Now();
  session << "UPDATE search_tasks SET status = :s, result = :r, closed_at = :at WHERE id = :id", soci::use(status),
      soci::use(result), soci::use(now), soci::use(id);
  Journal("search_task", id, "status", kTaskOpen, status, reason);
  if (!result.empty()) Journal("search_task", id, "result", "", result, reason);
  return Status::Ok();
}

WorkflowWriter::WorkflowWriter(Database& db, std::string actor, Clock& clock)
    : impl_(std::make_unique<Impl>(db, std::move(actor), clock)) {}
WorkflowWriter::~WorkflowWriter() = default;
const std::string& WorkflowWriter::actor() const { return impl_->actor(); }

Result<TracingState> WorkflowWriter::SetTracingState(PersonId adult, TracingState to, TracingEventRef event,
                                                     const std::string& reason) {
  return GuardStorage("set tracing state", [&] { return impl_->SetTracingState(adult, to, event, reason); });
}
Result<std::int64_t> WorkflowWriter::AddContact(const Contact& contact) {
  return GuardStorage("add contact", [&] { return impl_->AddContact(contact); });
}
Result<std::int64_t> WorkflowWriter::AddSearchTask(const SearchTask& task, const std::string& reason) {
  return GuardStorage("add search task", [&] { return impl_->AddSearchTask(task, reason); });
}
Result<int> WorkflowWriter::AssignSearchTask(std::int64_t task_id, const std::string& organisation,
                                             const std::string& team, const std::string& reason) {
  return GuardStorage("assign search task", [&] { return impl_->AssignSearchTask(task_id, organisation, team, reason); });
}
Status WorkflowWriter::CloseSearchTask(std::int64_t task_id, const std::string& status, const std::string& result,
                                       const std::string& reason) {
  return GuardStorage("close search task", [&] { return impl_->CloseSearchTask(task_id, status, result, reason); });
}
Result<std::int64_t> WorkflowWriter::SetDecision(const Decision& decision) {
  return GuardStorage("set decision", [&] { return impl_->SetDecision(decision); });
}
Result<std::int64_t> WorkflowWriter::AddEligibilityFlag(const EligibilityFlag& flag, const std::string& reason) {
  return GuardStorage("add eligibility flag", [&] { return impl_->AddEligibilityFlag(flag, reason); });
}
Result<int> WorkflowWriter::ReviewEligibilityFlag(std::int64_t flag_id, const std::string& finality,
                                                  std::optional<bool> contested, const std::string& outcome,
                                                  const std::string& reason) {
  return GuardStorage("review eligibility flag",
                      [&] { return impl_->ReviewEligibilityFlag(flag_id, finality, contested, outcome, reason); });
}
Status WorkflowWriter::ResolveEligibilityFlag(std::int64_t flag_id, const std::string& reason) {
  return GuardStorage("resolve eligibility flag", [&] { return impl_->ResolveEligibilityFlag(flag_id, reason); });
}
Status WorkflowWriter::SetLogisticsPlan(PersonId child, const std::string& plan, const std::string& reason) {
  return GuardStorage("set logistics plan", [&] { return impl_->SetLogisticsPlan(child, plan, reason); });
}
Status WorkflowWriter::RecordLogisticsStep(PersonId child, const std::string& step, const std::string& date,
                                           const std::string& done_by, const std::string& reason) {
  return GuardStorage("record logistics step",
                      [&] { return impl_->RecordLogisticsStep(child, step, date, done_by, reason); });
}
Status WorkflowWriter::CloseFamily(PersonId child, const std::string& reason_code, const std::string& note,
                                   const std::string& reason) {
  return GuardStorage("close family", [&] { return impl_->CloseFamily(child, reason_code, note, reason); });
}
Status WorkflowWriter::ReopenFamily(PersonId child, const std::string& reason) {
  return GuardStorage("reopen family", [&] { return impl_->ReopenFamily(child, reason); });
}
Result<std::int64_t> WorkflowWriter::AddDeadline(const Deadline& deadline, const std::string& reason) {
  return GuardStorage("add deadline", [&] { return impl_->AddDeadline(deadline, reason); });
}
Status WorkflowWriter::CompleteDeadline(std::int64_t id, const std::string& at, const std::string& reason) {
  return GuardStorage("complete deadline", [&] { return impl_->CompleteDeadline(id, at, reason); });
}

}  // namespace reunite::workflow
