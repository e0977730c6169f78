// Data files compiled into the binary from data/ (names, places) at build time.
#pragma once
#include <optional>
#include <string_view>

namespace reunite {

// Returns the contents of data/<path> as it was at build time, or nullopt if no
// such file was embedded. The view points to static storage and never dangles.
std::optional<std::string_view> EmbeddedFile(std::string_view path);

}  // namespace reunite
