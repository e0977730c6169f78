// Helpers shared by the report's journal readers (workflow/report_facts.cc and
// report_workflow_facts.cc): snapshots are JSON objects whose values may be
// strings, numbers or booleans, depending on who wrote them.
#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "store/case_writer.h"

namespace reunite::report {

using JsonObject = nlohmann::json;

// InvalidArgument "journal entry ID (ENTITY ENTITY_ID, field F): WHY".
Status EntryError(const JournalEntry& entry, const std::string& why);

// The entry's `after` as a JSON object, or EntryError when it is not one.
Result<JsonObject> ParseSnapshot(const JournalEntry& entry);

// A JSON value as the journal's text: strings as they are, booleans "1"/"0",
// numbers in decimal, null "".
std::string JsonText(const nlohmann::json& value);

// obj[key] as an id (a number, or a string of digits); 0 when missing or not one.
std::int64_t JsonId(const JsonObject& obj, const char* key);

}  // namespace reunite::report
