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
#include "match/family_frequencies.h"

namespace reunite::match {

// The family blocking rules, each with the comparisons it fixes (EM leaves them out
// of the rule's session, estimate.h): the same apprehension; a surname line in the
// same weeks; a parent's name as the child reported it; a child's name as the adult
// reported it; A-numbers close together; a phone number in common.
struct FamilyBlockingRule {
  const char* text;
  std::vector<int> fixes;  // FamilyComparison values
};
const std::vector<FamilyBlockingRule>& FamilyBlockingRules();

// Child-adult pairs (MakePair(child row, adult row)), sorted and distinct, with the
// rules that produced each and the report of each rule's pairs.
Result<CandidatePairs> FamilyCandidatePairs(const std::vector<FamilyRecord>& children,
                                            const std::vector<FamilyRecord>& adults,
                                            const std::vector<ListRow>& child_rows,
                                            const std::vector<ListRow>& adult_rows, int threads = 1);

// The part of the lists whose family links may change when the given children and
// adults (rows) changed: the changed children, the children that are candidates of a
// changed adult, every child apprehended with one of those (siblings lend each other
// links; an adult is parent in one apprehension only), and all their candidate adults
// with the changed adults. Rows, sorted. The work grows with the changes and their
// apprehensions, not with the lists.
struct FamilyScope {
  std::vector<std::uint32_t> children, adults;
};
Result<FamilyScope> FamilyNeighbourhood(const std::vector<FamilyRecord>& children,
                                        const std::vector<FamilyRecord>& adults,
                                        const std::vector<ListRow>& child_rows, const std::vector<ListRow>& adult_rows,
                                        const std::vector<std::uint32_t>& changed_children,
                                        const std::vector<std::uint32_t>& changed_adults,
                                        const FellegiSunterModel& model, const FamilyFrequencies& frequencies,
                                        double floor);

Gamma CompareFamilyPair(const FamilyRecord& child, const FamilyRecord& adult);

// The comparison vector of every pair on `threads` threads; independent of `threads`.
std::vector<Gamma> CompareFamilyPairs(const std::vector<FamilyRecord>& children,
                                      const std::vector<FamilyRecord>& adults, const std::vector<PairKey>& pairs,
                                      int threads);

}  // namespace reunite::match
