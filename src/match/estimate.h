// Estimation of a Fellegi-Sunter model that stays sound under multi-pass blocking
// (after Splink's training): u from random record pairs, then m by expectation
// maximisation in one session per blocking rule, each over the pairs that rule
// produced and estimating only the comparisons the rule does not fix, combined
// afterwards; finally lambda, the share of matches among all record pairs.
//
// Why sessions: the pairs of one rule (say, same surname sound and birth year) agree
// on that rule's fields far more often than random pairs do, so a single EM over the
// union of every rule's pairs with u from random pairs takes agreement on those fields
// for evidence of a match and inverts (the weights measured on agency lists:
// surnames "different" +22.5, given name "exact" -0.8). Within one rule's pairs, the
// comparisons the rule does not read behave for non-matches as they do in random
// pairs, which is what a fixed u assumes.
//
// Every M-step keeps each comparison's levels monotone (a closer level never weighs
// less than a looser one; for unordered comparisons at least the last, "different",
// level weighs least), so "different" never counts for a match: with m and u each
// summing to 1, the smallest ratio m/u is at most 1.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "match/blocking.h"
#include "match/model.h"
#include "match/model_health.h"

namespace reunite::match {

// The pairs of one blocking rule as pattern counts, and the comparisons the rule
// fixes (those reading a column the rule blocks on): they are left out of the
// session's likelihood, and their m is not estimated from it.
struct SessionInput {
  std::string rule;
  std::vector<bool> fixed;             // per comparison
  std::vector<PatternCount> patterns;  // of the rule's pairs (fixed comparisons still present)
};

// Each rule's pairs as pattern counts: pair k has pattern patterns[pattern_of[k]] and
// was produced by the rules of masks[k]; fixed[r] lists what rule r fixes.
std::vector<SessionInput> RuleSessions(const std::vector<Gamma>& patterns, const std::vector<std::uint32_t>& pattern_of,
                                       const std::vector<RuleMask>& masks, const std::vector<std::string>& rules,
                                       const std::vector<std::vector<bool>>& fixed);

// What one session found, for --verbose and the health check.
struct SessionResult {
  std::string rule;
  double pairs = 0;
  double lambda = 0;  // share of matches among the rule's pairs
  int iterations = 0;
  bool converged = false;
  bool skipped = false;  // too few pairs, or nothing to estimate
  // It found more matching pairs than the lists can hold (a mixture that took a
  // group of non-matches for the matches): left out of the pooled m.
  bool implausible = false;
  // It did not converge while other sessions did: left out of the pooled m too.
  bool unconverged_left_out = false;
};

struct Estimation {
  std::vector<SessionResult> sessions;
  std::vector<bool> m_estimated;  // per comparison: some session estimated its m
  double expected_matches = 0;    // lambda x all pairs: matching pairs in the whole set
  double blocking_recall = 1;     // the share of them some rule produced (capture-recapture)
  double all_pairs = 0;
  int lambda_iterations = 0;
};

// Keeps the level weights log2(m/u) of one comparison monotone: for an ordered
// comparison non-increasing from level 0 (pooling adjacent levels that violate it,
// the pool-adjacent-violators rule, weighted by u: the constrained maximum-likelihood
// m); for an unordered one, the last level's weight no higher than any other's.
// m keeps its sum. Returns the number of levels whose m changed.
int MakeMonotone(ComparisonParameters* p);

// EM of m and lambda with u fixed over one population's pattern counts, every
// comparison free, levels kept monotone; starts from the model's current values.
// Sets em_iterations and em_converged.
void RunEm(FellegiSunterModel* model, const std::vector<PatternCount>& patterns, const EmSettings& em);

// EM for m (u fixed) in each session, then combined: each comparison's m is the mean
// of its m over the sessions that estimated it (each from at least a few expected
// matches), made monotone.
// A comparison no session estimated keeps the model's m (its prior). Sessions with
// fewer than `min_pairs` pairs are skipped; a session finding more than
// `max_matches` matching pairs is implausible and left out; so is one that did not
// converge when another did. Deterministic.
Estimation EstimateM(FellegiSunterModel* model, const std::vector<SessionInput>& sessions, const EmSettings& em,
                     double max_matches, double min_pairs = 50);

// The candidate pairs by the rules that produced them and their pattern: pair k has
// pattern patterns[pattern_of[k]] and rules masks[k] (none when masks is shorter).
struct RulePattern {
  RuleMask rules = 0;
  Gamma gamma = 0;
  double count = 0;
};
std::vector<RulePattern> CountRulePatterns(const std::vector<Gamma>& patterns,
                                           const std::vector<std::uint32_t>& pattern_of,
                                           const std::vector<RuleMask>& masks);

// lambda = the share of matches among all `all_pairs` record pairs, with m and u
// fixed: the fixed point of lambda = (expected matches among the candidates) /
// (the share of matches the rules produced) / all_pairs. That share comes from
// capture-recapture over the rules (each rule's recall among the matches the others
// found, escapes independent; at most half missed); pairs no rule produced count as
// non-matches otherwise. Fills estimation->expected_matches, blocking_recall,
// all_pairs and lambda_iterations.
void EstimateLambda(FellegiSunterModel* model, const std::vector<RulePattern>& candidates, double all_pairs,
                    const EmSettings& em, Estimation* estimation);

// The health of a fitted model (model_health.h). Problems: a session that did not
// converge; weights that break monotonicity or give "different" a positive weight
// (a model given or loaded, since EstimateM keeps the rules); more than
// `max_matches_per_record` expected matches per record (a model that takes most
// candidates for matches). Notes: comparisons whose m kept its prior, or carry no
// evidence (top level weight <= 0).
ModelHealth CheckModel(const std::string& name, const FellegiSunterModel& model, const Estimation& estimation,
                       double records, double max_matches_per_record = 5);

// The weight rules alone (monotone levels, "different" <= 0), one line per breach:
// "surnames: 'a token in common' (-3.10) weighs less than 'different' (+22.50)".
std::vector<std::string> WeightBreaches(const FellegiSunterModel& model);

// Multi-line summary of the sessions, for --verbose.
std::string DescribeEstimation(const FellegiSunterModel& model, const Estimation& estimation);

}  // namespace reunite::match
