// Message catalogs and templates agree: same keys in every language, and every
// {{t.key}} a template uses exists.
#include "web/i18n.h"

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "web/assets.h"
#include "web/embedded_web.h"
#include "web/templates.h"

namespace reunite::web {
namespace {

std::set<std::string> Keys(const Messages& m) {
  std::set<std::string> keys;
  for (const auto& [k, v] : m) keys.insert(k);
  return keys;
}

TEST(I18nTest, EveryCatalogHasTheSameKeysAsEnglish) {
  auto en = Keys(RawCatalog("en"));
  ASSERT_GT(en.size(), 10u) << "en.json missing or not a flat object of strings";
  for (const auto& lang : SupportedLanguages()) {
    auto keys = Keys(RawCatalog(lang));
    for (const auto& k : en) EXPECT_TRUE(keys.count(k)) << lang << ".json lacks " << k;
    for (const auto& k : keys) EXPECT_TRUE(en.count(k)) << lang << ".json has " << k << ", en.json does not";
  }
}

TEST(I18nTest, EverySectionExistsAndNoKeyIsInTwoSections) {
  for (const auto& lang : SupportedLanguages()) {
    std::map<std::string, std::string> owner;
    for (const auto& section : CatalogSections()) {
      ASSERT_TRUE(EmbeddedWebFile(CatalogFile(lang, section))) << CatalogFile(lang, section) << " is not embedded";
      for (const auto& [key, value] : RawCatalogSection(lang, section)) {
        auto [it, fresh] = owner.emplace(key, section);
        EXPECT_TRUE(fresh) << lang << ": " << key << " is in section '" << it->second << "' and '" << section << "'";
      }
    }
  }
}

TEST(I18nTest, NoKeyIsAlsoAPrefixOfAnother) {
  // {{t.a.b}} cannot work if "a" is itself a message.
  auto keys = Keys(RawCatalog("en"));
  for (const auto& k : keys)
    for (const auto& other : keys) EXPECT_NE(other.rfind(k + ".", 0), 0u) << k << " is a prefix of " << other;
}

TEST(I18nTest, EveryTemplateFileIsEmbedded) {
  std::set<std::string> on_disk;
  for (const auto& e : std::filesystem::directory_iterator(REUNITE_SOURCE_DIR "/src/web/templates"))
    if (e.path().extension() == ".mustache") on_disk.insert(e.path().stem().string());
  auto names = TemplateNames();
  EXPECT_EQ(on_disk, std::set<std::string>(names.begin(), names.end()));
  for (const auto& name : names) EXPECT_TRUE(EmbeddedWebFile("templates/" + name + ".mustache")) << name;
}

TEST(I18nTest, EveryMessageATemplateUsesExists) {
  auto en = Keys(RawCatalog("en"));
  std::regex use(R"(\{\{\{?\s*t\.([A-Za-z0-9_.]+)\s*\}?\}\})");
  int uses = 0;
  for (const auto& name : TemplateNames()) {
    std::string text(*EmbeddedWebFile("templates/" + name + ".mustache"));
    for (std::sregex_iterator it(text.begin(), text.end(), use), end; it != end; ++it, ++uses)
      EXPECT_TRUE(en.count((*it)[1].str())) << name << ".mustache uses t." << (*it)[1].str();
  }
  EXPECT_GT(uses, 10);
}

TEST(I18nTest, MissingKeysFallBackToEnglishAndUnknownLanguagesGetEnglish) {
  EXPECT_EQ(CatalogFor("es").at("login.password"), "Contraseña");
  EXPECT_EQ(CatalogFor("xx").at("login.password"), "Password");
  EXPECT_EQ(CatalogFor("es").size(), CatalogFor("en").size());
}

TEST(I18nTest, PickLanguageOrder) {
  EXPECT_EQ(PickLanguage("es", "en", "en-US"), "es");
  EXPECT_EQ(PickLanguage("", "es", "en-US"), "es");
  EXPECT_EQ(PickLanguage("fr", "", "fr-FR, es-GT;q=0.8, en;q=0.5"), "es");
  EXPECT_EQ(PickLanguage("", "", "de"), "en");
  EXPECT_EQ(PickLanguage("ES", "", ""), "es");
}

TEST(TemplatesTest, LoginPageRendersInSpanishWithLayout) {
  PageContext ctx{"es", "/login", "login.title", std::nullopt, ""};
  auto html = RenderPage("login", ctx, TemplateData());
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  EXPECT_NE(html->find("<html lang=\"es\">"), std::string::npos);
  EXPECT_NE(html->find("<title>Iniciar sesión"), std::string::npos);
  EXPECT_NE(html->find("for=\"password\""), std::string::npos);
  EXPECT_NE(html->find("href=\"#main\""), std::string::npos);
  EXPECT_NE(html->find(AssetUrl("htmx.min.js")), std::string::npos);
  EXPECT_EQ(html->find("<script>"), std::string::npos) << "inline scripts break the CSP";
  EXPECT_EQ(html->find("{{"), std::string::npos);
}

TEST(TemplatesTest, ValuesAreHtmlEscaped) {
  TemplateData vars;
  vars.set("username", "<script>\"x\"");
  auto html = RenderPage("login", PageContext{}, vars);
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(html->find("<script>\"x\""), std::string::npos);
  EXPECT_NE(html->find("&lt;script&gt;&quot;x&quot;"), std::string::npos);
}

TEST(AssetsTest, EveryAssetIsEmbeddedWithItsType) {
  for (const auto& name : StaticAssetNames()) {
    const StaticAsset* a = FindStaticAsset(name);
    ASSERT_NE(a, nullptr) << name;
    EXPECT_GT(a->content.size(), 100u) << name;
    EXPECT_EQ(a->hash.size(), 16u);
  }
  EXPECT_EQ(FindStaticAsset("pico.min.css")->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(FindStaticAsset("htmx.min.js")->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(FindStaticAsset("nope.js"), nullptr);
  EXPECT_EQ(AssetUrl("app.js"), "/static/app.js?v=" + FindStaticAsset("app.js")->hash);
}

}  // namespace
}  // namespace reunite::web
