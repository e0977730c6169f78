// Pages are mustache templates (src/web/templates, embedded) rendered inside one layout,
// with the message catalog of the reader's language as {{t.<key>}}.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>

#include "common/status.h"
#include "web/auth_seam.h"
#include "web/i18n.h"

namespace reunite::web {

using TemplateData = kainjow::mustache::data;

// What the layout needs to know about the request besides the page itself.
struct PageContext {
  std::string lang = "en";
  std::string path = "/";             // for the language switch links
  std::string title_key;              // catalog key of the page title
  std::optional<Principal> user;      // signed-in user, if any
  std::string query;                  // the header search box's text (search results page)
};

// The names of every embedded template (without .mustache).
std::vector<std::string> TemplateNames();

// The catalog as nested mustache data, so "nav.families" is {{t.nav.families}}.
TemplateData CatalogData(const Messages& messages);

// Renders templates/<name>.mustache with data; Internal if it is missing or malformed.
Result<std::string> RenderTemplate(std::string_view name, const TemplateData& data);

// Renders templates/<page>.mustache with vars plus {{t}} and {{assets}}, then the layout around it.
Result<std::string> RenderPage(std::string_view page, const PageContext& ctx, TemplateData vars);

}  // namespace reunite::web
