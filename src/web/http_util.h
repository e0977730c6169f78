// Small HTTP helpers shared by the router and the routes: security headers, JSON errors,
// cookies, request limits.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include <httplib.h>

#include "web/auth_seam.h"

namespace reunite::web {

// Request bodies: agency lists may be large; every other form or JSON body is small.
inline constexpr std::size_t kMaxUploadBytes = 20u << 20;
inline constexpr std::size_t kMaxFormBytes = 64u << 10;

inline constexpr std::string_view kSessionCookie = "reunite_session";
inline constexpr std::string_view kLanguageCookie = "lang";

inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'";

// Whether a path is under /api/ (JSON answers) rather than a page (HTML answers).
bool IsApiPath(std::string_view path);

// The body limit for a path: kMaxUploadBytes for list uploads, kMaxFormBytes otherwise.
std::size_t BodyLimitFor(std::string_view path);

// Adds the security headers and, unless a handler chose one, Cache-Control: no-store.
void ApplySecurityHeaders(httplib::Response& res);

// Whether s is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Whether every text of the request that a route may echo is UTF-8: the path, the query's
// and form's names and values, a JSON or form body, and multipart fields that are not
// files. (Uploaded lists may be Windows-1252; the importer decodes them.) A string that
// is not UTF-8 makes nlohmann::json throw when dumped, so it is refused at the door.
bool RequestTextIsUtf8(const httplib::Request& req);

// Answers {"error": {"code": code, "message": message}} with the status. Text that is not
// UTF-8 is replaced (U+FFFD) rather than thrown on, as a last resort.
void SendJsonError(httplib::Response& res, int status, std::string_view code, std::string_view message);

// A short machine-readable code for an HTTP error status ("not_found", "payload_too_large").
std::string ErrorCodeFor(int status);

// The value of a cookie in the request, or "" if it is absent.
std::string GetCookie(const httplib::Request& req, std::string_view name);

// Who sent the request, for the authenticator: the client's address as
// ClientAddress (client_address.h) finds it behind `trusted_proxy`.
RemoteInfo RemoteOf(const httplib::Request& req, std::string_view trusted_proxy);

// The language to answer this request in (?lang=, the lang cookie, Accept-Language).
std::string RequestLanguage(const httplib::Request& req);

}  // namespace reunite::web
