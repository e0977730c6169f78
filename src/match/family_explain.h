// The whole waterfall of a family link (family_linker.h): FamilyLinkage::Explain
// gives a pair's own comparisons; a link's weight has two more terms, which this adds
// so that the explanation sums to the weight the link was made with:
//   - every record of one adult takes the link of its best record (step 1), so the
//     comparisons shown are those of the adult's record that scored the link;
//   - a sibling's strong link to the same adult lends weight (step 5): the weight
//     added, and which sibling lent it (the sibling of the same apprehension with the
//     strongest own link to the adult, as the linker picks it).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "ingest/agency_list.h"
#include "match/explain.h"
#include "match/family_features.h"
#include "match/family_linker.h"

namespace reunite::match {

class FamilyLinkExplainer {
 public:
  // `run` and `children` (the rows it was run on) must outlive the explainer.
  FamilyLinkExplainer(const FamilyLinkage& run, const std::vector<ListRow>& children);

  // The explanation of a link of run.links(): total_weight is the link's weight (up
  // to rounding), with sibling_support the part no comparison explains.
  Explanation Explain(const FamilyLinkResult& link) const;

 private:
  std::uint32_t ScoringRecord(const FamilyLinkResult& link) const;
  SiblingSupport Support(std::uint32_t child, std::uint32_t cluster) const;

  const FamilyLinkage& run_;
  const std::vector<ListRow>& children_;
  std::vector<FamilyRecord> records_;  // prepared children
  std::map<std::string, std::vector<std::uint32_t>> apprehensions_;  // key -> children
  std::map<std::uint32_t, std::vector<std::uint32_t>> members_;      // adult cluster -> rows
};

}  // namespace reunite::match
