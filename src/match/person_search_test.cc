#include "match/person_search.h"

#include <gtest/gtest.h>

#include <thread>

namespace reunite::match {
namespace {

Person MakePerson(PersonId id, Role role, std::vector<std::string> given, std::string paternal,
                  std::string maternal, Date dob, DatePrecision precision, std::string country) {
  Person p;
  p.id = id;
  p.role = role;
  p.name.given_names = std::move(given);
  p.name.paternal_surname = std::move(paternal);
  p.name.maternal_surname = std::move(maternal);
  p.birth.date = dob;
  p.birth.precision = precision;
  p.nationality = std::move(country);
  return p;
}

constexpr auto kExact = DatePrecision::kExact;

// A few people to find, among 1,440 others with common names (Hernández and López
// among them), so that rarity and ranking matter.
std::vector<Person> Population() {
  std::vector<Person> people = {
      MakePerson(1, Role::kAdult, {"José", "Luis"}, "Hernández", "López", {1985, 6, 21}, kExact, "GT"),
      MakePerson(2, Role::kAdult, {"José"}, "Hernández", "Pérez", {1990, 3, 2}, kExact, "HN"),
      MakePerson(3, Role::kChild, {"María"}, "Hernández", "López", {2010, 4, 9}, kExact, "GT"),
      MakePerson(4, Role::kAdult, {"Juan"}, "Xol", "Caal", {1980, 0, 0}, DatePrecision::kYearOnly, "GT"),
      MakePerson(5, Role::kAdult, {"Guadalupe"}, "Tzul", "Ixcoy", {1979, 11, 3}, kExact, "GT"),
  };
  const char* given[] = {"Juan", "Carlos", "Ana", "Rosa", "Pedro", "Luis", "Marta", "Jorge", "Elena", "Mario"};
  const char* surnames[] = {"Pérez", "García", "Martínez", "Gómez", "Díaz", "Ramírez",
                            "Cruz",  "Reyes",  "Morales",  "Ortiz", "Hernández", "López"};
  const char* countries[] = {"GT", "HN", "SV"};
  PersonId id = 1000;
  for (const char* g : given)
    for (const char* pat : surnames)
      for (const char* mat : surnames) {
        const int k = static_cast<int>(id % 30);
        people.push_back(MakePerson(id, id % 4 ? Role::kAdult : Role::kChild, {g}, pat, mat,
                                    {1970 + k, 1 + k % 12, 1 + k % 28}, kExact, countries[id % 3]));
        ++id;
      }
  return people;
}

class PersonSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto built = PersonSearchIndex::Build(Population());
    ASSERT_TRUE(built.ok()) << built.status().ToString();
    index_ = new PersonSearchIndex(std::move(*built));
  }
  static void TearDownTestSuite() { delete index_; }

  static std::vector<SearchHit> Find(const std::string& name, BirthDate birth = {}, std::string country = "",
                                     std::optional<Role> role = std::nullopt) {
    SearchQuery q;
    q.name = name;
    q.birth = birth;
    q.country = std::move(country);
    q.role = role;
    auto hits = index_->Search(q);
    EXPECT_TRUE(hits.ok()) << hits.status().ToString();
    return hits.ok() ? *hits : std::vector<SearchHit>{};
  }

  static PersonId First(const std::string& name, BirthDate birth = {}, std::string country = "") {
    auto hits = Find(name, birth, std::move(country));
    return hits.empty() ? 0 : hits.front().id;
  }

  static std::string WhyFirst(const std::string& name, BirthDate birth = {}) {
    auto hits = Find(name, birth);
    return hits.empty() ? "" : hits.front().why;
  }

  static PersonSearchIndex* index_;
};
PersonSearchIndex* PersonSearchTest::index_ = nullptr;

BirthDate Exact(int y, int m, int d) { return {{y, m, d}, kExact, false}; }
BirthDate Year(int y) { return {{y, 0, 0}, DatePrecision::kYearOnly, false}; }

TEST_F(PersonSearchTest, SameNameAnyCaseOrAccentsScoresOne) {
  auto hits = Find("JOSE LUIS HERNANDEZ LOPEZ");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].id, 1);
  EXPECT_DOUBLE_EQ(hits[0].score, 1.0);
  EXPECT_EQ(hits[0].why, "same name");
  EXPECT_EQ(First("HERNANDEZ LOPEZ, JOSE LUIS"), 1);
  EXPECT_EQ(First("josé luis hernández lópez"), 1);
}

TEST_F(PersonSearchTest, MisspelledNamesFindThePersonFirst) {
  EXPECT_EQ(First("Jose Luis Hernadez Lopez"), 1);   // a letter dropped
  EXPECT_EQ(First("Jose Luis Hernamdez Lopez"), 1);  // a letter substituted
  EXPECT_EQ(First("Jose Luis Hernandze Lopez"), 1);  // two letters swapped
  EXPECT_EQ(First("Jose Luis Jernandez Lopez"), 1);  // the first letter wrong
  EXPECT_EQ(First("Jose Luis Ernandes Lopes"), 1);   // spelled by ear
  EXPECT_EQ(First("Jose Luis Lopez Hernandez"), 1);  // surnames swapped
  EXPECT_EQ(First("Jose Luis Hernandez"), 1);        // maternal surname missing
  EXPECT_EQ(First("Chepe Hernandez Lopez"), 1);      // nickname
  EXPECT_EQ(First("Lupe Tzul"), 5);
  EXPECT_EQ(First("Juan Shol Kaal"), 4);              // Maya spellings
  EXPECT_EQ(First("Guadalupe Tsul Ishcoy"), 5);
}

TEST_F(PersonSearchTest, ExplainsWhatDiffers) {
  EXPECT_NE(WhyFirst("Jose Luis Ernandes Lopez").find("sounds alike (Ernandes=Hernández)"), std::string::npos);
  EXPECT_NE(WhyFirst("Jose Luis Hernadez Lopez").find("one-letter typo (Hernadez=Hernández)"), std::string::npos);
  EXPECT_NE(WhyFirst("Jose Luis Lopez Hernandez").find("surnames swapped"), std::string::npos);
  EXPECT_NE(WhyFirst("Jose Luis Hernandez").find("maternal surname missing"), std::string::npos);
  EXPECT_EQ(WhyFirst("Chepe Luis Hernández López"), "given name nickname (Chepe=José)");
  EXPECT_EQ(WhyFirst("Juan Xol Caal", Exact(1980, 5, 5)), "same name; born 1980 (year only)");
  EXPECT_EQ(WhyFirst("José Luis Hernández López", Year(1985)), "same name; born 1985-06-21");
}

TEST_F(PersonSearchTest, DateOfBirthAndCountryRank) {
  EXPECT_EQ(First("Jose Hernandez", Exact(1990, 3, 2)), 2);
  EXPECT_EQ(First("Jose Hernandez", Year(1985)), 1);
  EXPECT_EQ(First("Jose Hernandez", {}, "HN"), 2);
  auto hits = Find("Jose Hernandez", Exact(1990, 3, 2));
  ASSERT_GE(hits.size(), 2u);
  EXPECT_GT(hits[0].score, hits[1].score);
  // A date of birth with the day and month swapped still ranks first.
  EXPECT_EQ(First("Jose Luis Hernandez Lopez", Exact(1985, 6, 21)), 1);
  EXPECT_EQ(First("Jose Hernandez", Exact(1990, 2, 3)), 2);
}

TEST_F(PersonSearchTest, RoleFiltersAndLimitCaps) {
  SearchQuery q;
  q.name = "Hernandez Lopez";
  q.role = Role::kChild;
  q.limit = 1000;
  auto hits = index_->Search(q);
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ(hits->front().id, 3);
  for (const auto& h : *hits) EXPECT_TRUE(h.id == 3 || (h.id >= 1000 && h.id % 4 == 0)) << h.id;
  q.role.reset();
  q.limit = 3;
  EXPECT_EQ(index_->Search(q)->size(), 3u);
  q.limit = 0;
  EXPECT_TRUE(index_->Search(q)->empty());
}

TEST_F(PersonSearchTest, ScoresAreInRangeAndOrdered) {
  SearchQuery q;
  q.name = "Carlos Gomez";
  q.limit = 500;
  auto hits = index_->Search(q);
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  for (std::size_t i = 0; i < hits->size(); ++i) {
    EXPECT_GE((*hits)[i].score, 0.0);
    EXPECT_LE((*hits)[i].score, 1.0);
    if (i > 0) {
      const auto& a = (*hits)[i - 1];
      const auto& b = (*hits)[i];
      EXPECT_TRUE(a.score > b.score || (a.score == b.score && a.id < b.id)) << a.id << " " << b.id;
    }
  }
  q.min_score = 0.9;
  auto high = index_->Search(q);
  ASSERT_TRUE(high.ok());
  for (const auto& h : *high) EXPECT_GE(h.score, 0.9);
}

TEST(PersonSearchIndexTest, EqualScoresComeOutInIdOrder) {
  PersonSearchIndex index;
  for (PersonId id : {50, 40, 60})
    ASSERT_TRUE(index.Add(MakePerson(id, Role::kAdult, {"Pedro"}, "Pop", "Choc", {}, DatePrecision::kUnknown, ""))
                    .ok());
  SearchQuery q;
  q.name = "pedro pop choc";
  auto hits = index.Search(q);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 3u);
  EXPECT_EQ((*hits)[0].id, 40);
  EXPECT_EQ((*hits)[1].id, 50);
  EXPECT_EQ((*hits)[2].id, 60);
}

TEST(PersonSearchIndexTest, RemoveAndUpdate) {
  PersonSearchIndex index;
  ASSERT_TRUE(index.Add(MakePerson(7, Role::kAdult, {"Juan"}, "Xol", "", {}, DatePrecision::kUnknown, "")).ok());
  ASSERT_TRUE(index.Add(MakePerson(8, Role::kAdult, {"Ana"}, "Xol", "", {}, DatePrecision::kUnknown, "")).ok());
  EXPECT_EQ(index.Add(MakePerson(7, Role::kAdult, {"X"}, "Y", "", {}, DatePrecision::kUnknown, "")).code(),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(index.Add(Person{}).code(), StatusCode::kInvalidArgument);
  SearchQuery q;
  q.name = "juan xol";
  EXPECT_EQ(index.Search(q)->front().id, 7);

  ASSERT_TRUE(index.Update(MakePerson(7, Role::kAdult, {"Juan"}, "Pop", "", {}, DatePrecision::kUnknown, "")).ok());
  q.name = "juan pop";
  EXPECT_EQ(index.Search(q)->front().id, 7);
  q.name = "xol";
  auto xols = index.Search(q);
  ASSERT_TRUE(xols.ok());
  for (const auto& h : *xols) EXPECT_NE(h.id, 7);

  ASSERT_TRUE(index.Remove(7).ok());
  EXPECT_EQ(index.Remove(7).code(), StatusCode::kNotFound);
  EXPECT_EQ(index.Update(MakePerson(7, Role::kAdult, {"J"}, "P", "", {}, DatePrecision::kUnknown, "")).code(),
            StatusCode::kNotFound);
  q.name = "juan pop";
  EXPECT_TRUE(index.Search(q)->empty());
  EXPECT_EQ(index.size(), 1u);

  // A removed id can come back.
  ASSERT_TRUE(index.Add(MakePerson(7, Role::kChild, {"Juan"}, "Pop", "", {}, DatePrecision::kUnknown, "")).ok());
  q.role = Role::kChild;
  auto back = index.Search(q);
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), 1u);
  EXPECT_EQ(back->front().id, 7);
}

TEST(PersonSearchIndexTest, RefusesQueriesWithoutANameAndRepeatedIds) {
  PersonSearchIndex index;
  SearchQuery q;
  EXPECT_EQ(index.Search(q).status().code(), StatusCode::kInvalidArgument);
  q.name = " 123, - ";
  EXPECT_EQ(index.Search(q).status().code(), StatusCode::kInvalidArgument);
  q.name = "juan";
  q.limit = -1;
  EXPECT_EQ(index.Search(q).status().code(), StatusCode::kInvalidArgument);
  q.limit = 10;
  q.country = "Guatemala";
  EXPECT_EQ(index.Search(q).status().code(), StatusCode::kInvalidArgument);
  q.country = "";
  EXPECT_TRUE(index.Search(q)->empty());  // an empty index finds nobody
  Person p = MakePerson(3, Role::kAdult, {"Juan"}, "Pop", "", {}, DatePrecision::kUnknown, "");
  EXPECT_EQ(PersonSearchIndex::Build({p, p}).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(PersonSearchTest, ConcurrentReadersAgree) {
  const std::vector<std::string> names = {"Jose Luis Hernadez", "Juan Shol", "Lupe Tzul", "Marta Reyes Cruz"};
  std::vector<std::vector<PersonId>> expected;
  for (const auto& n : names) {
    std::vector<PersonId> ids;
    for (const auto& h : Find(n)) ids.push_back(h.id);
    expected.push_back(ids);
  }
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        const std::size_t k = static_cast<std::size_t>(round + t) % names.size();
        SearchQuery q;
        q.name = names[k];
        std::vector<PersonId> ids;
        auto hits = index_->Search(q);
        if (hits.ok())
          for (const auto& h : *hits) ids.push_back(h.id);
        mismatches[static_cast<std::size_t>(t)] += ids != expected[k];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace reunite::match
