#include "match/cluster.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace reunite::match {
namespace {

std::uint64_t Key(std::uint32_t a, std::uint32_t b) {
  if (a > b) std::swap(a, b);
  return (static_cast<std::uint64_t>(a) << 32) | b;
}

}  // namespace

std::vector<std::uint32_t> ClusterRecords(std::size_t n, const std::vector<ScoredPair>& pairs, double threshold,
                                          const PairScorer& score_unscored, ClusterStats* stats, long max_cross_pairs) {
  ClusterStats local;
  ClusterStats& st = stats ? *stats : local;
  std::unordered_map<std::uint64_t, double> scored;
  scored.reserve(pairs.size());
  std::vector<const ScoredPair*> edges;
  for (const auto& p : pairs) {
    scored[Key(p.a, p.b)] = p.probability;
    if (p.probability >= threshold) edges.push_back(&p);
  }
  std::sort(edges.begin(), edges.end(), [](const ScoredPair* x, const ScoredPair* y) {
    if (x->weight != y->weight) return x->weight > y->weight;
    return Key(x->a, x->b) < Key(y->a, y->b);
  });
  std::vector<std::uint32_t> root(n);
  std::iota(root.begin(), root.end(), 0u);
  std::vector<std::vector<std::uint32_t>> members(n);
  for (std::uint32_t i = 0; i < n; ++i) members[i] = {i};
  // Every member points straight at its root (merging moves the smaller list), so
  // finding a root is one lookup.
  for (const ScoredPair* e : edges) {
    std::uint32_t ra = root[e->a], rb = root[e->b];
    if (ra == rb) continue;
    const auto& A = members[ra];
    const auto& B = members[rb];
    if (static_cast<long>(A.size()) * static_cast<long>(B.size()) > max_cross_pairs) {
      ++st.refused_too_large;
      continue;
    }
    double sum = 0;
    for (auto x : A) {
      for (auto y : B) {
        auto it = scored.find(Key(x, y));
        if (it != scored.end()) {
          sum += it->second;
        } else if (score_unscored) {
          double p = score_unscored(std::min(x, y), std::max(x, y));
          ++st.scored_on_demand;
          scored.emplace(Key(x, y), p);
          sum += p;
        }
      }
    }
    if (sum / static_cast<double>(A.size() * B.size()) < threshold) {
      ++st.refused_incoherent;
      continue;
    }
    std::uint32_t keep = members[ra].size() >= members[rb].size() ? ra : rb;
    std::uint32_t drop = keep == ra ? rb : ra;
    for (auto x : members[drop]) root[x] = keep;
    members[keep].insert(members[keep].end(), members[drop].begin(), members[drop].end());
    members[drop].clear();
    members[drop].shrink_to_fit();
    ++st.merges;
  }
  std::vector<std::uint32_t> out(n);
  for (std::uint32_t r = 0; r < n; ++r) {
    if (members[r].empty()) continue;
    std::uint32_t smallest = *std::min_element(members[r].begin(), members[r].end());
    for (auto x : members[r]) out[x] = smallest;
  }
  return out;
}

}  // namespace reunite::match
