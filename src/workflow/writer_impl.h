// Internal to workflow/: WorkflowWriter's state and the checks its methods share
// (workflow_writer*.cc). Members throw soci::soci_error (and std::runtime_error
// when the journal refuses); the public methods wrap them in GuardStorage.
#pragma once
#include <stdexcept>
#include <string>

#include "store/case_writer.h"
#include "workflow/rows.h"
#include "workflow/workflow_writer.h"

namespace reunite::workflow {

struct WorkflowWriter::Impl {
  Impl(Database& db, std::string actor, Clock& clock)
      : db(db), session(db.session()), journal(db, std::move(actor), clock) {}

  Database& db;
  soci::session& session;
  CaseWriter journal;

  const std::string& actor() const { return journal.actor(); }
  std::string Now() { return journal.clock().NowIso(); }

  void Journal(const std::string& entity, long long id, const std::string& field, const std::string& before,
               const std::string& after, const std::string& reason) {
    Status s = journal.AppendJournal(entity, id, field, before, after, reason);
    if (!s.ok()) throw std::runtime_error(s.message());
  }

  // NotFound when there is no such person; InvalidArgument when the person is not
  // of `role`. `what` names the argument ("adult", "child").
  Status Require(PersonId id, Role role, const std::string& what) {
    std::optional<Role> stored = id > 0 ? RoleOf(session, id) : std::nullopt;
    if (!stored) return Status::NotFound("no person " + std::to_string(id) + " (" + what + ")");
    if (*stored != role)
      return Status::InvalidArgument(what + ": person " + std::to_string(id) + " is not " +
                                     (role == Role::kChild ? "a child" : "an adult"));
    return Status::Ok();
  }

  // A closed family refuses workflow changes until reopened.
  Status RequireOpenFamily(PersonId child) {
    Closure c = LoadClosure(session, child);
    if (!c.closed()) return Status::Ok();
    return Status::Conflict("the family of child " + std::to_string(child) + " is closed (" + c.reason +
                            "); reopen it first");
  }

  // An adult's own records (tracing, contacts, search tasks, flags) change while at
  // least one of the adult's families is open; an adult linked to no child is
  // still on the list and may be worked.
  Status RequireOpenAdult(PersonId adult) {
    std::vector<PersonId> children = ChildrenOf(session, adult);
    if (children.empty()) return Status::Ok();
    for (PersonId child : children)
      if (!LoadClosure(session, child).closed()) return Status::Ok();
    return Status::Conflict("every family of adult " + std::to_string(adult) + " is closed; reopen one first");
  }

  Result<TracingState> SetTracingState(PersonId adult, TracingState to, TracingEventRef event,
                                       const std::string& reason);
  Result<TracingEvent> LoadEvent(TracingEventRef ref);
  Result<std::int64_t> AddContact(const Contact& contact);
  Status CheckContact(Contact& c);
  Result<std::int64_t> AddSearchTask(const SearchTask& task, const std::string& reason);
  Result<SearchTask> OpenTask(std::int64_t task_id);
  Result<int> AssignSearchTask(std::int64_t task_id, const std::string& organisation, const std::string& team,
                               const std::string& reason);
  Status CloseSearchTask(std::int64_t task_id, const std::string& status, const std::string& result,
                         const std::string& reason);
  Result<std::int64_t> SetDecision(const Decision& decision);
  Status CheckDecision(const Decision& d);
  Result<std::int64_t> AddEligibilityFlag(const EligibilityFlag& flag, const std::string& reason);
  Result<int> ReviewEligibilityFlag(std::int64_t flag_id, const std::string& finality, std::optional<bool> contested,
                                    const std::string& outcome, const std::string& reason);
  Status ResolveEligibilityFlag(std::int64_t flag_id, const std::string& reason);
  Result<EligibilityFlag> OpenFlag(std::int64_t flag_id);
  void RederiveEligibility(PersonId adult, const std::string& reason);
  Status SetLogisticsPlan(PersonId child, const std::string& plan, const std::string& reason);
  Status RecordLogisticsStep(PersonId child, const std::string& step, const std::string& date,
                             const std::string& done_by, const std::string& reason);
  Status CloseFamily(PersonId child, const std::string& reason_code, const std::string& note,
                     const std::string& reason);
  Status CheckClosure(PersonId child, const std::string& reason_code, const std::string& note);
  Status ReopenFamily(PersonId child, const std::string& reason);
  Result<std::int64_t> AddDeadline(const Deadline& deadline, const std::string& reason);
  Status CompleteDeadline(std::int64_t id, const std::string& at, const std::string& reason);
};

}  // namespace reunite::workflow
