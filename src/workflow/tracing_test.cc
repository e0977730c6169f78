// The tracing state machine over every pair of states and every event, against a
// table of the diagram's edges written out independently of the implementation.
#include "workflow/tracing.h"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "workflow/vocabulary.h"

namespace reunite::workflow {
namespace {

// "call:no_answer", "task:open:", "task:done:not_found", ...
std::string Key(const TracingEvent& e) {
  if (e.type == TracingEvent::Type::kSearchTask) return "task:" + e.task_status + ":" + e.result;
  return e.kind + ":" + e.result;
}

std::vector<TracingEvent> AllEvents(std::int64_t adult) {
  std::vector<TracingEvent> events;
  for (const auto& kind : ContactKinds())
    for (const auto& result : ContactResults(kind))
      events.push_back({TracingEvent::Type::kContact, 7, adult, kind, result, ""});
  events.push_back({TracingEvent::Type::kSearchTask, 8, adult, "", "", "open"});
  events.push_back({TracingEvent::Type::kSearchTask, 8, adult, "", "", "cancelled"});
  for (const auto& result : TaskResults())
    events.push_back({TracingEvent::Type::kSearchTask, 8, adult, "", result, "done"});
  return events;
}

// docs/workflow.md §1, edge by edge, with the events each accepts.
std::set<std::tuple<std::string, std::string, std::string>> LegalMoves() {
  std::set<std::tuple<std::string, std::string, std::string>> legal;
  auto add = [&](const char* from, const char* to, std::vector<std::string> events) {
    for (auto& e : events) legal.insert({from, to, e});
  };
  const std::vector<std::string> failed = {"call:no_answer", "call:wrong_number", "call:reached_relative"};
  add("unknown", "phone_attempted", {"call:no_answer", "call:wrong_number", "call:reached_parent", "call:reached_relative"});
  add("unknown", "field_search", {"task:open:"});
  add("phone_attempted", "in_contact", {"call:reached_parent"});
  add("phone_attempted", "not_reachable", failed);
  add("not_reachable", "in_contact", {"call:reached_parent"});
  add("not_reachable", "field_search", {"task:open:"});
  add("field_search", "located", {"visit:located"});
  add("field_search", "not_found", {"task:done:not_found", "task:done:moved_away", "task:done:refused"});
  add("located", "in_contact", {"call:reached_parent", "visit:located"});
  add("in_contact", "not_reachable", failed);
  add("not_found", "field_search", {"task:open:"});
  return legal;
}

TEST(TracingTest, EveryPairOfStatesWithEveryEvent) {
  const auto legal = LegalMoves();
  int allowed = 0, refused = 0;
  for (TracingState from : AllTracingStates())
    for (TracingState to : AllTracingStates())
      for (const TracingEvent& event : AllEvents(42)) {
        const bool want = legal.count({ToString(from), ToString(to), Key(event)}) > 0;
        Status got = CheckTracingTransition(42, from, to, event);
        EXPECT_EQ(got.ok(), want) << ToString(from) << " -> " << ToString(to) << " with " << Key(event) << ": "
                                  << got.message();
        if (!got.ok()) {
          EXPECT_EQ(got.code(), StatusCode::kConflict);
          EXPECT_EQ(got.message().rfind("cannot move parent 42 from " + ToString(from) + " to " + ToString(to) + ": ", 0),
                    0u)
              << got.message();
        }
        (got.ok() ? allowed : refused)++;
      }
  EXPECT_EQ(allowed, static_cast<int>(legal.size()));
  EXPECT_GT(refused, 0);
}

TEST(TracingTest, MessagesSayWhatIsNeeded) {
  TracingEvent call{TracingEvent::Type::kContact, 5, 42, "call", "no_answer", ""};
  EXPECT_EQ(CheckTracingTransition(42, TracingState::kUnknown, TracingState::kLocated, call).message(),
            "cannot move parent 42 from unknown to located: a transition to located needs a visit with result "
            "located, from field_search");
  EXPECT_EQ(CheckTracingTransition(42, TracingState::kPhoneAttempted, TracingState::kInContact, call).message(),
            "cannot move parent 42 from phone_attempted to in_contact: a transition to in_contact needs a call with "
            "result reached_parent (contact 5 is a call with result no_answer)");
  EXPECT_EQ(CheckTracingTransition(42, TracingState::kInContact, TracingState::kUnknown, call).message(),
            "cannot move parent 42 from in_contact to unknown: a parent never returns to unknown");
  EXPECT_EQ(CheckTracingTransition(42, TracingState::kUnknown, TracingState::kUnknown, call).message(),
            "cannot move parent 42 from unknown to unknown: the parent is already unknown");
}

TEST(TracingTest, TheEventMustBelongToTheParent) {
  TracingEvent other{TracingEvent::Type::kContact, 5, 43, "call", "no_answer", ""};
  Status s = CheckTracingTransition(42, TracingState::kUnknown, TracingState::kPhoneAttempted, other);
  EXPECT_EQ(s.code(), StatusCode::kConflict);
  EXPECT_NE(s.message().find("contact 5 belongs to adult 43"), std::string::npos) << s.message();
}

TEST(TracingTest, NamesRoundTripAndLocatedCounts) {
  for (TracingState s : AllTracingStates()) EXPECT_EQ(TracingStateFromString(ToString(s)), s);
  EXPECT_FALSE(TracingStateFromString("found"));
  EXPECT_TRUE(CountsAsLocated(TracingState::kInContact));
  EXPECT_TRUE(CountsAsLocated(TracingState::kLocated));
  EXPECT_FALSE(CountsAsLocated(TracingState::kFieldSearch));
}

TEST(VocabularyTest, TimesAreNormalisedAndBadOnesNamed) {
  EXPECT_EQ(*ParseTime("at", "2018-07-26"), "2018-07-26T00:00:00.000Z");
  EXPECT_EQ(*ParseTime("due", "2018-07-26", TimeFill::kEndOfDay), "2018-07-26T23:59:59.999Z");
  EXPECT_EQ(*ParseTime("at", "2018-07-26T14:03"), "2018-07-26T14:03:00.000Z");
  EXPECT_EQ(*ParseTime("at", "2018-07-26 14:03"), "2018-07-26T14:03:00.000Z");
  EXPECT_FALSE(ParseTime("at", "2018-07-26_14:03").ok());
  EXPECT_EQ(*ParseTime("at", "2018-07-26T14:03:07Z"), "2018-07-26T14:03:07.000Z");
  EXPECT_EQ(*ParseTime("at", "2018-07-26T14:03:07.120Z"), "2018-07-26T14:03:07.120Z");
  for (const char* bad : {"", "yesterday", "2018-02-30", "2018-07-26T25:00", "2018-07-26 14", "2018-07-26T14:03+02"}) {
    Result<std::string> r = ParseTime("at", bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.status().message().rfind("at: ", 0), 0u);
    }
  }
  EXPECT_TRUE(CheckDate("date", "2020-02-29").ok());
  EXPECT_FALSE(CheckDate("date", "2019-02-29").ok());
  EXPECT_EQ(CheckOneOf("kind", "phone", ContactKinds()).message(),
            "kind: 'phone' is not one of call, visit, message, child_parent_call");
}

}  // namespace
}  // namespace reunite::workflow
