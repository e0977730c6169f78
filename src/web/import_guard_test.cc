// Issue 13, item 13: the import guards on the web. POST /api/lists and the import page
// refuse a list with a NUL byte, a field over its length limit or a bidirectional
// control character in a name, at file:line:column with the field, in the user's
// language (English or Spanish), and write nothing.
#include <gtest/gtest.h>

#include "web/api_test_fixture.h"
#include "web/import_messages.h"

namespace reunite::web {
namespace {

using nlohmann::json;

const std::string kHeader = "record_id,given_names,surnames,dob\n";
const std::string kRlo = "\xE2\x80\xAE";

long PeopleCount() {
  auto db = Database::Open(testing::ApiWorld::Get().db_url);
  EXPECT_TRUE(db.ok());
  long n = 0;
  (*db)->session() << "SELECT COUNT(*) FROM people", soci::into(n);
  return n;
}

// POSTs a list (not a dry run) as the admin; the answer's only error diagnostic.
json PostList(const std::string& csv, const std::string& lang = "") {
  testing::ApiWorld& w = testing::ApiWorld::Get();
  httplib::Client cli("127.0.0.1", w.port);
  const std::string query = "/api/lists?source=GUARD&kind=child&file=g.csv" + (lang.empty() ? "" : "&lang=" + lang);
  auto res = cli.Post(query, w.As("admin"), csv, "text/csv");
  EXPECT_TRUE(res);
  if (!res) return {};
  EXPECT_EQ(res->status, 422) << res->body;
  json report = json::parse(res->body);
  EXPECT_FALSE(report["written"].get<bool>());
  EXPECT_EQ(report["errors"], 1) << res->body;
  for (const json& d : report["diagnostics"])
    if (d["severity"] == "error") return d;
  return {};
}

TEST(ImportGuardWebTest, Issue13Item13MessagesAreWordedFromTheCatalog) {
  Diagnostic d;
  d.message = "too long: 1,048,576 characters; a name takes at most 200";
  d.code = "field_too_long";
  d.args = {{"length", "1,048,576"}, {"limit", "200"}};
  EXPECT_EQ(DiagnosticMessage(d, CatalogFor("en")), "Too long: 1,048,576 characters; this field takes at most 200.");
  EXPECT_EQ(DiagnosticMessage(d, CatalogFor("es")),
            "Demasiado largo: 1,048,576 caracteres; este campo admite como máximo 200.");
  d.code = "no_such_code";
  EXPECT_EQ(DiagnosticMessage(d, CatalogFor("es")), d.message);
  d.code.clear();
  EXPECT_EQ(DiagnosticMessage(d, CatalogFor("es")), d.message);
}

TEST(ImportGuardWebTest, Issue13Item13EveryCodeHasAMessageInEveryLanguage) {
  for (const std::string lang : {"en", "es"})
    for (const char* code : {"nul_byte", "field_too_long", "bidi_control", "file_too_large"})
      EXPECT_TRUE(RawCatalog(lang).count(std::string("import.problem.") + code)) << lang << " " << code;
}

TEST(ImportGuardWebTest, Issue13Item13ApiRefusesAMegabyteNameInSpanish) {
  const long before = PeopleCount();
  json d = PostList(kHeader + "G-1,Ana,Xol,2011-05-06\nG-2," + std::string(1 << 20, 'A') + ",Xol,2011-05-06\n", "es");
  EXPECT_EQ(d["line"], 3);
  EXPECT_EQ(d["column"], 5);
  EXPECT_EQ(d["field"], "given_names");
  EXPECT_EQ(d["code"], "field_too_long");
  EXPECT_EQ(d["values"]["length"], "1,048,576");
  EXPECT_EQ(d["message"], "Demasiado largo: 1,048,576 caracteres; este campo admite como máximo 200.");
  EXPECT_EQ(PeopleCount(), before);
}

TEST(ImportGuardWebTest, Issue13Item13ApiRefusesARightToLeftOverride) {
  const long before = PeopleCount();
  json d = PostList(kHeader + "G-1,Juan " + kRlo + "zepol,Xol,2011-05-06\n");
  EXPECT_EQ(d["line"], 2);
  EXPECT_EQ(d["column"], 5);
  EXPECT_EQ(d["code"], "bidi_control");
  EXPECT_EQ(d["message"],
            "Holds U+202E RIGHT-TO-LEFT OVERRIDE at character 6: an invisible character that changes how the text "
            "around it is shown, so that a name can look like another. Remove it and try again.");
  EXPECT_EQ(PeopleCount(), before);
}

TEST(ImportGuardWebTest, Issue13Item13ApiRefusesANulByte) {
  const long before = PeopleCount();
  json d = PostList(kHeader + "G-1,Ana,Xol,2011-05-06\nG-2,Ro" + std::string(1, '\0') + "sa,Xol,2011-05-06\n", "es");
  EXPECT_EQ(d["line"], 3);
  EXPECT_EQ(d["column"], 7);
  EXPECT_EQ(d["code"], "nul_byte");
  EXPECT_EQ(d["message"].get<std::string>().rfind("Byte NUL: ", 0), 0u);
  EXPECT_EQ(PeopleCount(), before);
}

TEST(ImportGuardWebTest, Issue13Item13ImportPageShowsTheProblemInSpanish) {
  testing::ApiWorld& w = testing::ApiWorld::Get();
  httplib::Client cli("127.0.0.1", w.port);
  httplib::MultipartFormDataItems form = {
      {"csrf", w.logins.at("coordinator").csrf, "", ""},
      {"source", "GUARD", "", ""},
      {"kind", "child", "", ""},
      {"date_order", "iso", "", ""},
      {"file", kHeader + "G-1,Juan " + kRlo + "zepol,Xol,2011-05-06\n", "ninos.csv", "text/csv"}};
  auto res = cli.Post("/import?lang=es", w.As("coordinator"), form);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 422);
  EXPECT_NE(res->body.find("ninos.csv:2:5"), std::string::npos);
  EXPECT_NE(res->body.find("Contiene U+202E RIGHT-TO-LEFT OVERRIDE en el carácter 6"), std::string::npos);
}

}  // namespace
}  // namespace reunite::web
