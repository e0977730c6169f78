// The stored explanation: every term round-trips, and explanations stored before this
// encoder existed (version 1) still decode.
#include "match/explanation_json.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace reunite::match {
namespace {

Explanation FamilyLinkWithEverything() {
  Explanation e;
  e.left_id = "12";
  e.right_id = "345";
  e.lambda = 0.0123456789012345;
  e.prior_weight = -6.33;
  ExplanationStep surname{"surname_line", "Pérez López", "Pérez García", 0, "first surname = adult's first", 0.91,
                          0.00042, 11.08, true, 0.0031};
  ExplanationStep dob{"age_gap", "2010-03-04", "", kNull, "null", 0, 0, 0, false, 0};
  e.steps = {surname, dob};
  e.sibling_support = {"13", 15.5, 4.25};
  e.role_reason = "role: father (role scores: father 3.0)\n";
  e.total_weight = e.prior_weight + surname.weight + e.sibling_support.weight;
  e.probability = WeightToProbability(e.total_weight);
  return e;
}

TEST(ExplanationJsonTest, EveryTermRoundTrips) {
  const Explanation e = FamilyLinkWithEverything();
  auto back = ExplanationFromJson(ExplanationToJson(e));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, e);
  EXPECT_EQ(back->steps[0].term_frequency, 0.0031);
  EXPECT_EQ(back->steps[1].level, kNull);
  EXPECT_EQ(back->sibling_support.sibling_id, "13");
}

TEST(ExplanationJsonTest, AnExplanationWithoutSiblingSupportStoresNone) {
  Explanation e = FamilyLinkWithEverything();
  e.sibling_support = {};
  e.role_reason.clear();
  std::string text = ExplanationToJson(e);
  EXPECT_EQ(text.find("sibling_support"), std::string::npos);
  EXPECT_EQ(text.find("role_reason"), std::string::npos);
  EXPECT_EQ(*ExplanationFromJson(text), e);
}

// Written by store/match_run.cc's ExplanationJson before version 2, kept verbatim.
TEST(ExplanationJsonTest, VersionOneDocumentsStillDecode) {
  const std::string stored =
      R"({"prior_weight":-7.25,"probability":0.9921875,"role_reason":"role: mother (role scores: father 0.0, )"
      R"(mother 4.0, other_relative 1.0, legal_guardian 0.0)\n","steps":[{"comparison":"surname_line","left":)"
      R"("Pérez López","level":"second surname = adult's first","right":"López Hernández","weight":9.5},)"
      R"({"comparison":"age_gap","left":"2010-03-04","level":"null","right":"","weight":0.0}],"total_weight":7.0})";
  auto e = ExplanationFromJson(stored);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->prior_weight, -7.25);
  EXPECT_EQ(e->total_weight, 7.0);
  EXPECT_EQ(e->probability, 0.9921875);
  EXPECT_NE(e->role_reason.find("role: mother"), std::string::npos);
  ASSERT_EQ(e->steps.size(), 2u);
  EXPECT_EQ(e->steps[0].comparison, "surname_line");
  EXPECT_EQ(e->steps[0].left_value, "Pérez López");
  EXPECT_EQ(e->steps[0].right_value, "López Hernández");
  EXPECT_EQ(e->steps[0].level_label, "second surname = adult's first");
  EXPECT_EQ(e->steps[0].level, 0);
  EXPECT_EQ(e->steps[0].weight, 9.5);
  EXPECT_EQ(e->steps[0].m, 0);  // version 1 did not keep m and u
  EXPECT_EQ(e->steps[1].level, kNull);
  EXPECT_EQ(e->sibling_support.weight, 0);
  // The minimal document tests write into the queue.
  auto minimal = ExplanationFromJson(R"({"steps": []})");
  ASSERT_TRUE(minimal.ok());
  EXPECT_TRUE(minimal->steps.empty());
}

TEST(ExplanationJsonTest, WhatIsNotAnExplanationIsRefused) {
  for (const char* bad : {"", "not json", "[1, 2]", R"({"steps": {}})", R"({"steps": ["a step"]})",
                          R"({"steps": [{"weight": "heavy"}]})", R"({"total_weight": true})",
                          R"({"sibling_support": 3})", R"({"version": 3})", R"({"steps": [{"comparison": 7}]})"}) {
    auto e = ExplanationFromJson(bad);
    EXPECT_FALSE(e.ok()) << bad;
    if (!e.ok()) {
      EXPECT_EQ(e.status().code(), StatusCode::kInvalidArgument) << bad;
    }
  }
}

TEST(ExplanationJsonTest, InfiniteWeightsReadBackAsNotANumber) {
  Explanation e;
  e.steps.push_back({"sex", "F", "M", 1, "different", 0, 0.5, -std::numeric_limits<double>::infinity(), false, 0});
  auto back = ExplanationFromJson(ExplanationToJson(e));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(std::isnan(back->steps[0].weight));
}

}  // namespace
}  // namespace reunite::match
