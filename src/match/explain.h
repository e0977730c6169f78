// Why a pair scored as it did: a waterfall of the prior and each comparison's
// contribution (its level, m, u and log2(m/u)), and for family links the support a
// sibling lent, summing to the match weight. Stored with review candidates in the
// form match/explanation_json.h writes.
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
  // The shared value's frequency that replaced u (identity links); 0 when not adjusted
  // or not known (a family link's adjustment is a weight, already in u and weight).
  double term_frequency = 0;

  bool operator==(const ExplanationStep&) const = default;
};

// Family links: siblings apprehended together share parents, so a sibling's strong
// link to the same adult adds weight to the pair's own (family_linker.h, step 5).
struct SiblingSupport {
  std::string sibling_id;     // record id of the sibling whose link lent it
  double sibling_weight = 0;  // that sibling's own weight for the adult
  double weight = 0;          // added to this pair's weight; 0 when none

  bool operator==(const SiblingSupport&) const = default;
};

struct Explanation {
  // The records the steps compare. For a family link, every record of one adult takes
  // the link of its best-scoring record, so right_id may be another record of the
  // pair's adult (match/family_explain.h).
  std::string left_id, right_id;
  double lambda = 0;
  double prior_weight = 0;
  std::vector<ExplanationStep> steps;
  SiblingSupport sibling_support;  // family links only
  std::string role_reason;         // family links: the role the pair gets and why
  // prior_weight + sum of steps' weights + sibling_support.weight (the pair's match weight)
  double total_weight = 0;
  double probability = 0;

  bool operator==(const Explanation&) const = default;
};

// Explains left row l against right row r with the comparator's datasets.
Explanation ExplainPair(const FellegiSunterModel& model, const PairComparator& comparator, std::uint32_t l,
                        std::uint32_t r);

// A text table: one line per step, the sibling support when there is some, then the
// total and probability, then the role reason when there is one.
std::string FormatExplanation(const Explanation& explanation);

}  // namespace reunite::match
