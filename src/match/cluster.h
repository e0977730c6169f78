// Clustering of deduplicated records that does not chain distinct people together
// through one weak link.
//
// Rule (average linkage, greedy): scored pairs at or above the threshold are taken by
// descending match weight (ties by row numbers). Two clusters are merged only when the
// mean match probability over *every* cross pair (one record from each cluster) is at
// least the threshold, or at least half of it with no more than a third of the cross
// pairs clear non-matches (probability under 0.01): a record with little filled in
// matches its cluster weakly without contradicting it. Cross pairs that blocking never compared are scored on demand
// through `score_unscored` (or count as probability 0 when it is empty). So a record
// joins a cluster only if, on average, it matches the cluster's members: A~B and B~C
// strong with A~C a clear non-match ((p(A,C) + p(B,C)) / 2 < threshold) leaves C out,
// while true duplicates that all resemble each other still form one cluster even when
// only a chain of them was compared. A merge needing more than max_cross_pairs
// comparisons is refused (counted in the stats), which bounds the work on huge blocks.
//
// A person has a handful of records, never hundreds, so two more rules stop a model
// that went wrong from merging strangers: a merge is refused when any record of one
// cluster holds strong contrary evidence against any record of the other (two
// different A-numbers, birth years far apart on exact dates, different sex where the
// given names differ too: `contradicts`), and when the merged cluster would exceed
// max_cluster_size records.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace reunite::match {

struct ScoredPair {
  std::uint32_t a = 0, b = 0;  // rows, a < b
  double weight = 0;
  double probability = 0;
};

// Probability of a pair of rows that was not among the scored pairs.
using PairScorer = std::function<double(std::uint32_t, std::uint32_t)>;
// Whether two rows hold strong contrary evidence (they cannot be one person).
using PairVeto = std::function<bool(std::uint32_t, std::uint32_t)>;

struct ClusterRules {
  double threshold = 0.5;
  PairScorer score_unscored;  // may be empty: unscored pairs count as probability 0
  PairVeto contradicts;       // may be empty: no veto
  long max_cross_pairs = 10'000;
  std::size_t max_cluster_size = 50;
};

struct ClusterStats {
  long merges = 0;
  long refused_incoherent = 0;  // merges refused because the mean fell below the threshold
  long refused_contrary = 0;    // merges refused for contrary evidence between two records
  long refused_too_large = 0;   // more than max_cross_pairs to compare, or over max_cluster_size
  long scored_on_demand = 0;
};

// Returns, for each of the n rows, its cluster's representative: the smallest row in
// the cluster. Deterministic for the same pairs whatever their order.
std::vector<std::uint32_t> ClusterRecords(std::size_t n, const std::vector<ScoredPair>& pairs, const ClusterRules& rules,
                                          ClusterStats* stats = nullptr);

// The distribution of cluster sizes, and the clusters larger than `outlier_size`
// (a person with that many records on one list is unlikely: a model gone wrong).
struct ClusterSizes {
  std::vector<long> by_size;  // by_size[k]: clusters of k records (index 0 unused)
  // (size, representative) of each cluster over outlier_size, largest first.
  std::vector<std::pair<std::size_t, std::uint32_t>> outliers;
  std::size_t largest = 0;
};
ClusterSizes MeasureClusters(const std::vector<std::uint32_t>& representatives, std::size_t outlier_size = 10);
// "clusters by size: 1: 4120; 2: 1003; 3: 88; 6-10: 12; largest 7", then a warning
// line for each of the ten largest outliers ("warning: a cluster of 57 records, with
// record r1: ..."), naming each by `id` of its representative.
std::string DescribeClusterSizes(const ClusterSizes& sizes, const std::function<std::string(std::uint32_t)>& id);

}  // namespace reunite::match
