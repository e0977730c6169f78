// What a match run reads and writes: the state (versions, stored models with their
// health, family links, pending candidates), and the run's transaction: proposals
// meeting the queue, withdrawals journaled with the run that made them, the run's
// record with its counts and model health.
#include "store/match_store.h"

#include <gtest/gtest.h>

#include "store/case_writer.h"
#include "store/repositories.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

class MatchStoreTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (!db_) return;
    for (PersonId* id : {&a_, &b_, &c_}) *id = Add("Ana");
  }

  PersonId Add(const std::string& given) {
    Person p;
    p.name.given_names = {given};
    p.name.paternal_surname = "Xol";
    auto id = CaseWriter(*db_, "clerk").CreatePerson(p, "list");
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }

  void Edit(PersonId id, const std::string& phone) {
    Person p = *PersonRepository(*db_).Get(id);
    p.phones = {phone};
    ASSERT_TRUE(CaseWriter(*db_, "clerk").UpdatePerson(p, "new phone").ok());
  }

  // One run that compares `compared` and proposes `proposals`.
  MatchRunRecord Record(std::vector<CandidateProposal> proposals, std::vector<CandidateWithdrawal> withdrawals = {},
                        std::vector<PersonId> compared = {}) {
    auto state = ReadMatchState(*db_);
    EXPECT_TRUE(state.ok()) << state.status().ToString();
    MatchRunOutcome outcome;
    outcome.started_at = "2018-07-01T10:00:00.000Z";
    outcome.counts.people = 3;
    outcome.counts.compared_people = static_cast<long>(compared.size());
    outcome.proposals = std::move(proposals);
    outcome.withdrawals = std::move(withdrawals);
    outcome.compared = std::move(compared);
    outcome.model_health = R"([{"model":"identity_adult"}])";
    auto run = RecordMatchRun(*db_, "matcher", state.ok() ? *state : MatchState{}, outcome);
    EXPECT_TRUE(run.ok()) << run.status().ToString();
    return run.ok() ? *run : MatchRunRecord{};
  }

  CandidateProposal Duplicate(double probability = 0.99) {
    return {CandidateKind::kDuplicate, a_, b_, "", 7.0, probability, R"({"steps":[]})"};
  }

  ReviewCandidate OnlyCandidate() {
    auto all = ReviewQueue(*db_).List({});
    EXPECT_TRUE(all.ok() && all->size() == 1u);
    return all.ok() && !all->empty() ? all->front() : ReviewCandidate{};
  }

  std::vector<JournalEntry> Journal(std::int64_t candidate) {
    return JournalRepository(*db_).ForEntity("review_candidate", candidate);
  }

  PersonId a_ = 0, b_ = 0, c_ = 0;
};

TEST_P(MatchStoreTest, TheRunIsRecordedWithItsCountsAndHealth) {
  MatchRunRecord run = Record({Duplicate()}, {}, {a_, b_, c_});
  ASSERT_NE(run.id, 0);
  EXPECT_EQ(run.counts.candidates_new, 1);
  auto stored = GetMatchRun(*db_, run.id);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(stored->actor, "matcher");
  EXPECT_EQ(stored->started_at, "2018-07-01T10:00:00.000Z");
  EXPECT_FALSE(stored->finished_at.empty());
  EXPECT_FALSE(stored->counts.full);
  EXPECT_EQ(stored->counts.people, 3);
  EXPECT_EQ(stored->counts.compared_people, 3);
  EXPECT_EQ(stored->counts.candidates_new, 1);
  EXPECT_EQ(stored->model_health, R"([{"model":"identity_adult"}])");
  EXPECT_EQ(OnlyCandidate().run_id, run.id);
  EXPECT_EQ(GetMatchRun(*db_, run.id + 100).status().code(), StatusCode::kNotFound);
}

TEST_P(MatchStoreTest, StateHasVersionsModelsLinksAndPendingPairs) {
  auto state = ReadMatchState(*db_);
  ASSERT_TRUE(state.ok());
  EXPECT_TRUE(state->Changed(a_));
  EXPECT_GT(state->Version(a_), 0);
  MatchRunOutcome outcome;
  outcome.proposals = {Duplicate()};
  outcome.compared = {a_, b_};
  outcome.models = {{"identity_adult", R"({"lambda":0.1})", 3, R"({"model":"identity_adult"})", ""}};
  ASSERT_TRUE(RecordMatchRun(*db_, "matcher", *state, outcome).ok());
  Person kid;
  kid.role = Role::kChild;
  kid.name.given_names = {"Luis"};
  PersonId child = *CaseWriter(*db_, "clerk").CreatePerson(kid, "list");
  auto linked = CaseWriter(*db_, "clerk").AddFamilyLink({0, child, c_, Relationship::kMother, Verification::kClaimed},
                                                        "seed");
  ASSERT_TRUE(linked.ok()) << linked.status().ToString();
  auto after = ReadMatchState(*db_);
  ASSERT_TRUE(after.ok());
  EXPECT_FALSE(after->Changed(a_));
  EXPECT_FALSE(after->Changed(b_));
  EXPECT_TRUE(after->Changed(c_));
  ASSERT_EQ(after->models.count("identity_adult"), 1u);
  EXPECT_EQ(after->models.at("identity_adult").model, R"({"lambda":0.1})");
  EXPECT_EQ(after->models.at("identity_adult").health, R"({"model":"identity_adult"})");
  EXPECT_EQ(after->models.at("identity_adult").records, 3);
  EXPECT_FALSE(after->models.at("identity_adult").trained_at.empty());
  EXPECT_EQ(after->linked.count({child, c_}), 1u);
  ASSERT_EQ(after->pending.size(), 1u);
  EXPECT_EQ(after->pending[0].left, a_);
  Edit(a_, "+50255550001");
  EXPECT_TRUE(ReadMatchState(*db_)->Changed(a_));
}

TEST_P(MatchStoreTest, AWithdrawalIsJournaledWithTheRunAndItsReason) {
  Record({Duplicate()});
  std::int64_t id = OnlyCandidate().id;
  MatchRunRecord second = Record({}, {{CandidateKind::kDuplicate, a_, b_, "the pair scores 0.10, below 0.50"}});
  EXPECT_EQ(second.counts.candidates_withdrawn, 1);
  EXPECT_EQ(OnlyCandidate().status, ReviewStatus::kWithdrawn);
  auto journal = Journal(id);
  ASSERT_EQ(journal.size(), 1u);
  EXPECT_EQ(journal[0].before, "pending");
  EXPECT_EQ(journal[0].after, "withdrawn");
  EXPECT_EQ(journal[0].actor, "matcher");
  EXPECT_EQ(journal[0].reason,
            "withdrawn by match run " + std::to_string(second.id) + ": the pair scores 0.10, below 0.50");
  // Withdrawing again changes nothing; proposing again makes it pending, from the new run.
  EXPECT_EQ(Record({}, {{CandidateKind::kDuplicate, a_, b_, "again"}}).counts.candidates_withdrawn, 0);
  MatchRunRecord third = Record({Duplicate(0.97)});
  EXPECT_EQ(third.counts.candidates_reopened, 1);
  ReviewCandidate back = OnlyCandidate();
  EXPECT_EQ(back.status, ReviewStatus::kPending);
  EXPECT_EQ(back.probability, 0.97);
  EXPECT_EQ(back.run_id, third.id);
  EXPECT_EQ(Journal(id).back().reason, "proposed again by match run " + std::to_string(third.id));
}

TEST_P(MatchStoreTest, ARejectedPairIsReopenedOnlyWhenARecordChanged) {
  Record({Duplicate()});
  ReviewCandidate candidate = OnlyCandidate();
  ASSERT_TRUE(ReviewQueue(*db_).Reject(candidate.id, "reviewer", "twins").ok());
  MatchRunRecord same = Record({Duplicate()});
  EXPECT_EQ(same.counts.candidates_kept, 1);
  EXPECT_EQ(OnlyCandidate().status, ReviewStatus::kRejected);
  EXPECT_EQ(OnlyCandidate().run_id, candidate.run_id);  // not rescored
  Edit(b_, "+50255550002");
  MatchRunRecord changed = Record({Duplicate()});
  EXPECT_EQ(changed.counts.candidates_reopened, 1);
  EXPECT_EQ(OnlyCandidate().status, ReviewStatus::kPending);
  EXPECT_EQ(Journal(candidate.id).back().reason,
            "reopened by match run " + std::to_string(changed.id) + ": a record changed since the rejection");
}

TEST_P(MatchStoreTest, AnAcceptedPairIsKeptAndNotWithdrawn) {
  Record({Duplicate()});
  ReviewCandidate candidate = OnlyCandidate();
  ASSERT_TRUE(ReviewQueue(*db_).Accept(candidate.id, "reviewer", {}).ok());
  MatchRunRecord run = Record({Duplicate()}, {{CandidateKind::kDuplicate, a_, b_, "below"}});
  EXPECT_EQ(run.counts.candidates_kept, 1);
  EXPECT_EQ(run.counts.candidates_withdrawn, 0);
  EXPECT_EQ(OnlyCandidate().status, ReviewStatus::kAccepted);
}

REUNITE_ON_BOTH_BACKENDS(MatchStoreTest);

}  // namespace
}  // namespace reunite
