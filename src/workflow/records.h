// The workflow's records, as the writer takes them and the readers return them
// (docs/workflow.md). Times are ISO 8601 UTC "YYYY-MM-DDTHH:MM:SS.mmmZ", dates
// "YYYY-MM-DD"; a person id of 0 means none.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model/person.h"

namespace reunite::workflow {

struct Contact {
  std::int64_t id = 0;
  PersonId adult_id = 0;
  PersonId child_id = 0;     // child_parent_call only
  std::string kind;          // call, visit, message, child_parent_call
  std::string result;
  std::string number;        // call: the number used
  std::string place;         // visit
  std::string team;          // visit
  std::string through;       // message: the community contact it went through
  std::string at;            // when it happened ("" = now when recording)
  std::string recorded_by;   // set by the writer
  std::string notes;
};

struct SearchTask {
  std::int64_t id = 0;
  PersonId adult_id = 0;
  std::string country;       // ISO 3166-1 alpha-2
  std::string department;    // ISO 3166-2
  std::string municipality;
  std::string village;
  std::string organisation;
  std::string team;
  std::string status;        // open, done, cancelled
  std::string result;        // when done: what the search found
  std::string created_at, created_by, closed_at;
  std::string last_attempt;  // readers only: the adult's latest visit ("" none)
};

struct Decision {
  std::int64_t id = 0;       // its row in the history
  PersonId child_id = 0;
  PersonId adult_id = 0;     // the deciding parent
  std::string kind;          // reunify_home, waiver, undecided
  std::string language;
  bool interpreter_used = false;
  std::string interpreter;   // who, when used
  std::string witness;       // lawyer or witness present
  std::string decided_on;    // date
  bool signed_form = false;
  std::string reason;        // why it changed (required for a change)
  std::string recorded_at, recorded_by;
};

struct EligibilityFlag {
  std::int64_t id = 0;
  PersonId adult_id = 0;
  std::string kind;
  std::string evidence;
  std::string reviewer;
  std::string finality = "provisional";  // provisional, final
  bool contested = false;
  std::string outcome = "pending";       // pending, upheld, overturned
  std::string reassess_by;               // date; required for custody and illness
  bool open = true;
  std::string resolution;                // why it was resolved
  std::string created_at, created_by, resolved_at, resolved_by;
};

struct EligibilityView {
  PersonId adult_id = 0;
  std::string status = "eligible";     // derived from the flags
  std::vector<EligibilityFlag> flags;  // oldest first, resolved ones too
};

struct LogisticsStepDone {
  std::string step;
  std::string done_on;  // date
  std::string done_by;
  std::string recorded_at, recorded_by;
};

struct Logistics {
  PersonId child_id = 0;
  std::string plan;                     // "" none
  std::vector<LogisticsStepDone> steps; // in step order
  std::string next_step;                // "" when all done or no plan
};

struct Closure {
  PersonId child_id = 0;
  std::string reason;  // "" open
  std::string note;
  std::string updated_at, updated_by;
  bool closed() const { return !reason.empty(); }
};

struct Deadline {
  std::int64_t id = 0;
  std::string title;
  std::string kind;     // court, internal
  std::string due_at;   // time; a date typed alone means its end
  PersonId child_id = 0;
  PersonId adult_id = 0;
  std::string done_at;  // "" open
  std::string created_at, created_by;
};

}  // namespace reunite::workflow
