#include "match/cluster.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace reunite::match {
namespace {

ScoredPair Edge(std::uint32_t a, std::uint32_t b, double p) {
  return {a, b, std::log2(p / (1 - p)), p};
}

std::vector<std::uint32_t> Cluster(std::size_t n, const std::vector<ScoredPair>& pairs, double threshold,
                                   PairScorer scorer = nullptr, ClusterStats* stats = nullptr, long max_cross = 10'000) {
  ClusterRules rules;
  rules.threshold = threshold;
  rules.score_unscored = std::move(scorer);
  rules.max_cross_pairs = max_cross;
  return ClusterRecords(n, pairs, rules, stats);
}

TEST(ClusterTest, RefusesToChainThroughOneRecord) {
  // A~B and B~C strong, A~C a clear non-match: C must not join A and B.
  std::vector<ScoredPair> pairs = {Edge(0, 1, 0.999), Edge(1, 2, 0.99), Edge(0, 2, 0.001)};
  ClusterStats stats;
  auto c = Cluster(3, pairs, 0.5, nullptr, &stats);
  EXPECT_EQ(c[0], c[1]);
  EXPECT_NE(c[1], c[2]);
  EXPECT_EQ(stats.refused_incoherent, 1);
  EXPECT_EQ(c, (std::vector<std::uint32_t>{0, 0, 2}));
}

TEST(ClusterTest, UnscoredPairsAreScoredOnDemandOrCountAsNonMatches) {
  // A~B, B~C strong; A~C never compared.
  std::vector<ScoredPair> pairs = {Edge(0, 1, 0.999), Edge(1, 2, 0.99)};
  // Without a scorer the unscored pair counts as 0: mean (0.99 + 0) / 2 < 0.6.
  EXPECT_EQ(Cluster(3, pairs, 0.6, nullptr), (std::vector<std::uint32_t>{0, 0, 2}));
  // Scored on demand as a match, all three cluster.
  int calls = 0;
  auto scorer = [&](std::uint32_t a, std::uint32_t b) {
    ++calls;
    EXPECT_LT(a, b);
    return 0.95;
  };
  EXPECT_EQ(Cluster(3, pairs, 0.6, scorer), (std::vector<std::uint32_t>{0, 0, 0}));
  EXPECT_EQ(calls, 1);
  // Scored on demand as a clear non-match, the chain is cut.
  EXPECT_EQ(Cluster(3, pairs, 0.6, [](std::uint32_t, std::uint32_t) { return 0.001; }),
            (std::vector<std::uint32_t>{0, 0, 2}));
}

TEST(ClusterTest, ChainsOfTrueDuplicatesStillCluster) {
  // Five copies of one person: a chain of strong links plus moderate links elsewhere;
  // two strangers linked weakly to the chain's ends; a separate pair.
  std::vector<ScoredPair> pairs;
  for (std::uint32_t i = 0; i < 4; ++i) pairs.push_back(Edge(i, i + 1, 0.999));
  for (std::uint32_t i = 0; i < 5; ++i) {
    for (std::uint32_t j = i + 2; j < 5; ++j) pairs.push_back(Edge(i, j, 0.7));
  }
  pairs.push_back(Edge(4, 5, 0.6));   // stranger 5 resembles record 4 only
  pairs.push_back(Edge(0, 6, 0.55));  // stranger 6 resembles record 0 only
  pairs.push_back(Edge(7, 8, 0.98));
  auto c = Cluster(9, pairs, 0.5, nullptr);
  EXPECT_EQ(c, (std::vector<std::uint32_t>{0, 0, 0, 0, 0, 5, 6, 7, 7}));
}

TEST(ClusterTest, ResultDoesNotDependOnInputOrder) {
  std::vector<ScoredPair> pairs = {Edge(0, 1, 0.9), Edge(2, 3, 0.9), Edge(1, 2, 0.9), Edge(0, 3, 0.2),
                                   Edge(4, 5, 0.8), Edge(3, 4, 0.7), Edge(1, 3, 0.6)};
  auto first = Cluster(6, pairs, 0.5, nullptr);
  std::reverse(pairs.begin(), pairs.end());
  EXPECT_EQ(Cluster(6, pairs, 0.5, nullptr), first);
  std::rotate(pairs.begin(), pairs.begin() + 3, pairs.end());
  EXPECT_EQ(Cluster(6, pairs, 0.5, nullptr), first);
}

TEST(ClusterTest, BelowThresholdPairsNeverMerge) {
  std::vector<ScoredPair> pairs = {Edge(0, 1, 0.49)};
  EXPECT_EQ(Cluster(2, pairs, 0.5, nullptr), (std::vector<std::uint32_t>{0, 1}));
  EXPECT_TRUE(Cluster(0, {}, 0.5, nullptr).empty());
}

TEST(ClusterTest, OversizedMergesAreRefused) {
  std::vector<ScoredPair> pairs = {Edge(0, 1, 0.99), Edge(2, 3, 0.99), Edge(1, 2, 0.9)};
  ClusterStats stats;
  auto c = Cluster(4, pairs, 0.5, [](std::uint32_t, std::uint32_t) { return 1.0; }, &stats, 3);
  EXPECT_EQ(c, (std::vector<std::uint32_t>{0, 0, 2, 2}));
  EXPECT_EQ(stats.refused_too_large, 1);
}

TEST(ClusterTest, ContraryEvidenceVetoesAMerge) {
  // 0~1 and 2~3 strong, 1~2 strong too, but records 0 and 3 carry different A-numbers:
  // the two pairs stay apart even though every cross pair scores as a match.
  std::vector<ScoredPair> pairs = {Edge(0, 1, 0.999), Edge(2, 3, 0.999), Edge(1, 2, 0.99)};
  ClusterRules rules;
  rules.score_unscored = [](std::uint32_t, std::uint32_t) { return 0.99; };
  rules.contradicts = [](std::uint32_t a, std::uint32_t b) { return a == 0 && b == 3; };
  ClusterStats stats;
  EXPECT_EQ(ClusterRecords(4, pairs, rules, &stats), (std::vector<std::uint32_t>{0, 0, 2, 2}));
  EXPECT_EQ(stats.refused_contrary, 1);
  rules.contradicts = nullptr;
  EXPECT_EQ(ClusterRecords(4, pairs, rules), (std::vector<std::uint32_t>{0, 0, 0, 0}));
}

TEST(ClusterTest, AClusterNeverGrowsPastItsCap) {
  // A model gone wrong: every pair of 200 records a match. Clusters stop at 50.
  std::vector<ScoredPair> pairs;
  for (std::uint32_t i = 0; i + 1 < 200; ++i) pairs.push_back(Edge(i, i + 1, 0.999));
  ClusterRules rules;
  rules.score_unscored = [](std::uint32_t, std::uint32_t) { return 0.999; };
  auto c = ClusterRecords(200, pairs, rules);
  ClusterSizes sizes = MeasureClusters(c, 10);
  EXPECT_LE(sizes.largest, 50u);
  ASSERT_FALSE(sizes.outliers.empty());
  const std::string text = DescribeClusterSizes(sizes, [](std::uint32_t r) { return "r" + std::to_string(r); });
  EXPECT_NE(text.find("warning: a cluster of " + std::to_string(sizes.largest) + " records, with record r0"),
            std::string::npos) << text;
}

TEST(ClusterTest, SizeDistribution) {
  //  clusters {0,1,2}, {3,4}, {5}, {6}
  std::vector<std::uint32_t> reps = {0, 0, 0, 3, 3, 5, 6};
  ClusterSizes sizes = MeasureClusters(reps, 10);
  EXPECT_EQ(sizes.largest, 3u);
  EXPECT_EQ(sizes.by_size[1], 2);
  EXPECT_EQ(sizes.by_size[2], 1);
  EXPECT_EQ(sizes.by_size[3], 1);
  EXPECT_TRUE(sizes.outliers.empty());
  EXPECT_EQ(DescribeClusterSizes(sizes, nullptr), "clusters by size: 1: 2; 2: 1; 3: 1; largest 3\n");
}

}  // namespace
}  // namespace reunite::match
