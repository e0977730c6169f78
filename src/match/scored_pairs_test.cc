#include "match/scored_pairs.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace reunite::match {
namespace {

constexpr const char* kPeople =
    "id,name,surname,dob\n"
    "a1,ana,pop,1850-02-03\n"
    "a2,anna,pop,1850-02-03\n"
    "a3,ana,pop,\n"
    "b1,jose,xol,1066-10-14\n"
    "b2,jose,xol,1066-10-14\n"
    "c1,rosa,caal,0800-12-25\n"
    "c2,rosa,cal,0800-12-25\n"
    "d1,juan,tiul,1901-01-01\n"
    "e1,pedro,pop,1850-02-04\n"
    "f1,maria,xol,1890-05-06\n";

LinkSettings People(const char* type) {
  auto s = ParseSettings(std::string(R"({"unique_id_column": "id", "link_type": ")") + type + R"(",
    "comparisons": [
      {"kind": "string", "column": "name", "levels": ["exact", {"jaro_winkler": 0.85}]},
      {"kind": "string", "column": "surname", "levels": ["exact", "phonetic"]},
      {"kind": "date", "column": "dob", "date_format": "%Y-%m-%d"}],
    "blocking_rules": ["surname", "dob.year"], "em": {"max_u_pairs": 1000, "seed": 1}})",
                         "t.json");
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return *s;
}

std::vector<std::vector<std::string>> Rows(const Linkage& linkage, const LinkSettings& settings, const Dataset& left,
                                           const Dataset* right, const PairOutcomes& outcomes) {
  std::vector<std::vector<std::string>> rows;
  ForEachScoredPair(linkage, settings, left, right, outcomes,
                    [&](const std::vector<std::string>& r) { rows.push_back(r); });
  return rows;
}

TEST(ScoredPairsTest, DedupeWritesEveryCandidateWithClustersAndLevels) {
  const LinkSettings settings = People("dedupe");
  auto data = ReadCsvDataset(kPeople, "people.csv", {}, "id", settings.LeftColumns());
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  auto run = Linkage::Run(settings, *data, nullptr, {});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  const auto clusters = (*run)->Clusters();
  const auto rows = Rows(**run, settings, *data, nullptr, {&clusters, nullptr});
  ASSERT_EQ(rows.size(), (*run)->pairs().size() + 1);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"left_id", "right_id", "match_weight", "probability", "left_cluster_id",
                                                "right_cluster_id", "name_level", "surname_level", "dob_level"}));
  std::set<std::pair<std::string, std::string>> seen;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    ASSERT_EQ(r.size(), rows[0].size());
    EXPECT_TRUE(seen.emplace(r[0], r[1]).second) << "pair repeated: " << r[0] << " " << r[1];
    if (i > 1) {
      EXPECT_GE(std::stod(rows[i - 1][2]), std::stod(r[2])) << "not by descending weight at row " << i;
    }
    const long left = data->Find(r[0]), right = data->Find(r[1]);
    EXPECT_EQ(r[4], data->ids[clusters[left]]);
    EXPECT_EQ(r[5], data->ids[clusters[right]]);
    for (size_t c = 0; c < settings.comparisons.size(); ++c) {
      const auto labels = settings.comparisons[c].LevelLabels();
      EXPECT_TRUE(r[6 + c] == "null" || std::find(labels.begin(), labels.end(), r[6 + c]) != labels.end()) << r[6 + c];
    }
  }
  // a1 and a3 share a surname block; a3 has no date: its dob level is null.
  auto a13 = std::find_if(rows.begin(), rows.end(), [](const auto& r) {
    return (r[0] == "a1" && r[1] == "a3") || (r[0] == "a3" && r[1] == "a1");
  });
  ASSERT_NE(a13, rows.end());
  EXPECT_EQ((*a13)[6], "exact");
  EXPECT_EQ((*a13)[8], "null");
  // Historical dates are read: b1 and b2 (1066) agree exactly on them.
  auto b12 = std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r[0] == "b1" && r[1] == "b2"; });
  ASSERT_NE(b12, rows.end());
  EXPECT_EQ((*b12)[8], "exact");
}

TEST(ScoredPairsTest, LinkMarksThePairsWrittenAsLinks) {
  const LinkSettings settings = People("link");
  auto left = ReadCsvDataset(kPeople, "left.csv", {}, "id", settings.LeftColumns());
  auto right = ReadCsvDataset(kPeople, "right.csv", {}, "id", settings.RightColumns());
  ASSERT_TRUE(left.ok() && right.ok());
  auto run = Linkage::Run(settings, *left, &*right, {});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  const auto links = (*run)->Links(false);
  const auto rows = Rows(**run, settings, *left, &*right, {nullptr, &links});
  ASSERT_EQ(rows.size(), (*run)->pairs().size() + 1);
  EXPECT_EQ(rows[0][4], "linked");
  size_t linked = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    linked += rows[i][4] == "1";
    if (rows[i][4] == "1") {
      EXPECT_GE(std::stod(rows[i][3]), settings.threshold);
    }
  }
  EXPECT_EQ(linked, links.size());
  EXPECT_GT(linked, 0u);
}

}  // namespace
}  // namespace reunite::match
