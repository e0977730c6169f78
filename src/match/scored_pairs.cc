#include "match/scored_pairs.h"

#include <algorithm>
#include <cstdio>

namespace reunite::match {
namespace {

std::string Format(double v, const char* format) {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

}  // namespace

std::vector<std::string> ScoredPairsHeader(const LinkSettings& settings, bool dedupe) {
  std::vector<std::string> header = {"left_id", "right_id", "match_weight", "probability"};
  if (dedupe) {
    header.insert(header.end(), {"left_cluster_id", "right_cluster_id"});
  } else {
    header.push_back("linked");
  }
  for (const auto& c : settings.comparisons) header.push_back(c.name + "_level");
  return header;
}

void ForEachScoredPair(const Linkage& linkage, const LinkSettings& settings, const Dataset& left, const Dataset* right,
                       const PairOutcomes& outcomes, const std::function<void(const std::vector<std::string>&)>& row) {
  const bool dedupe = right == nullptr;
  const Dataset& other = dedupe ? left : *right;
  row(ScoredPairsHeader(settings, dedupe));
  std::vector<std::uint64_t> linked;  // left << 32 | right of each link, sorted
  if (outcomes.links) {
    for (const auto& p : *outcomes.links) linked.push_back(static_cast<std::uint64_t>(p.left) << 32 | p.right);
    std::sort(linked.begin(), linked.end());
  }
  std::vector<std::string> fields;
  for (const LinkedPair& p : linkage.Links(true)) {
    fields = {left.ids[p.left], other.ids[p.right], Format(p.weight, "%.4f"), Format(p.probability, "%.6f")};
    if (dedupe) {
      const bool known = outcomes.clusters && outcomes.clusters->size() == left.size();
      fields.push_back(known ? left.ids[(*outcomes.clusters)[p.left]] : "");
      fields.push_back(known ? left.ids[(*outcomes.clusters)[p.right]] : "");
    } else {
      const std::uint64_t key = static_cast<std::uint64_t>(p.left) << 32 | p.right;
      fields.push_back(std::binary_search(linked.begin(), linked.end(), key) ? "1" : "0");
    }
    for (const auto& step : linkage.Explain(p.left, p.right).steps) fields.push_back(step.level_label);
    row(fields);
  }
}

}  // namespace reunite::match
