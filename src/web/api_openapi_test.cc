// The OpenAPI document describes every route the API serves.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "match/explanation_json.h"
#include "web/api_internal.h"
#include "web/embedded_web.h"

namespace reunite::web {
namespace {

TEST(OpenApiTest, EveryApiRouteIsDocumented) {
  auto text = EmbeddedWebFile("api/openapi.json");
  ASSERT_TRUE(text);
  auto doc = nlohmann::json::parse(*text, nullptr, false);
  ASSERT_TRUE(doc.is_object());
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  ASSERT_TRUE(doc["components"]["schemas"].contains("Error"));
  std::vector<api::ApiRoute> routes = api::AllApiRoutes();
  routes.push_back({"POST", "/api/login", nullptr});  // registered in routes.cc
  for (const api::ApiRoute& r : routes) {
    std::string method = r.method;
    for (char& c : method) c = static_cast<char>(std::tolower(c));
    ASSERT_TRUE(doc["paths"].contains(r.path)) << r.path;
    const auto& op = doc["paths"][r.path];
    ASSERT_TRUE(op.contains(method)) << r.method << " " << r.path;
    EXPECT_TRUE(op[method].contains("responses")) << r.path;
  }
}

TEST(OpenApiTest, DocumentedPathsAreServed) {
  auto doc = nlohmann::json::parse(*EmbeddedWebFile("api/openapi.json"));
  std::vector<api::ApiRoute> routes = api::AllApiRoutes();
  for (const auto& [path, ops] : doc["paths"].items()) {
    if (path == "/api/login") continue;
    for (const auto& [method, op] : ops.items()) {
      bool found = false;
      for (const auto& r : routes) {
        std::string m = r.method;
        for (char& c : m) c = static_cast<char>(std::tolower(c));
        found |= r.path == path && m == method;
      }
      EXPECT_TRUE(found) << method << " " << path << " is documented but not served";
    }
  }
}

// Every key of `object` is a property of the schema (following allOf).
void ExpectDocumented(const nlohmann::json& doc, const std::string& schema, const nlohmann::json& object) {
  std::set<std::string> properties;
  std::vector<nlohmann::json> parts = {doc["components"]["schemas"][schema]};
  while (!parts.empty()) {
    nlohmann::json part = parts.back();
    parts.pop_back();
    if (part.contains("$ref")) {
      std::string ref = part["$ref"];
      parts.push_back(doc["components"]["schemas"][ref.substr(ref.rfind('/') + 1)]);
    }
    const nlohmann::json all_of = part.value("allOf", nlohmann::json::array());
    for (const auto& p : all_of) parts.push_back(p);
    const nlohmann::json own = part.value("properties", nlohmann::json::object());
    for (const auto& [key, value] : own.items()) properties.insert(key);
  }
  ASSERT_FALSE(properties.empty()) << schema;
  for (const auto& [key, value] : object.items()) EXPECT_TRUE(properties.count(key)) << schema << " lacks " << key;
}

// GET /api/review/{id} answers what the document says, down to the explanation's
// steps and the run's model health.
TEST(OpenApiTest, TheReviewItemIsDocumentedToTheLastField) {
  auto doc = nlohmann::json::parse(*EmbeddedWebFile("api/openapi.json"));
  match::Explanation why;
  why.steps.push_back({"surnames", "Caal", "Caal", 0, "exact", 0.9, 0.01, 6.5, true, 0.01});
  why.sibling_support = {"12", 14.0, 2.0};
  why.role_reason = "role: mother\n";
  ReviewItem item;
  item.candidate.explanation = match::ExplanationToJson(why);
  item.candidate.run_id = 3;
  item.run = MatchRunRecord{3, "2018-07-01T00:00:00.000Z", "2018-07-01T00:01:00.000Z", "matcher", {}, "[]"};
  item.health = {{"family", false, 100, {"inverted"}, {"pooled"}, true, false}};
  item.health_warning = true;
  nlohmann::json j = api::ReviewItemJson(item);
  ExpectDocumented(doc, "ReviewItem", j);
  ExpectDocumented(doc, "Explanation", j["explanation"]);
  ExpectDocumented(doc, "ExplanationStep", j["explanation"]["steps"][0]);
  ExpectDocumented(doc, "MatchRun", j["run"]);
  ExpectDocumented(doc, "ModelHealth", j["run"]["model_health"][0]);
  EXPECT_EQ(j["explanation"]["sibling_support"]["weight"], 2.0);
  item.candidate.explanation = "not json";
  j = api::ReviewItemJson(item);
  EXPECT_TRUE(j["explanation"].is_null());
  ExpectDocumented(doc, "ReviewItem", j);
}

}  // namespace
}  // namespace reunite::web
