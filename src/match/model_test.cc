#include "match/model.h"

#include <gtest/gtest.h>

#include <cmath>

#include "common/random.h"
#include "match/estimate.h"
#include "match/linker.h"

namespace reunite::match {
namespace {

// Three comparisons with 3, 4 and 2 levels.
LinkSettings ThreeComparisons() {
  auto s = ParseSettings(R"({
    "comparisons": [
      {"name": "a", "kind": "string", "column": "a", "levels": ["exact", {"jaro_winkler": 0.9}]},
      {"name": "b", "kind": "string", "column": "b", "levels": ["exact", "phonetic", {"prefix": 1}]},
      {"name": "c", "kind": "string", "column": "c", "levels": ["exact"]}
    ],
    "blocking_rules": ["a"]})", "t");
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return *s;
}

const std::vector<std::vector<double>> kTrueM = {{0.85, 0.1, 0.05}, {0.7, 0.15, 0.1, 0.05}, {0.9, 0.1}};
const std::vector<std::vector<double>> kTrueU = {{0.02, 0.08, 0.9}, {0.01, 0.04, 0.15, 0.8}, {0.3, 0.7}};
constexpr double kTrueLambda = 0.2;

int Draw(Rng& rng, const std::vector<double>& p) {
  double x = rng.Unit();
  for (size_t k = 0; k < p.size(); ++k) {
    if ((x -= p[k]) < 0) return static_cast<int>(k);
  }
  return static_cast<int>(p.size()) - 1;
}

// Comparison vectors drawn from known m, u and lambda; 5% of values missing.
std::vector<Gamma> Simulate(int n, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<Gamma> out;
  for (int i = 0; i < n; ++i) {
    bool match = rng.Chance(kTrueLambda);
    Gamma g = 0;
    for (int c = 0; c < 3; ++c) {
      int level = rng.Chance(0.05) ? kNull : Draw(rng, match ? kTrueM[c] : kTrueU[c]);
      g = WithLevel(g, c, level);
    }
    out.push_back(g);
  }
  return out;
}

void ExpectNear(const std::vector<double>& got, const std::vector<double>& want, double tolerance, const char* what) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t k = 0; k < got.size(); ++k) EXPECT_NEAR(got[k], want[k], tolerance) << what << " level " << k;
}

TEST(ModelTest, GammaPacking) {
  Gamma g = WithLevel(WithLevel(WithLevel(0, 0, 2), 1, kNull), 15, 14);
  EXPECT_EQ(GammaLevel(g, 0), 2);
  EXPECT_EQ(GammaLevel(g, 1), kNull);
  EXPECT_EQ(GammaLevel(g, 15), 14);
}

TEST(ModelTest, EmRecoversMAndLambdaWithUFixed) {
  LinkSettings s = ThreeComparisons();
  FellegiSunterModel model = InitialModel(s, 0.05);
  for (int c = 0; c < 3; ++c) model.comparisons[c].u = kTrueU[c];
  auto patterns = CountPatterns(Simulate(200'000, 1));
  EXPECT_LE(patterns.size(), 3u * 4u * 2u * 8u);
  RunEm(&model, patterns, s.em);
  EXPECT_TRUE(model.em_converged);
  EXPECT_NEAR(model.lambda, kTrueLambda, 0.01);
  for (int c = 0; c < 3; ++c) ExpectNear(model.comparisons[c].m, kTrueM[c], 0.02, "m");
}

TEST(ModelTest, WeightIsPriorPlusLevelWeights) {
  LinkSettings s = ThreeComparisons();
  FellegiSunterModel model = InitialModel(s, 0.2);
  for (int c = 0; c < 3; ++c) {
    model.comparisons[c].m = kTrueM[c];
    model.comparisons[c].u = kTrueU[c];
  }
  Gamma g = WithLevel(WithLevel(WithLevel(0, 0, 0), 1, kNull), 2, 1);
  double want = std::log2(0.2 / 0.8) + std::log2(0.85 / 0.02) + 0 + std::log2(0.1 / 0.7);
  EXPECT_NEAR(model.Weight(g), want, 1e-12);
  EXPECT_NEAR(WeightToProbability(want), 1 / (1 + std::exp2(-want)), 1e-12);
  EXPECT_EQ(WeightToProbability(1000), 1.0);
  EXPECT_EQ(WeightToProbability(-1000), 0.0);
}

TEST(ModelTest, TermFrequencyLowersTheWeightOfCommonValues) {
  // 30 Garcías, one Xol; each surname appears twice for one person.
  std::string csv = "id,surname,dob\n";
  for (int i = 0; i < 30; ++i) csv += "g" + std::to_string(i) + ",Garcia,19" + std::to_string(50 + i) + "-01-02\n";
  csv += "g30,Garcia,1950-01-02\nx1,Xol,1961-03-04\nx2,Xol,1961-03-04\n";
  auto settings = ParseSettings(R"({"unique_id_column": "id",
    "comparisons": [
      {"name": "surname", "kind": "string", "column": "surname", "levels": ["exact"], "term_frequency_adjustment": true},
      {"name": "dob", "kind": "date", "column": "dob", "date_format": "iso"}],
    "blocking_rules": ["surname"]})", "t");
  ASSERT_TRUE(settings.ok()) << settings.status().ToString();
  auto data = ReadCsvDataset(csv, "t.csv", {}, "id", settings->LeftColumns());
  ASSERT_TRUE(data.ok());
  auto run = Linkage::Run(*settings, *data, nullptr, {});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  auto garcia = (*run)->Explain(static_cast<std::uint32_t>(data->Find("g0")), static_cast<std::uint32_t>(data->Find("g30")));
  auto xol = (*run)->Explain(static_cast<std::uint32_t>(data->Find("x1")), static_cast<std::uint32_t>(data->Find("x2")));
  ASSERT_EQ(garcia.steps[0].level_label, "exact");
  ASSERT_EQ(xol.steps[0].level_label, "exact");
  EXPECT_TRUE(garcia.steps[0].tf_adjusted);
  EXPECT_NEAR(garcia.steps[0].u, 31.0 / 33.0, 1e-6);
  EXPECT_NEAR(xol.steps[0].u, 2.0 / 33.0, 1e-6);
  EXPECT_LT(garcia.steps[0].weight + 3, xol.steps[0].weight);  // log2(31/2) ~ 4 bits apart
  EXPECT_EQ(garcia.steps[1].weight, xol.steps[1].weight);      // both dates exact
  EXPECT_LT(garcia.total_weight, xol.total_weight);
}

}  // namespace
}  // namespace reunite::match
