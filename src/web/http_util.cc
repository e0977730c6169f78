#include "web/http_util.h"

#include <nlohmann/json.hpp>

#include "web/client_address.h"
#include "web/i18n.h"

namespace reunite::web {
namespace {

void SetIfAbsent(httplib::Response& res, const char* name, std::string_view value) {
  if (!res.has_header(name)) res.set_header(name, std::string(value));
}

std::string Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

bool IsApiPath(std::string_view path) { return path.rfind("/api/", 0) == 0 || path == "/api"; }

std::size_t BodyLimitFor(std::string_view path) {
  // List uploads: POST /api/lists itself and anything under it. (Testing only the
  // "/api/lists/" prefix held the upload route to the form limit.)
  if (path == "/api/lists" || path.rfind("/api/lists/", 0) == 0) return kMaxUploadBytes;
  // The import page's commit re-posts the list as base64 (4/3 of its size) with the form.
  if (path == "/import") return kMaxUploadBytes / 3 * 4 + kMaxFormBytes;
  return kMaxFormBytes;
}

void ApplySecurityHeaders(httplib::Response& res) {
  SetIfAbsent(res, "Content-Security-Policy", kContentSecurityPolicy);
  SetIfAbsent(res, "X-Content-Type-Options", "nosniff");
  SetIfAbsent(res, "X-Frame-Options", "DENY");
  SetIfAbsent(res, "Referrer-Policy", "no-referrer");
  SetIfAbsent(res, "Cross-Origin-Opener-Policy", "same-origin");
  // Case data must not linger in shared or browser caches; static assets set their own.
  SetIfAbsent(res, "Cache-Control", "no-store");
}

bool IsValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    // The length of the sequence and the range of its second byte (RFC 3629, table 3-7 of
    // the Unicode standard): the narrow ranges exclude overlong forms and surrogates.
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) len = 2;
    else if (b == 0xE0) len = 3, lo = 0xA0;
    else if (b == 0xED) len = 3, hi = 0x9F;
    else if (b >= 0xE1 && b <= 0xEF) len = 3;
    else if (b == 0xF0) len = 4, lo = 0x90;
    else if (b == 0xF4) len = 4, hi = 0x8F;
    else if (b >= 0xF1 && b <= 0xF3) len = 4;
    else return false;
    if (s.size() - i < len) return false;
    const auto second = static_cast<unsigned char>(s[i + 1]);
    if (second < lo || second > hi) return false;
    for (std::size_t k = 2; k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if (c < 0x80 || c > 0xBF) return false;
    }
    i += len;
  }
  return true;
}

bool RequestTextIsUtf8(const httplib::Request& req) {
  if (!IsValidUtf8(req.path)) return false;
  for (const auto& [name, value] : req.params)
    if (!IsValidUtf8(name) || !IsValidUtf8(value)) return false;
  for (const auto& [name, part] : req.files)
    if (!IsValidUtf8(name) || !IsValidUtf8(part.filename) || (part.filename.empty() && !IsValidUtf8(part.content)))
      return false;
  const std::string type = req.get_header_value("Content-Type");
  const bool text_body =
      type.rfind("application/json", 0) == 0 || type.rfind("application/x-www-form-urlencoded", 0) == 0;
  return !text_body || IsValidUtf8(req.body);
}

void SendJsonError(httplib::Response& res, int status, std::string_view code, std::string_view message) {
  nlohmann::json body = {{"error", {{"code", code}, {"message", message}}}};
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

std::string ErrorCodeFor(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 401: return "unauthenticated";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 413: return "payload_too_large";
    case 414: return "uri_too_long";
    case 503: return "unavailable";
    default: return status >= 500 ? "internal" : "error";
  }
}

std::string GetCookie(const httplib::Request& req, std::string_view name) {
  // Cookie: a=1; b=2 (a request may carry several Cookie headers).
  size_t count = req.get_header_value_count("Cookie");
  for (size_t i = 0; i < count; ++i) {
    std::string header = req.get_header_value("Cookie", i);
    size_t pos = 0;
    while (pos < header.size()) {
      size_t semi = header.find(';', pos);
      std::string pair = header.substr(pos, semi == std::string::npos ? std::string::npos : semi - pos);
      size_t eq = pair.find('=');
      if (eq != std::string::npos && Trim(std::string_view(pair).substr(0, eq)) == name)
        return Trim(std::string_view(pair).substr(eq + 1));
      if (semi == std::string::npos) break;
      pos = semi + 1;
    }
  }
  return "";
}

RemoteInfo RemoteOf(const httplib::Request& req, std::string_view trusted_proxy) {
  return RemoteInfo{ClientAddress(req, trusted_proxy), req.get_header_value("User-Agent")};
}

std::string RequestLanguage(const httplib::Request& req) {
  return PickLanguage(req.get_param_value("lang"), GetCookie(req, kLanguageCookie),
                      req.get_header_value("Accept-Language"));
}

}  // namespace reunite::web
