// Issue 14, "Finding people": the search page, the API and their filters find people
// by A-number, phone number, record id and person id as well as by name; name results
// page beyond 50; errors are sentences in the reader's language, never a 400 page.
#include <gtest/gtest.h>

#include "common/clock.h"
#include "store/case_writer.h"
#include "web/api_test_fixture.h"
#include "web/i18n.h"

namespace reunite::web {
namespace {

using testing::ApiWorld;

httplib::Result Get(ApiWorld& w, const std::string& who, const std::string& path, const std::string& lang = "en") {
  httplib::Client cli("127.0.0.1", w.port);
  // ?lang= chooses the page's language (a signed-in user's own choice comes before
  // Accept-Language).
  const bool page = path.rfind("/api/", 0) != 0;
  return cli.Get(page ? path + (path.find('?') == std::string::npos ? "?" : "&") + "lang=" + lang : path, w.As(who));
}

std::string PersonLink(PersonId id) { return "href=\"/people/" + std::to_string(id) + "\""; }

TEST(SearchPagesTest, IdentifiersFindTheirPersonOnThePage) {
  ApiWorld& w = ApiWorld::Get();
  for (const std::string lang : {"en", "es"}) {
    auto phone = Get(w, "coordinator", "/search?q=5555-0003", lang);
    ASSERT_TRUE(phone);
    EXPECT_EQ(phone->status, 200) << phone->body;
    EXPECT_NE(phone->body.find(PersonLink(w.seed.a3)), std::string::npos) << phone->body;
    EXPECT_NE(phone->body.find(CatalogFor(lang).at("search.found_by.phone")), std::string::npos);
  }
  auto by_id = Get(w, "coordinator", "/search?q=" + std::to_string(w.seed.a1));
  ASSERT_TRUE(by_id);
  EXPECT_EQ(by_id->status, 200);
  EXPECT_NE(by_id->body.find(PersonLink(w.seed.a1)), std::string::npos) << by_id->body;
  // Digits that name no one: "no one matches", not an error page.
  auto none = Get(w, "coordinator", "/search?q=094763778");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 200);
  EXPECT_NE(none->body.find(CatalogFor("en").at("search.none")), std::string::npos) << none->body;
  // A field searcher does not find, by its number, a parent outside the team.
  auto outside = Get(w, "field_searcher", "/search?q=5555-0003");
  ASSERT_TRUE(outside);
  EXPECT_EQ(outside->status, 200);
  EXPECT_EQ(outside->body.find(PersonLink(w.seed.a3)), std::string::npos);
}

TEST(SearchPagesTest, FiltersAndUnreadableQueriesAnswerInTheReadersLanguage) {
  ApiWorld& w = ApiWorld::Get();
  auto gt = Get(w, "coordinator", "/search?q=Pedro+Pop&country=Guatemala&born=1985&role=adult");
  ASSERT_TRUE(gt);
  EXPECT_EQ(gt->status, 200);
  EXPECT_NE(gt->body.find(PersonLink(w.seed.a3)), std::string::npos);
  auto sv = Get(w, "coordinator", "/search?q=Pedro+Pop&country=SV");
  ASSERT_TRUE(sv);
  EXPECT_EQ(sv->body.find(PersonLink(w.seed.a3)), std::string::npos);
  auto child = Get(w, "coordinator", "/search?q=Pedro+Pop&role=child");
  ASSERT_TRUE(child);
  EXPECT_EQ(child->body.find(PersonLink(w.seed.a3)), std::string::npos);
  for (const std::string lang : {"en", "es"}) {
    const Messages& t = CatalogFor(lang);
    auto bad_country = Get(w, "coordinator", "/search?q=Pedro&country=Atlantis", lang);
    ASSERT_TRUE(bad_country);
    EXPECT_EQ(bad_country->status, 422);
    EXPECT_NE(bad_country->body.find(t.at("search.bad_country")), std::string::npos) << bad_country->body;
    auto bad_year = Get(w, "coordinator", "/search?q=Pedro&born=85x", lang);
    ASSERT_TRUE(bad_year);
    EXPECT_EQ(bad_year->status, 422);
    EXPECT_NE(bad_year->body.find(t.at("search.bad_born")), std::string::npos);
    auto symbols = Get(w, "coordinator", "/search?q=---+...", lang);
    ASSERT_TRUE(symbols);
    EXPECT_EQ(symbols->status, 422);
    EXPECT_NE(symbols->body.find(t.at("search.unreadable")), std::string::npos) << symbols->body;
  }
}

TEST(SearchPagesTest, TheApiFindsIdentifiersAndFilters) {
  ApiWorld& w = ApiWorld::Get();
  auto phone = Get(w, "coordinator", "/api/people?search=%2B502%205555%200003");
  ASSERT_TRUE(phone);
  ASSERT_EQ(phone->status, 200) << phone->body;
  auto json = nlohmann::json::parse(phone->body);
  ASSERT_EQ(json["items"].size(), 1u) << phone->body;
  EXPECT_EQ(json["items"][0]["id"], w.seed.a3);
  EXPECT_EQ(json["items"][0]["found_by"], "phone");
  auto sv = Get(w, "coordinator", "/api/people?search=Pedro%20Pop&only_country=SV");
  ASSERT_TRUE(sv);
  EXPECT_EQ(nlohmann::json::parse(sv->body)["total"], 0) << sv->body;
  auto gt = Get(w, "coordinator", "/api/people?search=Pedro%20Pop&only_country=Guatemala&only_born=1985");
  ASSERT_TRUE(gt);
  auto gt_json = nlohmann::json::parse(gt->body);
  ASSERT_FALSE(gt_json["items"].empty()) << gt->body;
  EXPECT_EQ(gt_json["items"][0]["id"], w.seed.a3);
  auto bad = Get(w, "coordinator", "/api/people?search=Pedro&only_born=85");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  auto digits = Get(w, "coordinator", "/api/people?search=094763778");
  ASSERT_TRUE(digits);
  EXPECT_EQ(digits->status, 200) << digits->body;
}

TEST(SearchPagesTest, NameResultsPageBeyondFifty) {
  ApiWorld& w = ApiWorld::Get("search_paging");
  {
    auto db = Database::Open(w.db_url);
    ASSERT_TRUE(db.ok());
    SystemClock clock;
    CaseWriter writer(**db, "seed", clock);
    for (int i = 0; i < 70; ++i) {
      Person p = reunite::testing::MakeCasePerson(Role::kAdult, "Ana", "Tzul", "");
      p.phones.clear();
      ASSERT_TRUE(writer.CreatePerson(p, "seed").ok());
    }
  }
  auto first = Get(w, "coordinator", "/search?q=Ana+Tzul");
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200);
  auto rows = [](const std::string& body) {
    std::size_t n = 0;
    for (std::size_t at = body.find("<tr><th scope=\"row\">"); at != std::string::npos;
         at = body.find("<tr><th scope=\"row\">", at + 1))
      ++n;
    return n;
  };
  EXPECT_EQ(rows(first->body), 50u);
  EXPECT_NE(first->body.find("rel=\"next\""), std::string::npos);
  auto second = Get(w, "coordinator", "/search?q=Ana+Tzul&page=2");
  ASSERT_TRUE(second);
  EXPECT_GE(rows(second->body), 20u);
  EXPECT_NE(second->body.find("rel=\"prev\""), std::string::npos);
  EXPECT_EQ(second->body.find("rel=\"next\""), std::string::npos);
}

}  // namespace
}  // namespace reunite::web
