#include "web/place_labels.h"

#include "ingest/places.h"
#include "web/pages.h"

namespace reunite::web {

namespace {
constexpr const char* kWithheld = "[withheld]";  // what access/ writes in a cleared field
}

std::string PlaceLabel(const Messages& t, const std::string& text) {
  if (text.empty()) return Label(t, "common.unknown", "?");
  if (text == kWithheld) return Label(t, "plan.withheld", text);
  return text;
}

std::string CountryLabel(const Messages& t, const std::string& code) {
  if (code.empty() || code == kWithheld) return PlaceLabel(t, code);
  return Label(t, "country." + code, code);
}

std::string DepartmentLabel(const Messages& t, const std::string& code) {
  if (code.empty() || code == kWithheld) return PlaceLabel(t, code);
  std::string name = DepartmentName(code);
  return name.empty() ? code : name;
}

}  // namespace reunite::web
