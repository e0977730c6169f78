// A family link's explanation sums to the weight the link was made with: a toddler
// who named nobody is linked to her parents through her brother, and the explanation
// says by how much and through whom.
#include "match/family_explain.h"

#include <gtest/gtest.h>

#include "match/test_families.h"

namespace reunite::match {
namespace {

using testing::MakePerson;

struct Family {
  std::vector<ListRow> children, adults;
};

Family PerezLopez() {
  Family f;
  const Date day{2018, 6, 1};
  const std::string yuma = "Yuma Station";
  f.children.push_back({"C-kevin", 0, "", MakePerson(Role::kChild, "Kevin José", "Pérez", "López", Sex::kMale,
                                                     {2010, 3, 4}, day, yuma, "papá José Luis; mamá Rosa")});
  f.children.push_back({"C-sofia", 0, "", MakePerson(Role::kChild, "Sofía", "Pérez", "López", Sex::kFemale,
                                                     {2016, 8, 9}, day, yuma, "")});
  Person father = MakePerson(Role::kAdult, "José Luis", "Pérez", "García", Sex::kMale, {1980, 1, 2}, day, yuma,
                             "hijo Kevin 8 años");
  father.a_number = "212345678";
  f.adults.push_back({"ICE-father", 0, "", father});
  father.name.given_names = {"Jose", "Luis"};
  father.reported_relatives.clear();  // the second agency wrote down no relatives
  f.adults.push_back({"CBP-father", 0, "", father});
  Person mother = MakePerson(Role::kAdult, "Rosa Elena", "López", "Hernández", Sex::kFemale, {1983, 2, 3}, day,
                             yuma, "hijo Kevin");
  mother.a_number = "223456789";
  f.adults.push_back({"ICE-mother", 0, "", mother});
  int i = 0;
  for (auto& [child, parent] : testing::FillerFamilies(40)) {
    f.children.push_back({"C-" + std::to_string(i), 0, "", std::move(child)});
    f.adults.push_back({"A-" + std::to_string(i++), 0, "", std::move(parent)});
  }
  return f;
}

std::unique_ptr<FamilyLinkage> LinkFamilies(const Family& f) {
  FamilyLinkOptions options;
  options.em.max_u_pairs = 20'000;
  auto run = FamilyLinkage::Run(f.children, f.adults, options);
  EXPECT_TRUE(run.ok()) << run.status().ToString();
  return run.ok() ? std::move(*run) : nullptr;
}

double Sum(const Explanation& e) {
  double sum = e.prior_weight + e.sibling_support.weight;
  for (const auto& s : e.steps) sum += s.weight;
  return sum;
}

TEST(FamilyExplainTest, EveryLinksExplanationSumsToItsWeight) {
  Family f = PerezLopez();
  auto run = LinkFamilies(f);
  ASSERT_TRUE(run);
  ASSERT_FALSE(run->links().empty());
  FamilyLinkExplainer explainer(*run, f.children);
  for (const auto& link : run->links()) {
    Explanation e = explainer.Explain(link);
    EXPECT_NEAR(e.total_weight, link.weight, 1e-6) << f.children[link.child].record_id;
    EXPECT_NEAR(Sum(e), e.total_weight, 1e-6) << f.children[link.child].record_id;
    EXPECT_EQ(e.left_id, f.children[link.child].record_id);
    EXPECT_FALSE(e.role_reason.empty());
  }
}

TEST(FamilyExplainTest, TheToddlersLinkShowsHerBrothersSupport) {
  Family f = PerezLopez();
  auto run = LinkFamilies(f);
  ASSERT_TRUE(run);
  FamilyLinkExplainer explainer(*run, f.children);
  const FamilyLinkResult* sofia_father = nullptr;
  for (const auto& link : run->links())
    if (f.children[link.child].record_id == "C-sofia" && f.adults[link.adult].record_id == "ICE-father")
      sofia_father = &link;
  ASSERT_NE(sofia_father, nullptr) << "the toddler is not linked to her father";
  Explanation e = explainer.Explain(*sofia_father);
  EXPECT_GT(e.sibling_support.weight, 0);
  EXPECT_EQ(e.sibling_support.sibling_id, "C-kevin");
  EXPECT_GT(e.sibling_support.sibling_weight, e.total_weight - e.sibling_support.weight);
  EXPECT_NE(FormatExplanation(e).find("sibling C-kevin"), std::string::npos);
  // Her own comparisons alone fall short of the link's weight.
  EXPECT_LT(run->Explain(sofia_father->child, sofia_father->adult).total_weight, sofia_father->weight - 1e-6);
}

TEST(FamilyExplainTest, ASecondRecordOfTheAdultIsExplainedByTheRecordThatScored) {
  Family f = PerezLopez();
  auto run = LinkFamilies(f);
  ASSERT_TRUE(run);
  FamilyLinkExplainer explainer(*run, f.children);
  bool seen = false;
  for (const auto& link : run->links()) {
    if (f.children[link.child].record_id != "C-kevin" || f.adults[link.adult].record_id != "CBP-father") continue;
    seen = true;
    Explanation e = explainer.Explain(link);
    // The CBP record names no child: the link's weight is the ICE record's.
    EXPECT_EQ(e.right_id, "ICE-father");
    EXPECT_EQ(e.sibling_support.weight, 0);
    EXPECT_NEAR(e.total_weight, link.weight, 1e-6);
  }
  EXPECT_TRUE(seen) << "the father's second record is not linked";
}

}  // namespace
}  // namespace reunite::match
