#include "web/i18n.h"

#include <mutex>

#include <nlohmann/json.hpp>

#include "web/embedded_web.h"

namespace reunite::web {
namespace {

constexpr std::string_view kFallback = "en";

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The primary subtags of an Accept-Language header in the order given ("es-GT,es;q=0.9,en"
// gives es, es, en). Quality values are ignored: browsers already list by preference.
std::vector<std::string> AcceptedLanguages(std::string_view header) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= header.size()) {
    size_t comma = header.find(',', pos);
    std::string_view item = header.substr(pos, comma == std::string_view::npos ? header.npos : comma - pos);
    item = item.substr(0, item.find(';'));
    item = item.substr(0, item.find('-'));
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) out.push_back(Lower(item));
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return out;
}

}  // namespace

const std::vector<std::string>& SupportedLanguages() {
  static const std::vector<std::string> langs = {"en", "es"};
  return langs;
}

bool IsSupportedLanguage(std::string_view lang) {
  for (const auto& l : SupportedLanguages())
    if (l == lang) return true;
  return false;
}

const std::vector<std::string>& CatalogSections() {
  static const std::vector<std::string> sections = {"", "workflow", "plan", "report", "accounts"};
  return sections;
}

std::string CatalogFile(std::string_view lang, std::string_view section) {
  std::string name = "i18n/" + std::string(lang);
  if (!section.empty()) name += "." + std::string(section);
  return name + ".json";
}

Messages RawCatalogSection(std::string_view lang, std::string_view section) {
  Messages out;
  if (!IsSupportedLanguage(lang)) return out;
  auto text = EmbeddedWebFile(CatalogFile(lang, section));
  if (!text) return out;
  auto json = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return out;
  for (const auto& [key, value] : json.items())
    if (value.is_string()) out.emplace(key, value.get<std::string>());
  return out;
}

Messages RawCatalog(std::string_view lang) {
  Messages out;
  for (const auto& section : CatalogSections())
    for (auto& [key, value] : RawCatalogSection(lang, section)) out.emplace(key, std::move(value));
  return out;
}

const Messages& CatalogFor(std::string_view lang) {
  // Merged catalogs are built once per language and never change afterwards.
  static std::mutex mu;
  static std::map<std::string, Messages, std::less<>> cache;
  std::string key = IsSupportedLanguage(lang) ? std::string(lang) : std::string(kFallback);
  std::lock_guard lock(mu);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  Messages merged = RawCatalog(key);
  for (const auto& [k, v] : RawCatalog(kFallback)) merged.emplace(k, v);  // keeps existing keys
  return cache.emplace(key, std::move(merged)).first->second;
}

std::string PickLanguage(std::string_view chosen, std::string_view remembered,
                         std::string_view accept_language) {
  if (IsSupportedLanguage(Lower(chosen))) return Lower(chosen);
  if (IsSupportedLanguage(Lower(remembered))) return Lower(remembered);
  for (const auto& lang : AcceptedLanguages(accept_language))
    if (IsSupportedLanguage(lang)) return lang;
  return std::string(kFallback);
}

}  // namespace reunite::web
