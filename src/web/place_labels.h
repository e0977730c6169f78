// Place names for pages: a country's ISO code through the catalog ("country.GT"),
// a department's ISO 3166-2 code through the department table (ingest/places.h);
// a code with no name shows as itself, and the library's "[withheld]" in the
// reader's words.
#pragma once
#include <string>

#include "web/i18n.h"

namespace reunite::web {

std::string CountryLabel(const Messages& t, const std::string& code);
std::string DepartmentLabel(const Messages& t, const std::string& code);
// A municipality or village as the library gave it: "" unknown, "[withheld]".
std::string PlaceLabel(const Messages& t, const std::string& text);

}  // namespace reunite::web
