// The workflow's one write path (docs/workflow.md): checks the rules, writes the
// workflow tables and journals every change through store's CaseWriter journal
// (entities and fields as the doc names them), in the caller's transaction.
//
// Every method checks its input and the stored state completely before its first
// write, so a refused action (InvalidArgument: bad input, naming the field;
// NotFound: no such person or record; Conflict: an illegal transition or an
// unmet precondition, saying what is needed; AlreadyExists) changes nothing even
// outside a transaction. A StorageError part-way may leave part of the writes in
// the caller's transaction, which the caller rolls back (access/ wraps each
// action in one transaction with its audit entry).
//
// Who may do what is not checked here: that is access/workflow_access.h.
#pragma once
#include <memory>
#include <string>

#include "common/clock.h"
#include "common/status.h"
#include "store/case_writer.h"
#include "store/database.h"
#include "workflow/records.h"
#include "workflow/tracing.h"

namespace reunite::workflow {

// The event named for a tracing transition: exactly one of the two.
struct TracingEventRef {
  std::int64_t contact_id = 0;
  std::int64_t task_id = 0;
};

class WorkflowWriter {
 public:
  WorkflowWriter(Database& db, std::string actor, Clock& clock = DefaultClock());
  ~WorkflowWriter();

  // §1. Moves an adult's tracing state along an edge of the diagram, justified by
  // the named event. Journal: tracing/<adult>/state. Returns the state before.
  Result<TracingState> SetTracingState(PersonId adult, TracingState to, TracingEventRef event,
                                       const std::string& reason);

  // §2. Appends a contact (id, recorded_by ignored; at "" = now, never in the
  // future). Kind-specific fields: call needs number, visit place and team,
  // message through, child_parent_call a child linked to the adult. Journal:
  // contact/<id>/* snapshot.
  Result<std::int64_t> AddContact(const Contact& contact);

  // §3. Opens a search task for an adult (status open). Journal: search_task/<id>/*.
  Result<std::int64_t> AddSearchTask(const SearchTask& task, const std::string& reason);
  // Gives an open task to an organisation and team; journals team and organisation
  // when they change. Returns the number of fields changed.
  Result<int> AssignSearchTask(std::int64_t task_id, const std::string& organisation, const std::string& team,
                               const std::string& reason);
  // Closes an open task as done (with a result, one of TaskResults()) or
  // cancelled (no result). Journal: search_task/<id>/status (and result).
  Status CloseSearchTask(std::int64_t task_id, const std::string& status, const std::string& result,
                         const std::string& reason);

  // §4. Records a family's decision (decision.id, recorded_* ignored). A change
  // of an earlier decision needs decision.reason. Journal: decision/<child>/kind
  // (before, after) and decision/<child>/* (the record). Returns the history id.
  Result<std::int64_t> SetDecision(const Decision& decision);

  // §5. Adds a red flag (id, open, resolution, created_* ignored) and re-derives
  // the adult's status. Journal: eligibility_flag/<id>/*, eligibility/<adult>/status
  // when it changed. Returns the flag id.
  Result<std::int64_t> AddEligibilityFlag(const EligibilityFlag& flag, const std::string& reason);
  // Changes an open flag's review: finality, contested, outcome ("" leaves each
  // as it is). Journal: eligibility_flag/<id>/<field> per changed field.
  Result<int> ReviewEligibilityFlag(std::int64_t flag_id, const std::string& finality, std::optional<bool> contested,
                                    const std::string& outcome, const std::string& reason);
  // Resolves (closes) an open flag; `reason` (required) is kept as its resolution.
  // Journal: eligibility_flag/<id>/open "1" -> "0".
  Status ResolveEligibilityFlag(std::int64_t flag_id, const std::string& reason);

  // §6. Sets or changes a family's plan. return_home needs decision reunify_home;
  // no plan when the deciding parent is ineligible; a plan cannot change once a
  // step is done; a change needs a reason. Journal: logistics/<child>/plan.
  Status SetLogisticsPlan(PersonId child, const std::string& plan, const std::string& reason);
  // Marks the next step done on `date` (not before the previous step's date) by
  // `done_by` ("" = the actor). Journal: logistics_step/<child>/<step>, after = date.
  Status RecordLogisticsStep(PersonId child, const std::string& step, const std::string& date,
                             const std::string& done_by, const std::string& reason);

  // §7. Closes a family with a reason whose precondition holds; `note` is
  // required for "other". Journal: closure/<child>/reason.
  Status CloseFamily(PersonId child, const std::string& reason_code, const std::string& note,
                     const std::string& reason);
  // Reopens a closed family; `reason` is required. Journal: closure/<child>/reason -> "".
  Status ReopenFamily(PersonId child, const std::string& reason);

  // §8. Adds a deadline (due_at as typed: a date means its end). Journal: deadline/<id>/*.
  Result<std::int64_t> AddDeadline(const Deadline& deadline, const std::string& reason);
  // Marks an open deadline done at `at` ("" = now). Journal: deadline/<id>/done_at.
  Status CompleteDeadline(std::int64_t id, const std::string& at, const std::string& reason);

  const std::string& actor() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace reunite::workflow
