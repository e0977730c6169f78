// The family rules on both back ends: a decision needs contact and a change needs
// a reason (history kept); eligibility's derived status; logistics order and plan
// preconditions; closure preconditions; a closed family refuses changes;
// deadlines and the first-contact rule.
#include <nlohmann/json.hpp>

#include "workflow/test_workflow.h"

namespace reunite::workflow {
namespace {

class DecisionTest : public testing::WorkflowTest {};

TEST_P(DecisionTest, ADecisionNeedsALinkedParentInContact) {
  const long long before = Written();
  Status s = writer_->SetDecision(MakeDecision(a1, "reunify_home")).status();
  EXPECT_EQ(s.code(), StatusCode::kConflict);
  EXPECT_NE(s.message().find("is unknown; a decision needs the parent in_contact or located"), std::string::npos)
      << s.message();
  EXPECT_EQ(Written(), before);
  Reach(a1);
  Reach(a3);
  EXPECT_EQ(writer_->SetDecision(MakeDecision(a3, "reunify_home")).status().code(), StatusCode::kConflict);  // not linked
  Decision bad = MakeDecision(a1, "reunify");
  EXPECT_EQ(writer_->SetDecision(bad).status().code(), StatusCode::kInvalidArgument);
  bad = MakeDecision(a1, "waiver"), bad.interpreter.clear();
  EXPECT_EQ(writer_->SetDecision(bad).status().message().rfind("interpreter: ", 0), 0u);
  bad = MakeDecision(a1, "waiver"), bad.language.clear();
  EXPECT_EQ(writer_->SetDecision(bad).status().message().rfind("language: ", 0), 0u);
  bad = MakeDecision(a1, "waiver"), bad.decided_on = "2018-08-01";
  EXPECT_EQ(writer_->SetDecision(bad).status().message().rfind("date: ", 0), 0u);
  bad = MakeDecision(a1, "waiver"), bad.child_id = a2;
  EXPECT_EQ(writer_->SetDecision(bad).status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(writer_->SetDecision(MakeDecision(a1, "reunify_home")).ok());
}

TEST_P(DecisionTest, AChangeNeedsAReasonAndKeepsTheHistory) {
  Reach(a1);
  ASSERT_TRUE(writer_->SetDecision(MakeDecision(a1, "undecided")).ok());
  const long long before = Written();
  Status s = writer_->SetDecision(MakeDecision(a1, "reunify_home")).status();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message().rfind("reason: ", 0), 0u) << s.message();
  EXPECT_EQ(Written(), before);
  Decision change = MakeDecision(a1, "reunify_home");
  change.reason = "decided after the consular interview";
  ASSERT_TRUE(writer_->SetDecision(change).ok());
  auto history = *WorkflowReader(*db_).DecisionHistory(c);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].kind, "undecided");
  EXPECT_EQ(history[1].kind, "reunify_home");
  EXPECT_EQ((*WorkflowReader(*db_).CurrentDecision(c))->kind, "reunify_home");
  std::vector<std::string> kinds;
  for (const auto& e : Journal("decision", c))
    if (e.field == "kind") kinds.push_back(e.before + ">" + e.after);
    else EXPECT_EQ(nlohmann::json::parse(e.after)["child_id"], c);
  EXPECT_EQ(kinds, (std::vector<std::string>{"pending>undecided", "undecided>reunify_home"}));
}

class EligibilityTest : public testing::WorkflowTest {
 protected:
  EligibilityFlag Flag(const char* kind, const char* finality) {
    EligibilityFlag f;
    f.adult_id = a1;
    f.kind = kind;
    f.evidence = "FBI record";
    f.reviewer = "HHS reviewer";
    f.finality = finality;
    return f;
  }
  std::string Status() { return WorkflowReader(*db_).Eligibility(a1)->status; }
};

TEST_P(EligibilityTest, TheStatusIsDerivedFromTheOpenFlags) {
  EXPECT_EQ(Status(), "eligible");
  EligibilityFlag custody = Flag("criminal_custody", "provisional");
  EXPECT_EQ(writer_->AddEligibilityFlag(custody, "x").status().message().rfind("reassess_by: ", 0), 0u);
  custody.reassess_by = "2018-09-01";
  Result<std::int64_t> provisional = writer_->AddEligibilityFlag(custody, "in county jail");
  ASSERT_TRUE(provisional.ok()) << provisional.status().ToString();
  EXPECT_EQ(Status(), "under_review");
  Result<std::int64_t> final_flag = writer_->AddEligibilityFlag(Flag("criminal_violent", "final"), "conviction");
  ASSERT_TRUE(final_flag.ok());
  EXPECT_EQ(Status(), "ineligible");
  EXPECT_EQ(writer_->ReviewEligibilityFlag(*final_flag, "", std::nullopt, "overturned", "appeal").status().code(),
            StatusCode::kInvalidArgument);  // not contested
  EXPECT_EQ(*writer_->ReviewEligibilityFlag(*final_flag, "", true, "", "parent contests"), 1);
  EXPECT_EQ(Status(), "ineligible");  // final and not overturned
  EXPECT_EQ(*writer_->ReviewEligibilityFlag(*final_flag, "", std::nullopt, "overturned", "wrong person"), 1);
  EXPECT_EQ(Status(), "under_review");  // the provisional custody flag remains
  EXPECT_EQ(writer_->ResolveEligibilityFlag(*provisional, "").code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(writer_->ResolveEligibilityFlag(*provisional, "released").ok());
  EXPECT_EQ(Status(), "eligible");
  EXPECT_EQ(writer_->ResolveEligibilityFlag(*provisional, "again").code(), StatusCode::kConflict);
  std::vector<std::string> statuses;
  for (const auto& e : Journal("eligibility", a1)) statuses.push_back(e.field + ":" + e.before + ">" + e.after);
  EXPECT_EQ(statuses, (std::vector<std::string>{"status:eligible>under_review", "status:under_review>ineligible",
                                                 "status:ineligible>under_review", "status:under_review>eligible"}));
  std::vector<std::string> flag_fields;
  for (const auto& e : Journal("eligibility_flag", *final_flag)) flag_fields.push_back(e.field);
  EXPECT_EQ(flag_fields, (std::vector<std::string>{"*", "contested", "outcome"}));
}

TEST_P(EligibilityTest, BadFlagsWriteNothing) {
  const long long before = Written();
  EligibilityFlag f = Flag("criminal_violent", "final");
  f.evidence.clear();
  EXPECT_EQ(writer_->AddEligibilityFlag(f, "x").status().message().rfind("evidence: ", 0), 0u);
  f = Flag("theft", "final");
  EXPECT_EQ(writer_->AddEligibilityFlag(f, "x").status().message().rfind("kind: ", 0), 0u);
  f = Flag("not_parent", "definitive");
  EXPECT_EQ(writer_->AddEligibilityFlag(f, "x").status().message().rfind("finality: ", 0), 0u);
  f = Flag("not_parent", "final"), f.reassess_by = "soon";
  EXPECT_EQ(writer_->AddEligibilityFlag(f, "x").status().message().rfind("reassess_by: ", 0), 0u);
  EXPECT_EQ(Written(), before);
}

class LogisticsTest : public testing::WorkflowTest {
 protected:
  Status Step(const char* step, const char* date = "2018-07-25") {
    return writer_->RecordLogisticsStep(c, step, date, "", "");
  }
};

TEST_P(LogisticsTest, APlanRestsOnTheDecisionAndStepsGoInOrder) {
  EXPECT_EQ(writer_->SetLogisticsPlan(c, "return_home", "").code(), StatusCode::kConflict);
  EXPECT_EQ(Step("travel_document").code(), StatusCode::kConflict);  // no plan
  Reach(a1);
  ASSERT_TRUE(writer_->SetDecision(MakeDecision(a1, "reunify_home")).ok());
  EXPECT_EQ(writer_->SetLogisticsPlan(c, "fly_home", "").code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(writer_->SetLogisticsPlan(c, "return_home", "").ok());
  const long long before = Written();
  Status early = Step("flight_booked");
  EXPECT_EQ(early.code(), StatusCode::kConflict);
  EXPECT_NE(early.message().find("the next step of child " + std::to_string(c) + " is travel_document"),
            std::string::npos);
  EXPECT_EQ(Step("travel_document", "2018-08-01").code(), StatusCode::kInvalidArgument);  // future
  EXPECT_EQ(Written(), before);
  ASSERT_TRUE(Step("travel_document", "2018-07-20").ok());
  EXPECT_EQ(Step("travel_document").code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(Step("flight_booked", "2018-07-19").code(), StatusCode::kInvalidArgument);  // before the previous
  EXPECT_EQ(writer_->SetLogisticsPlan(c, "reunion_us", "changed").code(), StatusCode::kConflict);
  for (const char* s : {"flight_booked", "escort", "receiving_agency_notified", "departed", "arrived", "reunified"})
    ASSERT_TRUE(Step(s).ok()) << s;
  auto l = *WorkflowReader(*db_).GetLogistics(c);
  EXPECT_EQ(l.steps.size(), 7u);
  EXPECT_EQ(l.next_step, "");
  auto journal = Journal("logistics_step", c);
  ASSERT_EQ(journal.size(), 7u);
  EXPECT_EQ(journal[0].field, "travel_document");
  EXPECT_EQ(journal[0].after, "2018-07-20");
  EXPECT_EQ(Journal("logistics", c).at(0).after, "return_home");
}

TEST_P(LogisticsTest, NoPlanForAnIneligibleDecidingParentAndAChangeNeedsAReason) {
  Reach(a1);
  ASSERT_TRUE(writer_->SetDecision(MakeDecision(a1, "undecided")).ok());
  ASSERT_TRUE(writer_->SetLogisticsPlan(c, "reunion_us", "").ok());
  EXPECT_EQ(writer_->SetLogisticsPlan(c, "reunion_us", "").code(), StatusCode::kConflict);
  EXPECT_EQ(writer_->SetLogisticsPlan(c, "return_home", "").code(), StatusCode::kConflict);  // needs reunify_home
  EligibilityFlag f{0, a1, "danger_in_household", "home study", "HHS", "final"};
  ASSERT_TRUE(writer_->AddEligibilityFlag(f, "home study").ok());
  Status s = Step("travel_document");
  EXPECT_EQ(s.code(), StatusCode::kConflict);
  EXPECT_NE(s.message().find("is ineligible"), std::string::npos) << s.message();
}

class ClosureTest : public testing::WorkflowTest {};

TEST_P(ClosureTest, EachReasonHasItsPrecondition) {
  EXPECT_EQ(writer_->CloseFamily(c, "reunified", "", "").code(), StatusCode::kConflict);
  EXPECT_EQ(writer_->CloseFamily(c, "parent_chose_waiver", "", "").code(), StatusCode::kConflict);
  EXPECT_EQ(writer_->CloseFamily(c, "other", "", "").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(writer_->CloseFamily(c, "lost", "", "").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(writer_->CloseFamily(a1, "child_aged_out", "", "").code(), StatusCode::kInvalidArgument);
  // parent_not_found: every linked parent searched and not found.
  for (PersonId adult : {a1, a2}) {
    Result<std::int64_t> task = writer_->AddSearchTask({0, adult}, "x");
    ASSERT_TRUE(Move(adult, TracingState::kFieldSearch, 0, *task).ok());
    Status refused = writer_->CloseFamily(c, "parent_not_found", "", "");
    EXPECT_EQ(refused.code(), StatusCode::kConflict);
    ASSERT_TRUE(writer_->CloseSearchTask(*task, "done", "not_found", "x").ok());
    ASSERT_TRUE(Move(adult, TracingState::kNotFound, 0, *task).ok());
  }
  ASSERT_TRUE(writer_->CloseFamily(c, "parent_not_found", "", "searched everywhere").ok());
  auto journal = Journal("closure", c);
  ASSERT_EQ(journal.size(), 1u);
  EXPECT_EQ(journal[0].field, "reason");
  EXPECT_EQ(journal[0].before, "");
  EXPECT_EQ(journal[0].after, "parent_not_found");
}

TEST_P(ClosureTest, AClosedFamilyRefusesChangesUntilReopened) {
  Reach(a1);
  ASSERT_TRUE(writer_->SetDecision(MakeDecision(a1, "waiver")).ok());
  ASSERT_TRUE(writer_->CloseFamily(c, "parent_chose_waiver", "", "signed waiver").ok());
  const long long before = Written();
  Decision change = MakeDecision(a1, "reunify_home");
  change.reason = "changed mind";
  EXPECT_EQ(writer_->SetDecision(change).status().code(), StatusCode::kConflict);
  EXPECT_EQ(writer_->SetLogisticsPlan(c, "reunion_us", "").code(), StatusCode::kConflict);
  EXPECT_EQ(writer_->CloseFamily(c, "other", "x", "").code(), StatusCode::kConflict);
  EXPECT_EQ(writer_->AddContact({0, a1, 0, "call", "no_answer", "+502"}).status().code(), StatusCode::kConflict);
  EXPECT_EQ(writer_->AddSearchTask({0, a2}, "x").status().code(), StatusCode::kConflict);
  EXPECT_EQ(writer_->ReopenFamily(c, "").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Written(), before);
  ASSERT_TRUE(writer_->ReopenFamily(c, "parent changed mind").ok());
  EXPECT_EQ(writer_->ReopenFamily(c, "again").code(), StatusCode::kConflict);
  EXPECT_TRUE(writer_->SetDecision(change).ok());
  auto journal = Journal("closure", c);
  ASSERT_EQ(journal.size(), 2u);
  EXPECT_EQ(journal[1].before, "parent_chose_waiver");
  EXPECT_EQ(journal[1].after, "");
}

class DeadlineTest : public testing::WorkflowTest {};

TEST_P(DeadlineTest, DeadlinesAndTheFirstContactRuleAsOfATime) {
  Deadline court{0, "Status report to Judge Sabraw", "court", "2018-07-27", c};
  Result<std::int64_t> id = writer_->AddDeadline(court, "order of 2018-07-10");
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(writer_->AddDeadline({0, "", "court", "2018-07-27"}, "").status().message().rfind("title: ", 0), 0u);
  EXPECT_EQ(writer_->AddDeadline({0, "x", "urgent", "2018-07-27"}, "").status().message().rfind("kind: ", 0), 0u);
  EXPECT_EQ(writer_->AddDeadline({0, "x", "court", "July"}, "").status().message().rfind("due: ", 0), 0u);
  EXPECT_EQ(writer_->AddDeadline({0, "x", "court", "2018-07-27", a1}, "").status().code(),
            StatusCode::kInvalidArgument);  // a1 is not a child
  WorkflowReader reader(*db_);
  // Now: the parents entered the list at 14:00 today, due 2018-08-02 14:00.
  auto due = *reader.Due("2018-07-26T15:00:00.000Z", 7);
  ASSERT_EQ(due.size(), 3u);  // the court deadline and a1, a2 (a3 is linked to no child)
  EXPECT_EQ(due[0].source, "deadline");
  EXPECT_EQ(due[0].due_at, "2018-07-27T23:59:59.999Z");
  EXPECT_FALSE(due[0].overdue);
  EXPECT_EQ(due[1].source, "first_contact");
  EXPECT_EQ(due[1].due_at.substr(0, 16), "2018-08-02T14:00");
  EXPECT_EQ(reader.Due("2018-07-26T15:00:00.000Z", 0)->size(), 0u);
  // Later: the court deadline and the rule are overdue; a call to a1 satisfies it.
  Call(a1, "no_answer");
  auto late = *reader.Due("2018-08-10", 7);
  ASSERT_EQ(late.size(), 2u);
  EXPECT_TRUE(late[0].overdue && late[1].overdue);
  EXPECT_EQ(late[1].adult_id, a2);
  // Before any data: nothing due.
  EXPECT_EQ(reader.Due("2018-07-01T00:00:00.000Z", 30)->size(), 0u);
  ASSERT_TRUE(writer_->CompleteDeadline(*id, "", "filed").ok());
  EXPECT_EQ(writer_->CompleteDeadline(*id, "", "again").code(), StatusCode::kConflict);
  EXPECT_EQ(reader.Due("2018-08-10", 7)->size(), 1u);
  std::vector<std::string> fields;
  for (const auto& e : Journal("deadline", *id)) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"*", "done_at"}));
}

TEST_P(DeadlineTest, TheFirstContactRuleReadsClosureAsOfTheTimeAsked) {
  WorkflowReader reader(*db_);
  ASSERT_EQ(reader.Due("2018-07-26T15:00:00.000Z", 7)->size(), 2u);  // a1 and a2, through c
  clock_.AdvanceSeconds(3600);                                        // 15:00
  ASSERT_TRUE(writer_->CloseFamily(c, "other", "child moved to a relative", "court order").ok());
  EXPECT_EQ(reader.Due("2018-07-26T14:59:00.000Z", 7)->size(), 2u);  // before the closure: still due
  EXPECT_EQ(reader.Due("2018-07-26T15:30:00.000Z", 7)->size(), 0u);
  clock_.AdvanceSeconds(3600);  // 16:00
  ASSERT_TRUE(writer_->ReopenFamily(c, "new address").ok());
  EXPECT_EQ(reader.Due("2018-07-26T15:30:00.000Z", 7)->size(), 0u);  // unchanged by the reopening
  EXPECT_EQ(reader.Due("2018-07-26T16:30:00.000Z", 7)->size(), 2u);
}

REUNITE_ON_BOTH_BACKENDS(DecisionTest);
REUNITE_ON_BOTH_BACKENDS(EligibilityTest);
REUNITE_ON_BOTH_BACKENDS(LogisticsTest);
REUNITE_ON_BOTH_BACKENDS(ClosureTest);
REUNITE_ON_BOTH_BACKENDS(DeadlineTest);

}  // namespace
}  // namespace reunite::workflow
