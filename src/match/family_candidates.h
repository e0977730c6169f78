// Candidate child-adult pairs for family linking (family_linker.h, step 2), and their
// comparison vectors. Internal to the family linker; exposed for its tests.
#pragma once
#include <cstdint>
#include <vector>

#include "common/status.h"
#include "ingest/agency_list.h"
#include "match/blocking.h"
#include "match/comparison_vector.h"
#include "match/family_features.h"

namespace reunite::match {

// Child-adult pairs (MakePair(child row, adult row)), sorted and distinct, from the
// union of the family blocking rules. *report gets each rule's pair counts.
Result<std::vector<PairKey>> FamilyCandidatePairs(const std::vector<FamilyRecord>& children,
                                                  const std::vector<FamilyRecord>& adults,
                                                  const std::vector<ListRow>& child_rows,
                                                  const std::vector<ListRow>& adult_rows, BlockingReport* report);

Gamma CompareFamilyPair(const FamilyRecord& child, const FamilyRecord& adult);

// The comparison vector of every pair on `threads` threads; independent of `threads`.
std::vector<Gamma> CompareFamilyPairs(const std::vector<FamilyRecord>& children,
                                      const std::vector<FamilyRecord>& adults, const std::vector<PairKey>& pairs,
                                      int threads);

}  // namespace reunite::match
