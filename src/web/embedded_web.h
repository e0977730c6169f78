// Web assets compiled into the binary at build time (cmake/embed.cmake): static files
// under "static/", templates under "templates/", message catalogs under "i18n/".
#pragma once
#include <optional>
#include <string_view>

namespace reunite {

// The embedded file with that name (e.g. "static/htmx.min.js"), or nullopt.
std::optional<std::string_view> EmbeddedWebFile(std::string_view name);

}  // namespace reunite
