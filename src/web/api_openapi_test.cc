// The OpenAPI document describes every route the API serves.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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

}  // namespace
}  // namespace reunite::web
