// The review queue's decisions: an accepted family link becomes a journaled family
// link, an accepted duplicate merges nothing, a rejection needs a reason. The queue
// is filled as a match run fills it (store/match_store.h); the matching itself is
// tested in linkage/match_run_test.cc.
#include "store/review_queue.h"

#include <gtest/gtest.h>

#include "store/case_writer.h"
#include "store/match_store.h"
#include "store/repositories.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

Person Someone(Role role, const std::string& given, const std::string& surname) {
  Person p;
  p.role = role;
  p.name.given_names = {given};
  p.name.paternal_surname = surname;
  p.name.as_recorded = given + " " + surname;
  return p;
}

// A child, his mother and two records of his father, with a family-link candidate
// for each parent and a duplicate candidate for the father's two records.
class ReviewQueueTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (!db_) return;
    CaseWriter writer(*db_, "test");
    kevin_ = *writer.CreatePerson(Someone(Role::kChild, "Kevin", "Pérez"), "list");
    mother_ = *writer.CreatePerson(Someone(Role::kAdult, "Rosa", "López"), "list");
    father_ = *writer.CreatePerson(Someone(Role::kAdult, "José", "Pérez"), "list");
    father_again_ = *writer.CreatePerson(Someone(Role::kAdult, "Jose", "Perez"), "list");
    auto state = ReadMatchState(*db_);
    ASSERT_TRUE(state.ok()) << state.status().ToString();
    MatchRunOutcome outcome;
    outcome.proposals = {{CandidateKind::kFamilyLink, kevin_, mother_, "mother", 9.5, 0.998, R"({"steps":[]})"},
                         {CandidateKind::kFamilyLink, kevin_, father_, "father", 8.5, 0.997, R"({"steps":[]})"},
                         {CandidateKind::kDuplicate, father_, father_again_, "", 12.0, 0.9998, R"({"steps":[]})"}};
    auto run = RecordMatchRun(*db_, "matcher", *state, outcome);
    ASSERT_TRUE(run.ok()) << run.status().ToString();
  }

  ReviewCandidate Find(CandidateKind kind, PersonId left, PersonId right) {
    ReviewQuery query;
    query.kind = kind;
    auto all = ReviewQueue(*db_).List(query);
    EXPECT_TRUE(all.ok()) << all.status().ToString();
    if (all.ok())
      for (const auto& c : *all)
        if (c.left_id == left && c.right_id == right) return c;
    ADD_FAILURE() << "no candidate " << left << "-" << right;
    return {};
  }

  PersonId kevin_ = 0, mother_ = 0, father_ = 0, father_again_ = 0;
};

TEST_P(ReviewQueueTest, ListIsMostProbableFirstAndCounts) {
  auto all = ReviewQueue(*db_).List({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].kind, CandidateKind::kDuplicate);
  EXPECT_EQ((*all)[1].right_id, mother_);
  EXPECT_EQ(ReviewQueue(*db_).Count(CandidateKind::kFamilyLink, ReviewStatus::kPending).value(), 2);
  EXPECT_EQ(ReviewQueue(*db_).Count(std::nullopt, std::nullopt).value(), 3);
  ReviewQuery page;
  page.limit = 1;
  page.offset = 2;
  EXPECT_EQ(ReviewQueue(*db_).List(page)->front().right_id, father_);
}

TEST_P(ReviewQueueTest, AcceptedFamilyLinkBecomesAJournaledFamilyLink) {
  ReviewCandidate mother = Find(CandidateKind::kFamilyLink, kevin_, mother_);
  AcceptOptions accept;
  accept.verification = Verification::kDocumented;
  accept.reason = "birth certificate";
  auto accepted = ReviewQueue(*db_).Accept(mother.id, "reviewer", accept);
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  Family family = PersonRepository(*db_).GetFamily(kevin_);
  ASSERT_EQ(family.links.size(), 1u);
  EXPECT_EQ(family.links[0].adult_id, mother_);
  EXPECT_EQ(family.links[0].relationship, Relationship::kMother);
  EXPECT_EQ(family.links[0].verification, Verification::kDocumented);
  auto link_journal = JournalRepository(*db_).ForEntity("family_link", accepted->link_id);
  ASSERT_EQ(link_journal.size(), 1u);
  EXPECT_EQ(link_journal[0].actor, "reviewer");
  auto decision = JournalRepository(*db_).ForEntity("review_candidate", mother.id);
  ASSERT_EQ(decision.size(), 1u);
  EXPECT_EQ(decision[0].before, "pending");
  EXPECT_EQ(decision[0].after, "accepted");
  EXPECT_EQ(ReviewQueue(*db_).Get(mother.id)->status, ReviewStatus::kAccepted);
  // Accepting twice, or as "rejected", is refused.
  EXPECT_EQ(ReviewQueue(*db_).Accept(mother.id, "reviewer", accept).status().code(), StatusCode::kConflict);
  accept.verification = Verification::kRejected;
  ReviewCandidate father = Find(CandidateKind::kFamilyLink, kevin_, father_);
  EXPECT_EQ(ReviewQueue(*db_).Accept(father.id, "reviewer", accept).status().code(), StatusCode::kInvalidArgument);
}

TEST_P(ReviewQueueTest, AcceptedDuplicateIsRecordedWithoutMergingAnything) {
  ReviewCandidate duplicate = Find(CandidateKind::kDuplicate, father_, father_again_);
  EXPECT_NE(duplicate.run_id, 0);
  auto accepted = ReviewQueue(*db_).Accept(duplicate.id, "reviewer", {});
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(accepted->link_id, 0);
  EXPECT_EQ(ReviewQueue(*db_).Get(duplicate.id)->status, ReviewStatus::kAccepted);
  EXPECT_TRUE(PersonRepository(*db_).Get(father_again_).ok());
  EXPECT_EQ(JournalRepository(*db_).ForEntity("review_candidate", duplicate.id).size(), 1u);
  EXPECT_EQ(ReviewQueue(*db_).Count(CandidateKind::kDuplicate, ReviewStatus::kAccepted).value(), 1);
  EXPECT_EQ(ReviewQueue(*db_).Get(999'999).status().code(), StatusCode::kNotFound);
}

TEST_P(ReviewQueueTest, RejectionNeedsAReasonAndHappensOnce) {
  ReviewCandidate duplicate = Find(CandidateKind::kDuplicate, father_, father_again_);
  EXPECT_EQ(ReviewQueue(*db_).Reject(duplicate.id, "reviewer", "").code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(ReviewQueue(*db_).Reject(duplicate.id, "reviewer", "brothers with one A-number typo").ok());
  EXPECT_EQ(ReviewQueue(*db_).Reject(duplicate.id, "reviewer", "again").code(), StatusCode::kConflict);
  ReviewCandidate after = *ReviewQueue(*db_).Get(duplicate.id);
  EXPECT_EQ(after.status, ReviewStatus::kRejected);
  EXPECT_EQ(after.reason, "brothers with one A-number typo");
  EXPECT_EQ(after.decided_by, "reviewer");
}

REUNITE_ON_BOTH_BACKENDS(ReviewQueueTest);

}  // namespace
}  // namespace reunite
