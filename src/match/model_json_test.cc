#include "match/model_json.h"

#include <gtest/gtest.h>

#include "match/linker.h"

namespace reunite::match {
namespace {

LinkSettings Settings() {
  auto s = ParseSettings(R"({"unique_id_column": "id",
    "comparisons": [
      {"name": "given", "kind": "string", "column": "given", "levels": ["exact", {"jaro_winkler": 0.88}],
       "term_frequency_adjustment": true},
      {"name": "surname", "kind": "string", "column": "surname", "levels": ["exact", "phonetic"]},
      {"name": "dob", "kind": "date", "column": "dob", "date_format": "YYYYMMDD"}],
    "blocking_rules": ["dob", "surname"],
    "em": {"max_u_pairs": 5000, "seed": 3}})", "t");
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return *s;
}

Dataset People() {
  std::string csv = "id,given,surname,dob\n";
  const char* given[] = {"ana", "maria", "jose", "luis", "rosa", "juan", "pedro", "elena"};
  const char* surname[] = {"xol", "caal", "perez", "lopez", "choc", "tzul"};
  for (int i = 0; i < 120; ++i) {
    std::string dob = "19" + std::to_string(50 + i % 40) + "0" + std::to_string(1 + i % 9) + "1" + std::to_string(i % 9);
    csv += "r" + std::to_string(i) + "," + given[i % 8] + "," + surname[(i / 8) % 6] + "," + dob + "\n";
    if (i % 3 == 0) csv += "c" + std::to_string(i) + "," + given[i % 8] + "," + surname[(i / 8) % 6] + "," + dob + "\n";
  }
  auto data = ReadCsvDataset(csv, "people.csv", {}, "id", Settings().LeftColumns());
  EXPECT_TRUE(data.ok()) << data.status().ToString();
  return *data;
}

TEST(ModelJsonTest, RoundTripsAndScoresAsTheTrainedModel) {
  const LinkSettings settings = Settings();
  const Dataset data = People();
  auto trained = Linkage::Run(settings, data, nullptr, {});
  ASSERT_TRUE(trained.ok()) << trained.status().ToString();
  auto restored = ModelFromJson(ModelToJson((*trained)->model()));
  ASSERT_TRUE(restored.ok()) << restored.status().ToString();
  EXPECT_DOUBLE_EQ(restored->lambda, (*trained)->model().lambda);
  ASSERT_EQ(restored->comparisons.size(), 3u);
  EXPECT_EQ(restored->comparisons[0].m, (*trained)->model().comparisons[0].m);
  EXPECT_EQ(restored->comparisons[0].u, (*trained)->model().comparisons[0].u);

  // The stored model scores without estimating: the same weights as the trained run.
  RunOptions fixed;
  fixed.model = &*restored;
  auto rescored = Linkage::Run(settings, data, nullptr, fixed);
  ASSERT_TRUE(rescored.ok()) << rescored.status().ToString();
  ASSERT_EQ((*rescored)->weights().size(), (*trained)->weights().size());
  for (size_t k = 0; k < (*trained)->weights().size(); ++k)
    EXPECT_NEAR((*rescored)->weights()[k], (*trained)->weights()[k], 1e-9);
  EXPECT_EQ((*rescored)->model().em_iterations, 0);
}

TEST(ModelJsonTest, RefusesBrokenDocumentsAndMismatchedModels) {
  EXPECT_EQ(ModelFromJson("not json").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ModelFromJson(R"({"lambda": 0.1})").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ModelFromJson(R"({"lambda": 0.1, "tf_minimum_u": 1e-6, "comparisons": [{"name": "a", "labels": ["x"],
      "m": [1, 0], "u": [1], "exact_level": 0, "term_frequency_adjustment": false}]})").status().code(),
            StatusCode::kInvalidArgument);
  FellegiSunterModel two_comparisons;
  two_comparisons.comparisons.resize(2);
  RunOptions fixed;
  fixed.model = &two_comparisons;
  EXPECT_EQ(Linkage::Run(Settings(), People(), nullptr, fixed).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace reunite::match
