// The review queue filled by `match run`: proposals, decisions that survive re-runs,
// reopening when a record changes, and incremental matching of a new record.
#include "store/review_queue.h"

#include <gtest/gtest.h>

#include "store/case_writer.h"
#include "store/match_run.h"
#include "store/repositories.h"
#include "store/test_postgres.h"
#include "match/test_families.h"

namespace reunite {
namespace {

using testing::MakePerson;


// The father (two agency records: a known duplicate), the mother and their son
// Kevin (a known child-parent pair), and filler families so the models have data.
class ReviewQueueTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (!db_) return;
    const Date day{2018, 6, 1};
    const std::string yuma = "Yuma Station";
    kevin_ = Add(MakePerson(Role::kChild, "Kevin José", "Pérez", "López", Sex::kMale, {2010, 3, 4}, day, yuma,
                            "papá José Luis; mamá Rosa"));
    Person father = MakePerson(Role::kAdult, "José Luis", "Pérez", "García", Sex::kMale, {1980, 1, 2}, day, yuma,
                               "hijo Kevin 8 años");
    father.a_number = "212345678";
    father_ = Add(father);
    father.name.given_names = {"Jose", "Luis"};
    father_again_ = Add(father);
    mother_ = MakePerson(Role::kAdult, "Rosa Elena", "López", "Hernández", Sex::kFemale, {1983, 2, 3}, day, yuma,
                         "hijo Kevin");
    mother_.a_number = "223456789";
    mother_.id = Add(mother_);
    for (const auto& [child, parent] : testing::FillerFamilies(40)) {
      Add(child);
      Add(parent);
    }
  }

  PersonId Add(const Person& p) {
    CaseWriter writer(*db_, "test");
    auto id = writer.CreatePerson(p, "test list");
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }

  MatchRunReport Run(bool full = false) {
    MatchRunOptions options;
    options.full = full;
    options.max_u_pairs = 20'000;
    auto report = RunMatching(*db_, "matcher", options);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : MatchRunReport{};
  }

  // The candidate of a pair, if queued.
  std::optional<ReviewCandidate> Find(CandidateKind kind, PersonId left, PersonId right) {
    ReviewQuery query;
    query.kind = kind;
    query.limit = 10'000;
    auto all = ReviewQueue(*db_).List(query);
    EXPECT_TRUE(all.ok()) << all.status().ToString();
    if (all.ok())
      for (const auto& c : *all)
        if (c.left_id == left && c.right_id == right) return c;
    return std::nullopt;
  }

  PersonId kevin_ = 0, father_ = 0, father_again_ = 0;
  Person mother_;
};

TEST_P(ReviewQueueTest, RunQueuesTheKnownDuplicateAndChildParentPair) {
  MatchRunReport report = Run();
  EXPECT_TRUE(report.full);
  EXPECT_EQ(report.people, 84);
  EXPECT_EQ(report.compared_people, 84);
  auto duplicate = Find(CandidateKind::kDuplicate, father_, father_again_);
  ASSERT_TRUE(duplicate.has_value());
  EXPECT_EQ(duplicate->status, ReviewStatus::kPending);
  EXPECT_GT(duplicate->probability, 0.9);
  EXPECT_NE(duplicate->explanation.find("\"steps\""), std::string::npos);
  auto mother = Find(CandidateKind::kFamilyLink, kevin_, mother_.id);
  ASSERT_TRUE(mother.has_value());
  EXPECT_EQ(mother->relationship, "mother");
  auto father = Find(CandidateKind::kFamilyLink, kevin_, father_);
  ASSERT_TRUE(father.has_value());
  EXPECT_EQ(father->relationship, "father");
}

TEST_P(ReviewQueueTest, AcceptedFamilyLinkBecomesAJournaledFamilyLink) {
  Run();
  auto mother = Find(CandidateKind::kFamilyLink, kevin_, mother_.id);
  ASSERT_TRUE(mother.has_value());
  AcceptOptions accept;
  accept.verification = Verification::kDocumented;
  accept.reason = "birth certificate";
  auto accepted = ReviewQueue(*db_).Accept(mother->id, "reviewer", accept);
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  Family family = PersonRepository(*db_).GetFamily(kevin_);
  ASSERT_EQ(family.links.size(), 1u);
  EXPECT_EQ(family.links[0].adult_id, mother_.id);
  EXPECT_EQ(family.links[0].relationship, Relationship::kMother);
  EXPECT_EQ(family.links[0].verification, Verification::kDocumented);
  auto link_journal = JournalRepository(*db_).ForEntity("family_link", accepted->link_id);
  ASSERT_EQ(link_journal.size(), 1u);
  EXPECT_EQ(link_journal[0].actor, "reviewer");
  auto decision = JournalRepository(*db_).ForEntity("review_candidate", mother->id);
  ASSERT_EQ(decision.size(), 1u);
  EXPECT_EQ(decision[0].before, "pending");
  EXPECT_EQ(decision[0].after, "accepted");
  EXPECT_EQ(ReviewQueue(*db_).Get(mother->id)->status, ReviewStatus::kAccepted);
  // Accepting twice, or as "rejected", is refused.
  EXPECT_EQ(ReviewQueue(*db_).Accept(mother->id, "reviewer", accept).status().code(), StatusCode::kConflict);
  accept.verification = Verification::kRejected;
  auto father = Find(CandidateKind::kFamilyLink, kevin_, father_);
  ASSERT_TRUE(father.has_value());
  EXPECT_EQ(ReviewQueue(*db_).Accept(father->id, "reviewer", accept).status().code(),
            StatusCode::kInvalidArgument);
  // A re-run keeps the decision and proposes no new candidate for the linked pair.
  MatchRunReport again = Run(true);
  EXPECT_EQ(again.candidates_new, 0);
  EXPECT_EQ(ReviewQueue(*db_).Get(mother->id)->status, ReviewStatus::kAccepted);
}

TEST_P(ReviewQueueTest, AcceptedDuplicateIsRecordedWithoutMergingAnything) {
  Run();
  auto duplicate = Find(CandidateKind::kDuplicate, father_, father_again_);
  ASSERT_TRUE(duplicate.has_value());
  auto accepted = ReviewQueue(*db_).Accept(duplicate->id, "reviewer", {});
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(accepted->link_id, 0);
  EXPECT_EQ(ReviewQueue(*db_).Get(duplicate->id)->status, ReviewStatus::kAccepted);
  EXPECT_TRUE(PersonRepository(*db_).Get(father_again_).ok());
  EXPECT_EQ(JournalRepository(*db_).ForEntity("review_candidate", duplicate->id).size(), 1u);
  EXPECT_EQ(ReviewQueue(*db_).Count(CandidateKind::kDuplicate, ReviewStatus::kAccepted).value(), 1);
  EXPECT_EQ(ReviewQueue(*db_).Get(999'999).status().code(), StatusCode::kNotFound);
}

TEST_P(ReviewQueueTest, RejectedPairStaysRejectedUntilARecordChanges) {
  Run();
  auto duplicate = Find(CandidateKind::kDuplicate, father_, father_again_);
  ASSERT_TRUE(duplicate.has_value());
  EXPECT_EQ(ReviewQueue(*db_).Reject(duplicate->id, "reviewer", "").code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(ReviewQueue(*db_).Reject(duplicate->id, "reviewer", "brothers with one A-number typo").ok());

  for (bool full : {false, true}) {
    MatchRunReport again = Run(full);
    EXPECT_EQ(again.candidates_reopened, 0);
    auto after = Find(CandidateKind::kDuplicate, father_, father_again_);
    ASSERT_TRUE(after.has_value());
    EXPECT_EQ(after->status, ReviewStatus::kRejected) << (full ? "full" : "incremental");
    EXPECT_EQ(after->reason, "brothers with one A-number typo");
  }

  Person changed = *PersonRepository(*db_).Get(father_again_);
  changed.phones = {"+50255551234"};
  ASSERT_TRUE(CaseWriter(*db_, "clerk").UpdatePerson(changed, "new phone").ok());
  MatchRunReport reopened = Run();
  EXPECT_EQ(reopened.compared_people, 1);
  EXPECT_EQ(reopened.candidates_reopened, 1);
  auto after = Find(CandidateKind::kDuplicate, father_, father_again_);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->status, ReviewStatus::kPending);
  auto journal = JournalRepository(*db_).ForEntity("review_candidate", duplicate->id);
  ASSERT_EQ(journal.size(), 2u);
  EXPECT_EQ(journal[1].before, "rejected");
  EXPECT_EQ(journal[1].after, "pending");
  EXPECT_EQ(journal[1].actor, "matcher");
}

TEST_P(ReviewQueueTest, NewRecordIsMatchedIncrementally) {
  MatchRunReport first = Run();
  ASSERT_GT(first.duplicate_pairs, 0);
  MatchRunReport idle = Run();
  EXPECT_FALSE(idle.full);
  EXPECT_EQ(idle.compared_people, 0);
  EXPECT_EQ(idle.duplicate_pairs, 0);
  EXPECT_EQ(idle.candidates_new, 0);

  Person again = mother_;
  again.name.given_names = {"Roza", "Elena"};  // another agency's spelling
  again.reported_relatives.clear();
  PersonId mother_again = Add(again);
  MatchRunReport next = Run();
  EXPECT_FALSE(next.full);
  EXPECT_EQ(next.compared_people, 1);
  EXPECT_GT(next.duplicate_pairs, 0);
  EXPECT_LT(next.duplicate_pairs, 10);  // the new record against its blocks, not all pairs
  auto duplicate = Find(CandidateKind::kDuplicate, mother_.id, mother_again);
  ASSERT_TRUE(duplicate.has_value());
  EXPECT_EQ(duplicate->status, ReviewStatus::kPending);
  EXPECT_GT(duplicate->probability, 0.9);
}

TEST_P(ReviewQueueTest, NewParentIsFamilyLinkedIncrementally) {
  Run();
  // An aunt arrives on a later list, apprehended with Kevin and named by him.
  Person kevin = *PersonRepository(*db_).Get(kevin_);
  kevin.reported_relatives = "papá José Luis; mamá Rosa; tía Marta Pérez";
  ASSERT_TRUE(CaseWriter(*db_, "clerk").UpdatePerson(kevin, "new interview").ok());
  PersonId aunt = Add(MakePerson(Role::kAdult, "Marta Julia", "Pérez", "García", Sex::kFemale, {1978, 5, 5},
                                 {2018, 6, 1}, "Yuma Station", "sobrino Kevin"));
  MatchRunReport next = Run();
  EXPECT_FALSE(next.full);
  EXPECT_EQ(next.compared_people, 2);
  // Kevin's apprehension and his candidates are linked again, not the 80 filler people.
  EXPECT_GT(next.family_scope_people, 2);
  EXPECT_LT(next.family_scope_people, 20);
  auto link = Find(CandidateKind::kFamilyLink, kevin_, aunt);
  ASSERT_TRUE(link.has_value());
  EXPECT_EQ(link->relationship, "other_relative");
  auto father = Find(CandidateKind::kFamilyLink, kevin_, father_);  // still proposed, refreshed
  ASSERT_TRUE(father.has_value());
  EXPECT_EQ(father->status, ReviewStatus::kPending);
}

TEST_P(ReviewQueueTest, PendingPairNoLongerProposedIsWithdrawnAndComesBack) {
  Run();
  auto mother = Find(CandidateKind::kFamilyLink, kevin_, mother_.id);
  ASSERT_TRUE(mother.has_value());
  // A clerk's correction: the woman was apprehended elsewhere, months later, and is
  // someone else entirely.
  Person other = mother_;
  other.name.given_names = {"Wendy"};
  other.name.paternal_surname = "Chávez";
  other.name.maternal_surname = "Orellana";
  other.name.married_surname.clear();
  other.apprehension_date = {2018, 9, 20};
  other.apprehension_place = "Laredo North Station";
  other.reported_relatives = "hija Sofía";
  ASSERT_TRUE(CaseWriter(*db_, "clerk").UpdatePerson(other, "wrong person on the list").ok());
  MatchRunReport next = Run();
  EXPECT_GE(next.candidates_withdrawn, 1);
  auto after = Find(CandidateKind::kFamilyLink, kevin_, mother_.id);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->status, ReviewStatus::kWithdrawn);
  auto journal = JournalRepository(*db_).ForEntity("review_candidate", mother->id);
  ASSERT_FALSE(journal.empty());
  EXPECT_EQ(journal.back().before, "pending");
  EXPECT_EQ(journal.back().after, "withdrawn");

  ASSERT_TRUE(CaseWriter(*db_, "clerk").UpdatePerson(mother_, "the correction was wrong").ok());
  MatchRunReport back = Run();
  EXPECT_GE(back.candidates_reopened, 1);
  after = Find(CandidateKind::kFamilyLink, kevin_, mother_.id);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->status, ReviewStatus::kPending);
  EXPECT_EQ(after->relationship, "mother");
}

REUNITE_ON_BOTH_BACKENDS(ReviewQueueTest);

}  // namespace
}  // namespace reunite
