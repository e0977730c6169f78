#include "web/import_messages.h"

namespace reunite::web {

std::string DiagnosticMessage(const Diagnostic& d, const Messages& catalog) {
  if (d.code.empty()) return d.message;
  auto it = catalog.find("import.problem." + d.code);
  if (it == catalog.end()) return d.message;
  std::string text = it->second;
  for (const auto& [name, value] : d.args) {
    const std::string slot = "{" + name + "}";
    for (size_t at = text.find(slot); at != std::string::npos; at = text.find(slot, at + value.size()))
      text.replace(at, slot.size(), value);
  }
  return text;
}

}  // namespace reunite::web
