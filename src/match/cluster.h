// Clustering of deduplicated records that does not chain distinct people together
// through one weak link.
//
// Rule (average linkage, greedy): scored pairs at or above the threshold are taken by
// descending match weight (ties by row numbers). Two clusters are merged only when the
// mean match probability over *every* cross pair (one record from each cluster) is at
// least the threshold. Cross pairs that blocking never compared are scored on demand
// through `score_unscored` (or count as probability 0 when it is empty). So a record
// joins a cluster only if, on average, it matches the cluster's members: A~B and B~C
// strong with A~C a clear non-match ((p(A,C) + p(B,C)) / 2 < threshold) leaves C out,
// while true duplicates that all resemble each other still form one cluster even when
// only a chain of them was compared. A merge needing more than max_cross_pairs
// comparisons is refused (counted in the stats), which bounds the work on huge blocks.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

namespace reunite::match {

struct ScoredPair {
  std::uint32_t a = 0, b = 0;  // rows, a < b
  double weight = 0;
  double probability = 0;
};

// Probability of a pair of rows that was not among the scored pairs.
using PairScorer = std::function<double(std::uint32_t, std::uint32_t)>;

struct ClusterStats {
  long merges = 0;
  long refused_incoherent = 0;  // merges refused because the mean fell below the threshold
  long refused_too_large = 0;
  long scored_on_demand = 0;
};

// Returns, for each of the n rows, its cluster's representative: the smallest row in
// the cluster. Deterministic for the same pairs whatever their order.
std::vector<std::uint32_t> ClusterRecords(std::size_t n, const std::vector<ScoredPair>& pairs, double threshold,
                                          const PairScorer& score_unscored, ClusterStats* stats = nullptr,
                                          long max_cross_pairs = 10'000);

}  // namespace reunite::match
