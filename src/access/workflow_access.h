// The protected service over the tracing and reunification workflow
// (docs/workflow.md) that every front end uses. Each call checks the principal's
// role (access/policy.h: kTrace, kWorkSearchTasks, kAssignSearchTasks,
// kRecordDecisions, kFlagEligibility, kManageLogistics, kCloseFamilies,
// kManageDeadlines, kReadWorkflow, kReadReports), limits field searchers to
// their team's families, and writes the audit log: one entry per write (in the
// write's transaction) and one per refusal. The rules themselves (legal
// transitions, required fields) are workflow/WorkflowWriter's.
//
// Errors as CaseAccess: PermissionDenied when the role may not act at all;
// NotFound when the record does not exist or lies outside a field searcher's
// team; the workflow's InvalidArgument, Conflict, AlreadyExists otherwise.
//
// Reads withhold from a principal what CaseAccess would withhold of the adult:
// the number used for a call (phones) and the place of a visit, message or search
// task (location: country, department, municipality and village) of a protected
// adult (access/protected_people.h), for roles that may not see them; a read of
// contacts that shows a number or a place, and a read of search tasks or the
// search plan that shows an adult's municipality or village, is audited
// ("read_protected", one entry per adult).
//
// Not thread-safe: one WorkflowAccess per request, on that request's Database.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "access/policy.h"
#include "access/principal.h"
#include "common/clock.h"
#include "common/status.h"
#include "store/database.h"
#include "workflow/records.h"
#include "workflow/tracing.h"
#include "workflow/workflow_reader.h"
#include "workflow/workflow_writer.h"

namespace reunite {

class WorkflowAccess {
 public:
  WorkflowAccess(Database& db, Principal principal, Clock& clock = DefaultClock());

  const Principal& principal() const { return principal_; }

  // Writes: each in one transaction with its journal and audit entries.
  Result<workflow::TracingState> SetTracingState(PersonId adult, workflow::TracingState to,
                                                 workflow::TracingEventRef event, const std::string& reason);
  Result<std::int64_t> AddContact(const workflow::Contact& contact);
  Result<std::int64_t> AddSearchTask(const workflow::SearchTask& task, const std::string& reason);
  Result<int> AssignSearchTask(std::int64_t task_id, const std::string& organisation, const std::string& team,
                               const std::string& reason);
  Status CloseSearchTask(std::int64_t task_id, const std::string& status, const std::string& result,
                         const std::string& reason);
  Result<std::int64_t> SetDecision(const workflow::Decision& decision);
  Result<std::int64_t> AddEligibilityFlag(const workflow::EligibilityFlag& flag, const std::string& reason);
  Result<int> ReviewEligibilityFlag(std::int64_t flag_id, const std::string& finality, std::optional<bool> contested,
                                    const std::string& outcome, const std::string& reason);
  Status ResolveEligibilityFlag(std::int64_t flag_id, const std::string& reason);
  Status SetLogisticsPlan(PersonId child, const std::string& plan, const std::string& reason);
  Status RecordLogisticsStep(PersonId child, const std::string& step, const std::string& date,
                             const std::string& done_by, const std::string& reason);
  Status CloseFamily(PersonId child, const std::string& reason_code, const std::string& note,
                     const std::string& reason);
  Status ReopenFamily(PersonId child, const std::string& reason);
  Result<std::int64_t> AddDeadline(const workflow::Deadline& deadline, const std::string& reason);
  Status CompleteDeadline(std::int64_t id, const std::string& at, const std::string& reason);

  // Reads (kReadWorkflow; field searchers: their team's families only).
  Result<workflow::TracingState> Tracing(PersonId adult);
  Result<std::vector<workflow::Contact>> Contacts(PersonId adult);
  // A field searcher's list holds the tasks of their team's families only. A task
  // whose places are withheld is left out of a list filtered by country or
  // department (the filter would say where the adult is).
  Result<std::vector<workflow::SearchTask>> SearchTasks(const workflow::TaskQuery& query);
  // The plan of `team`'s open tasks ("" every team's; a field searcher: their own
  // team only), grouped from SearchTasks, so withheld places stay withheld.
  Result<std::vector<workflow::SearchPlanRow>> SearchPlan(const std::string& team);
  Result<std::optional<workflow::Decision>> CurrentDecision(PersonId child);
  Result<std::vector<workflow::Decision>> DecisionHistory(PersonId child);
  Result<workflow::EligibilityView> Eligibility(PersonId adult);
  Result<workflow::Logistics> Logistics(PersonId child);
  Result<workflow::Closure> Closure(PersonId child);
  Result<std::vector<workflow::Deadline>> Deadlines(bool open_only);

  // The overdue report (kReadReports): due items as of a time ("" now; a date or a
  // time typed as report::ParseAsOf reads it); a field searcher's hold only their
  // team's families.
  Result<std::vector<workflow::DueItem>> Due(const std::string& as_of, int within_days);

 private:
  Status Deny(const std::string& what);
  // The field teams of a person's families (a child's assignment; an adult's
  // children's assignments, rejected links aside).
  std::vector<std::string> TeamsOf(PersonId id);
  // OK when the principal may take `action` on person `id` (role, then team
  // scope); NotFound when the person does not exist.
  Status Check(Action action, PersonId id, const std::string& what);
  // Check on a search task's adult; NotFound names the task, not the adult.
  Status CheckTask(Action action, const workflow::SearchTask& task, const std::string& what);
  // The adults and children of the principal's team (for filtering lists).
  Result<std::set<PersonId>> TeamPeople();
  // Whether the principal may not see the adult's places and numbers (contacts, tasks).
  Result<bool> HidePlaces(PersonId adult);
  // The protected people (access/protected_people.h), read once per WorkflowAccess.
  Result<const std::set<PersonId>*> ProtectedSet();
  // SearchTasks, audited as a read of `what` ("search tasks", "search plan").
  Result<std::vector<workflow::SearchTask>> ReadSearchTasks(const workflow::TaskQuery& query, const char* what);
  Status AuditPlacesShown(const std::set<PersonId>& adults, const char* what);
  template <typename T, typename Work>
  Result<T> Write(const char* what, const std::string& action, const std::string& entity, Work&& work);

  Database& db_;
  Principal principal_;
  Clock& clock_;
  std::optional<std::set<PersonId>> protected_;
};

}  // namespace reunite
