// Message catalogs: every string the web pages show comes from src/web/i18n/<lang>.json,
// flat objects of dotted keys ("nav.families") to text.
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

// The catalog exactly as embedded (empty if lang has none, or it is not valid JSON of strings);
// for tests that compare catalogs.
Messages RawCatalog(std::string_view lang);

// The messages for lang, with English filling any key it lacks; unknown languages get English.
const Messages& CatalogFor(std::string_view lang);

// The language to answer in: an explicit choice (?lang=), then the remembered one (cookie),
// then the first supported language in Accept-Language, then English.
std::string PickLanguage(std::string_view chosen, std::string_view remembered,
                         std::string_view accept_language);

}  // namespace reunite::web
