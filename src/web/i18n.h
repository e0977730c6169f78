// Message catalogs: every string the web pages show comes from src/web/i18n/<lang>.json
// and its sections <lang>.<section>.json (one per part of the workspace, so that parts
// grow without touching one shared file), flat objects of dotted keys ("nav.families")
// to text.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace reunite::web {

using Messages = std::map<std::string, std::string, std::less<>>;

// The languages with a catalog, English first (the fallback).
const std::vector<std::string>& SupportedLanguages();

// Whether lang has a catalog.
bool IsSupportedLanguage(std::string_view lang);

// The catalog sections: "" (the main file <lang>.json), then "workflow", "plan", "report",
// "accounts".
const std::vector<std::string>& CatalogSections();
// The embedded name of a section's file: "i18n/es.json", "i18n/es.workflow.json".
std::string CatalogFile(std::string_view lang, std::string_view section);

// One section exactly as embedded (empty if lang has none, or it is not valid JSON of
// strings); for tests that compare catalogs.
Messages RawCatalogSection(std::string_view lang, std::string_view section);
// Every section of lang's catalog merged (no key may be in two sections; tested).
Messages RawCatalog(std::string_view lang);

// The messages for lang, with English filling any key it lacks; unknown languages get English.
const Messages& CatalogFor(std::string_view lang);

// The language to answer in: an explicit choice (?lang=), then the remembered one (cookie),
// then the first supported language in Accept-Language, then English.
std::string PickLanguage(std::string_view chosen, std::string_view remembered,
                         std::string_view accept_language);

}  // namespace reunite::web
