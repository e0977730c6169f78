// Issue 13, item 8 on the admin pages: a user's page and its forms (admins only,
// CSRF-checked, each change audited), and the own-password page every other page
// sends a user to after an admin reset their password.
#include <gtest/gtest.h>

#include "web/api_test_fixture.h"

namespace reunite::web {
namespace {

using testing::ApiWorld;

ApiWorld& World() { return ApiWorld::Get("account_pages"); }
httplib::Client Client() { return httplib::Client("127.0.0.1", World().port); }

httplib::Result PostForm(const std::string& who, const std::string& path, const std::string& fields,
                         bool with_csrf = true) {
  std::string body = fields;
  if (with_csrf) body += "&csrf=" + World().logins.at(who).csrf;
  return Client().Post(path, World().As(who, /*csrf=*/false), body, "application/x-www-form-urlencoded");
}

bool Has(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

std::int64_t UserId(const std::string& name) {
  auto db = Database::Open(World().db_url);
  long long id = 0;
  (*db)->session() << "SELECT id FROM users WHERE username = :u", soci::use(name), soci::into(id);
  return id;
}

std::string UserPath(const std::string& name) { return "/users/" + std::to_string(UserId(name)); }

long Audits(const std::string& action) {
  auto db = Database::Open(World().db_url);
  long n = 0;
  (*db)->session() << "SELECT COUNT(*) FROM audit_log WHERE action = :a", soci::use(action), soci::into(n);
  return n;
}

TEST(AccountPagesTest, Issue13Item8OnlyAdminsOpenAUsersPage) {
  auto admin = Client().Get(UserPath("auditor"), World().As("admin", false));
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->status, 200);
  for (const char* form : {"/access\"", "/deactivate\"", "/reset-password\"", "/tokens\""})
    EXPECT_TRUE(Has(admin->body, form)) << form;
  auto list = Client().Get("/users", World().As("admin", false));
  EXPECT_TRUE(Has(list->body, "href=\"" + UserPath("auditor") + "\""));
  EXPECT_EQ(Client().Get(UserPath("auditor"), World().As("coordinator", false))->status, 403);
  EXPECT_EQ(Client().Get("/users/999999", World().As("admin", false))->status, 404);
}

TEST(AccountPagesTest, Issue13Item8FormsNeedTheCsrfTokenAndAnAdmin) {
  const long before = Audits("deactivate_user");
  EXPECT_EQ(PostForm("admin", UserPath("case_worker") + "/deactivate", "", /*with_csrf=*/false)->status, 403);
  EXPECT_EQ(PostForm("admin", UserPath("case_worker") + "/deactivate", "csrf=forged", false)->status, 403);
  EXPECT_EQ(PostForm("coordinator", UserPath("case_worker") + "/deactivate", "")->status, 403);
  EXPECT_EQ(Audits("deactivate_user"), before) << "nothing was deactivated";
  EXPECT_EQ(Client().Get("/api/me", World().As("case_worker"))->status, 200);
}

TEST(AccountPagesTest, Issue13Item8DeactivateAndReactivateFromThePage) {
  auto off = PostForm("admin", UserPath("field_searcher") + "/deactivate", "");
  ASSERT_TRUE(off);
  EXPECT_EQ(off->status, 303);
  EXPECT_EQ(off->get_header_value("Location"), UserPath("field_searcher") + "?done=deactivated");
  EXPECT_EQ(Client().Get("/api/me", World().As("field_searcher"))->status, 401) << "its session ended at once";
  auto page = Client().Get(UserPath("field_searcher") + "?done=deactivated", World().As("admin", false));
  EXPECT_TRUE(Has(page->body, "id=\"user-notice\""));
  EXPECT_TRUE(Has(page->body, "/reactivate\""));
  EXPECT_EQ(PostForm("admin", UserPath("field_searcher") + "/reactivate", "")->status, 303);
  // An admin cannot lock themself out: the page says why (409).
  auto self = PostForm("admin", UserPath("admin") + "/deactivate", "");
  EXPECT_EQ(self->status, 409);
  EXPECT_TRUE(Has(self->body, "id=\"user-error\""));
}

TEST(AccountPagesTest, Issue13Item8RoleTokensAndResetFromThePage) {
  const std::string path = UserPath("government_liaison");
  EXPECT_EQ(PostForm("admin", path + "/access", "role=auditor&team=")->status, 303);
  EXPECT_EQ(Client().Get("/api/me", World().As("government_liaison"))->status, 401);
  auto bad_team = PostForm("admin", path + "/access", "role=auditor&team=" + std::string(65, 'x'));
  EXPECT_EQ(bad_team->status, 400);
  EXPECT_TRUE(Has(bad_team->body, "64 characters"));

  auto made = PostForm("admin", path + "/tokens", "name=feed&expires_days=30");
  ASSERT_EQ(made->status, 200);
  const size_t at = made->body.find("rnt_");
  ASSERT_NE(at, std::string::npos) << "the new token is shown once";
  const std::string token = made->body.substr(at, made->body.find('<', at) - at);
  EXPECT_EQ(Client().Get("/api/me", {{"Authorization", "Bearer " + token}})->status, 200);
  EXPECT_FALSE(Has(Client().Get(path, World().As("admin", false))->body, token)) << "and never again";
  EXPECT_EQ(PostForm("admin", path + "/tokens", "name=x&expires_days=-1")->status, 400);
  long long token_id = 0;
  auto db = Database::Open(World().db_url);
  (*db)->session() << "SELECT MAX(id) FROM api_tokens", soci::into(token_id);
  EXPECT_EQ(PostForm("admin", path + "/tokens/" + std::to_string(token_id) + "/revoke", "")->status, 303);
  EXPECT_EQ(Client().Get("/api/me", {{"Authorization", "Bearer " + token}})->status, 401);

  const long resets = Audits("reset_password");
  auto mismatch = PostForm("admin", path + "/reset-password", "password=temporary+password+1&confirm=other");
  EXPECT_EQ(mismatch->status, 400);
  auto reset = PostForm("admin", path + "/reset-password", "password=temporary+password+1&confirm=temporary+password+1");
  EXPECT_EQ(reset->status, 303);
  EXPECT_EQ(Audits("reset_password"), resets + 1);
}

// After an admin reset the password, every page leads to the password form.
TEST(AccountPagesTest, Issue13Item8AResetUserIsSentToChangeTheirPassword) {
  auto db = Database::Open(World().db_url);
  Accounts accounts(**db);
  ASSERT_TRUE(accounts.ResetPassword(reunite::Principal::LocalOperator("root"), "case_worker", "temporary password 2").ok());
  auto session = accounts.Login("case_worker", "temporary password 2", "127.0.0.1");
  ASSERT_TRUE(session.ok());
  const httplib::Headers cookie = {{"Cookie", "reunite_session=" + session->token}};
  for (const char* page : {"/", "/families", "/search?q=x"}) {
    auto res = Client().Get(page, cookie);
    EXPECT_EQ(res->status, 303) << page;
    EXPECT_EQ(res->get_header_value("Location"), "/account/password") << page;
  }
  auto form = Client().Get("/account/password", cookie);
  EXPECT_EQ(form->status, 200);
  EXPECT_TRUE(Has(form->body, "id=\"forced-notice\""));
  const std::string csrf = "&csrf=" + session->csrf_token;
  auto wrong = Client().Post("/account/password", cookie,
                             "current=nope&password=my+own+passphrase&confirm=my+own+passphrase" + csrf,
                             "application/x-www-form-urlencoded");
  EXPECT_EQ(wrong->status, 403);
  EXPECT_TRUE(Has(wrong->body, "id=\"password-error\""));
  auto ok = Client().Post("/account/password", cookie,
                          "current=temporary+password+2&password=my+own+passphrase&confirm=my+own+passphrase" + csrf,
                          "application/x-www-form-urlencoded");
  EXPECT_EQ(ok->status, 303);
  EXPECT_EQ(Client().Get("/", cookie)->status, 200) << "free to go on, at once";
}

}  // namespace
}  // namespace reunite::web
