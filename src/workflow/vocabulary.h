// The workflow's words (docs/workflow.md): contact kinds and results, decision
// kinds, eligibility flag kinds, logistics plans and steps, closure reasons,
// deadline kinds, and the checks that a value is one of them. Stored and
// journaled as these strings, so the status report can replay the journal.
#pragma once
#include <string>
#include <vector>

#include "common/status.h"

namespace reunite::workflow {

// Contacts (§2).
const std::vector<std::string>& ContactKinds();  // call, visit, message, child_parent_call
// The results a contact of `kind` may have; empty for an unknown kind.
const std::vector<std::string>& ContactResults(const std::string& kind);

// Search tasks (§3).
inline constexpr const char* kTaskOpen = "open";
inline constexpr const char* kTaskDone = "done";
inline constexpr const char* kTaskCancelled = "cancelled";
// A task's result: what the last visit found (as a visit's results).
const std::vector<std::string>& TaskResults();  // located, not_found, moved_away, refused

// Decisions (§4): "pending" is the absence of one.
const std::vector<std::string>& DecisionKinds();  // reunify_home, waiver, undecided

// Eligibility (§5).
const std::vector<std::string>& EligibilityStatuses();  // eligible, under_review, ineligible
const std::vector<std::string>& FlagKinds();
const std::vector<std::string>& FlagFinalities();  // provisional, final
const std::vector<std::string>& FlagOutcomes();    // pending, upheld, overturned
// Custody and illness are temporary: their flags need a reassess-by date.
bool FlagNeedsReassessDate(const std::string& kind);

// Logistics (§6).
const std::vector<std::string>& LogisticsPlans();  // return_home, reunion_us
const std::vector<std::string>& LogisticsSteps();  // in order

// Closure (§7).
const std::vector<std::string>& ClosureReasons();

// Deadlines (§8).
const std::vector<std::string>& DeadlineKinds();  // court, internal

// OK when `value` is one of `allowed`, else InvalidArgument "<field>: '<value>'
// is not one of a, b, c".
Status CheckOneOf(const std::string& field, const std::string& value, const std::vector<std::string>& allowed);

// "a, b, c".
std::string JoinWords(const std::vector<std::string>& words);

// What a time typed without all its units stands for.
enum class TimeFill {
  kStart,          // the start of what was typed: "2018-07-26" is 00:00:00.000
  kEndOfDay,       // a bare date is its last millisecond (a due date); a time as kStart
  kEndOfLastUnit,  // through the end of the last unit typed: "...T14:03" is 14:03:59.999 (an "as of")
};

// A time as typed: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" (or a space for the T), "...:SS", "...:SS.mmm", with
// an optional trailing "Z" (UTC; no other zones), normalised to the journal's
// "YYYY-MM-DDTHH:MM:SS.mmmZ", the units not typed filled as `fill` says.
// InvalidArgument naming `field` otherwise, including impossible dates such as
// 2018-02-30.
Result<std::string> ParseTime(const std::string& field, const std::string& text, TimeFill fill = TimeFill::kStart);

// A calendar date "YYYY-MM-DD" that exists; InvalidArgument naming `field` else.
Status CheckDate(const std::string& field, const std::string& text);

}  // namespace reunite::workflow
