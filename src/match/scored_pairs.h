// The scored candidate pairs of a linkage as rows a person can read: every pair that
// blocking produced and the model scored, with its weight, its probability, what was
// done with it (the clusters of a dedupe, the links of a link) and the level each
// comparison gave, so a user can see what was scored and look at the pairs around the
// threshold (`reunite match dedupe|link --pairs FILE`).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "match/linker.h"

namespace reunite::match {

// What became of the pairs: for a dedupe the representative row of each row's cluster
// (Linkage::Clusters), for a link the pairs written as links (Linkage::Links(false)).
struct PairOutcomes {
  const std::vector<std::uint32_t>* clusters = nullptr;  // dedupe; not owned
  const std::vector<LinkedPair>* links = nullptr;        // link; not owned
};

// The header: left_id, right_id, match_weight, probability, then for a dedupe
// left_cluster_id and right_cluster_id, for a link `linked` (1 when the pair is among
// the links, else 0), then "<comparison>_level" for each comparison.
std::vector<std::string> ScoredPairsHeader(const LinkSettings& settings, bool dedupe);

// Calls `row` with the header, then once per candidate pair by descending match
// weight (ties in candidate order): the ids, the weight (4 decimals), the
// probability (6 decimals), the outcome columns, and each comparison's level label
// ("null" when either value is missing). `settings`, `left` and `right` (null for a
// dedupe) must be the ones the linkage ran on; `outcomes` must hold the clusters
// (dedupe; without them the cluster columns are empty) or the links (link).
void ForEachScoredPair(const Linkage& linkage, const LinkSettings& settings, const Dataset& left, const Dataset* right,
                       const PairOutcomes& outcomes, const std::function<void(const std::vector<std::string>&)>& row);

}  // namespace reunite::match
