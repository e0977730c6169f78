#include "web/routes.h"

#include <nlohmann/json.hpp>

#include "web/assets.h"
#include "web/body_limit.h"
#include "web/http_util.h"
#include "web/i18n.h"
#include "web/pages.h"
#include "web/refusal_audit.h"
#include "web/templates.h"

namespace reunite::web {
namespace {

using httplib::Request;
using httplib::Response;

}  // namespace

std::optional<Principal> CurrentUser(const Request& req, const RouteContext& ctx) {
  const std::string bearer = req.get_header_value("Authorization");
  if (bearer.rfind("Bearer ", 0) == 0) return ctx.auth->CheckToken(bearer.substr(7), RemoteOf(req, ctx.trusted_proxy));
  std::string token = GetCookie(req, kSessionCookie);
  if (token.empty()) return std::nullopt;
  return ctx.auth->CheckSession(token, RemoteOf(req, ctx.trusted_proxy));
}

namespace {

void ServeStatic(const Request& req, Response& res) {
  const StaticAsset* asset = FindStaticAsset(req.matches[1].str());
  if (!asset) {
    res.status = 404;
    return;
  }
  std::string etag = "\"" + asset->hash + "\"";
  res.set_header("ETag", etag);
  // A versioned URL names one exact content, so it may be cached for good.
  res.set_header("Cache-Control", req.get_param_value("v") == asset->hash
                                      ? "public, max-age=31536000, immutable"
                                      : "no-cache");
  if (req.get_header_value("If-None-Match") == etag) {
    res.status = 304;
    return;
  }
  res.set_content(std::string(asset->content), asset->content_type.c_str());
}

std::string SessionCookie(const std::string& token, std::chrono::seconds max_age, bool secure) {
  std::string c = std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
  if (max_age.count() > 0) c += "; Max-Age=" + std::to_string(max_age.count());
  if (secure) c += "; Secure";
  return c;
}

// The catalog key explaining a refused login; the same text for a wrong name or password.
std::string LoginErrorKey(LoginResult::Outcome outcome) {
  switch (outcome) {
    case LoginResult::Outcome::kInvalidCredentials: return "login.error.invalid";
    case LoginResult::Outcome::kLockedOut: return "login.error.locked";
    case LoginResult::Outcome::kBusy: return "login.error.busy";
    default: return "login.error.unavailable";
  }
}

int LoginErrorStatus(LoginResult::Outcome outcome) {
  switch (outcome) {
    case LoginResult::Outcome::kInvalidCredentials: return 401;
    case LoginResult::Outcome::kLockedOut: return 429;
    default: return 503;
  }
}

// Login CSRF: before there is a session, the login form's hidden field `csrf` must
// equal the login cookie (double submit). The cookie is SameSite=Strict and HttpOnly, so
// another site can neither send it with a forged sign-in (which would sign the user
// into the attacker's account) nor read it to copy into the field.
constexpr std::string_view kLoginCsrfCookie = "reunite_login_csrf";
constexpr std::size_t kLoginCsrfLength = 43;  // NewCsrfToken's length

// The request's login token when it has a well-formed one, else "".
std::string LoginCsrf(const Request& req) {
  std::string token = GetCookie(req, kLoginCsrfCookie);
  return token.size() == kLoginCsrfLength ? token : "";
}

std::string LoginCsrfCookie(const std::string& token, bool secure) {
  // An hour: long enough to type a password, short enough not to linger.
  std::string c = std::string(kLoginCsrfCookie) + "=" + token + "; Path=/login; HttpOnly; SameSite=Strict";
  c += token.empty() ? "; Max-Age=0" : "; Max-Age=3600";
  if (secure) c += "; Secure";
  return c;
}

void ShowLogin(const Request& req, Response& res, const std::string& username, const std::string& error_key,
               int status, bool secure) {
  PageContext ctx{RequestLanguage(req), "", "login.title", std::nullopt, ""};
  TemplateData vars;
  vars.set("username", username);
  const Messages& t = CatalogFor(ctx.lang);
  if (auto it = t.find(error_key); it != t.end()) vars.set("error", it->second);
  // Several open login tabs share one token: keep the browser's while it is valid.
  std::string token = LoginCsrf(req);
  if (token.empty()) {
    token = NewCsrfToken();
    res.set_header("Set-Cookie", LoginCsrfCookie(token, secure));
  }
  vars.set("login_csrf", token);
  SendPage(req, res, "login", ctx, vars, status);
}

void PostLogin(const Request& req, Response& res, const RouteContext& ctx) {
  std::string username = req.get_param_value("username");
  // Checked before the password, so a forged post costs no login attempt.
  if (!SameToken(LoginCsrf(req), req.get_param_value("csrf"))) {
    AuditAnonymousRefusal(ctx, req, username, std::string("sign-in form: ") + kCsrfRefusal);
    return ShowLogin(req, res, username, "login.error.csrf", 403, ctx.secure_cookies);
  }
  LoginResult result =
      ctx.auth->Login(username, req.get_param_value("password"), RemoteOf(req, ctx.trusted_proxy));
  if (result.outcome != LoginResult::Outcome::kOk) {
    ShowLogin(req, res, username, LoginErrorKey(result.outcome), LoginErrorStatus(result.outcome),
              ctx.secure_cookies);
    return;
  }
  res.set_header("Set-Cookie", SessionCookie(result.session_token, result.max_age, ctx.secure_cookies));
  res.set_header("Set-Cookie", LoginCsrfCookie("", ctx.secure_cookies));  // used up
  res.set_redirect("/", 303);
}

void PostApiLogin(const Request& req, Response& res, const RouteContext& ctx) {
  // Only JSON: a page on another site can post a form (text/plain included) here
  // without asking, but not application/json, so it cannot sign a browser in.
  const std::string type = req.get_header_value("Content-Type");
  if (type.rfind("application/json", 0) != 0)
    return SendJsonError(res, 415, "unsupported_media_type", "send the credentials as application/json");
  auto body = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object() || !body.value("username", nlohmann::json()).is_string() ||
      !body.value("password", nlohmann::json()).is_string()) {
    SendJsonError(res, 400, "bad_request", "expected {\"username\": \"...\", \"password\": \"...\"}");
    return;
  }
  LoginResult result = ctx.auth->Login(body["username"].get<std::string>(),
                                       body["password"].get<std::string>(), RemoteOf(req, ctx.trusted_proxy));
  if (result.outcome != LoginResult::Outcome::kOk) {
    const Messages& t = CatalogFor("en");
    auto key = LoginErrorKey(result.outcome);
    SendJsonError(res, LoginErrorStatus(result.outcome), key.substr(key.rfind('.') + 1), t.at(key));
    return;
  }
  res.set_header("Set-Cookie", SessionCookie(result.session_token, result.max_age, ctx.secure_cookies));
  res.set_content(R"({"status":"ok"})", "application/json");
}

void PostLogout(const Request& req, Response& res, const RouteContext& ctx) {
  std::string token = GetCookie(req, kSessionCookie);
  // A live session ends only with its own CSRF token, so another site cannot sign the user out.
  auto user = token.empty() ? std::nullopt : ctx.auth->CheckSession(token, RemoteOf(req, ctx.trusted_proxy));
  if (user && !CsrfOk(req, *user)) {
    AuditRefusal(ctx, req, user->who, kCsrfRefusal);
    return SendErrorPage(req, res, *user, 403);
  }
  if (user) ctx.auth->Logout(token);
  res.set_header("Set-Cookie", SessionCookie("", std::chrono::seconds(0), ctx.secure_cookies) + "; Max-Age=0");
  res.set_redirect("/login", 303);
}

}  // namespace

void RegisterRoutes(httplib::Server& server, const RouteContext& ctx) {
  server.Get("/health", [](const Request&, Response& res) {
    res.set_content(R"({"status":"ok"})", "application/json");
  });
  server.Get(R"(/static/([A-Za-z0-9._-]+))", ServeStatic);
  server.Get("/login", [ctx](const Request& req, Response& res) {
    if (CurrentUser(req, ctx)) return res.set_redirect("/", 303);
    ShowLogin(req, res, "", "", 200, ctx.secure_cookies);
  });
  // Every route that takes a body reads it within its limit (body_limit.h).
  server.Post("/login", WithLimitedBody([ctx](const Request& req, Response& res) { PostLogin(req, res, ctx); }));
  server.Post("/api/login",
              WithLimitedBody([ctx](const Request& req, Response& res) { PostApiLogin(req, res, ctx); }));
  server.Post("/logout", WithLimitedBody([ctx](const Request& req, Response& res) { PostLogout(req, res, ctx); }));
  RegisterApiRoutes(server, ctx);
  RegisterPageRoutes(server, ctx);
  RegisterBodyFallbacks(server);  // last: only paths no route above takes
}

namespace {

// What a user who must change their password may still ask of the API.
bool OpenBeforePasswordChange(const std::string& path) {
  return path == "/api/me" || path == "/api/me/password" || path == "/api/logout";
}

}  // namespace

httplib::Server::HandlerResponse GateRequest(const Request& req, Response& res, const RouteContext& ctx) {
  using HR = httplib::Server::HandlerResponse;
  // Refuse before reading the body: httplib reads it only after this handler.
  if (req.get_header_value<uint64_t>("Content-Length") > BodyLimitFor(req.path)) {
    res.status = 413;
    res.set_header("Connection", "close");
    return HR::Handled;
  }
  // Text that is not UTF-8 cannot be echoed in JSON: refused here, once for every route.
  // A body's text is checked when it is read (body_limit.cc).
  if (!RequestTextIsUtf8(req)) {
    SendLocalizedError(req, res, 400, "error.bad_text");
    res.set_header("Connection", "close");  // any body is left unread
    return HR::Handled;
  }
  if (!IsApiPath(req.path) || req.path == "/api/login") return HR::Unhandled;
  auto user = CurrentUser(req, ctx);
  if (!user) {
    SendJsonError(res, 401, "unauthenticated", "sign in first");
    return HR::Handled;
  }
  if (user->who.must_change_password && !OpenBeforePasswordChange(req.path)) {
    SendJsonError(res, 403, "password_change_required",
                  "an admin reset your password: set your own first (POST /api/me/password)");
    return HR::Handled;
  }
  return HR::Unhandled;
}

namespace {

void SendErrorPage(const Request& req, Response& res, const std::string& message) {
  // The page's own path only when it is text: it is shown in the page.
  PageContext ctx{RequestLanguage(req), IsValidUtf8(req.path) ? req.path : "", "error.title", std::nullopt, ""};
  TemplateData vars;
  vars.set("status", std::to_string(res.status));
  vars.set("message", message);
  auto html = RenderPage("error", ctx, vars);
  // A broken error template must not recurse into another error page: plain text then.
  if (html.ok()) res.set_content(*html, "text/html; charset=utf-8");
  else res.set_content(std::to_string(res.status), "text/plain; charset=utf-8");
}

}  // namespace

void SendLocalizedError(const Request& req, Response& res, int status, const std::string& key) {
  const std::string& message = CatalogFor(RequestLanguage(req)).at(key);
  res.status = status;
  if (IsApiPath(req.path)) return SendJsonError(res, status, ErrorCodeFor(status), message);
  SendErrorPage(req, res, message);
}

void FillErrorBody(const Request& req, Response& res) {
  if (!res.body.empty()) return;
  const Messages& t = CatalogFor(RequestLanguage(req));
  std::string key = "error." + std::to_string(res.status);
  if (!t.count(key)) key = "error.other";
  if (IsApiPath(req.path)) {
    SendJsonError(res, res.status, ErrorCodeFor(res.status), CatalogFor("en").at(key));
    return;
  }
  SendErrorPage(req, res, t.at(key));
}

}  // namespace reunite::web
