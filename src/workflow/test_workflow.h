// Test support (header-only, workflow tests only): a fresh database on each back
// end with one family (child c, parents a1 and a2 linked to it, a third adult a3
// not linked), a workflow writer on a fixed clock, and counts of what was written.
#pragma once
// Tests build records with partial aggregate initialisers ({0, adult, ...}); the
// members left out take their defaults, which is the point.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/case_writer.h"
#include "store/repositories.h"
#include "store/test_postgres.h"
#include "workflow/workflow_reader.h"
#include "workflow/workflow_writer.h"

namespace reunite::workflow::testing {

class WorkflowTest : public reunite::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    CaseWriter people(*db_, "seed", clock_);
    c = *people.CreatePerson(Make(Role::kChild, "Ana"), "seed");
    a1 = *people.CreatePerson(Make(Role::kAdult, "José"), "seed");
    a2 = *people.CreatePerson(Make(Role::kAdult, "María"), "seed");
    a3 = *people.CreatePerson(Make(Role::kAdult, "Pedro"), "seed");
    ASSERT_TRUE(people.AddFamilyLink({0, c, a1, Relationship::kFather, Verification::kClaimed}, "seed").ok());
    ASSERT_TRUE(people.AddFamilyLink({0, c, a2, Relationship::kMother, Verification::kClaimed}, "seed").ok());
    writer_ = std::make_unique<WorkflowWriter>(*db_, "worker@example.org", clock_);
  }
  void TearDown() override {
    writer_.reset();
    StoreTest::TearDown();
  }

  static Person Make(Role role, const char* given) {
    Person p;
    p.role = role;
    p.name.given_names = {given};
    p.name.paternal_surname = "Xol";
    p.nationality = "GT";
    if (role == Role::kAdult) p.location = {"", "GT", "GT-AV", "Cobán", "Chamelco", ""};
    return p;
  }

  // Rows in the workflow tables plus journal entries: unchanged by a refusal.
  long long Written() {
    long long total = 0;
    for (const char* table : {"tracing_states", "contacts", "search_tasks", "decisions", "decision_history",
                              "eligibility", "eligibility_flags", "logistics_plans", "logistics_steps", "closures",
                              "deadlines", "journal"}) {
      long long n = 0;
      db_->session() << (std::string("SELECT COUNT(*) FROM ") + table), soci::into(n);
      total += n;
    }
    return total;
  }

  std::int64_t Call(PersonId adult, const char* result) {
    Contact k;
    k.adult_id = adult;
    k.kind = "call";
    k.result = result;
    k.number = "+50255550001";
    Result<std::int64_t> id = writer_->AddContact(k);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }
  std::int64_t Visit(PersonId adult, const char* result) {
    Contact k;
    k.adult_id = adult;
    k.kind = "visit";
    k.result = result;
    k.place = "Chamelco";
    k.team = "north";
    Result<std::int64_t> id = writer_->AddContact(k);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }
  Status Move(PersonId adult, TracingState to, std::int64_t contact, std::int64_t task = 0) {
    return writer_->SetTracingState(adult, to, {contact, task}, "test").status();
  }
  // Puts `adult` in contact by a call that reached them.
  void Reach(PersonId adult) {
    ASSERT_TRUE(Move(adult, TracingState::kPhoneAttempted, Call(adult, "no_answer")).ok());
    ASSERT_TRUE(Move(adult, TracingState::kInContact, Call(adult, "reached_parent")).ok());
  }
  Decision MakeDecision(PersonId adult, const char* kind) {
    Decision d;
    d.child_id = c;
    d.adult_id = adult;
    d.kind = kind;
    d.language = "q'eqchi'";
    d.interpreter_used = true;
    d.interpreter = "Juana Caal";
    d.witness = "Lic. Pérez";
    d.decided_on = "2018-07-20";
    d.signed_form = true;
    return d;
  }
  std::vector<JournalEntry> Journal(const char* entity, std::int64_t id) {
    return JournalRepository(*db_).ForEntity(entity, id);
  }

  FixedClock clock_{"2018-07-26T14:00:00.000Z"};
  std::unique_ptr<WorkflowWriter> writer_;
  PersonId c = 0, a1 = 0, a2 = 0, a3 = 0;
};

}  // namespace reunite::workflow::testing
