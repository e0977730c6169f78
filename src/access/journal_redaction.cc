#include "access/journal_redaction.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "access/policy.h"

namespace reunite {

namespace {

constexpr const char* kLocationColumns[] = {"location_country", "location_department", "location_municipality",
                                            "location_village", "location_text", "removal_country",
                                            "location_facility"};

bool IsLocationColumn(const std::string& column) {
  return std::find(std::begin(kLocationColumns), std::end(kLocationColumns), column) != std::end(kLocationColumns);
}

// A value that shows something: not empty, not an empty list, not withheld.
bool Shows(const std::string& value) { return !value.empty() && value != "[]" && value != kWithheldValue; }

const char* GroupOf(const std::string& column) {
  if (IsLocationColumn(column)) return kWithheldLocation;
  if (column == "phones") return kWithheldPhones;
  return nullptr;
}

}  // namespace

std::vector<std::string> WithheldColumns(const std::vector<std::string>& withheld, const Location& shown) {
  std::vector<std::string> columns;
  for (const std::string& group : withheld) {
    if (group == kWithheldLocation) {
      for (const char* c : kLocationColumns)
        if (std::string(c) != "location_facility") columns.push_back(c);
      // The facility is withheld only with the rest for people at risk; a view
      // that still shows it keeps it in the journal too.
      if (shown.facility.empty()) columns.push_back("location_facility");
    }
    if (group == kWithheldPhones) columns.push_back("phones");
  }
  return columns;
}

void RedactPersonEntry(JournalEntry& e, const std::vector<std::string>& columns) {
  if (e.field == "*") {
    nlohmann::json snapshot = nlohmann::json::parse(e.after, nullptr, false);
    if (snapshot.is_discarded()) return void(e.after = kWithheldValue);
    for (const std::string& c : columns)
      if (snapshot.contains(c)) snapshot[c] = kWithheldValue;
    e.after = snapshot.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } else if (std::find(columns.begin(), columns.end(), e.field) != columns.end()) {
    e.before = e.after = kWithheldValue;
  }
}

std::set<std::string> ShownGroups(const JournalEntry& e) {
  std::set<std::string> shown;
  if (e.entity == "person_protection") {
    if (e.field == "notes" && (Shows(e.before) || Shows(e.after))) shown.insert(kWithheldNotes);
    return shown;
  }
  if (e.entity != "person") return shown;
  if (e.field != "*") {
    if (const char* group = GroupOf(e.field); group && (Shows(e.before) || Shows(e.after))) shown.insert(group);
    return shown;
  }
  nlohmann::json snapshot = nlohmann::json::parse(e.after, nullptr, false);
  if (!snapshot.is_object()) return shown;
  for (const auto& [column, value] : snapshot.items()) {
    const char* group = GroupOf(column);
    if (!group) continue;
    const bool shows = value.is_string() ? Shows(value.get<std::string>()) : (value.is_array() && !value.empty());
    if (shows) shown.insert(group);
  }
  return shown;
}

}  // namespace reunite
