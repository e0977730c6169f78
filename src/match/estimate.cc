#include "match/estimate.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <map>

namespace reunite::match {
namespace {

// Pseudo-count added to every level when m is re-estimated, so that no level ever
// gets probability 0 (an infinite weight).
constexpr double kPseudoCount = 0.1;
constexpr double kTolerance = 1e-9;  // for comparing weights
// Fewer expected matches than this behind a comparison's m, and its prior is kept.
constexpr double kMinMatchesForM = 5;

void Normalise(std::vector<double>& counts, double pseudo) {
  double total = 0;
  for (double c : counts) total += c + pseudo;
  for (double& c : counts) c = (c + pseudo) / total;
}

std::string Format(const char* format, double a, double b = 0) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, a, b);
  return buf;
}

// Pool-adjacent-violators on the ratios m/u with weights u: the blocks' ratios end
// non-increasing, and each level of a block gets m = u * the block's ratio.
int PoolAdjacentViolators(ComparisonParameters* p) {
  struct Block {
    size_t first, last;
    double m, u;
    double ratio() const { return m / u; }
  };
  std::vector<Block> blocks;
  for (size_t k = 0; k < p->m.size(); ++k) {
    blocks.push_back({k, k, p->m[k], p->u[k]});
    while (blocks.size() >= 2 && blocks[blocks.size() - 2].ratio() < blocks.back().ratio() * (1 - kTolerance)) {
      Block b = blocks.back();
      blocks.pop_back();
      blocks.back().last = b.last;
      blocks.back().m += b.m;
      blocks.back().u += b.u;
    }
  }
  int changed = 0;
  for (const Block& b : blocks) {
    if (b.first == b.last) continue;
    for (size_t k = b.first; k <= b.last; ++k) {
      p->m[k] = p->u[k] * b.ratio();
      ++changed;
    }
  }
  return changed;
}

// An unordered comparison: the last level's ratio no higher than any other's. The
// last level is pooled with the levels whose ratio is below the pool's, lowest first.
int PoolLastLevel(ComparisonParameters* p) {
  const size_t last = p->m.size() - 1;
  std::vector<size_t> others(last);
  for (size_t k = 0; k < last; ++k) others[k] = k;
  std::sort(others.begin(), others.end(), [&](size_t a, size_t b) { return p->m[a] / p->u[a] < p->m[b] / p->u[b]; });
  double m = p->m[last], u = p->u[last];
  std::vector<size_t> pool = {last};
  for (size_t k : others) {
    if (p->m[k] / p->u[k] >= (m / u) * (1 - kTolerance)) break;
    pool.push_back(k);
    m += p->m[k];
    u += p->u[k];
  }
  if (pool.size() == 1) return 0;
  for (size_t k : pool) p->m[k] = p->u[k] * (m / u);
  return static_cast<int>(pool.size());
}

std::vector<double> Weights(const ComparisonParameters& p) {
  std::vector<double> w;
  for (size_t k = 0; k < p.m.size(); ++k) w.push_back(std::log2(p.m[k] / p.u[k]));
  return w;
}

// Patterns with the fixed comparisons turned to null, counts summed.
std::vector<PatternCount> Masked(const std::vector<PatternCount>& patterns, const std::vector<bool>& fixed) {
  Gamma mask = 0;
  for (size_t c = 0; c < fixed.size(); ++c) {
    if (fixed[c]) mask |= Gamma{0xf} << (4 * c);
  }
  std::map<Gamma, double> counts;
  for (const auto& p : patterns) counts[p.gamma & ~mask] += p.count;
  std::vector<PatternCount> out;
  for (const auto& [g, n] : counts) out.push_back({g, n});
  return out;
}

// One session's EM: m of the comparisons present in the patterns, and lambda, with u
// fixed. `counts` gets the expected match counts per comparison and level of the
// last E-step. Returns the iterations; *converged says whether it settled.
int SessionEm(FellegiSunterModel* model, const std::vector<PatternCount>& patterns, const EmSettings& em,
              std::vector<std::vector<double>>* counts, bool* converged) {
  const int nc = static_cast<int>(model->comparisons.size());
  double total = 0;
  for (const auto& p : patterns) total += p.count;
  *converged = false;
  int iter = 0;
  for (iter = 1; iter <= em.max_iterations; ++iter) {
    counts->assign(nc, {});
    std::vector<bool> seen(nc, false);
    for (int c = 0; c < nc; ++c) (*counts)[c].assign(model->comparisons[c].m.size(), 0.0);
    double matches = 0;
    const double log_lambda = std::log(model->lambda), log_rest = std::log1p(-model->lambda);
    for (const auto& p : patterns) {
      double lm = log_lambda, lu = log_rest;
      for (int c = 0; c < nc; ++c) {
        const int level = GammaLevel(p.gamma, c);
        if (level == kNull) continue;
        lm += std::log(model->comparisons[c].m[level]);
        lu += std::log(model->comparisons[c].u[level]);
      }
      const double post = 1 / (1 + std::exp(std::clamp(lu - lm, -700.0, 700.0)));
      matches += p.count * post;
      for (int c = 0; c < nc; ++c) {
        const int level = GammaLevel(p.gamma, c);
        if (level == kNull) continue;
        (*counts)[c][level] += p.count * post;
        seen[c] = true;
      }
    }
    double change = 0;
    const double lambda = std::clamp(matches / total, 1e-9, 1 - 1e-9);
    change = std::max(change, std::abs(lambda - model->lambda));
    model->lambda = lambda;
    for (int c = 0; c < nc; ++c) {
      if (!seen[c]) continue;
      ComparisonParameters& params = model->comparisons[c];
      std::vector<double> m = (*counts)[c];
      Normalise(m, kPseudoCount);
      std::swap(m, params.m);
      MakeMonotone(&params);
      for (size_t k = 0; k < m.size(); ++k) change = std::max(change, std::abs(m[k] - params.m[k]));
    }
    if (change < em.convergence) {
      *converged = true;
      break;
    }
  }
  return std::min(iter, em.max_iterations);
}

}  // namespace

std::vector<SessionInput> RuleSessions(const std::vector<Gamma>& patterns, const std::vector<std::uint32_t>& pattern_of,
                                       const std::vector<RuleMask>& masks, const std::vector<std::string>& rules,
                                       const std::vector<std::vector<bool>>& fixed) {
  const size_t nrules = rules.size(), npatterns = patterns.size();
  std::vector<double> counts(nrules * npatterns, 0.0);
  for (size_t k = 0; k < masks.size(); ++k) {
    for (RuleMask m = masks[k]; m; m &= m - 1) counts[std::countr_zero(m) * npatterns + pattern_of[k]] += 1;
  }
  std::vector<SessionInput> sessions(nrules);
  for (size_t r = 0; r < nrules; ++r) {
    sessions[r].rule = rules[r];
    sessions[r].fixed = fixed[r];
    for (size_t i = 0; i < npatterns; ++i) {
      if (counts[r * npatterns + i] > 0) sessions[r].patterns.push_back({patterns[i], counts[r * npatterns + i]});
    }
  }
  return sessions;
}

int MakeMonotone(ComparisonParameters* p) {
  if (p->m.size() < 2) return 0;
  return p->ordered ? PoolAdjacentViolators(p) : PoolLastLevel(p);
}

void RunEm(FellegiSunterModel* model, const std::vector<PatternCount>& patterns, const EmSettings& em) {
  std::vector<std::vector<double>> counts;
  bool converged = false;
  double total = 0;
  for (const auto& p : patterns) total += p.count;
  if (total == 0) return;
  model->em_iterations = SessionEm(model, patterns, em, &counts, &converged);
  model->em_converged = converged;
}

Estimation EstimateM(FellegiSunterModel* model, const std::vector<SessionInput>& sessions, const EmSettings& em,
                     double max_matches, double min_pairs) {
  const size_t nc = model->comparisons.size();
  Estimation out;
  // Each session's m per comparison (empty when it did not estimate it).
  std::vector<std::vector<std::vector<double>>> session_m;
  model->em_iterations = 0;
  for (const SessionInput& in : sessions) {
    SessionResult& r = out.sessions.emplace_back();
    auto& mine = session_m.emplace_back(nc);
    r.rule = in.rule;
    for (const auto& p : in.patterns) r.pairs += p.count;
    const bool free_left = std::find(in.fixed.begin(), in.fixed.end(), false) != in.fixed.end();
    if (r.pairs < min_pairs || !free_left) {
      r.skipped = true;
      continue;
    }
    FellegiSunterModel session = *model;
    session.lambda = 0.3;
    std::vector<std::vector<double>> counts;
    r.iterations = SessionEm(&session, Masked(in.patterns, in.fixed), em, &counts, &r.converged);
    r.lambda = session.lambda;
    model->em_iterations += r.iterations;
    r.implausible = r.lambda * r.pairs > max_matches;
    for (size_t c = 0; c < nc; ++c) {
      double total = 0;
      for (double n : counts[c]) total += n;
      if (in.fixed[c] || total < kMinMatchesForM) continue;
      mine[c] = counts[c];
      Normalise(mine[c], kPseudoCount);
    }
  }
  // A session that did not settle is left out when others did: its m is wherever
  // the iterations stopped. When none settled, all count and the health check says so.
  bool any_converged = false;
  for (const auto& r : out.sessions) any_converged = any_converged || (!r.skipped && !r.implausible && r.converged);
  model->em_converged = true;
  for (auto& r : out.sessions) {
    if (r.skipped || r.implausible || r.converged) continue;
    r.unconverged_left_out = any_converged;
    model->em_converged = false;
  }
  std::vector<std::vector<double>> pooled(nc);
  std::vector<int> estimates(nc, 0);
  for (size_t c = 0; c < nc; ++c) pooled[c].assign(model->comparisons[c].m.size(), 0.0);
  for (size_t s = 0; s < out.sessions.size(); ++s) {
    const SessionResult& r = out.sessions[s];
    if (r.skipped || r.implausible || r.unconverged_left_out) continue;
    for (size_t c = 0; c < nc; ++c) {
      if (session_m[s][c].empty()) continue;
      for (size_t k = 0; k < pooled[c].size(); ++k) pooled[c][k] += session_m[s][c][k];
      ++estimates[c];
    }
  }
  out.m_estimated.assign(nc, false);
  for (size_t c = 0; c < nc; ++c) {
    ComparisonParameters& p = model->comparisons[c];
    if (estimates[c] > 0) {
      out.m_estimated[c] = true;
      p.m = pooled[c];
      for (double& m : p.m) m /= estimates[c];
    }
    MakeMonotone(&p);  // a prior kept, too, is made to keep the rules against the random-pair u
  }
  return out;
}

std::vector<RulePattern> CountRulePatterns(const std::vector<Gamma>& patterns,
                                           const std::vector<std::uint32_t>& pattern_of,
                                           const std::vector<RuleMask>& masks) {
  // A few hundred masks at most: a dense row of pattern counts for each.
  std::vector<std::vector<double>> rows(std::size_t{1} << kMaxBlockingRules);
  for (size_t k = 0; k < pattern_of.size(); ++k) {
    auto& row = rows[k < masks.size() ? masks[k] : RuleMask{0}];
    if (row.empty()) row.assign(patterns.size(), 0.0);
    row[pattern_of[k]] += 1;
  }
  std::vector<RulePattern> out;
  for (size_t mask = 0; mask < rows.size(); ++mask) {
    for (size_t i = 0; i < rows[mask].size(); ++i) {
      if (rows[mask][i] > 0) out.push_back({static_cast<RuleMask>(mask), patterns[i], rows[mask][i]});
    }
  }
  return out;
}

namespace {

// The share of matches that no rule produced, by capture-recapture over the rules:
// each rule's recall is the share of the matches the other rules found that it found
// too, and a match escapes every rule independently. Rules that miss the same pairs
// (a typo in the one name they all read) make this an underestimate, so the
// correction errs on the side of fewer matches. At most a half.
double MissedShare(const std::vector<RulePattern>& candidates, const std::vector<double>& posterior) {
  double with[kMaxBlockingRules] = {}, others[kMaxBlockingRules] = {};
  RuleMask used = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const RuleMask mask = candidates[i].rules;
    used |= mask;
    const double n = candidates[i].count * posterior[i];
    for (int r = 0; r < kMaxBlockingRules; ++r) {
      const RuleMask bit = static_cast<RuleMask>(1u << r);
      if (!(mask & ~bit)) continue;  // no other rule produced it
      others[r] += n;
      if (mask & bit) with[r] += n;
    }
  }
  if (std::popcount(used) < 2) return 0;
  double missed = 1;
  for (int r = 0; r < kMaxBlockingRules; ++r) {
    if ((used & (1u << r)) && others[r] > 0) missed *= 1 - with[r] / others[r];
  }
  return std::min(missed, 0.5);
}

}  // namespace

void EstimateLambda(FellegiSunterModel* model, const std::vector<RulePattern>& candidates, double all_pairs,
                    const EmSettings& em, Estimation* estimation) {
  estimation->all_pairs = all_pairs;
  if (all_pairs <= 0) return;
  std::vector<double> bayes;  // each pattern's weight without the prior
  for (const auto& p : candidates) bayes.push_back(model->Weight(p.gamma) - model->PriorWeight());
  const double floor = std::min(0.5, 0.01 / all_pairs);
  double lambda = std::clamp(model->lambda, floor, 0.5);
  int iter = 0;
  double missed = 0;
  std::vector<double> posterior(candidates.size());
  for (iter = 1; iter <= std::max(em.max_iterations, 200); ++iter) {
    const double prior = std::log2(lambda / (1 - lambda));
    double matches = 0;
    for (size_t i = 0; i < candidates.size(); ++i) {
      posterior[i] = WeightToProbability(prior + bayes[i]);
      matches += candidates[i].count * posterior[i];
    }
    missed = MissedShare(candidates, posterior);
    const double next = std::clamp(matches / (1 - missed) / all_pairs, floor, 0.5);
    const bool settled = std::abs(next - lambda) <= 1e-7 * lambda;
    lambda = next;
    if (settled) break;
  }
  model->lambda = lambda;
  estimation->expected_matches = lambda * all_pairs;
  estimation->blocking_recall = 1 - missed;
  estimation->lambda_iterations = iter;
}

std::vector<std::string> WeightBreaches(const FellegiSunterModel& model) {
  std::vector<std::string> out;
  for (const auto& p : model.comparisons) {
    if (p.m.size() < 2) continue;
    const std::vector<double> w = Weights(p);
    const size_t last = w.size() - 1;
    auto breach = [&](size_t closer, size_t looser) {
      out.push_back(p.name + ": '" + p.labels[closer] + "' (" + Format("%+.2f", w[closer]) + ") weighs less than '" +
                    p.labels[looser] + "' (" + Format("%+.2f", w[looser]) + ")");
    };
    for (size_t k = 0; k < last; ++k) {
      if (p.ordered && w[k] < w[k + 1] - 1e-6) breach(k, k + 1);
      if (!p.ordered && w[k] < w[last] - 1e-6) breach(k, last);
    }
    if (w[last] > 1e-6) out.push_back(p.name + ": '" + p.labels[last] + "' counts for a match (" + Format("%+.2f", w[last]) + ")");
  }
  return out;
}

ModelHealth CheckModel(const std::string& name, const FellegiSunterModel& model, const Estimation& estimation,
                       double records, double max_matches_per_record) {
  ModelHealth h;
  h.model = name;
  h.iterations = model.em_iterations;
  for (const auto& s : estimation.sessions) {
    if (s.skipped || s.converged || s.implausible) continue;
    if (s.unconverged_left_out) {
      h.notes.push_back("EM on the pairs of rule '" + s.rule + "' did not converge in " + std::to_string(s.iterations) +
                        " iterations: left out, the other rules' sessions estimate the model");
      continue;
    }
    h.converged = false;
    h.problems.push_back("EM on the pairs of rule '" + s.rule + "' did not converge in " +
                         std::to_string(s.iterations) + " iterations");
  }
  for (auto& b : WeightBreaches(model)) h.problems.push_back(std::move(b));
  for (const auto& s : estimation.sessions) {
    if (!s.implausible) continue;
    h.notes.push_back("EM on the pairs of rule '" + s.rule + "' found " + Format("%.0f", s.lambda * s.pairs) +
                      " matching pairs, more than the lists can hold: left out");
  }
  if (records > 0 && estimation.expected_matches > max_matches_per_record * records) {
    h.problems.push_back("the model expects " + Format("%.0f", estimation.expected_matches) + " matching pairs among " +
                         Format("%.0f", records) + " records (" + Format("%.1f", estimation.expected_matches / records) +
                         " per record): it takes most candidate pairs for matches");
  }
  if (estimation.blocking_recall < 0.9) {
    h.notes.push_back("the blocking rules bring together an estimated " + Format("%.0f%%", 100 * estimation.blocking_recall) +
                      " of the matching pairs (the rest are never compared): add rules, e.g. each identifying "
                      "column alone");
  }
  for (size_t c = 0; c < model.comparisons.size(); ++c) {
    const auto& p = model.comparisons[c];
    if (c < estimation.m_estimated.size() && !estimation.m_estimated[c]) {
      h.notes.push_back(p.name + ": m not estimated (no rule leaves it free, or too few matches): its prior is kept");
    }
    if (!p.m.empty() && std::log2(p.m[0] / p.u[0]) <= 0) {
      h.notes.push_back(p.name + ": agreeing ('" + p.labels[0] + "') carries no evidence of a match");
    }
  }
  return h;
}

std::string DescribeEstimation(const FellegiSunterModel& model, const Estimation& estimation) {
  std::string out;
  for (const auto& s : estimation.sessions) {
    char line[200];
    if (s.skipped) {
      std::snprintf(line, sizeof line, "  session %-48s %10.0f pairs  skipped\n", s.rule.c_str(), s.pairs);
    } else {
      std::snprintf(line, sizeof line, "  session %-48s %10.0f pairs  lambda %.4f  %d iterations%s%s\n", s.rule.c_str(),
                    s.pairs, s.lambda, s.iterations, s.converged ? "" : s.unconverged_left_out ? " (not converged: left out)" : " (not converged)",
                    s.implausible ? " (implausible: left out)" : "");
    }
    out += line;
  }
  char line[200];
  std::snprintf(line, sizeof line,
                "  lambda %.3g over %.0f pairs: %.0f expected matching pairs, %.1f%% of them blocked (%d iterations)\n",
                model.lambda, estimation.all_pairs, estimation.expected_matches, 100 * estimation.blocking_recall,
                estimation.lambda_iterations);
  return out + line;
}

}  // namespace reunite::match
