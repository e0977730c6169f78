// Issue 13.11: text that is not UTF-8 in a request answered 500 with the JSON library's
// own message. Every such input is a 400 in the user's language, never library text.
#include <gtest/gtest.h>

#include "web/api_test_fixture.h"
#include "web/http_util.h"
#include "web/i18n.h"

namespace reunite::web {
namespace {

using testing::ApiWorld;

httplib::Result GetAs(const std::string& path, const std::string& language) {
  ApiWorld& w = ApiWorld::Get();
  httplib::Client cli("127.0.0.1", w.port);
  httplib::Headers headers = w.As("coordinator");
  headers.emplace("Accept-Language", language);
  return cli.Get(path, headers);
}

void ExpectBadText(const httplib::Result& res, const std::string& language, const std::string& what) {
  ASSERT_TRUE(res) << what;
  EXPECT_EQ(res->status, 400) << what << ": " << res->body;
  EXPECT_EQ(res->body.find("json.exception"), std::string::npos) << what << ": " << res->body;
  EXPECT_NE(res->body.find(CatalogFor(language).at("error.bad_text")), std::string::npos)
      << what << ": " << res->body;
}

TEST(ApiUtf8Test, IsValidUtf8AcceptsTextAndRejectsMalformedSequences) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Ana L\xC3\xB3pez, Q'anjob'al, \xE2\x82\xAC, \xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("\xFF"));              // never in UTF-8
  EXPECT_FALSE(IsValidUtf8("L\xC3"));             // cut short
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong "/"
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong "/"
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(IsValidUtf8("L\xF3pez"));          // Windows-1252
}

TEST(ApiUtf8Test, InvalidUtf8InQueryParametersIsA400InTheUserLanguage) {
  for (const std::string language : {"en", "es"}) {
    ExpectBadText(GetAs("/api/people?search=%FF", language), language, "search");
    ExpectBadText(GetAs("/api/people?search=Ana%C3", language), language, "truncated search");
    ExpectBadText(GetAs("/api/reports/overdue?as_of=%FF", language), language, "overdue as_of");
    ExpectBadText(GetAs("/api/reports/status?as_of=2026-01-01%ED%A0%80", language), language, "status as_of");
    // The pages answer the same, as an error page.
    auto page = GetAs("/search?q=%FF&search=%FF", language);
    ExpectBadText(page, language, "search page");
    if (page) {
      EXPECT_NE(page->get_header_value("Content-Type").find("text/html"), std::string::npos);
    }
  }
}

TEST(ApiUtf8Test, InvalidUtf8InABodyIsA400InTheUserLanguage) {
  ApiWorld& w = ApiWorld::Get();
  httplib::Client cli("127.0.0.1", w.port);
  httplib::Headers headers = w.As("coordinator");
  headers.emplace("Accept-Language", "es");
  auto json = cli.Post("/api/deadlines", headers, "{\"kind\":\"\xff\"}", "application/json");
  ExpectBadText(json, "es", "JSON body");
  auto form = cli.Post("/login", {{"Accept-Language", "es"}}, "username=%FF&password=x",
                       "application/x-www-form-urlencoded");
  ExpectBadText(form, "es", "form body");
}

TEST(ApiUtf8Test, WrongTypesInABodyAnswerWithoutLibraryText) {
  ApiWorld& w = ApiWorld::Get();
  httplib::Client cli("127.0.0.1", w.port);
  auto res = cli.Post("/api/users", w.As("admin"),
                      R"({"username":"typed","password":"x","org":"Kids in Need","role":"admin","team":5})", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400) << res->body;
  EXPECT_EQ(res->body.find("json.exception"), std::string::npos) << res->body;
  EXPECT_NE(res->body.find(CatalogFor("en").at("error.bad_field")), std::string::npos) << res->body;
}

}  // namespace
}  // namespace reunite::web
