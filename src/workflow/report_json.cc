#include "workflow/report_json.h"

#include <charconv>

namespace reunite::report {

Result<JsonObject> ParseSnapshot(const JournalEntry& entry) {
  JsonObject snapshot = JsonObject::parse(entry.after, nullptr, /*allow_exceptions=*/false);
  if (!snapshot.is_object()) return EntryError(entry, "the snapshot is not a JSON object");
  return snapshot;
}

std::string JsonText(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "1" : "0";
  if (value.is_null()) return "";
  return value.dump();
}

std::int64_t JsonId(const JsonObject& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return 0;
  if (it->is_number_integer()) return it->get<std::int64_t>();
  if (!it->is_string()) return 0;
  const std::string& text = it->get_ref<const std::string&>();
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  return ec == std::errc() && end == text.data() + text.size() ? id : 0;
}

}  // namespace reunite::report
