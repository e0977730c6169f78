// Locating a parent (docs/workflow.md §1): the tracing state machine as a pure
// function, so every pair of states can be checked without a database. The
// writer loads the justifying event and calls CheckTracingTransition before it
// writes anything.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"

namespace reunite::workflow {

enum class TracingState { kUnknown, kPhoneAttempted, kInContact, kNotReachable, kFieldSearch, kLocated, kNotFound };

std::string ToString(TracingState state);  // "unknown", "phone_attempted", ...
std::optional<TracingState> TracingStateFromString(const std::string& s);
const std::vector<TracingState>& AllTracingStates();
// Their names, in the same order.
const std::vector<std::string>& TracingStateNames();
// The state named `text`; InvalidArgument "<field>: '<text>' is not one of unknown,
// phone_attempted, ..." otherwise (as vocabulary.h's CheckOneOf says it).
Result<TracingState> ParseTracingState(const std::string& field, const std::string& text);
// "Located" for the court: in_contact or located.
bool CountsAsLocated(TracingState state);

// The event that justifies a transition, as loaded from the store: a logged
// contact (kind and result) or a search task (status and result).
struct TracingEvent {
  enum class Type { kContact, kSearchTask };
  Type type = Type::kContact;
  std::int64_t id = 0;
  std::int64_t adult_id = 0;  // whose event it is
  std::string kind;           // contact kind ("call", "visit", ...); "" for a task
  std::string result;         // contact result, or the task's result
  std::string task_status;    // "open", "done", "cancelled" for a task
};

// What the edge from -> to needs, in words ("a call with result reached_parent"),
// or nullopt when there is no such edge.
std::optional<std::string> TransitionRequirement(TracingState from, TracingState to);

// OK when `from -> to` is an edge of the diagram and `event` (of adult `adult_id`)
// is of the kind and result the edge requires. Else FailedPrecondition-like
// Conflict with a message naming the parent, both states and what is needed:
// "cannot move parent 42 from unknown to located: a transition to located needs
// a visit with result located". (Status has no FailedPrecondition code; Conflict
// is "a change that contradicts the stored state".)
Status CheckTracingTransition(std::int64_t adult_id, TracingState from, TracingState to, const TracingEvent& event);

}  // namespace reunite::workflow
