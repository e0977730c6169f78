#include "web/assets.h"

#include <cstdint>
#include <cstdio>
#include <map>

#include "web/embedded_web.h"

namespace reunite::web {
namespace {

// Every file the build embeds under static/ (CMakeLists.txt lists the same files);
// assets_test checks that each one is really there.
constexpr std::string_view kNames[] = {"app.css", "app.js", "htmx.min.js", "pico.min.css",
                                       "chart.umd.js", "print.css"};

// FNV-1a: a version tag for caching, not a security measure.
std::string Fnv1aHex(std::string_view data) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

const std::map<std::string, StaticAsset, std::less<>>& Assets() {
  // Built once, on first use; C++ makes the initialisation thread-safe.
  static const auto* assets = [] {
    auto* m = new std::map<std::string, StaticAsset, std::less<>>();
    for (std::string_view name : kNames) {
      auto content = EmbeddedWebFile("static/" + std::string(name));
      if (!content) continue;
      m->emplace(std::string(name), StaticAsset{*content, ContentTypeFor(name), Fnv1aHex(*content)});
    }
    return m;
  }();
  return *assets;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

const StaticAsset* FindStaticAsset(std::string_view name) {
  auto it = Assets().find(name);
  return it == Assets().end() ? nullptr : &it->second;
}

std::vector<std::string> StaticAssetNames() {
  return std::vector<std::string>(std::begin(kNames), std::end(kNames));
}

std::string AssetUrl(std::string_view name) {
  std::string url = "/static/" + std::string(name);
  if (const StaticAsset* a = FindStaticAsset(name)) url += "?v=" + a->hash;
  return url;
}

std::string ContentTypeFor(std::string_view name) {
  if (EndsWith(name, ".css")) return "text/css; charset=utf-8";
  if (EndsWith(name, ".js")) return "text/javascript; charset=utf-8";
  if (EndsWith(name, ".json")) return "application/json";
  if (EndsWith(name, ".svg")) return "image/svg+xml";
  if (EndsWith(name, ".png")) return "image/png";
  if (EndsWith(name, ".ico")) return "image/x-icon";
  return "application/octet-stream";
}

}  // namespace reunite::web
