// Static files (CSS, JavaScript) served under /static/<name> from the binary itself.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace reunite::web {

struct StaticAsset {
  std::string_view content;  // static storage; never dangles
  std::string content_type;
  std::string hash;          // 16 hex digits of the content; the ETag and cache-busting version
};

// The asset named e.g. "htmx.min.js", or nullptr.
const StaticAsset* FindStaticAsset(std::string_view name);

// The names of every served asset.
std::vector<std::string> StaticAssetNames();

// "/static/<name>?v=<hash>": a URL that changes whenever the file does, so browsers may
// cache it for a year. Unknown names give the bare path (a 404 the tests will catch).
std::string AssetUrl(std::string_view name);

// The Content-Type for a file name, by extension.
std::string ContentTypeFor(std::string_view name);

}  // namespace reunite::web
