#include "store/repositories.h"

#include <gtest/gtest.h>

#include "store/test_postgres.h"

namespace reunite {
namespace {

class PersonFindTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    CaseWriter writer(*db_, "test", clock_);
    for (auto [role, given, surname, a_number] :
         {std::tuple{Role::kAdult, "José", "Núñez", "201234567"}, {Role::kChild, "JOSÉ", "NUÑEZ", ""},
          {Role::kAdult, "Jose", "Nunez", ""}, {Role::kAdult, "Ana", "100%_Pérez", "209999999"}}) {
      Person p;
      p.role = role;
      p.name.given_names = {given};
      p.name.paternal_surname = surname;
      p.a_number = a_number;
      ids_.push_back(*writer.CreatePerson(p, "seed"));
    }
    ASSERT_TRUE(writer.AddSourceRow({0, "ORR", "UAC-0042", "orr.csv", 2, "raw", ids_[1], ""}).ok());
  }

  std::vector<PersonId> FindIds(std::string text, std::optional<Role> role = std::nullopt, int limit = 100,
                               int offset = 0) {
    PersonQuery q;
    q.text = std::move(text);
    q.role = role;
    q.limit = limit;
    q.offset = offset;
    std::vector<PersonId> out;
    for (const auto& p : PersonRepository(*db_).Find(q)) out.push_back(p.id);
    return out;
  }

  FixedClock clock_{"2018-07-26T00:00:00.000Z"};
  std::vector<PersonId> ids_;
};

TEST_P(PersonFindTest, TextIgnoresCaseAndAccents) {
  std::vector<PersonId> joses = {ids_[0], ids_[1], ids_[2]};
  EXPECT_EQ(FindIds("nunez"), joses);
  EXPECT_EQ(FindIds("NÚÑEZ"), joses);
  EXPECT_EQ(FindIds("josé n"), joses);
  EXPECT_EQ(FindIds("pérez"), std::vector<PersonId>{ids_[3]});
}

TEST_P(PersonFindTest, TextMatchesANumberAndRecordId) {
  EXPECT_EQ(FindIds("2012345"), std::vector<PersonId>{ids_[0]});
  EXPECT_EQ(FindIds("uac-0042"), std::vector<PersonId>{ids_[1]});
}

TEST_P(PersonFindTest, LikeWildcardsInTextAreLiteral) {
  EXPECT_EQ(FindIds("100%_"), std::vector<PersonId>{ids_[3]});
  EXPECT_EQ(FindIds("%"), std::vector<PersonId>{ids_[3]});
  EXPECT_EQ(FindIds("_"), std::vector<PersonId>{ids_[3]});
  EXPECT_TRUE(FindIds("j%z").empty());  // would match "jose nunez" as a wildcard
  EXPECT_TRUE(FindIds("n_nez").empty());
}

TEST_P(PersonFindTest, RoleLimitAndOffset) {
  EXPECT_EQ(FindIds("", Role::kChild), std::vector<PersonId>{ids_[1]});
  EXPECT_EQ(FindIds("jose", Role::kAdult), (std::vector<PersonId>{ids_[0], ids_[2]}));
  EXPECT_EQ(FindIds("", std::nullopt, 2, 1), (std::vector<PersonId>{ids_[1], ids_[2]}));
  EXPECT_EQ(FindIds("").size(), 4u);
  PersonRepository people(*db_);
  EXPECT_EQ(people.Count(), 4);
  EXPECT_EQ(people.Count(Role::kChild), 1);
}

TEST_P(PersonFindTest, UpdateRefreshesSearchKey) {
  CaseWriter writer(*db_, "test", clock_);
  Person p = *PersonRepository(*db_).Get(ids_[2]);
  p.name.paternal_surname = "Chávez";
  ASSERT_EQ(*writer.UpdatePerson(p, "spelling"), 1);
  EXPECT_EQ(FindIds("chavez"), std::vector<PersonId>{ids_[2]});
  EXPECT_EQ(FindIds("nunez"), (std::vector<PersonId>{ids_[0], ids_[1]}));
}

TEST_P(PersonFindTest, GetManyReadsTheExistingOnesInIdOrder) {
  PersonRepository people(*db_);
  auto some = people.GetMany({ids_[3], ids_[0], 999999, ids_[2]});
  ASSERT_TRUE(some.ok()) << some.status().ToString();
  ASSERT_EQ(some->size(), 3u);
  EXPECT_EQ((*some)[0].id, ids_[0]);
  EXPECT_EQ((*some)[0].name.paternal_surname, "Núñez");
  EXPECT_EQ((*some)[0].a_number, "201234567");
  EXPECT_EQ((*some)[1].id, ids_[2]);
  EXPECT_EQ((*some)[2].id, ids_[3]);
  EXPECT_EQ((*some)[2].name.paternal_surname, "100%_Pérez");
  auto none = people.GetMany({});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_P(PersonFindTest, GetManyReadsMoreThanOneStatementsWorth) {
  CaseWriter writer(*db_, "test", clock_);
  std::vector<PersonId> ids = ids_;
  for (int i = 0; i < 30; ++i) {
    Person p;
    p.role = Role::kAdult;
    p.name.given_names = {"Persona"};
    p.name.paternal_surname = "Número" + std::to_string(i);
    ids.push_back(*writer.CreatePerson(p, "seed"));
  }
  PersonRepository people(*db_);
  // Twice: the second read runs on the statement the first prepared.
  for (int round = 0; round < 2; ++round) {
    std::vector<PersonId> asked(ids.rbegin(), ids.rend());
    asked.push_back(ids[5]);  // asked twice, read once
    auto all = people.GetMany(asked);
    ASSERT_TRUE(all.ok()) << all.status().ToString();
    ASSERT_EQ(all->size(), ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ((*all)[i].id, ids[i]);
    EXPECT_EQ(all->back().name.paternal_surname, "Número29");
  }
}

TEST_P(PersonFindTest, ForEachVisitsEveryPersonInIdOrder) {
  PersonRepository people(*db_);
  std::vector<PersonId> seen;
  auto collect = [&](Person&& p) {
    seen.push_back(p.id);
    return Status::Ok();
  };
  ASSERT_TRUE(people.ForEach(collect).ok());
  EXPECT_EQ(seen, ids_);
  seen.clear();
  ASSERT_TRUE(people.ForEach(collect, Role::kChild).ok());
  EXPECT_EQ(seen, std::vector<PersonId>{ids_[1]});
  Person first;
  auto stop = [&](Person&& p) {
    first = std::move(p);
    return Status::Conflict("enough");
  };
  EXPECT_EQ(people.ForEach(stop).code(), StatusCode::kConflict);
  EXPECT_EQ(first.id, ids_[0]);
  EXPECT_EQ(first.name.paternal_surname, "Núñez");
  EXPECT_EQ(first.a_number, "201234567");
}

REUNITE_ON_BOTH_BACKENDS(PersonFindTest);

}  // namespace
}  // namespace reunite
