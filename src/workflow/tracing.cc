#include "workflow/tracing.h"

#include <algorithm>

#include "workflow/vocabulary.h"

namespace reunite::workflow {

namespace {

using S = TracingState;

// One edge of the diagram and the event that justifies it.
struct Edge {
  S from, to;
  bool task;                         // justified by a search task (else a contact)
  std::string kind;                  // contact kind; "" for a task
  std::vector<std::string> results;  // accepted results (contact) ; task: accepted results, empty = any
  std::string task_status;           // task: the status it must have
  std::string words;                 // what is needed, for messages
};

const std::vector<std::string> kCallFailed = {"no_answer", "wrong_number", "reached_relative"};

const std::vector<Edge>& Edges() {
  static const std::vector<Edge> edges = {
      {S::kUnknown, S::kPhoneAttempted, false, "call",
       {"no_answer", "wrong_number", "reached_parent", "reached_relative"}, "", "a logged call"},
      {S::kUnknown, S::kFieldSearch, true, "", {}, "open", "an open search task"},
      {S::kPhoneAttempted, S::kInContact, false, "call", {"reached_parent"}, "", "a call with result reached_parent"},
      {S::kPhoneAttempted, S::kNotReachable, false, "call", kCallFailed, "",
       "a call with result no_answer, wrong_number or reached_relative"},
      {S::kNotReachable, S::kInContact, false, "call", {"reached_parent"}, "", "a call with result reached_parent"},
      {S::kNotReachable, S::kFieldSearch, true, "", {}, "open", "an open search task"},
      {S::kFieldSearch, S::kLocated, false, "visit", {"located"}, "", "a visit with result located"},
      {S::kFieldSearch, S::kNotFound, true, "", {"not_found", "moved_away", "refused"}, "done",
       "a search task closed as done with result not_found, moved_away or refused"},
      {S::kLocated, S::kInContact, false, "call", {"reached_parent"}, "", "a call with result reached_parent"},
      {S::kLocated, S::kInContact, false, "visit", {"located"}, "", "a visit with result located"},
      {S::kInContact, S::kNotReachable, false, "call", kCallFailed, "",
       "a call with result no_answer, wrong_number or reached_relative"},
      {S::kNotFound, S::kFieldSearch, true, "", {}, "open", "a new open search task"},
  };
  return edges;
}

bool Fits(const Edge& e, const TracingEvent& ev) {
  if (e.task != (ev.type == TracingEvent::Type::kSearchTask)) return false;
  if (e.task) {
    if (ev.task_status != e.task_status) return false;
    return e.results.empty() || std::find(e.results.begin(), e.results.end(), ev.result) != e.results.end();
  }
  return ev.kind == e.kind && std::find(e.results.begin(), e.results.end(), ev.result) != e.results.end();
}

std::string Describe(const TracingEvent& ev) {
  if (ev.type == TracingEvent::Type::kSearchTask)
    return "search task " + std::to_string(ev.id) + " is " + ev.task_status +
           (ev.result.empty() ? "" : " with result " + ev.result);
  return "contact " + std::to_string(ev.id) + " is a " + ev.kind + " with result " + ev.result;
}

// What any transition into `to` needs and from where: "a transition to located
// needs a visit with result located, from field_search".
std::string IncomingRequirement(TracingState to) {
  std::vector<std::pair<std::string, std::string>> needs;  // words, from-states
  for (const Edge& e : Edges()) {
    if (e.to != to) continue;
    auto it = std::find_if(needs.begin(), needs.end(), [&](const auto& n) { return n.first == e.words; });
    if (it == needs.end()) needs.push_back({e.words, ToString(e.from)});
    else it->second += ", " + ToString(e.from);
  }
  if (needs.empty()) return "a parent never returns to " + ToString(to);
  std::string out = "a transition to " + ToString(to) + " needs ";
  for (size_t i = 0; i < needs.size(); ++i)
    out += (i ? "; or " : "") + needs[i].first + ", from " + needs[i].second;
  return out;
}

}  // namespace

std::string ToString(TracingState state) {
  switch (state) {
    case S::kUnknown: return "unknown";
    case S::kPhoneAttempted: return "phone_attempted";
    case S::kInContact: return "in_contact";
    case S::kNotReachable: return "not_reachable";
    case S::kFieldSearch: return "field_search";
    case S::kLocated: return "located";
    case S::kNotFound: return "not_found";
  }
  return "unknown";
}

const std::vector<TracingState>& AllTracingStates() {
  static const std::vector<TracingState> all = {S::kUnknown,     S::kPhoneAttempted, S::kInContact, S::kNotReachable,
                                                S::kFieldSearch, S::kLocated,        S::kNotFound};
  return all;
}

std::optional<TracingState> TracingStateFromString(const std::string& s) {
  for (S state : AllTracingStates())
    if (ToString(state) == s) return state;
  return std::nullopt;
}

const std::vector<std::string>& TracingStateNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (S state : AllTracingStates()) out.push_back(ToString(state));
    return out;
  }();
  return names;
}

Result<TracingState> ParseTracingState(const std::string& field, const std::string& text) {
  if (std::optional<TracingState> state = TracingStateFromString(text)) return *state;
  return CheckOneOf(field, text, TracingStateNames());
}

bool CountsAsLocated(TracingState state) { return state == S::kInContact || state == S::kLocated; }

std::optional<std::string> TransitionRequirement(TracingState from, TracingState to) {
  std::string words;
  for (const Edge& e : Edges())
    if (e.from == from && e.to == to) words += (words.empty() ? "" : " or ") + e.words;
  if (words.empty()) return std::nullopt;
  return words;
}

Status CheckTracingTransition(std::int64_t adult_id, TracingState from, TracingState to, const TracingEvent& event) {
  const std::string head =
      "cannot move parent " + std::to_string(adult_id) + " from " + ToString(from) + " to " + ToString(to) + ": ";
  if (from == to) return Status::Conflict(head + "the parent is already " + ToString(to));
  std::optional<std::string> needs = TransitionRequirement(from, to);
  if (!needs) return Status::Conflict(head + IncomingRequirement(to));
  if (event.adult_id != adult_id)
    return Status::Conflict(head + (event.type == TracingEvent::Type::kSearchTask ? "search task " : "contact ") +
                            std::to_string(event.id) + " belongs to adult " + std::to_string(event.adult_id) +
                            ", not to this parent");
  for (const Edge& e : Edges())
    if (e.from == from && e.to == to && Fits(e, event)) return Status::Ok();
  return Status::Conflict(head + "a transition to " + ToString(to) + " needs " + *needs + " (" + Describe(event) +
                          ")");
}

}  // namespace reunite::workflow
