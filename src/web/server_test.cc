// The server end to end over 127.0.0.1: headers, static files, the session gate, errors, limits.
#include "web/server.h"

#include <algorithm>

#include <gtest/gtest.h>
#include <httplib.h>

#include "web/assets.h"
#include "web/http_util.h"

namespace reunite::web {
namespace {

// Accepts ana/secret and the one session it hands out.
class FakeAccounts final : public Authenticator {
 public:
  LoginResult Login(std::string_view user, std::string_view password, const RemoteInfo&) override {
    ++logins;
    if (user == "ana" && password == "secret")
      return {LoginResult::Outcome::kOk, "tok123", std::chrono::seconds(3600)};
    return {LoginResult::Outcome::kInvalidCredentials, "", {}};
  }
  std::optional<Principal> CheckSession(std::string_view token, const RemoteInfo&) override {
    if (token == "tok123") {
      Principal ana{"ana", "Ana López", {}};
      ana.who.csrf_token = "csrf123";
      return ana;
    }
    return std::nullopt;
  }
  void Logout(std::string_view token) override { logged_out = std::string(token); }
  bool Allowed(const Principal&, std::string_view) override { return true; }
  std::string logged_out;
  int logins = 0;
};

// Every Set-Cookie header of a response.
std::vector<std::string> SetCookies(const httplib::Result& res) {
  std::vector<std::string> out;
  for (size_t i = 0; i < res->get_header_value_count("Set-Cookie"); ++i)
    out.push_back(res->get_header_value("Set-Cookie", i));
  return out;
}

// What a browser holds after opening the login page: the login CSRF cookie
// ("reunite_login_csrf=...") and the form's hidden token.
struct LoginForm {
  std::string cookie, token;
};

LoginForm OpenLoginForm(httplib::Client& cli) {
  LoginForm form;
  auto res = cli.Get("/login");
  EXPECT_TRUE(res && res->status == 200);
  if (!res) return form;
  for (const std::string& c : SetCookies(res))
    if (c.rfind("reunite_login_csrf=", 0) == 0) form.cookie = c.substr(0, c.find(';'));
  const std::string field = "name=\"csrf\" value=\"";
  const size_t at = res->body.find(field);
  if (at != std::string::npos) {
    const size_t from = at + field.size();
    form.token = res->body.substr(from, res->body.find('"', from) - from);
  }
  EXPECT_EQ(form.token.size(), 43u) << res->body;
  EXPECT_EQ(form.cookie, "reunite_login_csrf=" + form.token);
  return form;
}

// A login post as the form sends it, with the page's token and cookie.
httplib::Result PostLoginForm(httplib::Client& cli, const LoginForm& form, const std::string& fields) {
  return cli.Post("/login", {{"Cookie", form.cookie}}, fields + "&csrf=" + form.token,
                  "application/x-www-form-urlencoded");
}

template <class Accounts>
class ServerTestBase : public ::testing::Test {
 protected:
  void SetUp() override {
    auto port = server_.Start("127.0.0.1", 0);
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    port_ = *port;
  }
  httplib::Client Client() { return httplib::Client("127.0.0.1", port_); }

  Accounts accounts_;
  WebServer server_{&accounts_};
  int port_ = 0;
};

using ServerTest = ServerTestBase<NoAccounts>;
using SignedInServerTest = ServerTestBase<FakeAccounts>;

void ExpectSecurityHeaders(const httplib::Result& res) {
  EXPECT_EQ(res->get_header_value("Content-Security-Policy"), kContentSecurityPolicy);
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY");
  EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer");
}

TEST_F(ServerTest, HealthIsPublicJsonWithSecurityHeaders) {
  auto res = Client().Get("/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, R"({"status":"ok"})");
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store");
  ExpectSecurityHeaders(res);
}

TEST_F(ServerTest, StaticAssetsHaveTypeEtagAndCaching) {
  const StaticAsset* htmx = FindStaticAsset("htmx.min.js");
  ASSERT_NE(htmx, nullptr);
  auto cli = Client();
  auto res = cli.Get("/static/htmx.min.js");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, htmx->content);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(res->get_header_value("ETag"), "\"" + htmx->hash + "\"");
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-cache");
  ExpectSecurityHeaders(res);

  auto versioned = cli.Get(AssetUrl("htmx.min.js").c_str());
  ASSERT_TRUE(versioned);
  EXPECT_EQ(versioned->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");

  auto again = cli.Get("/static/htmx.min.js", {{"If-None-Match", "\"" + htmx->hash + "\""}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());

  auto missing = cli.Get("/static/nope.js");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
}

TEST_F(ServerTest, ApiWithoutSessionIsRefusedWithJson) {
  auto res = Client().Get("/api/families");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  EXPECT_NE(res->body.find(R"("code":"unauthenticated")"), std::string::npos) << res->body;
  ExpectSecurityHeaders(res);
  // A forged session cookie is no better.
  auto forged = Client().Get("/api/families", {{"Cookie", "reunite_session=guess"}});
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 401);
}

TEST_F(ServerTest, UnknownPageIsAnHtmlNotFound) {
  auto res = Client().Get("/no/such/page", {{"Accept-Language", "es"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(res->body.find("No hay ninguna página"), std::string::npos) << res->body;
  ExpectSecurityHeaders(res);
}

TEST_F(ServerTest, LoginPageIsAFormInTheChosenLanguage) {
  auto res = Client().Get("/login?lang=es");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("<html lang=\"es\">"), std::string::npos);
  EXPECT_NE(res->body.find("<form method=\"post\" action=\"/login\""), std::string::npos);
  const std::vector<std::string> cookies = SetCookies(res);
  ASSERT_EQ(cookies.size(), 2u);
  EXPECT_EQ(cookies[0].substr(0, 19), "reunite_login_csrf=");
  EXPECT_NE(cookies[0].find("; Path=/login; HttpOnly; SameSite=Strict; Max-Age=3600"), std::string::npos);
  EXPECT_EQ(cookies[1], "lang=es; Path=/; Max-Age=31536000; SameSite=Lax");
  auto remembered = Client().Get("/login", {{"Cookie", "lang=es"}});
  ASSERT_TRUE(remembered);
  EXPECT_NE(remembered->body.find("Contraseña"), std::string::npos);
}

TEST_F(ServerTest, LoginWithoutAccountsSaysUnavailable) {
  auto cli = Client();
  auto res = PostLoginForm(cli, OpenLoginForm(cli), "username=ana&password=x");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 503);
  EXPECT_FALSE(res->has_header("Set-Cookie"));
  EXPECT_NE(res->body.find("no accounts are set up"), std::string::npos);
  auto api = Client().Post("/api/login", R"({"username":"ana","password":"x"})", "application/json");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 503);
  EXPECT_NE(api->body.find(R"("code":"unavailable")"), std::string::npos) << api->body;
}

TEST_F(ServerTest, OversizedRequestIsRefused) {
  std::string big(kMaxFormBytes + 1, 'a');
  auto res = Client().Post("/login", "username=" + big, "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  auto api = Client().Post("/api/login", big, "application/json");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 413);
  EXPECT_NE(api->body.find(R"("code":"payload_too_large")"), std::string::npos) << api->body;
}

// Posts `total` bytes of `fill` with Transfer-Encoding: chunked (no Content-Length), as a
// client streaming a body of unknown size does.
httplib::Result PostChunked(httplib::Client& cli, const std::string& path, std::size_t total, char fill = 'a',
                            const std::string& type = "application/json") {
  return cli.Post(
      path, {},
      [total, fill](std::size_t offset, httplib::DataSink& sink) {
        if (offset >= total) {
          sink.done();
          return true;
        }
        const std::string piece(std::min<std::size_t>(16u << 10, total - offset), fill);
        return sink.write(piece.data(), piece.size());
      },
      type);
}

// Issue 13.10: a chunked body was read whole, whatever its size.
TEST_F(ServerTest, ChunkedBodyOverTheLimitIsRefused) {
  auto cli = Client();
  auto res = PostChunked(cli, "/api/login", 4 * kMaxFormBytes);
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 413);
  EXPECT_NE(res->body.find(R"("code":"payload_too_large")"), std::string::npos) << res->body;
  auto page = PostChunked(cli, "/login", 4 * kMaxFormBytes, 'a', "application/x-www-form-urlencoded");
  ASSERT_TRUE(page) << httplib::to_string(page.error());
  EXPECT_EQ(page->status, 413);
  // A path no route takes reads no more than its limit either.
  auto nowhere = PostChunked(cli, "/nowhere", 4 * kMaxFormBytes);
  ASSERT_TRUE(nowhere) << httplib::to_string(nowhere.error());
  EXPECT_EQ(nowhere->status, 413);
}

TEST_F(SignedInServerTest, ChunkedBodyWithinTheLimitIsRead) {
  auto cli = Client();
  const std::string credentials = R"({"username":"ana","password":"secret"})";
  auto res = cli.Post(
      "/api/login", {},
      [&credentials](std::size_t offset, httplib::DataSink& sink) {
        // Seven bytes a chunk, so the JSON arrives in pieces.
        if (offset < credentials.size())
          return sink.write(credentials.data() + offset, std::min<std::size_t>(7, credentials.size() - offset));
        sink.done();
        return true;
      },
      "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(accounts_.logins, 1);
}

// Issue 13.10: POST /api/lists was held to the 64 KB form limit, not the 20 MB upload one.
TEST_F(ServerTest, ListUploadRouteGetsTheUploadLimit) {
  EXPECT_EQ(BodyLimitFor("/api/lists"), kMaxUploadBytes);
  EXPECT_EQ(BodyLimitFor("/api/lists/42"), kMaxUploadBytes);
  EXPECT_EQ(BodyLimitFor("/api/listsx"), kMaxFormBytes);
  // Past the form limit, the upload route reaches the session gate (401), not a 413.
  auto res = Client().Post("/api/lists", std::string(kMaxFormBytes * 2, 'a'), "text/csv");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401) << res->body;
}

TEST_F(ServerTest, DashboardSendsStrangersToLogin) {
  auto res = Client().Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303);
  EXPECT_EQ(res->get_header_value("Location"), "/login");
}

TEST_F(ServerTest, StopEndsServing) {
  server_.Stop();
  EXPECT_FALSE(server_.running());
  EXPECT_FALSE(Client().Get("/health"));
  server_.Stop();  // idempotent
}

TEST_F(SignedInServerTest, LoginSetsAnHttpOnlySessionCookieAndOpensTheDashboard) {
  auto cli = Client();
  auto res = PostLoginForm(cli, OpenLoginForm(cli), "username=ana&password=secret");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303);
  EXPECT_EQ(SetCookies(res), std::vector<std::string>({
                                 "reunite_session=tok123; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600",
                                 "reunite_login_csrf=; Path=/login; HttpOnly; SameSite=Strict; Max-Age=0"}));
  // This server has no case data (no pool): the signed-in user gets a 503 page, in the layout.
  auto page = Client().Get("/", {{"Cookie", "reunite_session=tok123"}});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 503);
  EXPECT_NE(page->body.find("Ana López"), std::string::npos) << "the layout names the user";
  EXPECT_NE(page->body.find("action=\"/logout\""), std::string::npos);
  // Past the gate, an API path with no route is a JSON 404.
  auto api = Client().Get("/api/no-such-route", {{"Cookie", "reunite_session=tok123"}});
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 404);
  EXPECT_NE(api->body.find(R"("code":"not_found")"), std::string::npos);
}

// A login post without the login page's token, or with another one, is refused
// before the password is checked: another site cannot sign the browser in.
TEST_F(SignedInServerTest, LoginWithoutTheLoginCsrfTokenIsRefused) {
  auto cli = Client();
  const LoginForm form = OpenLoginForm(cli);
  auto bare = cli.Post("/login", "username=ana&password=secret", "application/x-www-form-urlencoded");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->status, 403);
  EXPECT_NE(bare->body.find("id=\"login-error\""), std::string::npos) << bare->body;
  for (const std::string& c : SetCookies(bare)) EXPECT_EQ(c.find("reunite_session="), std::string::npos) << c;
  // The field alone (no cookie), and a cookie with a different field, fail alike.
  auto field_only = cli.Post("/login", "username=ana&password=secret&csrf=" + form.token,
                             "application/x-www-form-urlencoded");
  EXPECT_EQ(field_only->status, 403);
  LoginForm other = form;
  other.token[0] = other.token[0] == 'A' ? 'B' : 'A';
  auto mismatched = PostLoginForm(cli, other, "username=ana&password=secret");
  EXPECT_EQ(mismatched->status, 403);
  EXPECT_EQ(accounts_.logins, 0);
  // A page opened again keeps the browser's token, so several open tabs all work.
  auto again = cli.Get("/login", {{"Cookie", form.cookie}});
  EXPECT_NE(again->body.find(form.token), std::string::npos);
  EXPECT_TRUE(SetCookies(again).empty());
  EXPECT_EQ(PostLoginForm(cli, form, "username=ana&password=secret")->status, 303);
}

// The JSON login takes JSON only: a cross-site form can post text/plain, not JSON.
TEST_F(SignedInServerTest, ApiLoginTakesJsonOnly) {
  auto cli = Client();
  auto plain = cli.Post("/api/login", R"({"username":"ana","password":"secret"})", "text/plain");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 415);
  EXPECT_FALSE(plain->has_header("Set-Cookie"));
  EXPECT_NE(plain->body.find(R"("code":"unsupported_media_type")"), std::string::npos) << plain->body;
  auto json = cli.Post("/api/login", R"({"username":"ana","password":"secret"})", "application/json");
  ASSERT_TRUE(json);
  EXPECT_EQ(json->status, 200) << json->body;
  EXPECT_EQ(json->get_header_value("Set-Cookie"), "reunite_session=tok123; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600");
  EXPECT_EQ(accounts_.logins, 1);
}

TEST_F(SignedInServerTest, WrongPasswordIs401WithoutCookie) {
  auto cli = Client();
  const LoginForm form = OpenLoginForm(cli);
  auto res = PostLoginForm(cli, form, "username=ana&password=nope");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_FALSE(res->has_header("Set-Cookie"));
  EXPECT_NE(res->body.find("role=\"alert\""), std::string::npos);
}

TEST_F(SignedInServerTest, LogoutWithoutTheCsrfTokenIsRefused) {
  auto res = Client().Post("/logout", {{"Cookie", "reunite_session=tok123"}}, "csrf=wrong",
                           "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(accounts_.logged_out, "");
}

TEST_F(SignedInServerTest, LogoutEndsTheSession) {
  auto res = Client().Post("/logout", {{"Cookie", "reunite_session=tok123"}}, "csrf=csrf123",
                           "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303);
  EXPECT_EQ(accounts_.logged_out, "tok123");
  EXPECT_NE(res->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
}

}  // namespace
}  // namespace reunite::web
