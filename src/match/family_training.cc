// Training of the family model (family_linker.h, step 3): u from random child-adult
// pairs, m by EM in one session per family blocking rule (estimate.h), lambda over all
// child-adult pairs, then the health check; an unhealthy fit falls back to the
// built-in priors below.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <unordered_map>

#include "common/random.h"
#include "match/estimate.h"
#include "match/family_candidates.h"
#include "match/family_linker.h"
#include "match/linker.h"

namespace reunite::match {
namespace {

constexpr double kMaxLinksPerChild = 5;

// Safe m per level of each family comparison: what a family's child-adult pairs look
// like on agency lists, written down from the domain, not fitted. Used to start EM and
// in place of a fit that fails its health check.
const std::vector<std::vector<double>>& FamilyPriorM() {
  static const std::vector<std::vector<double>> m = {
      {0.30, 0.05, 0.06, 0.25, 0.03, 0.05, 0.03, 0.08, 0.15},  // surname_line
      {0.35, 0.20, 0.05, 0.15, 0.12, 0.03, 0.09, 0.01},        // child_named
      {0.20, 0.10, 0.05, 0.65},                                // adult_named
      {0.40, 0.25, 0.05, 0.25, 0.02, 0.03},                    // apprehension
      {0.95, 0.05},                                            // country
      {0.40, 0.30, 0.20, 0.10},                                // home_place
      {0.85, 0.10, 0.02, 0.02, 0.01},                          // age_gap
      {0.30, 0.05, 0.05, 0.10, 0.50},                          // a_number_gap
      {0.30, 0.70},                                            // phone
  };
  return m;
}

FellegiSunterModel InitialFamilyModel() {
  FellegiSunterModel model;
  model.lambda = 1e-4;
  for (int c = 0; c < kFamilyComparisons; ++c) {
    ComparisonParameters p;
    p.name = FamilyComparisonNames()[c];
    p.labels = FamilyLevelLabels(c);
    p.m = FamilyPriorM()[c];
    p.u.assign(p.labels.size(), 1.0 / static_cast<double>(p.labels.size()));
    p.ordered = FamilyLevelsOrdered(c);
    model.comparisons.push_back(std::move(p));
  }
  return model;
}

// u from random child-adult pairs (nearly all of different families), seeded.
void EstimateFamilyU(FellegiSunterModel* model, const std::vector<FamilyRecord>& children,
                     const std::vector<FamilyRecord>& adults, const EmSettings& em, int threads) {
  if (children.empty() || adults.empty()) return;
  std::vector<PairKey> pairs;
  Rng rng(em.seed);
  const auto total = static_cast<long>(std::min<double>(em.max_u_pairs, 1.0 * children.size() * adults.size()));
  for (long k = 0; k < total; ++k) {
    pairs.push_back(MakePair(static_cast<std::uint32_t>(rng.Below(children.size())),
                             static_cast<std::uint32_t>(rng.Below(adults.size()))));
  }
  model->u_pairs_sampled = static_cast<long>(pairs.size());
  std::vector<std::vector<double>> counts;
  for (const auto& p : model->comparisons) counts.emplace_back(p.u.size(), 0.0);
  for (const PatternCount& pc : CountPatterns(CompareFamilyPairs(children, adults, pairs, threads))) {
    for (int c = 0; c < kFamilyComparisons; ++c) {
      const int level = GammaLevel(pc.gamma, c);
      if (level != kNull) counts[c][level] += pc.count;
    }
  }
  for (int c = 0; c < kFamilyComparisons; ++c) {
    double total_c = 0, pseudo = 1.0 / static_cast<double>(counts[c].size());
    for (double n : counts[c]) total_c += n + pseudo;
    for (size_t l = 0; l < counts[c].size(); ++l) model->comparisons[c].u[l] = (counts[c][l] + pseudo) / total_c;
  }
}

// Distinct patterns and each pair's, for the sessions.
struct Patterns {
  std::vector<Gamma> patterns;
  std::vector<std::uint32_t> of;
};

Patterns CountFamilyPatterns(const std::vector<Gamma>& gammas) {
  Patterns out;
  std::unordered_map<Gamma, std::uint32_t> ids;
  out.of.reserve(gammas.size());
  for (Gamma g : gammas) {
    auto [it, fresh] = ids.try_emplace(g, static_cast<std::uint32_t>(out.patterns.size()));
    if (fresh) out.patterns.push_back(g);
    out.of.push_back(it->second);
  }
  return out;
}

}  // namespace

void DropSharedPhones(std::vector<FamilyRecord>* children, std::vector<FamilyRecord>* adults, int max_records) {
  std::unordered_map<std::string, int> uses;
  for (const auto* list : {children, adults}) {
    for (const auto& r : *list) {
      for (const auto& p : r.phones) ++uses[p];
    }
  }
  for (auto* list : {children, adults}) {
    for (auto& r : *list) {
      std::erase_if(r.phones, [&](const std::string& p) { return uses[p] > max_records; });
    }
  }
}

Status FamilyLinkage::Train(const CandidatePairs& candidates, const std::vector<Gamma>& gammas,
                            const FamilyLinkOptions& options) {
  auto start = std::chrono::steady_clock::now();
  model_ = InitialFamilyModel();
  EstimateFamilyU(&model_, child_records_, adult_records_, options.em, options.threads);
  if (options.log) options.log("u            " + std::to_string(MillisecondsSince(start)) + " ms  " +
                               std::to_string(model_.u_pairs_sampled) + " random pairs");
  start = std::chrono::steady_clock::now();
  Patterns patterns = CountFamilyPatterns(gammas);
  std::vector<std::string> rules;
  std::vector<std::vector<bool>> fixed;
  for (const auto& rule : FamilyBlockingRules()) {
    rules.push_back(rule.text);
    auto& mine = fixed.emplace_back(kFamilyComparisons, false);
    for (int c : rule.fixes) mine[c] = true;
  }
  // A child has a few adults of its family on the lists, each with a few records.
  const double max_links = kMaxLinksPerChild * static_cast<double>(children_.size());
  estimation_ = EstimateM(&model_, RuleSessions(patterns.patterns, patterns.of, candidates.rules, rules, fixed),
                          options.em, max_links);
  const double all_pairs = static_cast<double>(children_.size()) * static_cast<double>(adults_.size());
  model_.lambda = std::min(0.5, 1.5 * static_cast<double>(children_.size()) / std::max(1.0, all_pairs));
  const std::vector<RulePattern> by_rules = CountRulePatterns(patterns.patterns, patterns.of, candidates.rules);
  EstimateLambda(&model_, by_rules, all_pairs, options.em, &estimation_);
  health_ = CheckModel("family", model_, estimation_, static_cast<double>(children_.size()), kMaxLinksPerChild);
  if (!health_.ok()) {
    for (int c = 0; c < kFamilyComparisons; ++c) {
      model_.comparisons[c].m = FamilyPriorM()[c];
      MakeMonotone(&model_.comparisons[c]);
    }
    EstimateLambda(&model_, by_rules, all_pairs, options.em, &estimation_);
    health_.fallback = true;
  }
  if (options.log) {
    options.log("em           " + std::to_string(MillisecondsSince(start)) + " ms  " +
                std::to_string(patterns.patterns.size()) + " patterns, " + std::to_string(model_.em_iterations) +
                " iterations\n" + DescribeEstimation(model_, estimation_) + DescribeHealth(health_));
  }
  return Status::Ok();
}

}  // namespace reunite::match
