// Why a pair scored as it did: a waterfall of the prior and each comparison's
// contribution (its level, m, u and log2(m/u)), summing to the match weight.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "match/comparison_vector.h"
#include "match/model.h"

namespace reunite::match {

struct ExplanationStep {
  std::string comparison;
  std::string left_value, right_value;  // as read from the columns
  int level = kNull;
  std::string level_label;  // "null" for a missing value
  double m = 0, u = 0;      // u is the TF-adjusted one when tf_adjusted
  double weight = 0;        // log2(m/u); 0 for null
  bool tf_adjusted = false;
};

struct Explanation {
  std::string left_id, right_id;
  double lambda = 0;
  double prior_weight = 0;
  std::vector<ExplanationStep> steps;
  double total_weight = 0;  // prior_weight + sum of steps' weights (the pair's match weight)
  double probability = 0;
};

// Explains left row l against right row r with the comparator's datasets.
Explanation ExplainPair(const FellegiSunterModel& model, const PairComparator& comparator, std::uint32_t l,
                        std::uint32_t r);

// A text table: one line per step, then the total and probability.
std::string FormatExplanation(const Explanation& explanation);

}  // namespace reunite::match
