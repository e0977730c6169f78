#include "match/estimate.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "common/random.h"
#include "match/linker.h"

namespace reunite::match {
namespace {

// --- Monotone levels -------------------------------------------------------------

ComparisonParameters Params(std::vector<double> m, std::vector<double> u, bool ordered = true) {
  ComparisonParameters p;
  p.name = "c";
  for (size_t k = 0; k < m.size(); ++k) p.labels.push_back("l" + std::to_string(k));
  p.m = std::move(m);
  p.u = std::move(u);
  p.ordered = ordered;
  return p;
}

double Sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

TEST(EstimateTest, MonotoneLeavesAnOrderedComparisonThatKeepsTheRules) {
  ComparisonParameters p = Params({0.8, 0.15, 0.05}, {0.01, 0.09, 0.9});
  EXPECT_EQ(MakeMonotone(&p), 0);
  EXPECT_DOUBLE_EQ(p.m[0], 0.8);
}

TEST(EstimateTest, MonotonePoolsAdjacentLevelsThatInvert) {
  // Level 1 weighs more than level 0 (0.3/0.01 > 0.5/0.04): pooled, both get the
  // pool's ratio 0.8/0.05 = 16.
  ComparisonParameters p = Params({0.5, 0.3, 0.2}, {0.04, 0.01, 0.95});
  EXPECT_EQ(MakeMonotone(&p), 2);
  EXPECT_NEAR(p.m[0] / p.u[0], 16, 1e-9);
  EXPECT_NEAR(p.m[1] / p.u[1], 16, 1e-9);
  EXPECT_NEAR(p.m[2], 0.2, 1e-12);
  EXPECT_NEAR(Sum(p.m), 1, 1e-12);
  FellegiSunterModel model;
  model.comparisons = {p};
  EXPECT_TRUE(WeightBreaches(model).empty());
}

TEST(EstimateTest, DifferentNeverCountsForAMatchOnceMonotone) {
  // The inverted surnames of a run on agency lists: "different" +22.5 over "a token
  // in common" -3.1.
  ComparisonParameters p = Params({0.05, 0.05, 0.9}, {0.3, 0.69, 0.01});
  FellegiSunterModel model;
  model.comparisons = {p};
  auto breaches = WeightBreaches(model);
  ASSERT_FALSE(breaches.empty());
  EXPECT_NE(breaches.back().find("'l2' counts for a match"), std::string::npos) << breaches.back();
  MakeMonotone(&model.comparisons[0]);
  EXPECT_TRUE(WeightBreaches(model).empty());
  EXPECT_LE(model.LevelWeight(0, 2), 1e-9);
  EXPECT_NEAR(Sum(model.comparisons[0].m), 1, 1e-12);
}

TEST(EstimateTest, UnorderedLevelsOnlyKeepDifferentLowest) {
  // Levels 0 and 1 may be in any order; "different" (last) may not outweigh level 1.
  ComparisonParameters p = Params({0.3, 0.2, 0.5}, {0.01, 0.5, 0.49}, /*ordered=*/false);
  EXPECT_EQ(MakeMonotone(&p), 2);
  EXPECT_NEAR(p.m[0], 0.3, 1e-12);  // untouched
  EXPECT_NEAR(p.m[1] / p.u[1], p.m[2] / p.u[2], 1e-9);
  EXPECT_LE(std::log2(p.m[2] / p.u[2]), 0);
  ComparisonParameters q = Params({0.1, 0.6, 0.3}, {0.2, 0.1, 0.7}, /*ordered=*/false);
  EXPECT_EQ(MakeMonotone(&q), 0);  // level 0 below level 1 is allowed
}

// --- EM under multi-pass blocking --------------------------------------------------

// People with six fields drawn with skewed frequencies (common names and cities);
// each has two records, each field of the copy replaced by another value at a known
// rate. With exact-only levels, the true m of "exact" is 1 - that rate.
constexpr int kFieldCount = 6;
const double kCorruption[kFieldCount] = {0.1, 0.15, 0.05, 0.25, 0.1, 0.03};
const char* kFields[kFieldCount] = {"given", "surname", "year", "city", "month", "sex"};
const int kPool[kFieldCount] = {150, 250, 50, 80, 12, 2};
const bool kSkewed[kFieldCount] = {true, true, false, true, false, false};

std::string Value(Rng& rng, int field) {
  // Skewed: value k with weight 1/(k+1); else uniform.
  static std::vector<std::vector<double>> cdf;
  if (cdf.empty()) {
    for (int f = 0; f < kFieldCount; ++f) {
      std::vector<double> c;
      double total = 0;
      for (int k = 0; k < kPool[f]; ++k) c.push_back(total += kSkewed[f] ? 1.0 / (k + 1) : 1.0);
      for (double& x : c) x /= total;
      cdf.push_back(c);
    }
  }
  const double x = rng.Unit();
  const int k = static_cast<int>(std::lower_bound(cdf[field].begin(), cdf[field].end(), x) - cdf[field].begin());
  return std::string(kFields[field]) + std::to_string(std::min(k, kPool[field] - 1));
}

std::string TwoRecordsEach(int people, std::uint64_t seed) {
  Rng rng(seed);
  std::string csv = "id,given,surname,year,city,month,sex\n";
  auto row = [](const std::string& id, const std::string (&v)[kFieldCount]) {
    std::string line = id;
    for (const auto& x : v) line += "," + x;
    return line + "\n";
  };
  for (int i = 0; i < people; ++i) {
    std::string v[kFieldCount];
    for (int f = 0; f < kFieldCount; ++f) v[f] = Value(rng, f);
    csv += row("p" + std::to_string(i) + "a", v);
    for (int f = 0; f < kFieldCount; ++f) {
      if (!rng.Chance(kCorruption[f])) continue;
      std::string other;
      do other = Value(rng, f); while (other == v[f]);
      v[f] = other;
    }
    csv += row("p" + std::to_string(i) + "b", v);
  }
  return csv;
}

LinkSettings SixExactComparisons() {
  auto s = ParseSettings(R"({"unique_id_column": "id",
    "comparisons": [
      {"name": "given", "kind": "string", "column": "given", "levels": ["exact"]},
      {"name": "surname", "kind": "string", "column": "surname", "levels": ["exact"]},
      {"name": "year", "kind": "string", "column": "year", "levels": ["exact"]},
      {"name": "city", "kind": "string", "column": "city", "levels": ["exact"]},
      {"name": "month", "kind": "string", "column": "month", "levels": ["exact"]},
      {"name": "sex", "kind": "string", "column": "sex", "levels": ["exact"]}],
    "blocking_rules": ["surname+year", "given+city", "month+city+sex"],
    "em": {"max_u_pairs": 200000, "seed": 5}})", "t");
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return *s;
}

TEST(EstimateTest, SessionsRecoverKnownMWhereOneEmOverAllCandidatesInverts) {
  const std::string csv = TwoRecordsEach(4000, 11);
  const LinkSettings settings = SixExactComparisons();
  auto data = ReadCsvDataset(csv, "people.csv", {}, "id", settings.LeftColumns());
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  auto run = Linkage::Run(settings, *data, nullptr, {});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  const FellegiSunterModel& fitted = (*run)->model();
  // About one matching pair per person among all pairs.
  const double n = static_cast<double>(data->size());
  EXPECT_NEAR(fitted.lambda * n * (n - 1) / 2, 4000, 400);

  // The naive way: one EM over every candidate pair with the same fixed u. Pairs that
  // share a surname and a birth year, or a given name and a city, by chance look
  // like matches, so m is badly off.
  FellegiSunterModel naive = InitialModel(settings, 0.1);
  for (int f = 0; f < kFieldCount; ++f) naive.comparisons[f].u = fitted.comparisons[f].u;
  std::vector<Gamma> gammas;
  for (PairKey p : (*run)->pairs()) {
    Explanation e = (*run)->Explain(PairLeft(p), PairRight(p));
    Gamma g = 0;
    for (int f = 0; f < kFieldCount; ++f) g = WithLevel(g, f, e.steps[f].level);
    gammas.push_back(g);
  }
  RunEm(&naive, CountPatterns(gammas), settings.em);
  double worst = 0;
  for (int f = 0; f < kFieldCount; ++f) {
    worst = std::max(worst, std::abs(naive.comparisons[f].m[0] - (1 - kCorruption[f])));
  }
  EXPECT_GT(worst, 0.1) << "the naive estimate should be far off on this data";
}

TEST(EstimateTest, ARuleFixesTheComparisonsReadingItsColumns) {
  LinkSettings settings = SixExactComparisons();
  settings.comparisons[1].blocking_columns = {"family_name"};
  EXPECT_TRUE(settings.comparisons[1].FixedBy("surname"));
  EXPECT_TRUE(settings.comparisons[1].FixedBy("family_name"));
  EXPECT_FALSE(settings.comparisons[1].FixedBy("given"));
}

// --- Health ------------------------------------------------------------------------

TEST(EstimateTest, HealthCheckCatchesAnInvertedModel) {
  FellegiSunterModel model;
  model.comparisons = {Params({0.05, 0.05, 0.9}, {0.3, 0.69, 0.01}), Params({0.9, 0.1}, {0.1, 0.9})};
  model.comparisons[0].name = "surnames";
  Estimation estimation;
  ModelHealth h = CheckModel("identity_adult", model, estimation, 1000);
  EXPECT_FALSE(h.ok());
  EXPECT_NE(DescribeHealth(h).find("UNHEALTHY"), std::string::npos);
  EXPECT_NE(DescribeHealth(h).find("surnames: 'l2' counts for a match"), std::string::npos) << DescribeHealth(h);
}

TEST(EstimateTest, HealthCheckCatchesARunawayLambdaAndNonConvergence) {
  FellegiSunterModel model;
  model.comparisons = {Params({0.9, 0.1}, {0.1, 0.9})};
  Estimation estimation;
  estimation.expected_matches = 60'000;
  estimation.sessions.push_back({"surname", 1000, 0.5, 3, /*converged=*/false, /*skipped=*/false});
  ModelHealth h = CheckModel("m", model, estimation, 1000);
  ASSERT_EQ(h.problems.size(), 2u) << DescribeHealth(h);
  EXPECT_NE(h.problems[0].find("did not converge"), std::string::npos);
  EXPECT_NE(h.problems[1].find("60.0 per record"), std::string::npos) << h.problems[1];
  EXPECT_FALSE(h.converged);
}

// A session that does not settle while another does is left out of the pooled m
// with a note; the model stays healthy. When none settles, the check fails.
TEST(EstimateTest, ASessionThatDoesNotConvergeIsLeftOutWhenAnotherDid) {
  FellegiSunterModel model;
  model.comparisons = {Params({0.5, 0.5}, {0.01, 0.99}), Params({0.5, 0.5}, {0.01, 0.99})};
  const Gamma agree = WithLevel(WithLevel(0, 0, 0), 1, 0), differ = WithLevel(WithLevel(0, 0, 1), 1, 1);
  const Gamma mixed_a = WithLevel(WithLevel(0, 0, 0), 1, 1), mixed_b = WithLevel(WithLevel(0, 0, 1), 1, 0);
  SessionInput clean{"clean", {false, false}, {{agree, 100}, {differ, 10000}}};
  SessionInput muddled{"muddled", {false, false}, {{agree, 40}, {mixed_a, 600}, {mixed_b, 300}, {differ, 5000}}};
  EmSettings em;
  em.max_iterations = 100;
  em.convergence = 1e-9;
  FellegiSunterModel fitted = model;
  Estimation e = EstimateM(&fitted, {clean, muddled}, em, 1e9, 1);
  ASSERT_EQ(e.sessions.size(), 2u);
  ASSERT_TRUE(e.sessions[0].converged) << e.sessions[0].iterations;
  ASSERT_FALSE(e.sessions[1].converged);
  EXPECT_TRUE(e.sessions[1].unconverged_left_out);
  FellegiSunterModel alone = model;
  EstimateM(&alone, {clean}, em, 1e9, 1);
  EXPECT_NEAR(fitted.comparisons[0].m[0], alone.comparisons[0].m[0], 1e-12);
  ModelHealth h = CheckModel("m", fitted, e, 10000);
  EXPECT_TRUE(h.ok()) << DescribeHealth(h);
  ASSERT_FALSE(h.notes.empty());
  EXPECT_NE(h.notes[0].find("'muddled' did not converge in 100 iterations: left out"), std::string::npos) << h.notes[0];

  FellegiSunterModel none = model;
  Estimation e2 = EstimateM(&none, {muddled}, em, 1e9, 1);
  EXPECT_FALSE(e2.sessions[0].unconverged_left_out);
  EXPECT_FALSE(CheckModel("m", none, e2, 10000).ok());
}

// A fit that cannot converge (one iteration allowed) is refused without priors, used
// when forced, and replaced by the priors when every comparison has one.
TEST(EstimateTest, AnUnhealthyFitIsRefusedForcedOrReplacedByPriors) {
  const std::string csv = TwoRecordsEach(500, 3);
  LinkSettings settings = SixExactComparisons();
  settings.em.max_iterations = 1;
  auto data = ReadCsvDataset(csv, "people.csv", {}, "id", settings.LeftColumns());
  ASSERT_TRUE(data.ok());
  RunOptions options;
  options.name = "people";
  auto refused = Linkage::Run(settings, *data, nullptr, options);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("people: the fitted model failed its health check"), std::string::npos)
      << refused.status().message();
  EXPECT_NE(refused.status().message().find("--force"), std::string::npos);

  options.force = true;
  auto forced = Linkage::Run(settings, *data, nullptr, options);
  ASSERT_TRUE(forced.ok());
  EXPECT_TRUE((*forced)->health().forced);
  EXPECT_FALSE((*forced)->health().ok());

  options.force = false;
  for (auto& c : settings.comparisons) c.m_prior = {0.9, 0.1};
  auto fallback = Linkage::Run(settings, *data, nullptr, options);
  ASSERT_TRUE(fallback.ok());
  EXPECT_TRUE((*fallback)->health().fallback);
  EXPECT_NEAR((*fallback)->model().comparisons[0].m[0], 0.9, 1e-9);
}

}  // namespace
}  // namespace reunite::match
