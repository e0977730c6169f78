#include "match/cluster.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace reunite::match {
namespace {

// A pair below this probability holds evidence against being one person.
constexpr double kClearNonMatch = 0.01;

std::uint64_t Key(std::uint32_t a, std::uint32_t b) {
  if (a > b) std::swap(a, b);
  return (static_cast<std::uint64_t>(a) << 32) | b;
}

}  // namespace

std::vector<std::uint32_t> ClusterRecords(std::size_t n, const std::vector<ScoredPair>& pairs, const ClusterRules& rules,
                                          ClusterStats* stats) {
  const double threshold = rules.threshold;
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
    if (static_cast<long>(A.size()) * static_cast<long>(B.size()) > rules.max_cross_pairs ||
        A.size() + B.size() > rules.max_cluster_size) {
      ++st.refused_too_large;
      continue;
    }
    bool contrary = false;
    for (size_t i = 0; i < A.size() && !contrary && rules.contradicts; ++i) {
      for (size_t j = 0; j < B.size() && !contrary; ++j) contrary = rules.contradicts(std::min(A[i], B[j]), std::max(A[i], B[j]));
    }
    if (contrary) {
      ++st.refused_contrary;
      continue;
    }
    double sum = 0;
    long clear_non_matches = 0;
    for (auto x : A) {
      for (auto y : B) {
        double p = 0;
        auto it = scored.find(Key(x, y));
        if (it != scored.end()) {
          p = it->second;
        } else if (rules.score_unscored) {
          p = rules.score_unscored(std::min(x, y), std::max(x, y));
          ++st.scored_on_demand;
          scored.emplace(Key(x, y), p);
        }
        sum += p;
        clear_non_matches += p < kClearNonMatch;
      }
    }
    const double pairs = static_cast<double>(A.size() * B.size()), mean = sum / pairs;
    // A record with little filled in matches its own cluster weakly without
    // contradicting it: it may join when no more than a third of the cross pairs are
    // clear non-matches and the mean is at least half the threshold.
    const bool coherent =
        mean >= threshold || (mean >= threshold / 2 && 3 * static_cast<double>(clear_non_matches) <= pairs);
    if (!coherent) {
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

ClusterSizes MeasureClusters(const std::vector<std::uint32_t>& representatives, std::size_t outlier_size) {
  std::vector<std::uint32_t> size(representatives.size(), 0);
  for (std::uint32_t r : representatives) ++size[r];
  ClusterSizes out;
  std::vector<std::pair<std::size_t, std::uint32_t>> big;
  for (std::uint32_t r = 0; r < size.size(); ++r) {
    if (size[r] == 0) continue;
    if (out.by_size.size() <= size[r]) out.by_size.resize(size[r] + 1, 0);
    ++out.by_size[size[r]];
    out.largest = std::max<std::size_t>(out.largest, size[r]);
    if (size[r] > outlier_size) big.push_back({size[r], r});
  }
  std::sort(big.begin(), big.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  out.outliers = std::move(big);
  return out;
}

std::string DescribeClusterSizes(const ClusterSizes& sizes, const std::function<std::string(std::uint32_t)>& id) {
  // Sizes 1 to 5 one by one, then in ranges.
  const std::vector<std::pair<std::size_t, std::size_t>> ranges = {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {6, 10},
                                                                    {11, 20}, {21, 50}, {51, 1'000'000'000}};
  std::string out = "clusters by size:";
  bool first = true;
  for (const auto& [lo, hi] : ranges) {
    long n = 0;
    for (std::size_t k = lo; k <= std::min(hi, sizes.by_size.empty() ? 0 : sizes.by_size.size() - 1); ++k) n += sizes.by_size[k];
    if (n == 0) continue;
    out += std::string(first ? " " : "; ") + std::to_string(lo) + (hi == lo ? "" : hi > 1000 ? "+" : "-" + std::to_string(hi)) +
           ": " + std::to_string(n);
    first = false;
  }
  out += "; largest " + std::to_string(sizes.largest) + "\n";
  for (std::size_t k = 0; k < sizes.outliers.size() && k < 10; ++k) {
    out += "warning: a cluster of " + std::to_string(sizes.outliers[k].first) + " records, with record " +
           id(sizes.outliers[k].second) + ": a person has a handful of records; check the model\n";
  }
  if (sizes.outliers.size() > 10) out += "warning: " + std::to_string(sizes.outliers.size() - 10) + " more such clusters\n";
  return out;
}

}  // namespace reunite::match
