// WorkflowWriter on both back ends: contacts, tracing transitions through the
// store, search tasks and the search plan; journal names as docs/workflow.md says;
// nothing written on a refusal.
#include "workflow/workflow_writer.h"

#include <nlohmann/json.hpp>

#include "workflow/test_workflow.h"

namespace reunite::workflow {
namespace {

class ContactTest : public testing::WorkflowTest {};

TEST_P(ContactTest, EachKindNeedsItsFieldsAndBadInputWritesNothing) {
  const long long before = Written();
  auto refuse = [&](Contact k, const std::string& field) {
    Result<std::int64_t> r = writer_->AddContact(k);
    ASSERT_FALSE(r.ok()) << field;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << r.status().message();
    EXPECT_EQ(r.status().message().rfind(field + ": ", 0), 0u) << r.status().message();
  };
  Contact call{0, a1, 0, "call", "no_answer", "", "", "", "", "", "", ""};
  refuse(call, "number");
  Contact k = call;
  k.number = "+502";
  k.result = "located";
  refuse(k, "result");
  k = call, k.kind = "phone";
  refuse(k, "kind");
  Contact visit{0, a1, 0, "visit", "located", "", "Chamelco", "", "", "", "", ""};
  refuse(visit, "team");
  k = visit, k.team = "north", k.number = "+502";
  refuse(k, "number");
  Contact message{0, a1, 0, "message", "sent", "", "", "", "", "", "", ""};
  refuse(message, "through");
  Contact child_call{0, a1, 0, "child_parent_call", "completed", "", "", "", "", "", "", ""};
  refuse(child_call, "child");
  k = child_call, k.child_id = a2;
  refuse(k, "child");
  k = call, k.number = "+502", k.at = "2018-07-27";
  refuse(k, "at");
  k.at = "26/07/2018";
  refuse(k, "at");
  k = call, k.number = "+502", k.child_id = c;
  refuse(k, "child");
  EXPECT_EQ(Written(), before);
  EXPECT_EQ(writer_->AddContact({0, c, 0, "call", "no_answer", "+502", "", "", "", "", "", ""}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(writer_->AddContact({0, 9999, 0, "call", "no_answer", "+502", "", "", "", "", "", ""}).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(Written(), before);
}

TEST_P(ContactTest, AContactIsStoredAndJournaledAsASnapshot) {
  Contact k{0, a1, c, "child_parent_call", "completed", "+50255550001", "", "", "", "2018-07-25T09:30", "", "10 min"};
  Result<std::int64_t> id = writer_->AddContact(k);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  Result<std::vector<Contact>> stored = WorkflowReader(*db_).Contacts(a1);
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ(stored->front().at, "2018-07-25T09:30:00.000Z");
  EXPECT_EQ(stored->front().recorded_by, "worker@example.org");
  EXPECT_EQ(stored->front().child_id, c);
  auto journal = Journal("contact", *id);
  ASSERT_EQ(journal.size(), 1u);
  EXPECT_EQ(journal[0].field, "*");
  auto snapshot = nlohmann::json::parse(journal[0].after);
  EXPECT_EQ(snapshot["kind"], "child_parent_call");
  EXPECT_EQ(snapshot["adult_id"], a1);
  EXPECT_EQ(snapshot["at"], "2018-07-25T09:30:00.000Z");
}

class TracingStoreTest : public testing::WorkflowTest {};

TEST_P(TracingStoreTest, AParentWalksThePhoneAndFieldPathsWithJournalEntries) {
  ASSERT_TRUE(Move(a1, TracingState::kPhoneAttempted, Call(a1, "no_answer")).ok());
  ASSERT_TRUE(Move(a1, TracingState::kNotReachable, Call(a1, "wrong_number")).ok());
  Result<std::int64_t> task = writer_->AddSearchTask({0, a1, "", "", "", "", "ICRC", "north"}, "no phone");
  ASSERT_TRUE(task.ok()) << task.status().ToString();
  ASSERT_TRUE(Move(a1, TracingState::kFieldSearch, 0, *task).ok());
  const std::int64_t visit = Visit(a1, "located");
  ASSERT_TRUE(Move(a1, TracingState::kLocated, visit).ok());
  Status reused = Move(a1, TracingState::kInContact, visit);
  EXPECT_EQ(reused.code(), StatusCode::kConflict);
  EXPECT_NE(reused.message().find("already justified the move to located"), std::string::npos) << reused.message();
  ASSERT_TRUE(Move(a1, TracingState::kInContact, Call(a1, "reached_parent")).ok());
  EXPECT_EQ(*WorkflowReader(*db_).Tracing(a1), TracingState::kInContact);
  EXPECT_EQ(*WorkflowReader(*db_).Tracing(a2), TracingState::kUnknown);
  auto journal = Journal("tracing", a1);
  ASSERT_EQ(journal.size(), 5u);
  const std::vector<std::pair<std::string, std::string>> moves = {{"unknown", "phone_attempted"},
      {"phone_attempted", "not_reachable"}, {"not_reachable", "field_search"}, {"field_search", "located"},
      {"located", "in_contact"}};
  for (size_t i = 0; i < moves.size(); ++i) {
    EXPECT_EQ(journal[i].field, "state");
    EXPECT_EQ(journal[i].before, moves[i].first);
    EXPECT_EQ(journal[i].after, moves[i].second);
    EXPECT_EQ(journal[i].actor, "worker@example.org");
  }
  EXPECT_EQ(journal[2].reason, "search task " + std::to_string(*task) + ": test");
}

TEST_P(TracingStoreTest, AnIllegalOrUnjustifiedMoveChangesNothing) {
  const std::int64_t other = Call(a2, "no_answer");
  const std::int64_t failed = Call(a1, "no_answer");
  const long long before = Written();
  Status s = Move(a1, TracingState::kLocated, failed);
  EXPECT_EQ(s.code(), StatusCode::kConflict);
  EXPECT_EQ(s.message(), "cannot move parent " + std::to_string(a1) +
                             " from unknown to located: a transition to located needs a visit with result located, "
                             "from field_search");
  EXPECT_EQ(Move(a1, TracingState::kPhoneAttempted, other).code(), StatusCode::kConflict);  // a2's call
  EXPECT_EQ(Move(a1, TracingState::kPhoneAttempted, 0).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Move(a1, TracingState::kPhoneAttempted, failed, 1).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Move(a1, TracingState::kPhoneAttempted, 999).code(), StatusCode::kNotFound);
  EXPECT_EQ(Move(c, TracingState::kPhoneAttempted, failed).code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(Move(a1, TracingState::kPhoneAttempted, failed).ok());
  const long long after_one = Written();
  EXPECT_EQ(after_one, before + 2);  // the state row and its journal entry
  EXPECT_EQ(Move(a1, TracingState::kInContact, failed).code(), StatusCode::kConflict);
  EXPECT_EQ(Written(), after_one);
  EXPECT_EQ(*WorkflowReader(*db_).Tracing(a1), TracingState::kPhoneAttempted);
}

class SearchTaskTest : public testing::WorkflowTest {};

TEST_P(SearchTaskTest, TasksOpenAssignCloseAndJournal) {
  Result<std::int64_t> id = writer_->AddSearchTask({0, a1, "GT", "GT-AV", "Cobán", "Chamelco", "", ""}, "no phone");
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(writer_->AddSearchTask({0, a1}, "again").status().code(), StatusCode::kAlreadyExists);
  // The schema holds the rule too, for writers that race past the check.
  long long adult = a1;
  EXPECT_THROW((db_->session() << "INSERT INTO search_tasks (adult_id, status, created_at, created_by) "
                                  "VALUES (:a, 'open', 'now', 'racer')",
                soci::use(adult)),
               soci::soci_error);
  EXPECT_EQ(writer_->AddSearchTask({0, a2, "Guatemala"}, "x").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(writer_->AddSearchTask({0, a2, "GT", "HN-CR"}, "x").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(writer_->AssignSearchTask(*id, "", "", "x").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(*writer_->AssignSearchTask(*id, "ICRC", "north", "closest team"), 2);
  EXPECT_EQ(*writer_->AssignSearchTask(*id, "", "south", "moved"), 1);
  EXPECT_EQ(writer_->CloseSearchTask(*id, "done", "", "x").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(writer_->CloseSearchTask(*id, "cancelled", "located", "x").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(writer_->CloseSearchTask(*id, "finished", "", "x").code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(writer_->CloseSearchTask(*id, "done", "not_found", "village searched").ok());
  EXPECT_EQ(writer_->CloseSearchTask(*id, "cancelled", "", "x").code(), StatusCode::kConflict);
  EXPECT_EQ(writer_->AssignSearchTask(*id, "", "east", "x").status().code(), StatusCode::kConflict);
  std::vector<std::string> fields;
  for (const auto& e : Journal("search_task", *id)) fields.push_back(e.field + "=" + e.after);
  EXPECT_EQ(fields, (std::vector<std::string>{"*=" + fields[0].substr(2), "team=north", "organisation=ICRC",
                                               "team=south", "status=done", "result=not_found"}));
  auto task = *WorkflowReader(*db_).GetSearchTask(*id);
  ASSERT_TRUE(task);
  EXPECT_EQ(task->team, "south");
  EXPECT_EQ(task->status, "done");
  EXPECT_EQ(task->closed_at.empty(), false);
}

TEST_P(SearchTaskTest, ThePlanGroupsOpenTasksByPlaceWithTheLastAttempt) {
  ASSERT_TRUE(writer_->AddSearchTask({0, a1, "", "", "", "", "ICRC", "north"}, "x").ok());  // the adult's place
  ASSERT_TRUE(writer_->AddSearchTask({0, a2, "GT", "GT-AV", "Cobán", "Chamelco", "ICRC", "south"}, "x").ok());
  Result<std::int64_t> elsewhere = writer_->AddSearchTask({0, a3, "HN", "HN-CR", "", "", "", "north"}, "x");
  ASSERT_TRUE(elsewhere.ok());
  clock_.AdvanceSeconds(3600);
  Visit(a2, "not_found");
  ASSERT_TRUE(writer_->CloseSearchTask(*elsewhere, "cancelled", "", "moved to the US").ok());
  auto plan = WorkflowReader(*db_).SearchPlan();
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  ASSERT_EQ(plan->size(), 1u);
  EXPECT_EQ((*plan)[0].country, "GT");
  EXPECT_EQ((*plan)[0].department, "GT-AV");
  EXPECT_EQ((*plan)[0].village, "Chamelco");
  EXPECT_EQ((*plan)[0].open_tasks, 2);
  EXPECT_EQ((*plan)[0].last_attempt.substr(0, 13), "2018-07-26T15");
  auto north = WorkflowReader(*db_).SearchPlan("north");
  ASSERT_EQ(north->size(), 1u);
  EXPECT_EQ((*north)[0].open_tasks, 1);
  TaskQuery q;
  q.team = "south";
  EXPECT_EQ(WorkflowReader(*db_).SearchTasks(q)->size(), 1u);
  q = TaskQuery{};
  q.country = "HN";
  q.status = "";
  EXPECT_EQ(WorkflowReader(*db_).SearchTasks(q)->size(), 1u);
}

REUNITE_ON_BOTH_BACKENDS(ContactTest);
REUNITE_ON_BOTH_BACKENDS(TracingStoreTest);
REUNITE_ON_BOTH_BACKENDS(SearchTaskTest);

}  // namespace
}  // namespace reunite::workflow
