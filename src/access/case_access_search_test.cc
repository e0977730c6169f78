// CaseAccess::SearchPeople: names and identifiers found within what each role may
// read, with filters and concurrent searches, on both back ends.
#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "access/case_access.h"
#include "access/search_service.h"
#include "access/test_cases.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

class CaseSearchTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    const testing::SeededCases s = testing::SeedCases(*db_, clock_);
    c1_ = s.c1, a1_ = s.a1, a2_ = s.a2, c2_ = s.c2, a3_ = s.a3;
    for (UserRole role : AllUserRoles()) principals_[ToString(role)] = testing::MakePrincipal(role, "");
    principals_["field_searcher"] = testing::MakePrincipal(UserRole::kFieldSearcher, "north");
  }

  static Person MakePerson(Role role, const char* given, const char* surname, const char* phone) {
    return testing::MakeCasePerson(role, given, surname, phone);
  }

  CaseAccess As(const std::string& who) { return CaseAccess(*db_, principals_.at(who), clock_); }

  FixedClock clock_{"2018-07-26T00:00:00.000Z"};
  PersonId c1_ = 0, a1_ = 0, a2_ = 0, c2_ = 0, a3_ = 0;
  std::map<std::string, Principal> principals_;
};

TEST_P(CaseSearchTest, SearchIsScopedToTheTeam) {
  SearchService search(*db_);
  match::SearchQuery q;
  q.name = "Pedro Pop";
  auto admin = As("admin").SearchPeople(search, q);
  ASSERT_TRUE(admin.ok()) << admin.status().ToString();
  ASSERT_FALSE(admin->empty());
  EXPECT_EQ((*admin)[0].hit.id, a3_);
  EXPECT_TRUE((*admin)[0].person.phones.empty());
  auto north = As("field_searcher").SearchPeople(search, q);
  ASSERT_TRUE(north.ok());
  for (const SearchResult& r : *north) EXPECT_NE(r.hit.id, a3_);
  // A person created after the index was built is found after a refresh.
  CaseWriter writer(*db_, "seed", clock_);
  PersonId new_id = *writer.CreatePerson(MakePerson(Role::kAdult, "Tomasa", "Ixcoy", "+50255550009"), "seed");
  q.name = "Tomasa Ixcoy";
  auto found = As("admin").SearchPeople(search, q);
  ASSERT_TRUE(found.ok());
  ASSERT_FALSE(found->empty());
  EXPECT_EQ((*found)[0].hit.id, new_id);
}

TEST_P(CaseSearchTest, IdentifiersFindTheirPersonWithinTheTeam) {
  CaseWriter writer(*db_, "seed", clock_);
  Person with_a = MakePerson(Role::kAdult, "Tomasa", "Ixcoy", "+50255550009");
  with_a.a_number = "094763778";
  const PersonId tomasa = *writer.CreatePerson(with_a, "seed");
  SearchService search(*db_);
  match::SearchQuery q;
  for (const char* typed : {"A094763778", "094-763-778", "a# 094 763 778", "94763778"}) {
    SCOPED_TRACE(typed);
    q.name = typed;
    auto hits = As("admin").SearchPeople(search, q);
    ASSERT_TRUE(hits.ok()) << hits.status().ToString();
    ASSERT_FALSE(hits->empty());
    EXPECT_EQ((*hits)[0].hit.id, tomasa);
    EXPECT_EQ((*hits)[0].found_by, "a_number");
    EXPECT_DOUBLE_EQ((*hits)[0].hit.score, 1.0);
    EXPECT_TRUE((*hits)[0].person.phones.empty());  // search results never carry phones
  }
  // A bare 8-digit phone number: any of the Central American countries'.
  q.name = "5555-0003";
  auto by_phone = As("admin").SearchPeople(search, q);
  ASSERT_TRUE(by_phone.ok());
  ASSERT_EQ(by_phone->size(), 1u);
  EXPECT_EQ((*by_phone)[0].hit.id, a3_);
  EXPECT_EQ((*by_phone)[0].found_by, "phone");
  // A reader who may not see an adult's phones cannot find the adult by one.
  auto liaison = As("government_liaison").SearchPeople(search, q);
  ASSERT_TRUE(liaison.ok());
  EXPECT_TRUE(liaison->empty());
  // A field searcher finds by identifier only the people of their team's families.
  auto outside = As("field_searcher").SearchPeople(search, q);
  ASSERT_TRUE(outside.ok());
  EXPECT_TRUE(outside->empty());
  q.name = "+502 5555 0001";
  auto inside = As("field_searcher").SearchPeople(search, q);
  ASSERT_TRUE(inside.ok());
  ASSERT_EQ(inside->size(), 1u);
  EXPECT_EQ((*inside)[0].hit.id, a1_);
  q.name = std::to_string(a1_);
  auto by_id = As("coordinator").SearchPeople(search, q);
  ASSERT_TRUE(by_id.ok());
  ASSERT_FALSE(by_id->empty());
  EXPECT_EQ((*by_id)[0].hit.id, a1_);
  EXPECT_EQ((*by_id)[0].found_by, "person_id");
  // Digits that identify no one find no one, without an error.
  q.name = "000111";
  auto none = As("admin").SearchPeople(search, q);
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_TRUE(none->empty());
}

TEST_P(CaseSearchTest, SearchFiltersKeepOnlyThePeopleTheyDescribe) {
  SearchService search(*db_);
  match::SearchQuery q;
  q.name = "Pedro Pop";
  SearchFilter filter;
  filter.birth_year = 1985;  // the seeded adults' year (year only)
  auto born = As("admin").SearchPeople(search, q, filter);
  ASSERT_TRUE(born.ok());
  ASSERT_FALSE(born->empty());
  EXPECT_EQ((*born)[0].hit.id, a3_);
  for (const SearchResult& r : *born) EXPECT_EQ(r.person.birth.date.year, 1985);
  filter.birth_year = 1990;
  EXPECT_TRUE(As("admin").SearchPeople(search, q, filter)->empty());
  filter = {};
  filter.country = "SV";
  EXPECT_TRUE(As("admin").SearchPeople(search, q, filter)->empty());
  filter.country = "GT";
  EXPECT_FALSE(As("admin").SearchPeople(search, q, filter)->empty());
  // The role filter applies to identifiers too.
  q.name = "5555-0003";
  q.role = Role::kChild;
  EXPECT_TRUE(As("admin").SearchPeople(search, q)->empty());
}

TEST_P(CaseSearchTest, SearchHitsCarryTheirPeopleAndRiskFlags) {
  SearchService search(*db_);
  match::SearchQuery q;
  q.name = "Maria Caal";
  auto hits = As("coordinator").SearchPeople(search, q);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_FALSE(hits->empty());
  const SearchResult& top = (*hits)[0];
  EXPECT_EQ(top.hit.id, a2_);
  EXPECT_EQ(top.person.id, a2_);
  EXPECT_EQ(top.person.name.paternal_surname, "Caal");
  EXPECT_EQ(top.person.nationality, "GT");
  EXPECT_TRUE(top.at_risk);
  EXPECT_TRUE(top.person.phones.empty());
  EXPECT_TRUE(top.person.location.text.empty() && top.person.location.department.empty());
  q.name = "Xol";
  auto xol = As("coordinator").SearchPeople(search, q);
  ASSERT_TRUE(xol.ok());
  ASSERT_GE(xol->size(), 2u);
  for (const SearchResult& r : *xol) {
    EXPECT_EQ(r.person.id, r.hit.id);
    EXPECT_FALSE(r.at_risk) << r.hit.id;
  }
}

TEST_P(CaseSearchTest, ConcurrentSearchesGetTheSameHits) {
  SearchService search(*db_);
  const std::vector<std::string> names = {"Ana Xol", "Jose Xol", "Maria Caal", "Luis Pop", "Pedro Pop"};
  std::map<std::string, std::vector<PersonId>> expected;
  for (const std::string& name : names) {
    match::SearchQuery q;
    q.name = name;
    auto hits = As("admin").SearchPeople(search, q);
    ASSERT_TRUE(hits.ok()) << hits.status().ToString();
    for (const SearchResult& r : *hits) expected[name].push_back(r.hit.id);
  }
  constexpr int kThreads = 6;
  std::vector<std::unique_ptr<Database>> connections;
  for (int t = 0; t < kThreads; ++t) {
    auto db = Database::Open(url_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    connections.push_back(std::move(*db));
  }
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      CaseAccess access(*connections[t], principals_.at("admin"), DefaultClock());
      for (int round = 0; round < 20; ++round) {
        const std::string& name = names[(t + round) % names.size()];
        match::SearchQuery q;
        q.name = name;
        auto hits = access.SearchPeople(search, q);
        std::vector<PersonId> ids;
        if (hits.ok())
          for (const SearchResult& r : *hits) ids.push_back(r.hit.id);
        mismatches[t] += !hits.ok() || ids != expected.at(name);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

REUNITE_ON_BOTH_BACKENDS(CaseSearchTest);

}  // namespace
}  // namespace reunite
