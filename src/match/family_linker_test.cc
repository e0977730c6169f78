#include "match/family_linker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <map>
#include <string>

#include "match/family_candidates.h"
#include "match/family_features.h"
#include "match/test_families.h"

namespace reunite::match {
namespace {

using testing::MakePerson;


// A hand-made list: family A (father with two agency records, mother, an uncle, two
// children), family B apprehended the same day at the same station, and filler
// families in other groups so the model has data to learn from.
struct Lists {
  std::vector<ListRow> children, adults;
  void Child(const std::string& id, Person p) { children.push_back({id, 0, "", std::move(p)}); }
  void Adult(const std::string& id, Person p) { adults.push_back({id, 0, "", std::move(p)}); }
};

Lists MakeLists() {
  Lists l;
  const Date day{2018, 6, 1};
  const std::string yuma = "Yuma Station";
  l.Child("C-kevin", MakePerson(Role::kChild, "Kevin José", "Pérez", "López", Sex::kMale, {2010, 3, 4}, day, yuma,
                                "papá José Luis; mamá Rosa; tío Pedro"));
  l.Child("C-maria", MakePerson(Role::kChild, "María Fernanda", "Pérez", "López", Sex::kFemale, {2012, 5, 6}, day,
                                yuma, "mami Rosa López"));
  l.Child("C-ana", MakePerson(Role::kChild, "Ana Lucía", "Coc", "Xol", Sex::kFemale, {2011, 7, 8}, day, yuma,
                              "mamá Juana"));
  Person father = MakePerson(Role::kAdult, "José Luis", "Pérez", "García", Sex::kMale, {1980, 1, 2}, day, yuma,
                             "hijo Kevin 8 años; hija María Fernanda");
  father.a_number = "212345678";
  l.Adult("ICE-father", father);
  l.Adult("CBP-father", father);
  Person mother = MakePerson(Role::kAdult, "Rosa Elena", "López", "Hernández", Sex::kFemale, {1983, 2, 3}, day, yuma,
                             "hijo Kevin; hija María");
  mother.name.married_surname = "Pérez";
  mother.a_number = "223456789";
  l.Adult("ICE-mother", mother);
  Person uncle = MakePerson(Role::kAdult, "Pedro Antonio", "Pérez", "García", Sex::kMale, {1975, 4, 5}, day, yuma,
                            "sobrino Kevin");
  uncle.a_number = "234567890";
  l.Adult("ICE-uncle", uncle);
  Person juana = MakePerson(Role::kAdult, "Juana", "Xol", "Caal", Sex::kFemale, {1985, 9, 10}, day, yuma, "hija Ana");
  juana.a_number = "245678901";
  l.Adult("ICE-juana", juana);
  // Filler families: a parent and a child each, in two more groups.
  int i = 0;
  for (auto& [child, parent] : testing::FillerFamilies(40)) {
    l.Child("C-" + std::to_string(i), std::move(child));
    l.Adult("A-" + std::to_string(i++), std::move(parent));
  }
  return l;
}

using LinkMap = std::map<std::pair<std::string, std::string>, std::string>;

// (child record id, adult record id) -> role of every link.
LinkMap Links(const Lists& l, int threads, double threshold = 0.8, double lone_child_threshold = 0.3) {
  FamilyLinkOptions options;
  options.threads = threads;
  options.threshold = threshold;
  options.lone_child_threshold = lone_child_threshold;
  options.em.max_u_pairs = 20'000;
  auto linkage = FamilyLinkage::Run(l.children, l.adults, options);
  EXPECT_TRUE(linkage.ok()) << linkage.status().ToString();
  LinkMap out;
  if (!linkage.ok()) return out;
  for (const auto& link : (*linkage)->links()) {
    out[{l.children[link.child].record_id, l.adults[link.adult].record_id}] = ToString(link.role);
  }
  return out;
}
std::pair<std::string, std::string> Key(const std::string& child, const std::string& adult) { return {child, adult}; }
// The role of a pair, "" when not linked.
std::string At(const LinkMap& links, const std::string& child, const std::string& adult) {
  auto it = links.find({child, adult});
  return it == links.end() ? "" : it->second;
}

// A crowded sector-day (its block over max_block_pairs, skipped) and a crowded
// surname week (skipped too): the child and her mother, apprehended together, still
// meet through their apprehension with a surname.
TEST(FamilyLinkerTest, ACrowdedSectorDayStillPairsAChildWithHerMothersSurname) {
  const Date day{2018, 6, 15}, next{2018, 6, 16};
  std::vector<ListRow> children, adults;
  auto child = [&](Person p) { children.push_back({"C" + std::to_string(children.size()), 0, "", std::move(p)}); };
  auto adult = [&](Person p) { adults.push_back({"A" + std::to_string(adults.size()), 0, "", std::move(p)}); };
  child(MakePerson(Role::kChild, "Lilian", "Gómez", "Herrera", Sex::kFemale, {2016, 2, 11}, day,
                   "Rio Grande Valley Sector", ""));
  adult(MakePerson(Role::kAdult, "Carolina", "Herrera", "Rivera", Sex::kFemale, {1990, 5, 4}, day, "Hidalgo POE", ""));
  for (int i = 0; i < 300; ++i) {  // the sector-day crowd, other surnames
    const std::string s = "Crowd" + std::to_string(i);
    child(MakePerson(Role::kChild, "Niño", s + "a", s + "b", Sex::kMale, {2010, 1, 1}, day, "Rio Grande Valley Sector", ""));
    if (i < 200) adult(MakePerson(Role::kAdult, "Adulto", s + "c", s + "d", Sex::kMale, {1980, 1, 1}, day, "Weslaco Station", ""));
  }
  for (int i = 0; i < 300; ++i) {  // the Herreras of that week, elsewhere
    child(MakePerson(Role::kChild, "Niña", "Herrera", "Otro", Sex::kFemale, {2011, 1, 1}, next, "El Paso Sector", ""));
    if (i < 200) adult(MakePerson(Role::kAdult, "Madre", "Herrera", "Otra", Sex::kFemale, {1981, 1, 1}, next, "Clint Station", ""));
  }
  std::vector<FamilyRecord> kids, grown;
  for (const auto& r : children) kids.push_back(PrepareFamilyRecord(r.person));
  for (const auto& r : adults) grown.push_back(PrepareFamilyRecord(r.person));
  auto pairs = FamilyCandidatePairs(kids, grown, children, adults);
  ASSERT_TRUE(pairs.ok()) << pairs.status().ToString();
  const auto& report = pairs->report.rules;
  ASSERT_EQ(report.size(), FamilyBlockingRules().size());
  EXPECT_GT(report[0].skipped_keys, 0) << "the sector-day block should be over the cap";
  EXPECT_GT(report[1].skipped_keys, 0) << "the Herrera week should be over the cap";
  auto it = std::lower_bound(pairs->pairs.begin(), pairs->pairs.end(), MakePair(0, 0));
  ASSERT_TRUE(it != pairs->pairs.end() && *it == MakePair(0, 0)) << "Lilian and her mother are never compared";
  const RuleMask mask = pairs->rules[it - pairs->pairs.begin()];
  EXPECT_EQ(std::string(FamilyBlockingRules()[std::countr_zero(mask)].text), "event_surname.items");
}

// A crowded sector-day again, and a child whose surname went into her given names
// ("SARA SUYAPA XITUMUL", surname "SIS"), so that she shares no surname with her
// father: they meet because he names his daughter Sara and she names "papá Tacho"
// (Anastasio), each on that apprehension.
TEST(FamilyLinkerTest, ACrowdedSectorDayPairsAFamilyByTheNamesTheyGiveEachOther) {
  const Date day{2018, 5, 25};
  std::vector<ListRow> children, adults;
  auto child = [&](Person p) { children.push_back({"C" + std::to_string(children.size()), 0, "", std::move(p)}); };
  auto adult = [&](Person p) { adults.push_back({"A" + std::to_string(adults.size()), 0, "", std::move(p)}); };
  child(MakePerson(Role::kChild, "Sara Suyapa Xitumul", "Sis", "", Sex::kFemale, {2008, 7, 5}, day,
                   "Rio Grande Valley Sector", "PAPÁ: TACHO"));
  child(MakePerson(Role::kChild, "Sara Suyapa Xitumul", "Sis", "", Sex::kFemale, {2008, 7, 5}, day,
                   "Rio Grande Valley Sector", ""));
  adult(MakePerson(Role::kAdult, "Anastasio César", "Xitumul", "Martínez", Sex::kMale, {1976, 1, 12}, day, "RGV",
                   "hija, Sara Suyapa"));
  adult(MakePerson(Role::kAdult, "Anastasio César", "Xitumul", "Martínez", Sex::kMale, {1976, 1, 12}, day, "RGV", ""));
  for (int i = 0; i < 300; ++i) {  // the sector-day crowd, other surnames
    const std::string s = "Crowd" + std::to_string(i);
    child(MakePerson(Role::kChild, "Niño", s + "a", s + "b", Sex::kMale, {2010, 1, 1}, day, "Rio Grande Valley Sector", ""));
    if (i < 200) adult(MakePerson(Role::kAdult, "Adulto", s + "c", s + "d", Sex::kMale, {1980, 1, 1}, day, "Weslaco Station", ""));
  }
  std::vector<FamilyRecord> kids, grown;
  for (const auto& r : children) kids.push_back(PrepareFamilyRecord(r.person));
  for (const auto& r : adults) grown.push_back(PrepareFamilyRecord(r.person));
  auto pairs = FamilyCandidatePairs(kids, grown, children, adults);
  ASSERT_TRUE(pairs.ok()) << pairs.status().ToString();
  EXPECT_GT(pairs->report.rules[0].skipped_keys, 0) << "the sector-day block should be over the cap";
  auto rules_of = [&](std::uint32_t c, std::uint32_t a) -> std::vector<std::string> {
    auto it = std::lower_bound(pairs->pairs.begin(), pairs->pairs.end(), MakePair(c, a));
    if (it == pairs->pairs.end() || *it != MakePair(c, a)) return {};
    std::vector<std::string> names;
    for (RuleMask m = pairs->rules[it - pairs->pairs.begin()]; m; m &= m - 1) {
      names.push_back(FamilyBlockingRules()[std::countr_zero(m)].text);
    }
    return names;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(rules_of(0, 1), V{"event_parent.items"}) << "the father the child names";
  EXPECT_EQ(rules_of(1, 0), V{"event_child.items"}) << "the daughter the father names";
  EXPECT_EQ(rules_of(0, 0), (V{"event_parent.items", "event_child.items"}));
  EXPECT_TRUE(rules_of(1, 1).empty()) << "neither names the other";
}

// Booked weeks apart, with no surname in common: a mother meets her son through the
// full name she gave him ("UAC SON: GARSIA RIVAS, EDUARDO") and a father his daughter
// through the second surname she gave him ("papá Mario Méndez" for Mario Fuentes Méndez).
TEST(FamilyLinkerTest, NamesGivenInFullPairAFamilyBookedWeeksApart) {
  std::vector<ListRow> children, adults;
  auto child = [&](Person p) { children.push_back({"C" + std::to_string(children.size()), 0, "", std::move(p)}); };
  auto adult = [&](Person p) { adults.push_back({"A" + std::to_string(adults.size()), 0, "", std::move(p)}); };
  child(MakePerson(Role::kChild, "Eduardo", "Garcia", "", Sex::kMale, {2011, 11, 5}, {2018, 6, 1}, "Santa Teresa", ""));
  child(MakePerson(Role::kChild, "Ana", "Pop", "", Sex::kFemale, {2010, 12, 7}, {2018, 5, 2}, "Ysleta",
                   "papá Mario Méndez"));
  adult(MakePerson(Role::kAdult, "Jackeline", "Rivas", "Carrillo", Sex::kFemale, {1982, 10, 25}, {2018, 7, 22},
                   "EPT - Santa Teresa", "UAC SON: GARSIA RIVAS, EDUARDO"));
  adult(MakePerson(Role::kAdult, "Mario Wilson", "Fuentes", "Méndez", Sex::kMale, {1982, 5, 17}, {2018, 6, 29},
                   "EPT - Ysleta", ""));
  std::vector<FamilyRecord> kids, grown;
  for (const auto& r : children) kids.push_back(PrepareFamilyRecord(r.person));
  for (const auto& r : adults) grown.push_back(PrepareFamilyRecord(r.person));
  auto pairs = FamilyCandidatePairs(kids, grown, children, adults);
  ASSERT_TRUE(pairs.ok()) << pairs.status().ToString();
  auto rule_of = [&](std::uint32_t c, std::uint32_t a) -> std::string {
    auto it = std::lower_bound(pairs->pairs.begin(), pairs->pairs.end(), MakePair(c, a));
    if (it == pairs->pairs.end() || *it != MakePair(c, a)) return "";
    return FamilyBlockingRules()[std::countr_zero(pairs->rules[it - pairs->pairs.begin()])].text;
  };
  EXPECT_EQ(rule_of(0, 0), "named.items");
  EXPECT_EQ(rule_of(1, 1), "parent.items");
  EXPECT_EQ(rule_of(0, 1), "");
  EXPECT_EQ(rule_of(1, 0), "");
}

TEST(FamilyLinkerTest, FatherMotherAndUncleToldApart) {
  auto links = Links(MakeLists(), 2);
  EXPECT_EQ(At(links, "C-kevin", "ICE-father"), "father");
  EXPECT_EQ(At(links, "C-kevin", "ICE-mother"), "mother");
  EXPECT_EQ(At(links, "C-kevin", "ICE-uncle"), "other_relative");
}

TEST(FamilyLinkerTest, SiblingsShareTheirParentsAndEveryRecordIsLinked) {
  auto links = Links(MakeLists(), 2);
  EXPECT_EQ(At(links, "C-maria", "ICE-father"), "father");
  EXPECT_EQ(At(links, "C-maria", "CBP-father"), "father");  // the father's second agency record
  EXPECT_EQ(At(links, "C-kevin", "CBP-father"), "father");
  EXPECT_EQ(At(links, "C-maria", "ICE-mother"), "mother");
}

TEST(FamilyLinkerTest, UnrelatedFamilyApprehendedTheSameDayIsNotLinked) {
  auto links = Links(MakeLists(), 2);
  EXPECT_EQ(At(links, "C-ana", "ICE-juana"), "mother");
  for (const char* adult : {"ICE-father", "CBP-father", "ICE-mother", "ICE-uncle"}) {
    EXPECT_EQ(links.count(Key("C-ana", adult)), 0u) << adult;
  }
  EXPECT_EQ(links.count(Key("C-kevin", "ICE-juana")), 0u);
  EXPECT_EQ(links.count(Key("C-maria", "ICE-juana")), 0u);
}

TEST(FamilyLinkerTest, AtMostOneFatherAndOneMotherPerChild) {
  auto links = Links(MakeLists(), 2);
  std::map<std::string, int> fathers, mothers;
  for (const auto& [pair, role] : links) {
    fathers[pair.first] += role == "father" && pair.second.rfind("CBP-", 0) != 0;
    mothers[pair.first] += role == "mother";
  }
  for (const auto& [child, n] : fathers) EXPECT_LE(n, 1) << child;
  for (const auto& [child, n] : mothers) EXPECT_LE(n, 1) << child;
}

TEST(FamilyLinkerTest, FillerFamiliesAreFound) {
  auto links = Links(MakeLists(), 2);
  int found = 0;
  for (int i = 0; i < 40; ++i) found += links.count({"C-" + std::to_string(i), "A-" + std::to_string(i)}) > 0;
  EXPECT_GE(found, 36);
}

TEST(FamilyLinkerTest, DeterministicWhateverTheThreads) {
  Lists l = MakeLists();
  EXPECT_EQ(Links(l, 1), Links(l, 2));
  EXPECT_EQ(Links(l, 2), Links(l, 2));
}

TEST(FamilyLinkerTest, ExplanationSumsToTheWeight) {
  Lists l = MakeLists();
  FamilyLinkOptions options;
  options.em.max_u_pairs = 20'000;
  auto linkage = FamilyLinkage::Run(l.children, l.adults, options);
  ASSERT_TRUE(linkage.ok());
  Explanation e = (*linkage)->Explain(0, 0);
  double sum = e.prior_weight;
  for (const auto& s : e.steps) sum += s.weight;
  EXPECT_NEAR(sum, e.total_weight, 1e-9);
  EXPECT_NEAR(e.total_weight, (*linkage)->Score(0, 0).weight, 1e-9);
  EXPECT_EQ(e.steps.size(), static_cast<size_t>(kFamilyComparisons));
  EXPECT_NE((*linkage)->RoleReason(0, 0).find("father"), std::string::npos);
}

TEST(FamilyLinkerTest, ALoneChildGetsItsClearlyBestCandidateOnly) {
  Lists l = MakeLists();
  const Date day{2018, 6, 3};
  const std::string station = "Nogales Station";
  // Luis said only "mamá"; one woman of his apprehension carries his maternal surname.
  l.Child("C-luis", MakePerson(Role::kChild, "Luis", "Guevara", "López", Sex::kMale, {2012, 2, 2}, day, station, "mamá"));
  l.Adult("ICE-jacinta", MakePerson(Role::kAdult, "Jacinta", "López", "Amaya", Sex::kFemale, {1988, 8, 15}, day,
                                    station, ""));
  // Eva's two candidates are alike: neither is clearly hers.
  l.Child("C-eva", MakePerson(Role::kChild, "Eva", "Mejía", "Soto", Sex::kFemale, {2011, 3, 3}, day, station, ""));
  l.Adult("ICE-soto1", MakePerson(Role::kAdult, "Rosa", "Soto", "Cruz", Sex::kFemale, {1985, 1, 1}, day, station, ""));
  l.Adult("ICE-soto2", MakePerson(Role::kAdult, "Marta", "Soto", "Pérez", Sex::kFemale, {1979, 7, 7}, day, station, ""));
  // A threshold few pairs reach makes the lone-child rule visible.
  LinkMap strict = Links(l, 2, 0.9999, 0);
  LinkMap lone = Links(l, 2, 0.9999, 0.3);
  EXPECT_EQ(At(strict, "C-luis", "ICE-jacinta"), "");
  EXPECT_EQ(At(lone, "C-luis", "ICE-jacinta"), "mother");
  EXPECT_EQ(At(lone, "C-eva", "ICE-soto1"), "");
  EXPECT_EQ(At(lone, "C-eva", "ICE-soto2"), "");
  // Children linked at the threshold are left as they were.
  for (const auto& [pair, role] : strict) EXPECT_EQ(At(lone, pair.first, pair.second), role);
}

TEST(FamilyLinkerTest, AGuardianWhoCallsTheChildMenorIsLinked) {
  Lists l = MakeLists();
  const Date day{2018, 6, 4};
  l.Child("C-marta", MakePerson(Role::kChild, "Marta", "González", "Sical", Sex::kFemale, {2009, 10, 6}, day,
                                "Hidalgo Port of Entry", "tía Elida"));
  l.Adult("CBP-elida", MakePerson(Role::kAdult, "Maria Elida", "Koy", "Tiney", Sex::kFemale, {1976, 5, 27}, day,
                                  "Hidalgo Port of Entry", "menor, Marta 8 años"));
  EXPECT_EQ(At(Links(l, 2), "C-marta", "CBP-elida"), "legal_guardian");
}

TEST(FamilyFeaturesTest, SurnameLines) {
  const Date day{2018, 6, 1};
  FamilyRecord child = PrepareFamilyRecord(
      MakePerson(Role::kChild, "Kevin", "Pérez", "López", Sex::kMale, {2010, 1, 1}, day, "Yuma Station", ""));
  auto adult = [&](const char* pat, const char* mat) {
    return PrepareFamilyRecord(MakePerson(Role::kAdult, "X", pat, mat, Sex::kMale, {1980, 1, 1}, day, "Yuma Station", ""));
  };
  EXPECT_EQ(CompareFamily(kSurnameLine, child, adult("Peres", "García")), kPaternalExact);  // same sound
  EXPECT_EQ(CompareFamily(kSurnameLine, child, adult("López", "Cruz")), kMaternalExactMan);
  EXPECT_EQ(CompareFamily(kSurnameLine, child, adult("Cruz", "Pérez")), kOtherShared);
  EXPECT_EQ(CompareFamily(kSurnameLine, child, adult("Cruz", "Caal")), kNoneShared);
  EXPECT_EQ(CompareFamily(kApprehension, child, adult("Cruz", "Caal")), 0);
  EXPECT_EQ(CompareFamily(kAgeGap, child, adult("Cruz", "Caal")), 0);  // 30 years
}

}  // namespace
}  // namespace reunite::match
