// The Fellegi-Sunter model: for each comparison level, m = P(level | match) and
// u = P(level | non-match), and lambda, the share of matches among candidate pairs.
// Estimated without labels: u first from random record pairs (nearly all non-matches),
// then m by expectation maximisation with u fixed, in one session per blocking rule
// (estimate.h), over the pairs' comparison vectors counted by distinct pattern so an
// iteration costs the number of patterns, not pairs; then lambda, the share of
// matches among all record pairs (so a pair's probability is that of a random pair
// with its comparison levels).
//
// Match weight of a pair = log2(lambda / (1 - lambda)) + sum over comparisons of
// log2(m / u) of its level (a null level adds 0). With term-frequency adjustment, the
// u of a comparison's exact level is replaced by the frequency of the shared value
// (floored at tf_minimum_u), so agreeing on a common surname counts less than on a rare
// one. Probability = 2^w / (1 + 2^w).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "match/comparison_vector.h"
#include "match/settings.h"

namespace reunite::match {

struct ComparisonParameters {
  std::string name;
  std::vector<std::string> labels;  // one per level
  std::vector<double> m, u;         // one per level, each summing to 1
  int exact_level = -1;             // where TF adjustment applies; -1 none
  bool term_frequency_adjustment = false;
  // Levels ordered from closest to loosest, so weights must not rise along them;
  // false: only the last ("different") level must weigh least (estimate.h).
  bool ordered = true;
};

struct FellegiSunterModel {
  double lambda = 0.01;
  std::vector<ComparisonParameters> comparisons;
  double tf_minimum_u = 1e-6;
  // Diagnostics of the estimation.
  long u_pairs_sampled = 0;
  int em_iterations = 0;
  bool em_converged = false;

  double PriorWeight() const;
  // log2(m/u) of a level; 0 for kNull.
  double LevelWeight(int comparison, int level) const;
  // Weight of a pattern without TF adjustment.
  double Weight(Gamma gamma) const;
  // Weight of a pair with TF adjustment (the comparator gives the value frequencies).
  double PairWeight(Gamma gamma, const PairComparator& comparator, std::uint32_t l, std::uint32_t r) const;
  // The weight of one comparison's level, TF-adjusted when it applies; *u_used gets
  // the u that was used (may be null).
  double ContributionWeight(int comparison, int level, double term_frequency, double* u_used) const;
};

double WeightToProbability(double weight);

// A model with the settings' comparisons and starting values: m the comparison's
// m_prior, else decreasing level by level; u uniform; lambda `initial_lambda`.
FellegiSunterModel InitialModel(const LinkSettings& settings, double initial_lambda);

// Estimates u from up to em.max_u_pairs random pairs (seeded, so deterministic):
// distinct rows for a dedupe (right == left), any left x right row for a link.
// Levels never seen get a pseudo-count, so no u is zero.
void EstimateU(FellegiSunterModel* model, const PairComparator& comparator, bool dedupe, const EmSettings& em,
               int threads);

struct PatternCount {
  Gamma gamma = 0;
  double count = 0;
};
// Distinct patterns with their counts, sorted by gamma (deterministic).
std::vector<PatternCount> CountPatterns(const std::vector<Gamma>& gammas);

// A multi-line summary: lambda, then m, u and weight of every level.
std::string DescribeModel(const FellegiSunterModel& model);

}  // namespace reunite::match
