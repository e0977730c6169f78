// `match run` over the database, on SQLite and PostgreSQL: proposals with their full
// explanation and the run that scored them, decisions that survive re-runs,
// incremental runs that score only what changed with the stored models (no
// retraining), and pending pairs withdrawn when an edit makes them score below the
// threshold, pending again when an edit restores them.
#include "linkage/match_run.h"

#include <gtest/gtest.h>

#include "match/explanation_json.h"
#include "match/test_families.h"
#include "store/case_writer.h"
#include "store/repositories.h"
#include "store/review_queue.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

using testing::MakePerson;

// The father (two agency records: a known duplicate), the mother and their son
// Kevin (a known child-parent pair), and filler families so the models have data.
class MatchRunTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (!db_) return;
    const Date day{2018, 6, 1};
    const std::string yuma = "Yuma Station";
    kevin_ = Add(MakePerson(Role::kChild, "Kevin José", "Pérez", "López", Sex::kMale, {2010, 3, 4}, day, yuma,
                            "papá José Luis; mamá Rosa"));
    father_ = MakePerson(Role::kAdult, "José Luis", "Pérez", "García", Sex::kMale, {1980, 1, 2}, day, yuma,
                         "hijo Kevin 8 años");
    father_.a_number = "212345678";
    father_.id = Add(father_);
    father_again_ = father_;
    father_again_.name.given_names = {"Jose", "Luis"};
    father_again_.id = Add(father_again_);
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
    auto id = CaseWriter(*db_, "test").CreatePerson(p, "test list");
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }

  void Update(const Person& p, const std::string& reason) {
    ASSERT_TRUE(CaseWriter(*db_, "clerk").UpdatePerson(p, reason).ok());
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
    query.status = std::nullopt;
    query.limit = 10'000;
    auto all = ReviewQueue(*db_).List(query);
    EXPECT_TRUE(all.ok()) << all.status().ToString();
    if (all.ok())
      for (const auto& c : *all)
        if (c.left_id == left && c.right_id == right) return c;
    return std::nullopt;
  }

  std::map<std::string, StoredModel> Models() {
    auto state = ReadMatchState(*db_);
    EXPECT_TRUE(state.ok()) << state.status().ToString();
    return state.ok() ? state->models : std::map<std::string, StoredModel>{};
  }

  PersonId kevin_ = 0;
  Person father_, father_again_, mother_;
};

TEST_P(MatchRunTest, RunQueuesTheKnownPairsWithTheirExplanationAndRun) {
  MatchRunReport report = Run();
  EXPECT_TRUE(report.full);
  EXPECT_EQ(report.people, 84);
  EXPECT_EQ(report.compared_people, 84);
  ASSERT_NE(report.run_id, 0);
  auto duplicate = Find(CandidateKind::kDuplicate, father_.id, father_again_.id);
  ASSERT_TRUE(duplicate.has_value());
  EXPECT_EQ(duplicate->status, ReviewStatus::kPending);
  EXPECT_GT(duplicate->probability, 0.9);
  EXPECT_EQ(duplicate->run_id, report.run_id);
  auto why = match::ExplanationFromJson(duplicate->explanation);
  ASSERT_TRUE(why.ok()) << why.status().ToString();
  EXPECT_EQ(why->left_id, std::to_string(father_.id));
  EXPECT_NEAR(why->total_weight, duplicate->match_weight, 1e-9);
  EXPECT_NE(why->lambda, 0);
  ASSERT_FALSE(why->steps.empty());
  for (const auto& step : why->steps) {
    if (step.level_label == "null") continue;
    EXPECT_GT(step.m, 0) << step.comparison;
  }
  auto mother = Find(CandidateKind::kFamilyLink, kevin_, mother_.id);
  ASSERT_TRUE(mother.has_value());
  EXPECT_EQ(mother->relationship, "mother");
  auto family_why = match::ExplanationFromJson(mother->explanation);
  ASSERT_TRUE(family_why.ok());
  EXPECT_NEAR(family_why->total_weight, mother->match_weight, 1e-6);
  EXPECT_NE(family_why->role_reason.find("mother"), std::string::npos);
  auto father = Find(CandidateKind::kFamilyLink, kevin_, father_.id);
  ASSERT_TRUE(father.has_value());
  EXPECT_EQ(father->relationship, "father");
}

TEST_P(MatchRunTest, TheRunKeepsTheHealthOfEveryModelItTrainedOrLoaded) {
  MatchRunReport full = Run();
  std::vector<std::string> names;
  for (const auto& h : full.health) names.push_back(h.model);
  EXPECT_EQ(names, (std::vector<std::string>{"identity_adult", "identity_child", "family"}));
  auto stored = GetMatchRun(*db_, full.run_id);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  auto healths = match::HealthsFromJson(stored->model_health);
  ASSERT_TRUE(healths.ok()) << healths.status().ToString();
  ASSERT_EQ(healths->size(), 3u);
  EXPECT_EQ((*healths)[2].model, "family");
  EXPECT_EQ((*healths)[2].iterations, full.health[2].iterations);
  EXPECT_TRUE(stored->counts.full);
  EXPECT_EQ(stored->counts.candidates_new, full.candidates_new);
  EXPECT_EQ(Models().at("family").health, match::HealthToJson(full.health[2]));
  // An incremental run loads the stored models, and with them the health they were trained with.
  Person again = mother_;
  again.phones = {"+50255550009"};
  Update(again, "new phone");
  MatchRunReport next = Run();
  ASSERT_FALSE(next.health.empty());
  for (const auto& h : next.health) {
    bool same = false;
    for (const auto& trained : full.health) same = same || match::HealthToJson(trained) == match::HealthToJson(h);
    EXPECT_TRUE(same) << h.model;
  }
}

TEST_P(MatchRunTest, AnEditedAdultIsComparedIncrementallyWithoutRetraining) {
  Run();
  const auto models = Models();
  ASSERT_EQ(models.size(), 3u);
  Person moved = mother_;
  moved.phones = {"+50255551234"};
  moved.location.text = "Aldea Chicoy, Todos Santos Cuchumatán, Huehuetenango";
  Update(moved, "new address");
  MatchRunReport next = Run();
  EXPECT_FALSE(next.full);
  EXPECT_EQ(next.compared_people, 1);
  EXPECT_LT(next.duplicate_pairs, 10);  // her blocks, not all pairs
  EXPECT_GT(next.family_scope_people, 1);
  EXPECT_LT(next.family_scope_people, 20);  // her apprehension and candidates, not the 84 people
  // Nothing was retrained: every stored model is as the full run left it.
  const auto after = Models();
  for (const auto& [name, model] : models) {
    ASSERT_EQ(after.count(name), 1u) << name;
    EXPECT_EQ(after.at(name).model, model.model) << name;
    EXPECT_EQ(after.at(name).trained_at, model.trained_at) << name;
  }
  auto mother = Find(CandidateKind::kFamilyLink, kevin_, mother_.id);
  ASSERT_TRUE(mother.has_value());
  EXPECT_EQ(mother->status, ReviewStatus::kPending);
  EXPECT_EQ(mother->run_id, next.run_id);  // rescored by this run
  auto father = Find(CandidateKind::kFamilyLink, kevin_, father_.id);
  ASSERT_TRUE(father.has_value());
  EXPECT_NE(father->run_id, next.run_id);  // the father did not change: not rescored
}

TEST_P(MatchRunTest, AcceptedAndRejectedPairsSurviveReRuns) {
  Run();
  auto mother = Find(CandidateKind::kFamilyLink, kevin_, mother_.id);
  ASSERT_TRUE(mother.has_value());
  AcceptOptions accept;
  accept.verification = Verification::kDocumented;
  ASSERT_TRUE(ReviewQueue(*db_).Accept(mother->id, "reviewer", accept).ok());
  auto duplicate = Find(CandidateKind::kDuplicate, father_.id, father_again_.id);
  ASSERT_TRUE(duplicate.has_value());
  ASSERT_TRUE(ReviewQueue(*db_).Reject(duplicate->id, "reviewer", "brothers with one A-number typo").ok());
  for (bool full : {false, true}) {
    MatchRunReport again = Run(full);
    EXPECT_EQ(again.candidates_new, 0) << (full ? "full" : "incremental");  // the linked pair is not proposed
    EXPECT_EQ(again.candidates_reopened, 0);
    EXPECT_EQ(Find(CandidateKind::kDuplicate, father_.id, father_again_.id)->status, ReviewStatus::kRejected);
    EXPECT_EQ(Find(CandidateKind::kFamilyLink, kevin_, mother_.id)->status, ReviewStatus::kAccepted);
  }
  Person changed = father_again_;
  changed.phones = {"+50255551234"};
  Update(changed, "new phone");
  MatchRunReport reopened = Run();
  EXPECT_EQ(reopened.compared_people, 1);
  EXPECT_EQ(reopened.candidates_reopened, 1);
  auto after = Find(CandidateKind::kDuplicate, father_.id, father_again_.id);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->status, ReviewStatus::kPending);
  auto journal = JournalRepository(*db_).ForEntity("review_candidate", duplicate->id);
  ASSERT_EQ(journal.size(), 2u);
  EXPECT_EQ(journal[1].before, "rejected");
  EXPECT_EQ(journal[1].after, "pending");
  EXPECT_EQ(journal[1].actor, "matcher");
}

TEST_P(MatchRunTest, NewRecordIsMatchedIncrementally) {
  MatchRunReport first = Run();
  ASSERT_GT(first.duplicate_pairs, 0);
  MatchRunReport idle = Run();
  EXPECT_FALSE(idle.full);
  EXPECT_EQ(idle.compared_people, 0);
  EXPECT_EQ(idle.duplicate_pairs, 0);
  EXPECT_EQ(idle.candidates_new, 0);
  EXPECT_TRUE(idle.health.empty());  // no model was needed
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

TEST_P(MatchRunTest, NewRelativeIsFamilyLinkedIncrementally) {
  Run();
  // An aunt arrives on a later list, apprehended with Kevin and named by him.
  Person kevin = *PersonRepository(*db_).Get(kevin_);
  kevin.reported_relatives = "papá José Luis; mamá Rosa; tía Marta Pérez";
  Update(kevin, "new interview");
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
  auto father = Find(CandidateKind::kFamilyLink, kevin_, father_.id);  // still proposed, refreshed
  ASSERT_TRUE(father.has_value());
  EXPECT_EQ(father->status, ReviewStatus::kPending);
}

// The last journal entry of a candidate, which must name the run and the reason.
void ExpectWithdrawnBy(const JournalEntry& entry, std::int64_t run) {
  EXPECT_EQ(entry.before, "pending");
  EXPECT_EQ(entry.after, "withdrawn");
  EXPECT_EQ(entry.actor, "matcher");
  const std::string by = "withdrawn by match run " + std::to_string(run) + ": the pair now scores ";
  EXPECT_EQ(entry.reason.rfind(by, 0), 0u) << entry.reason;
  EXPECT_NE(entry.reason.find("below the threshold 0.50"), std::string::npos) << entry.reason;
}

TEST_P(MatchRunTest, FamilyLinkBelowTheThresholdAfterAnEditIsWithdrawnAndComesBack) {
  Run();
  auto mother = Find(CandidateKind::kFamilyLink, kevin_, mother_.id);
  ASSERT_TRUE(mother.has_value());
  ASSERT_EQ(mother->status, ReviewStatus::kPending);
  // A clerk's correction: the woman was apprehended elsewhere, months later, and is
  // someone else entirely.
  Person other = mother_;
  other.name.given_names = {"Wendy"};
  other.name.paternal_surname = "Chávez";
  other.name.maternal_surname = "Orellana";
  other.apprehension_date = {2018, 9, 20};
  other.apprehension_place = "Laredo North Station";
  other.reported_relatives = "hija Sofía";
  Update(other, "wrong person on the list");
  MatchRunReport next = Run();
  EXPECT_FALSE(next.full);
  EXPECT_EQ(next.candidates_withdrawn, 1);
  auto after = Find(CandidateKind::kFamilyLink, kevin_, mother_.id);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->status, ReviewStatus::kWithdrawn);
  auto journal = JournalRepository(*db_).ForEntity("review_candidate", mother->id);
  ASSERT_EQ(journal.size(), 1u);
  ExpectWithdrawnBy(journal[0], next.run_id);
  EXPECT_EQ(Find(CandidateKind::kFamilyLink, kevin_, father_.id)->status, ReviewStatus::kPending);

  Update(mother_, "the correction was wrong");
  MatchRunReport back = Run();
  EXPECT_EQ(back.candidates_reopened, 1);
  after = Find(CandidateKind::kFamilyLink, kevin_, mother_.id);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->status, ReviewStatus::kPending);
  EXPECT_EQ(after->relationship, "mother");
  EXPECT_EQ(after->run_id, back.run_id);
  journal = JournalRepository(*db_).ForEntity("review_candidate", mother->id);
  ASSERT_EQ(journal.size(), 2u);
  EXPECT_EQ(journal[1].after, "pending");
  EXPECT_EQ(journal[1].reason, "proposed again by match run " + std::to_string(back.run_id));
}

TEST_P(MatchRunTest, DuplicateBelowTheThresholdAfterAnEditIsWithdrawnAndComesBack) {
  Run();
  auto duplicate = Find(CandidateKind::kDuplicate, father_.id, father_again_.id);
  ASSERT_TRUE(duplicate.has_value());
  ASSERT_EQ(duplicate->status, ReviewStatus::kPending);
  // The second record was another man's, typed over the father's.
  Person other = father_again_;
  other.name.given_names = {"Wilmer"};
  other.name.paternal_surname = "Ixcoy";
  other.name.maternal_surname = "Tzul";
  other.birth.date = {1991, 11, 23};
  other.a_number = "287654321";
  other.apprehension_date = {2018, 8, 14};
  other.apprehension_place = "Laredo North Station";
  Update(other, "typed over another record");
  MatchRunReport next = Run();
  EXPECT_EQ(next.compared_people, 1);
  // The duplicate, and Kevin's link to this record of his father's.
  EXPECT_EQ(next.candidates_withdrawn, 2);
  auto after = Find(CandidateKind::kDuplicate, father_.id, father_again_.id);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->status, ReviewStatus::kWithdrawn);
  auto journal = JournalRepository(*db_).ForEntity("review_candidate", duplicate->id);
  ASSERT_EQ(journal.size(), 1u);
  ExpectWithdrawnBy(journal[0], next.run_id);

  Update(father_again_, "restored from the agency's list");
  MatchRunReport back = Run();
  EXPECT_EQ(back.candidates_reopened, 2);
  after = Find(CandidateKind::kDuplicate, father_.id, father_again_.id);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->status, ReviewStatus::kPending);
  EXPECT_GT(after->probability, 0.9);
  EXPECT_EQ(after->run_id, back.run_id);
}

REUNITE_ON_BOTH_BACKENDS(MatchRunTest);

}  // namespace
}  // namespace reunite
