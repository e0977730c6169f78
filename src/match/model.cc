#include "match/model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/random.h"

namespace reunite::match {
namespace {

void Normalise(std::vector<double>& counts, double pseudo) {
  double total = 0;
  for (double c : counts) total += c + pseudo;
  for (double& c : counts) c = (c + pseudo) / total;
}

}  // namespace

double WeightToProbability(double weight) {
  if (weight > 60) return 1.0;
  if (weight < -60) return 0.0;
  double odds = std::exp2(weight);
  return odds / (1 + odds);
}

double FellegiSunterModel::PriorWeight() const { return std::log2(lambda / (1 - lambda)); }

double FellegiSunterModel::LevelWeight(int comparison, int level) const {
  if (level == kNull) return 0;
  const auto& p = comparisons[comparison];
  return std::log2(p.m[level] / p.u[level]);
}

double FellegiSunterModel::Weight(Gamma gamma) const {
  double w = PriorWeight();
  for (int c = 0; c < static_cast<int>(comparisons.size()); ++c) w += LevelWeight(c, GammaLevel(gamma, c));
  return w;
}

double FellegiSunterModel::ContributionWeight(int comparison, int level, double term_frequency, double* u_used) const {
  if (level == kNull) {
    if (u_used) *u_used = 0;
    return 0;
  }
  const auto& p = comparisons[comparison];
  double u = p.u[level];
  if (p.term_frequency_adjustment && level == p.exact_level && term_frequency > 0) {
    u = std::max(term_frequency, tf_minimum_u);
  }
  if (u_used) *u_used = u;
  return std::log2(p.m[level] / u);
}

double FellegiSunterModel::PairWeight(Gamma gamma, const PairComparator& comparator, std::uint32_t l,
                                      std::uint32_t r) const {
  double w = PriorWeight();
  for (int c = 0; c < static_cast<int>(comparisons.size()); ++c) {
    int level = GammaLevel(gamma, c);
    const auto& p = comparisons[c];
    bool tf = p.term_frequency_adjustment && level == p.exact_level && level != kNull;
    w += tf ? ContributionWeight(c, level, comparator.TermFrequency(c, l, r), nullptr) : LevelWeight(c, level);
  }
  return w;
}

FellegiSunterModel InitialModel(const LinkSettings& settings, double initial_lambda) {
  FellegiSunterModel model;
  model.lambda = std::clamp(initial_lambda, 1e-6, 0.5);
  model.tf_minimum_u = settings.em.tf_minimum_u;
  for (const ComparisonSpec& spec : settings.comparisons) {
    ComparisonParameters p;
    p.name = spec.name;
    p.labels = spec.LevelLabels();
    p.exact_level = spec.ExactLevel();
    p.term_frequency_adjustment = spec.term_frequency_adjustment && p.exact_level >= 0;
    p.ordered = spec.ordered_levels;
    const size_t n = p.labels.size();
    p.u.assign(n, 1.0 / static_cast<double>(n));
    p.m = spec.m_prior;
    if (p.m.size() != n) {
      p.m.resize(n);
      for (size_t k = 0; k < n; ++k) p.m[k] = std::pow(0.3, static_cast<double>(k));
      Normalise(p.m, 0);
    }
    model.comparisons.push_back(std::move(p));
  }
  return model;
}

void EstimateU(FellegiSunterModel* model, const PairComparator& comparator, bool dedupe, const EmSettings& em,
               int threads) {
  const std::uint64_t nl = comparator.left().data->size(), nr = comparator.right().data->size();
  const std::uint64_t total = dedupe ? nl * (nl - (nl > 0)) / 2 : nl * nr;
  std::vector<PairKey> pairs;
  if (total <= static_cast<std::uint64_t>(em.max_u_pairs)) {  // small inputs: every pair
    for (std::uint32_t i = 0; i < nl; ++i) {
      for (std::uint32_t j = dedupe ? i + 1 : 0; j < (dedupe ? nl : nr); ++j) pairs.push_back(MakePair(i, j));
    }
  } else {
    Rng rng(em.seed);
    pairs.reserve(em.max_u_pairs);
    for (long k = 0; k < em.max_u_pairs; ++k) {
      auto i = static_cast<std::uint32_t>(rng.Below(nl));
      auto j = static_cast<std::uint32_t>(rng.Below(dedupe ? nl - 1 : nr));
      if (dedupe && j >= i) ++j;
      pairs.push_back(MakePair(i, j));
    }
  }
  model->u_pairs_sampled = static_cast<long>(pairs.size());
  std::vector<std::vector<double>> counts;
  for (const auto& p : model->comparisons) counts.emplace_back(p.u.size(), 0.0);
  for (const PatternCount& pc : CountPatterns(CompareAll(comparator, pairs, threads))) {
    for (size_t c = 0; c < counts.size(); ++c) {
      int level = GammaLevel(pc.gamma, static_cast<int>(c));
      if (level != kNull) counts[c][level] += pc.count;
    }
  }
  for (size_t c = 0; c < counts.size(); ++c) {
    // Pseudo-count: one observation spread over the levels, so no u is zero.
    Normalise(counts[c], 1.0 / static_cast<double>(counts[c].size()));
    model->comparisons[c].u = counts[c];
  }
}

std::vector<PatternCount> CountPatterns(const std::vector<Gamma>& gammas) {
  PatternIds ids;
  std::vector<double> counts;
  for (Gamma g : gammas) {
    const std::uint32_t id = ids.Id(g);
    if (id == counts.size()) counts.push_back(0);
    counts[id] += 1;
  }
  std::vector<PatternCount> out;
  out.reserve(counts.size());
  for (size_t i = 0; i < counts.size(); ++i) out.push_back({ids.patterns()[i], counts[i]});
  std::sort(out.begin(), out.end(), [](const PatternCount& a, const PatternCount& b) { return a.gamma < b.gamma; });
  return out;
}

std::string DescribeModel(const FellegiSunterModel& model) {
  char line[256];
  std::snprintf(line, sizeof line, "lambda %.6g (prior weight %+.2f); u from %ld random pairs; EM %d iterations%s\n",
                model.lambda, model.PriorWeight(), model.u_pairs_sampled, model.em_iterations,
                model.em_converged ? " (converged)" : " (not converged)");
  std::string out = line;
  for (int c = 0; c < static_cast<int>(model.comparisons.size()); ++c) {
    const auto& p = model.comparisons[c];
    out += "  " + p.name + (p.term_frequency_adjustment ? " (TF on exact)" : "") + "\n";
    for (size_t k = 0; k < p.labels.size(); ++k) {
      std::snprintf(line, sizeof line, "    %-28s m %.5f  u %.6f  weight %+6.2f\n", p.labels[k].c_str(), p.m[k], p.u[k],
                    model.LevelWeight(c, static_cast<int>(k)));
      out += line;
    }
  }
  return out;
}

}  // namespace reunite::match
