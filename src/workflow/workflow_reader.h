// Reading the workflow's current state (docs/workflow.md): per adult, per family,
// the search plan and the due items. No permission checks here: front ends read
// through access/workflow_access.h.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/database.h"
#include "workflow/records.h"
#include "workflow/tracing.h"

namespace reunite::workflow {

struct TaskQuery {
  PersonId adult_id = 0;   // 0 any
  std::string country;     // "" any
  std::string department;  // "" any
  std::string team;        // "" any
  std::string status = "open";  // "" any
};

// One region of the search plan: the open tasks at one place.
struct SearchPlanRow {
  std::string country, department, municipality, village;
  long open_tasks = 0;
  std::string last_attempt;  // the latest visit to any of their adults ("" none)
};

// Something due: an explicit deadline or a built-in rule's target.
struct DueItem {
  std::string source;        // "deadline" or "first_contact" (the 7-day rule)
  std::int64_t deadline_id = 0;
  std::string title;
  std::string kind;          // court, internal, rule
  std::string due_at;
  PersonId child_id = 0, adult_id = 0;
  bool overdue = false;      // due before the "as of" time; else due within the window
};

// The built-in target: a parent's first contact attempt within this many days of
// entering the list (their creation in the journal).
inline constexpr int kFirstContactDays = 7;

// Groups tasks by place (country, department, municipality, village), in place
// order, each region with its count and latest attempt. Tasks whose place a
// reader withheld ("[withheld]") form regions of their own, so a plan built from
// withheld tasks says no more than the tasks do.
std::vector<SearchPlanRow> GroupSearchPlan(const std::vector<SearchTask>& tasks);

class WorkflowReader {
 public:
  explicit WorkflowReader(Database& db) : db_(db) {}

  Result<TracingState> Tracing(PersonId adult);
  // Oldest first.
  Result<std::vector<Contact>> Contacts(PersonId adult);
  Result<std::optional<Contact>> GetContact(std::int64_t id);
  // By country, department, municipality, village, id; each with its last attempt.
  Result<std::vector<SearchTask>> SearchTasks(const TaskQuery& query);
  Result<std::optional<SearchTask>> GetSearchTask(std::int64_t id);
  // Open tasks grouped by place ("" team: every team's).
  Result<std::vector<SearchPlanRow>> SearchPlan(const std::string& team = "");
  Result<std::optional<Decision>> CurrentDecision(PersonId child);
  // Every decision recorded for the child, oldest first (the current one last).
  Result<std::vector<Decision>> DecisionHistory(PersonId child);
  Result<EligibilityView> Eligibility(PersonId adult);
  Result<std::optional<EligibilityFlag>> GetFlag(std::int64_t id);
  Result<Logistics> GetLogistics(PersonId child);
  Result<Closure> GetClosure(PersonId child);
  Result<std::vector<Deadline>> Deadlines(bool open_only);
  Result<std::optional<Deadline>> GetDeadline(std::int64_t id);
  // Items open at `as_of` (a time) that were due before it (overdue) or fall due
  // within `within_days` days after it, soonest first. Explicit deadlines count
  // when created by then and not done by then; the first-contact rule counts
  // adults linked to a child whose family was not closed at that time (by the
  // journal, so a later closure or reopening does not change an earlier answer),
  // created by then, with no contact of any kind logged at or before then.
  Result<std::vector<DueItem>> Due(const std::string& as_of, int within_days);

 private:
  Database& db_;
};

}  // namespace reunite::workflow
