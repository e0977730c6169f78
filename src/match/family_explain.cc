#include "match/family_explain.h"

#include <limits>

namespace reunite::match {
namespace {

// Weights below this apart are one weight summed in another order.
constexpr double kRounding = 1e-6;

}  // namespace

FamilyLinkExplainer::FamilyLinkExplainer(const FamilyLinkage& run, const std::vector<ListRow>& children)
    : run_(run), children_(children) {
  records_.reserve(children.size());
  for (std::uint32_t c = 0; c < children.size(); ++c) {
    records_.push_back(PrepareFamilyRecord(children[c].person));
    std::string key = ApprehensionKey(records_.back());
    if (!key.empty()) apprehensions_[key].push_back(c);
  }
  const auto& clusters = run.adult_clusters();
  for (std::uint32_t a = 0; a < clusters.size(); ++a) members_[clusters[a]].push_back(a);
}

// The record of the link's adult whose own weight the link took: the best one that
// does not exceed the link's weight (sibling support only adds).
std::uint32_t FamilyLinkExplainer::ScoringRecord(const FamilyLinkResult& link) const {
  auto it = members_.find(run_.adult_clusters()[link.adult]);
  if (it == members_.end()) return link.adult;
  std::uint32_t best = link.adult;
  double best_weight = -std::numeric_limits<double>::infinity();
  for (std::uint32_t a : it->second) {
    double w = run_.Score(link.child, a).weight;
    if (w <= link.weight + kRounding && w > best_weight + kRounding) best = a, best_weight = w;
  }
  return best;
}

// The sibling (same apprehension, LikelySiblings) with the strongest own link to the
// adult's cluster, and that link's weight.
SiblingSupport FamilyLinkExplainer::Support(std::uint32_t child, std::uint32_t cluster) const {
  SiblingSupport out;
  auto group = apprehensions_.find(ApprehensionKey(records_[child]));
  auto members = members_.find(cluster);
  if (group == apprehensions_.end() || members == members_.end()) return out;
  double best = -std::numeric_limits<double>::infinity();
  for (std::uint32_t s : group->second) {
    if (s == child || !LikelySiblings(records_[s], records_[child])) continue;
    for (std::uint32_t a : members->second) {
      double w = run_.Score(s, a).weight;
      if (w <= best) continue;
      best = w;
      out.sibling_id = children_[s].record_id;
      out.sibling_weight = w;
    }
  }
  return out;
}

Explanation FamilyLinkExplainer::Explain(const FamilyLinkResult& link) const {
  Explanation e = run_.Explain(link.child, ScoringRecord(link));
  const double unexplained = link.weight - e.total_weight;
  if (unexplained > kRounding) {
    e.sibling_support = Support(link.child, run_.adult_clusters()[link.adult]);
    e.sibling_support.weight = unexplained;
    e.total_weight = link.weight;
    e.probability = link.probability;
  }
  return e;
}

}  // namespace reunite::match
